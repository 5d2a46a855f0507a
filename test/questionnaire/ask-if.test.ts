import { describe, expect, it } from 'vitest';
import { checkKnowledgeBase } from '../../src/core/integrity.js';
import { indexKb, type KnowledgeBase } from '../../src/core/kb.js';
import type { Condition } from '../../src/schema/index.js';
import { repoKb } from '../helpers/kb.js';

// A conditional question (askIf) is checked when the knowledge base is: the question it reads
// must exist and the operand must fit it, as for a model's conditions.
describe('askIf in the question bank', () => {
  const withAskIf = (condition: Condition): KnowledgeBase => {
    const kb = repoKb();
    return { ...kb, questions: kb.questions.map((q) => (q.id === 'leads-work-rehabilitation' ? { ...q, askIf: condition } : q)) };
  };
  const issuesOf = (kb: KnowledgeBase) => checkKnowledgeBase(kb, indexKb(kb)).filter((i) => i.path.includes('askIf'));

  it('a valid condition gives no issue', () => {
    expect(issuesOf(withAskIf({ question: 'frame', eq: 'nav-office' }))).toEqual([]);
  });

  it('an unknown question is reported with a suggestion', () => {
    const [issue] = issuesOf(withAskIf({ question: 'fram', eq: 'nav-office' }));
    expect(issue).toMatchObject({ rule: 'unknown-question', file: 'questions', params: { id: 'fram' } });
  });

  it('a value the question does not have is reported', () => {
    expect(issuesOf(withAskIf({ all: [{ question: 'frame', eq: 'nav' }] })).map((i) => i.rule)).toEqual(['condition-value']);
  });
});
