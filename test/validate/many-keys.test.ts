import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse.js';
import { MAX_PROBLEMS, validateFiles } from '../../src/validate/check.js';
import { MORE_PROBLEMS, summarise } from '../../src/validate/problem.js';
import { repoKb, ROOT } from '../helpers/kb.js';

// D3 of the reliability review: the YAML library's duplicate-key check compares each new
// key with every earlier one, and every problem was placed by a linear search of its
// mapping, so 20,000 unknown answers took 18 s and 1.9 MB of keys more than 20 s. These
// files run well within the test timeout now; with the quadratic steps they did not.

const example = readFileSync(`${ROOT}seeds/examples/bygdvik.yaml`, 'utf8');
/** The example answers file plus `count` answers to questions that do not exist. */
function withUnknownAnswers(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(`  unknown-question-${i}: 1`);
  return `${example}${lines.join('\n')}\n`;
}
const firstUnknownLine = example.split('\n').length;

describe('files with tens of thousands of keys', () => {
  it('finds the one duplicate among 75,000 distinct keys (1.9 MB), at the second occurrence', () => {
    const text = withUnknownAnswers(75_000) + '  unknown-question-7: 2\n';
    expect(text.length).toBeGreaterThan(1_900_000);
    const parsed = parseYaml(new TextEncoder().encode(text));
    expect(parsed.issues.map((i) => `${i.rule}@${i.position.line}:${i.position.column}`)).toEqual([`yaml-duplicate-key@${firstUnknownLine + 75_000}:3`]);
    expect(parsed.issues[0]!.path).toEqual(['answers', 'unknown-question-7']);
    expect(parsed.value).toBeUndefined();
  });

  it(`lists the first ${MAX_PROBLEMS} of 20,000 unknown answers, placed at their keys, and counts the rest`, () => {
    const [result] = validateFiles([{ path: 'many.yaml', bytes: new TextEncoder().encode(withUnknownAnswers(20_000)) }], repoKb(), { lang: 'en', expect: 'answers' });
    const problems = result!.problems;
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems[0]).toMatchObject({ rule: 'answer-unknown-question', line: firstUnknownLine, column: 3, pointer: '/answers/unknown-question-0' });
    expect(problems[MAX_PROBLEMS - 1]).toMatchObject({ line: firstUnknownLine + MAX_PROBLEMS - 1, pointer: `/answers/unknown-question-${MAX_PROBLEMS - 1}` });
    const more = problems[MAX_PROBLEMS]!;
    expect(more).toMatchObject({ rule: MORE_PROBLEMS, severity: 'error', line: firstUnknownLine + MAX_PROBLEMS, column: 3 });
    expect(more.message).toBe(`${20_000 - MAX_PROBLEMS} more problems in this file are not shown (${20_000 - MAX_PROBLEMS} errors, 0 warnings)`);
    // The report still counts every problem, so exit codes and --max-warnings judge the whole file.
    expect(summarise([result!])).toMatchObject({ errorCount: 20_000, warningCount: 0 });
  });

  it('says it in bokmål too', () => {
    const [result] = validateFiles([{ path: 'many.yaml', bytes: new TextEncoder().encode(withUnknownAnswers(MAX_PROBLEMS + 5)) }], repoKb(), { lang: 'nb', expect: 'answers' });
    expect(result!.problems.at(-1)!.message).toBe('5 problemer til i denne filen vises ikke (5 feil, 0 advarsler)');
  });

  it(`lists a file with exactly ${MAX_PROBLEMS} problems in full`, () => {
    const [result] = validateFiles([{ path: 'some.yaml', bytes: new TextEncoder().encode(withUnknownAnswers(MAX_PROBLEMS)) }], repoKb(), { lang: 'en', expect: 'answers' });
    expect(result!.problems).toHaveLength(MAX_PROBLEMS);
    expect(result!.problems.some((p) => p.rule === MORE_PROBLEMS)).toBe(false);
  });
});
