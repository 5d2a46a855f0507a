import type { CommandContext, SchemaOptions } from './commands.js';
import { EXIT } from '../errors.js';
import { jsonSchemaOf } from '../schema/json-schema.js';

export default async function schema({ io, options }: CommandContext<SchemaOptions>): Promise<number> {
  io.stdout.write(JSON.stringify(jsonSchemaOf(options.kind), null, 2) + '\n');
  return EXIT.ok;
}
