import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/kb.js';

// The flow is pure (style.md, habit 9): which question comes next is decided from the bank
// and the answers alone. Only ./prompts.ts and ./ask.ts reach the prompt library; the loop
// (./session.ts) reaches the terminal only through the Prompter it is given.
describe('the questionnaire keeps the terminal at its edge', () => {
  const imports = (file: string) => [...readFileSync(`${ROOT}src/questionnaire/${file}`, 'utf8').matchAll(/^import\s(?:type\s)?[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);

  it('flow.ts imports only the core, the schemas and itself: no node:*, no prompts, no words', () => {
    for (const source of imports('flow.ts')) expect(source, source).toMatch(/^\.\.\/core\/|^\.\.\/schema\//);
  });

  it('flow.ts reads no clock, environment or randomness', () => {
    expect(readFileSync(`${ROOT}src/questionnaire/flow.ts`, 'utf8')).not.toMatch(/\bDate\.now\(|new Date\(|\bprocess\.|Math\.random\(/);
  });

  it.each(['flow.ts', 'session.ts', 'numbers.ts'])('%s does not import the prompt library', (file) => {
    expect(imports(file).filter((s) => s.startsWith('@inquirer') || s.startsWith('node:'))).toEqual([]);
  });
});

describe('the loop', () => {
  it('session.ts takes only types from the prompts', () => {
    const text = readFileSync(`${ROOT}src/questionnaire/session.ts`, 'utf8');
    expect(text).toMatch(/^import type [^;]*from '\.\/prompts\.js';/m);
    expect(text).not.toMatch(/^import \{[^;]*from '\.\/prompts\.js';/m);
  });
});
