import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { kbSources } from '../../src/build/compile.js';
import type { KnowledgeBase } from '../../src/core/kb.js';
import { loadKnowledgeBase } from '../../src/validate/knowledge-base.js';
import type { AnswersFile } from '../../src/schema/index.js';
import { compileEngine, type Engine } from '../../src/core/engine.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import type { Result } from '../../src/core/result.js';
import { parse } from 'yaml';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let cached: KnowledgeBase | undefined;
/** The knowledge base as the repository holds it now (seeds/ and models/), validated. */
export function repoKb(): KnowledgeBase {
  if (cached) return cached;
  const { kb, results } = loadKnowledgeBase(kbSources(ROOT));
  if (!kb) {
    const problems = results.flatMap((r) => r.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.message}`));
    throw new Error(`the knowledge base is invalid:\n${problems.join('\n')}`);
  }
  cached = kb;
  return kb;
}

export function example(name: string): AnswersFile {
  return parse(readFileSync(`${ROOT}seeds/examples/${name}.yaml`, 'utf8')) as AnswersFile;
}

/** A valid answer to a question: its assumed value, else its first option, else a value within its bounds. */
function validAnswer(q: KnowledgeBase['questions'][number]): unknown {
  if (q.assume !== undefined) return q.assume;
  if (q.type === 'rank') return q.options!.map((o) => o.value);
  if (q.options) return q.type === 'multi' ? [q.options[0]!.value] : q.options[0]!.value;
  switch (q.type) {
    case 'boolean':
      return true;
    case 'scale':
      return 3;
    case 'percent':
      return 50;
    default:
      return q.min ?? 0;
  }
}

/** Answers that take every question's assumed value (else a valid one, see `validAnswer`), then the given overrides. */
export function answersWith(overrides: Record<string, unknown>, kb = repoKb()): AnswersFile {
  const answers: Record<string, unknown> = {};
  for (const q of kb.questions) answers[q.id] = validAnswer(q);
  return { format: 'orgfit/answers@1', municipality: 'Test', answers: { ...answers, ...overrides } as AnswersFile['answers'] };
}

let compiled: Engine | undefined;
/** The repository's knowledge base, compiled once for the tests. */
export function repoEngine(): Engine {
  return (compiled ??= compileEngine(repoKb()));
}

/** The result for answers that take every question's assumed value, then the overrides; a few samples and no searches, for speed. */
export function resultWith(overrides: Record<string, unknown>, options: { samples?: number; searches?: boolean } = {}): Result {
  return scoreMunicipality(repoEngine(), answersWith(overrides), { lang: 'en', seed: 1, samples: options.samples ?? 300, skipSearches: !options.searches });
}
