import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/kb.js';
import { layerOf, unitOf, violations } from './folder-rules.js';

const sources = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => `src/${file.split('\\').join('/')}`)
  .sort();

/** Every relative import of every source file, as [importer, imported] repo-relative paths. */
function importsOf(file: string): [string, string][] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g), ...text.matchAll(/import\('(\.[^']+)'\)/g)].map((m) => m[1]!);
  return specifiers.map((specifier) => [file, relative(ROOT, normalize(join(ROOT, dirname(file), specifier))).split('\\').join('/').replace(/\.js$/, '.ts')]);
}

describe('folders import downwards only', () => {
  const all = sources.flatMap(importsOf);

  it('every folder of src/ has a layer', () => {
    for (const file of sources) expect(() => layerOf(unitOf(file)), file).not.toThrow();
  });

  it('no module imports from a higher layer, and no folders import each other in a cycle', () => {
    expect(violations(all)).toEqual([]);
  });

  // The rule can fail: a scratch graph with a deliberate upward import and a cycle.
  it('catches an upward import (the core reaching for the CLI) and a cycle between folders', () => {
    expect(violations([['src/core/score.ts', 'src/cli/io.ts']])).toEqual([{ from: 'src/core/score.ts', to: 'src/cli/io.ts', why: 'upward' }]);
    const cycle = violations([
      ['src/i18n/lang.ts', 'src/errors.ts'],
      ['src/errors.ts', 'src/i18n/lang.ts'],
    ]);
    expect(cycle.map((v) => v.why)).toEqual(['cycle']);
  });

  it('sees the imports of this very repository (the scan is not empty)', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all).toContainEqual(['src/cli/scoring.ts', 'src/core/pipeline.ts']);
  });
});

describe('the version', () => {
  it('comes from package.json, not a copy', async () => {
    const { VERSION } = await import('../../src/paths.js');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    expect(readFileSync(join(ROOT, 'src/paths.ts'), 'utf8')).not.toMatch(/VERSION[^=]*=\s*'\d/);
  });
});
