import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/kb.js';

// The core is pure (style.md, habit 4): data in, result out. It may import other core
// modules, the schemas and the language helpers, and nothing that reaches the outside
// world: no node:* module, no terminal colours, no prompts, no YAML parsing, no clock.
// From the catalogs it may take types only (the ids its issues carry), never words.
const files = readdirSync(`${ROOT}src/core`).filter((f) => f.endsWith('.ts'));

describe('src/core is pure', () => {
  it.each(files)('%s imports only core, schema and language modules, and only types from the catalogs', (file) => {
    const text = readFileSync(`${ROOT}src/core/${file}`, 'utf8');
    const imports = [...text.matchAll(/^import\s(type\s)?[^;]*?from\s+'([^']+)'/gms)].map((m) => ({ typeOnly: m[1] !== undefined, source: m[2]! }));
    for (const { typeOnly, source } of imports) {
      if (typeOnly && source.startsWith('../i18n/')) continue;
      expect(source, `${file} imports ${source}`).toMatch(/^\.\/|^\.\.\/schema\/|^\.\.\/i18n\/lang\.js$/);
    }
  });

  it.each(files)('%s does not read the clock, the environment or Math.random', (file) => {
    const text = readFileSync(`${ROOT}src/core/${file}`, 'utf8');
    expect(text).not.toMatch(/\bDate\.now\(|new Date\(|\bprocess\.|Math\.random\(|performance\.now\(/);
  });
});
