import type { KnowledgeBase } from '../../src/core/kb.js';
import type { AnswersFile, Confidence, Finding, Model, Question, Reference } from '../../src/schema/index.js';

/*
 * A tiny synthetic knowledge base for the engine's maths: two criteria, a handful of
 * models, three questions. Small enough that every score, interval and acceptability
 * can be worked out by hand (see test/core/engine-maths.test.ts).
 */
const text = (s: string) => ({ nb: s, en: s });

export function reference(key: string): Reference {
  return { key, authors: [key], year: 2000, citedAs: [`${key} 2000`], lines: [1], origin: 'norway', kind: 'case-study', summary: text(key) };
}

export function finding(id: string, confidence: Confidence, references = [`${id}-study`]): Finding {
  return {
    id,
    claim: text(id),
    references,
    lines: [1],
    evidence: 'case-study',
    origin: 'norway',
    confidence,
    ...(confidence === 'high' ? {} : { downgrades: [{ concern: 'adequacy' as const, reason: text('one study') }] }),
    use: 'scoring',
  };
}

export function question(id: string, over: Partial<Question>): Question {
  return { id, section: 's', text: text(id), help: text(id), feeds: ['f-low'], type: 'percent', dontKnow: true, assume: 50, ...over };
}

/** A model rating c1 and c2, each citing one finding. */
export function model(id: string, c1: number, c2: number, findings: [string, string] = ['f-low', 'f-moderate'], extra: Partial<Model> = {}): Model {
  return {
    format: 'orgfit/model@1',
    id,
    name: text(id),
    summary: text(id),
    lines: [1],
    findings: [findings[0]],
    performance: {
      c1: { value: c1, findings: [findings[0]], rationale: text('c1') },
      c2: { value: c2, findings: [findings[1]], rationale: text('c2') },
    },
    ...extra,
  };
}

/**
 * c1 weighs 1 + 2 × share/100 (so 2 at share 50), c2 weighs 1: at share 50 the
 * weights are 2/3 and 1/3, fixed (a measured share leaves no room, see EngineTerm.band).
 */
export function miniKb(models: Model[], findings: Finding[] = defaultFindings()): KnowledgeBase {
  const keys = [...new Set(findings.flatMap((f) => f.references))];
  return {
    references: keys.map(reference),
    findings,
    criteria: [
      { id: 'c1', name: text('c1'), description: text('c1'), consideration: 'users', lines: [1], findings: ['f-low'], weight: { base: 1, terms: [{ question: 'share', linear: [[0, 0], [100, 2]] }] } },
      { id: 'c2', name: text('c2'), description: text('c2'), consideration: 'users', lines: [1], findings: ['f-low'], weight: { base: 1, terms: [] } },
    ],
    sections: [{ id: 's', title: text('s'), intro: text('s') }],
    questions: [
      question('share', { type: 'percent', assume: 50, prior: { low: 20, high: 80, why: text('judgement') } }),
      question('size', { type: 'integer', min: 1, max: 100, assume: 10, prior: { low: 2, high: 50, scale: 'log', why: text('judgement') } }),
      question('level', { type: 'scale', assume: 3, low: text('low'), high: text('high') }),
    ],
    sums: [],
    models,
  };
}

export function defaultFindings(): Finding[] {
  return [finding('f-high', 'high'), finding('f-moderate', 'moderate'), finding('f-low', 'low'), finding('f-very-low', 'very-low')];
}

export function answers(values: Record<string, unknown>): AnswersFile {
  return { format: 'orgfit/answers@1', municipality: 'Mini', answers: { share: 50, size: 10, level: 3, ...values } as AnswersFile['answers'] };
}
