import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/kb.js';

// Each command loads only what it needs (style.md, habit 2): the bundle's module graph,
// written by the build as dist/meta.json, is checked here rather than timed.
interface Output {
  entryPoint?: string;
  inputs: Record<string, unknown>;
  imports: { path: string; kind: string }[];
}
const meta = JSON.parse(readFileSync(`${ROOT}dist/meta.json`, 'utf8')) as { outputs: Record<string, Output> };
const outputs = new Map(Object.entries(meta.outputs).filter(([name]) => name.endsWith('.js')).map(([name, output]) => [basename(name), output]));

/** Every source module loaded, statically, when the given output files are loaded. */
function loaded(...starts: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const i of outputs.get(name)?.imports ?? []) if (i.kind === 'import-statement') queue.push(basename(i.path));
  }
  return [...seen].flatMap((name) => Object.keys(outputs.get(name)?.inputs ?? {}));
}

const chunkOf = (command: string) => {
  const found = [...outputs].find(([, o]) => o.entryPoint === `src/cli/${command}.ts`);
  if (!found) throw new Error(`no chunk for ${command}`);
  return found[0];
};

describe('what each command loads', () => {
  it('starting the CLI loads no YAML parser, schema library, colours or prompts', () => {
    const modules = loaded('cli.js');
    for (const heavy of ['node_modules/yaml/', 'node_modules/zod/', 'node_modules/chalk/', 'node_modules/@inquirer/']) {
      expect(modules.filter((m) => m.includes(heavy)), heavy).toEqual([]);
    }
  });

  it('validate loads neither the scoring engine, the result renderers nor a prompt library', () => {
    const modules = loaded('cli.js', chunkOf('validate'));
    for (const heavy of ['src/core/score.ts', 'src/core/robustness.ts', 'src/render/score', 'src/render/explain', 'src/render/sources', 'node_modules/@inquirer/']) {
      expect(modules.filter((m) => m.includes(heavy)), heavy).toEqual([]);
    }
    expect(modules).toContain('src/render/validation.ts');
  });

  it.each(['score', 'explain', 'models', 'questions', 'template', 'sources', 'schema'])('%s loads no prompt library', (command) => {
    expect(loaded('cli.js', chunkOf(command)).filter((m) => m.includes('@inquirer'))).toEqual([]);
  });
});
