
import type { CommandContext } from './commands.js';
import { EXIT } from './io.js';
import { jsonSchemaOf } from '../schema/json-schema.js';
import type { FileKind } from '../validate/run.js';

export default async function schema({ io, options }: CommandContext): Promise<number> {
  io.stdout.write(JSON.stringify(jsonSchemaOf((options.kind as FileKind) ?? 'model'), null, 2) + '\n');
  return EXIT.ok;
}

