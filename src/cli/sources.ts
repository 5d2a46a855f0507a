import type { CommandContext } from './commands.js';
import { EXIT } from './io.js';

export default async function sources({ io }: CommandContext): Promise<number> {
  io.stderr.write('orgfit: not yet available\n');
  return EXIT.usage;
}
