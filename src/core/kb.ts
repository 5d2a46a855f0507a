import type { ChangeCost, Criterion, Finding, Model, NotAsked, Question, Reference, Section, SumRule } from '../schema/index.js';

/** The review has this many lines; every line reference must fall within it. */
export const REVIEW_LINE_COUNT = 875;

/** Everything orgfit knows: the review's evidence, the criteria, the question bank and the models. */
export interface KnowledgeBase {
  references: Reference[];
  findings: Finding[];
  criteria: Criterion[];
  /** What changing organisation costs (seeds/criteria.yaml `change`); absent, no cost. */
  change?: ChangeCost;
  sections: Section[];
  questions: Question[];
  sums: SumRule[];
  /** Factors the review names that the bank deliberately does not ask about, with why. */
  notAsked?: NotAsked[];
  models: Model[];
}

/** Lookups by id, built once per knowledge base. */
export interface KbIndex {
  references: Map<string, Reference>;
  findings: Map<string, Finding>;
  criteria: Map<string, Criterion>;
  questions: Map<string, Question>;
}

export function indexKb(kb: Omit<KnowledgeBase, 'models'>): KbIndex {
  return {
    references: new Map(kb.references.map((r) => [r.key, r])),
    findings: new Map(kb.findings.map((f) => [f.id, f])),
    criteria: new Map(kb.criteria.map((c) => [c.id, c])),
    questions: new Map(kb.questions.map((q) => [q.id, q])),
  };
}

/** The bounds of a numeric question: percent 0–100, scale 1–5, integer as declared. */
export function numericBounds(question: Question): { min: number; max: number } | undefined {
  switch (question.type) {
    case 'percent':
      return { min: 0, max: 100 };
    case 'scale':
      return { min: 1, max: 5 };
    case 'integer':
      return { min: question.min ?? 0, max: question.max ?? Number.MAX_SAFE_INTEGER };
    case 'rank':
      return undefined;
    default:
      return undefined;
  }
}
