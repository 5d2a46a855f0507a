
import type { CommandContext } from './commands.js';
import { EXIT } from '../errors.js';
import { jsonSchemaOf } from '../schema/json-schema.js';
import type { SchemaKind } from '../schema/json-schema.js';

export default async function schema({ io, options }: CommandContext): Promise<number> {
  io.stdout.write(JSON.stringify(jsonSchemaOf((options.kind as SchemaKind) ?? 'model'), null, 2) + '\n');
  return EXIT.ok;
}

