import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/kb.js';
import { COMMANDS } from '../../src/cli/commands.js';

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

  // A report's formats are loaded only when asked for: neither validate nor score loads the report, HTML, PDF or Word code.
  it.each(['validate', 'score'])('%s loads none of the report code (its model, its renderers, the browser, docx)', (command) => {
    const modules = loaded('cli.js', chunkOf(command));
    for (const heavy of ['src/core/report.ts', 'src/render/report-', 'src/render/registry/report', 'src/load/browser.ts', 'src/i18n/en/report.ts', 'node_modules/docx/', 'node_modules/@resvg/']) {
      expect(modules.filter((m) => m.includes(heavy)), heavy).toEqual([]);
    }
  });

  // score's formats are on report's contract (src/render/renderer.ts LazyRegistry): each is loaded only when asked for.
  it('score loads none of its format renderers until one is asked for, and never the report\'s', () => {
    const modules = loaded('cli.js', chunkOf('score'));
    expect(modules).toContain('src/core/summary.ts');
    for (const lazy of ['src/render/score-table.ts', 'src/render/score-json.ts', 'src/render/score-csv.ts', 'src/render/report-']) {
      expect(modules.filter((m) => m.includes(lazy)), lazy).toEqual([]);
    }
  });

  it('report in Markdown loads neither the HTML, the browser nor the Word code until they are asked for', () => {
    const modules = loaded('cli.js', chunkOf('report'));
    expect(modules).toContain('src/core/report.ts');
    for (const heavy of ['src/render/report-html', 'src/render/report-docx', 'src/render/report-md', 'src/load/browser.ts', 'node_modules/docx/', 'node_modules/@resvg/']) {
      expect(modules.filter((m) => m.includes(heavy)), heavy).toEqual([]);
    }
  });

  it('validate loads neither the scoring engine, the result renderers nor a prompt library', () => {
    const modules = loaded('cli.js', chunkOf('validate'));
    for (const heavy of ['src/core/score.ts', 'src/core/robustness.ts', 'src/render/score', 'src/render/explain', 'src/render/sources', 'src/render/registry/score', 'src/i18n/en/result.ts', 'src/i18n/nb/result.ts', 'node_modules/@inquirer/']) {
      expect(modules.filter((m) => m.includes(heavy)), heavy).toEqual([]);
    }
    expect(modules).toContain('src/render/validation.ts');
  });

  // Colour is painted by chalk, which reads node:tty and node:os at load: it comes only when there is colour to paint (src/cli/color.ts).
  it.each(COMMANDS.map((c) => c.usage.split(' ')[0]!))('%s loads chalk only on demand (a dynamic import)', (command) => {
    expect(loaded('cli.js', chunkOf(command)).filter((m) => m.includes('node_modules/chalk/'))).toEqual([]);
  });

  // Each command loads the message catalogs of the domains it speaks (src/i18n/), and no other.
  const catalogs = (modules: string[]) => [...new Set(modules.flatMap((m) => /^src\/i18n\/(?:en|nb)\/(\w+)\.ts$/.exec(m)?.[1] ?? []))].sort();
  it.each([
    // score's words come with the format renderer it loads when asked for (see below).
    ['score', ['cli', 'common', 'validate']],
    ['explain', ['cli', 'common', 'result', 'validate']],
    ['validate', ['cli', 'common', 'validate']],
    ['models', ['cli', 'common', 'kb', 'validate']],
    ['questions', ['cli', 'common', 'kb']],
    ['template', ['cli', 'common', 'kb']],
    ['sources', ['cli', 'common', 'kb']],
    ['schema', ['cli', 'common']],
    ['questionnaire', ['cli', 'common', 'quest', 'validate']],
    ['report', ['cli', 'common', 'report', 'validate']],
  ])('%s loads the catalogs of %j only', (command, domains) => {
    expect(catalogs(loaded('cli.js', chunkOf(command)))).toEqual(domains);
  });

  it.each(['score-table', 'score-json', 'score-csv'])('the %s renderer, loaded when its format is asked for, brings the catalogs it speaks and no report code', (renderer) => {
    const chunk = [...outputs].find(([, o]) => Object.keys(o.inputs).includes(`src/render/${renderer}.ts`))?.[0];
    expect(chunk, renderer).toBeDefined();
    const modules = loaded(chunk!);
    if (renderer === 'score-table') expect(catalogs(modules)).toContain('result');
    expect(modules.filter((m) => m.includes('src/render/report-') || m.includes('src/core/report.ts'))).toEqual([]);
  });

  it('starting the CLI loads only the cli catalogs (and the common words they include), in every language', () => {
    const modules = loaded('cli.js');
    expect(catalogs(modules)).toEqual(['cli', 'common']);
    expect(modules).toContain('src/i18n/nb/cli.ts');
    expect(modules).toContain('src/i18n/en/cli.ts');
  });

  it.each(['questions', 'template', 'sources', 'schema'])('%s, which reads no user files, loads no validator', (command) => {
    expect(loaded('cli.js', chunkOf(command)).filter((m) => m.startsWith('src/validate/'))).toEqual([]);
  });

  it.each(['score', 'explain', 'models', 'questions', 'template', 'sources', 'schema'])('%s loads no prompt library', (command) => {
    expect(loaded('cli.js', chunkOf(command)).filter((m) => m.includes('@inquirer'))).toEqual([]);
  });

  // The prompt code (src/questionnaire/ and @inquirer) is the questionnaire's alone.
  it.each(COMMANDS.map((c) => c.usage.split(' ')[0]!).filter((c) => c !== 'questionnaire'))('%s loads none of the questionnaire\'s code', (command) => {
    const modules = loaded('cli.js', chunkOf(command));
    expect(modules.filter((m) => m.startsWith('src/questionnaire/') || m.includes('@inquirer') || m.includes('/quest.ts'))).toEqual([]);
  });

  // Many files are scored over worker threads (src/cli/parallel.ts); one file starts none, and loads neither the pool nor node:worker_threads.
  const outputsOf = (...starts: string[]) => {
    const seen = new Set<string>();
    const queue = [...starts];
    while (queue.length > 0) {
      const name = queue.pop()!;
      if (seen.has(name) || !outputs.has(name)) continue;
      seen.add(name);
      for (const i of outputs.get(name)!.imports) if (i.kind === 'import-statement') queue.push(basename(i.path));
    }
    return [...seen];
  };
  it.each(['score', 'report'])('%s loads the worker pool only on demand (a dynamic import), and node:worker_threads with it', (command) => {
    const modules = loaded('cli.js', chunkOf(command));
    expect(modules).toContain('src/cli/scoring.ts');
    expect(modules.filter((m) => m === 'src/cli/parallel.ts' || m === 'src/cli/score-worker.ts')).toEqual([]);
    const statically = outputsOf('cli.js', chunkOf(command));
    expect(statically.filter((name) => outputs.get(name)!.imports.some((i) => i.path === 'node:worker_threads'))).toEqual([]);
    const pool = [...outputs].find(([, o]) => Object.keys(o.inputs).includes('src/cli/parallel.ts'))![0];
    expect(statically.some((name) => outputs.get(name)!.imports.some((i) => i.kind === 'dynamic-import' && basename(i.path) === pool))).toBe(true);
  });

  it('the worker script (dist/score-worker.js) loads the engine and the score renderers, and none of the command line, YAML, validator or report code', () => {
    const worker = [...outputs].find(([, o]) => o.entryPoint === 'src/cli/score-worker.ts');
    expect(worker?.[0]).toBe('score-worker.js');
    const modules = loaded(worker![0]);
    expect(modules).toContain('src/core/pipeline.ts');
    expect(modules).toContain('src/render/registry/score.ts');
    // (zod comes in with src/schema/answers.ts, whose constants the engine reads.)
    for (const heavy of ['node_modules/commander/', 'node_modules/yaml/', 'node_modules/chalk/', 'src/validate/', 'src/load/', 'src/core/report.ts', 'src/cli.ts', 'src/cli/parallel.ts']) {
      expect(modules.filter((m) => m.includes(heavy)), heavy).toEqual([]);
    }
  });

  it('the questionnaire loads @inquirer/core and none of the stock prompts', () => {
    const modules = loaded('cli.js', chunkOf('questionnaire'));
    expect(modules.some((m) => m.includes('node_modules/@inquirer/core/'))).toBe(true);
    expect(modules.filter((m) => /node_modules\/@inquirer\/(prompts|select|input|number|checkbox|editor|search)\//.test(m))).toEqual([]);
  });
});
