import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFiles } from '../../src/validate/check.js';
import type { Problem } from '../../src/validate/problem.js';
import { repoKb, ROOT } from '../helpers/kb.js';

// D13 of the reliability review: messages that misled. Each row is the input the review
// names, and what the message says now.

const example = readFileSync(`${ROOT}seeds/examples/bygdvik.yaml`, 'utf8');
const STAFF = '  staff-fte: 4\n';
const staffLine = example.slice(0, example.indexOf(STAFF)).split('\n').length;
const withStaff = (value: string): string => example.replace(STAFF, `  staff-fte: ${value}\n`);

function problems(text: string | Uint8Array, lang: 'en' | 'nb' = 'en'): Problem[] {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const [result] = validateFiles([{ path: 'a.yaml', bytes }], repoKb(), { lang, expect: 'answers' });
  return result!.problems;
}
const brief = (list: readonly Problem[]): string[] => list.map((p) => `${p.rule}@${p.line}:${p.column}`);

describe('messages that say what is wrong', () => {
  it.each([
    ['1e309', /found infinity \(like 1e309 or \.inf\)/],
    ['.inf', /found infinity \(like 1e309 or \.inf\)/],
    ['-1e309', /found minus infinity/],
    ['-.inf', /found minus infinity/],
    ['.nan', /found \.nan \(not a number\)/],
    ['!!binary aGk=', /found binary data \(!!binary\)/],
  ])('names %s for what it is, not "null" or "a mapping"', (value, said) => {
    const list = problems(withStaff(value));
    expect(list.length).toBeGreaterThan(0);
    for (const problem of list) {
      expect(problem.line).toBe(staffLine);
      expect(problem.message).toMatch(said);
      expect(problem.message).not.toMatch(/found (nothing|null|a mapping)/);
    }
  });

  it('says infinity in bokmål too', () => {
    expect(problems(withStaff('1e309'), 'nb')[0]!.message).toMatch(/fant uendelig/);
  });

  it('says a tag is not used in orgfit files (!!float 4), at the tag', () => {
    const [first] = problems(withStaff('!!float 4'));
    expect(first).toMatchObject({ rule: 'yaml-syntax', line: staffLine, column: 14 });
    expect(first!.message).toMatch(/tags are not used in orgfit files; remove the tag/);
  });

  it('puts a key indented too far on its own line, at its colon (it was the line above)', () => {
    const list = problems(example.replace(STAFF, `${STAFF}   bad: 1\n`));
    expect(brief(list)).toEqual([`yaml-syntax@${staffLine + 1}:7`]);
    expect(list[0]!.message).toMatch(/wrong indentation: a key is indented further than the key above it/);
  });

  it('reports an alias in a text field once, as an alias (no "expected text, found nothing" first)', () => {
    const list = problems(example.replace(/^municipality: .*$/m, 'municipality: &m Bygd\nscenario: *m'));
    expect(brief(list).map((b) => b.split('@')[0])).toEqual(['yaml-alias']);
  });

  it('does not show the first line of a file that is not YAML with keys (a link to /etc/passwd)', () => {
    const list = problems('root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n');
    expect(list).toHaveLength(1);
    expect(list[0]!.message).not.toContain('root');
    expect(list[0]!.message).toMatch(/found a text \(the file is not YAML with keys and values\)/);
  });

  it('reads a file with CR-only line ends (old Mac) like any other', () => {
    expect(problems(example.replace(/\n/g, '\r'))).toEqual([]);
  });

  it('gives the line of the first byte that is not UTF-8, and names Windows-1252 for æ, ø, å', () => {
    const latin1 = Buffer.from(example.replace('Bygdvik kommune', 'Bygdvæk kommune'), 'latin1');
    const list = problems(latin1);
    const line = example.split('\n').findIndex((l) => l.includes('Bygdvik kommune')) + 1;
    expect(brief(list)).toEqual([`file-encoding@${line}:20`]);
    expect(list[0]!.message).toBe('The file is not UTF-8 text (it looks like Windows-1252 or Latin-1: byte 0xE6 is "æ" there)');
  });
});
