/**
 * The questionnaire's flow, pure: which step comes next, going back, the review, and
 * what is written. The question bank (seeds/questions.yaml) drives it; no question, text
 * or rule is named here. The terminal side (./ask.ts) only asks what this says to ask.
 *
 * A step is one screen: the respondent's role, the municipality's name, one question, or
 * the questions of a sum rule asked together (the task shares with their live sum).
 */
import { evaluate, readsOf, type ResolvedAnswer } from '../core/conditions.js';
import { indexKb, type KbIndex, type KnowledgeBase } from '../core/kb.js';
import { DONT_KNOW, ROLES, type AnswerValue, type Question, type Role, type Section, type SumRule } from '../schema/index.js';

export type Bank = Pick<KnowledgeBase, 'sections' | 'questions' | 'sums'>;

export type Step =
  | { kind: 'role' }
  | { kind: 'municipality' }
  | { kind: 'question'; question: Question }
  | { kind: 'sum'; rule: SumRule; questions: Question[] };

/** Everything a run has gathered: what the draft file holds, and what is written at the end. */
export interface Progress {
  role?: Role;
  municipality?: string;
  /** Question id → answer ("dont-know" included). Answers of questions now hidden are kept but not written. */
  answers: Record<string, AnswerValue>;
  /** Questions this run asks; undefined: all of them. `--from` narrows it. */
  ask?: string[];
  /** The step being asked, as an index into `visibleSteps`; equal to their number at the review. */
  cursor: number;
}

export { ROLES };

/** The steps of a bank in order: role, name, then the questions section by section (a sum rule's questions as one step, where its first one is). */
export function allSteps(bank: Bank): Step[] {
  const steps: Step[] = [{ kind: 'role' }, { kind: 'municipality' }];
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  const grouped = new Map<string, SumRule>();
  for (const rule of bank.sums) for (const id of rule.questions) grouped.set(id, rule);
  const order = sectionOrder(bank);
  const questions = [...bank.questions].sort((a, b) => (order.get(a.section) ?? 0) - (order.get(b.section) ?? 0));
  const done = new Set<string>();
  for (const question of questions) {
    if (done.has(question.id)) continue;
    const rule = grouped.get(question.id);
    if (rule) {
      const members = rule.questions.map((id) => byId.get(id)).filter((q): q is Question => q !== undefined);
      members.forEach((q) => done.add(q.id));
      steps.push({ kind: 'sum', rule, questions: members });
    } else {
      done.add(question.id);
      steps.push({ kind: 'question', question });
    }
  }
  return steps;
}

function sectionOrder(bank: Bank): Map<string, number> {
  return new Map(bank.sections.map((s, i) => [s.id, i]));
}

/** The questions a step asks. */
export function questionsOf(step: Step): Question[] {
  return step.kind === 'question' ? [step.question] : step.kind === 'sum' ? step.questions : [];
}

/**
 * The steps asked, given the answers so far: a question whose `askIf` is false for the
 * answers before it is skipped, and with `ask` (from --from) only those questions are asked.
 * A "dont-know" that leaves the condition undecided asks the question.
 */
export function visibleSteps(bank: Bank, progress: Pick<Progress, 'answers' | 'ask'>, index: KbIndex = indexFor(bank)): Step[] {
  const ask = progress.ask ? new Set(progress.ask) : undefined;
  return allSteps(bank).filter((step) => {
    const questions = questionsOf(step);
    if (questions.length === 0) return true;
    if (ask && !questions.some((q) => ask.has(q.id))) return false;
    return questions.some((q) => applies(q, progress.answers, index));
  });
}

/** Whether a question's `askIf` lets it be asked, given the answers so far (one not given, or "dont-know", is unknown). */
export function applies(question: Question, answers: Readonly<Record<string, AnswerValue>>, index: KbIndex): boolean {
  if (!question.askIf) return true;
  const resolved = new Map<string, ResolvedAnswer>();
  for (const id of readsOf(question.askIf)) {
    const q = index.questions.get(id);
    if (!q) continue;
    const value = answers[id];
    // Not answered yet, or "dont-know": unknown, so a condition it decides stays undecided.
    if (value === undefined || value === DONT_KNOW) resolved.set(id, { value: q.assume ?? defaultFor({ ...q, dontKnow: false }, {}), known: false });
    else resolved.set(id, { value, known: true });
  }
  return evaluate(question.askIf, resolved, index).truth !== 'no';
}

const indexes = new WeakMap<Bank, KbIndex>();
function indexFor(bank: Bank): KbIndex {
  let index = indexes.get(bank);
  if (!index) indexes.set(bank, (index = indexKb({ ...bank, references: [], findings: [], criteria: [] })));
  return index;
}

/** A fresh start. */
export function start(ask?: string[]): Progress {
  return { answers: {}, cursor: 0, ...(ask ? { ask } : {}) };
}

/** The step at the cursor, or undefined at the review. */
export function current(bank: Bank, progress: Progress): Step | undefined {
  return visibleSteps(bank, progress)[progress.cursor];
}

/** What the respondent gave for a step. */
export type StepAnswer = { kind: 'role'; role: Role } | { kind: 'municipality'; name: string } | { kind: 'answers'; values: Record<string, AnswerValue> };

/** Records the answer to the step at the cursor and moves to the next step (or the review). */
export function answer(bank: Bank, progress: Progress, given: StepAnswer): Progress {
  const next: Progress = { ...progress, answers: { ...progress.answers } };
  if (given.kind === 'role') next.role = given.role;
  else if (given.kind === 'municipality') next.municipality = given.name;
  else Object.assign(next.answers, given.values);
  // The answer may show or hide later questions: the cursor moves past this step in the new list.
  const step = current(bank, progress);
  const steps = visibleSteps(bank, next);
  const at = step ? steps.findIndex((s) => sameStep(s, step)) : -1;
  next.cursor = at < 0 ? Math.min(progress.cursor + 1, steps.length) : at + 1;
  return next;
}

/** One step back, its answer kept; at the first step it stays. */
export function back(progress: Progress): Progress {
  return { ...progress, cursor: Math.max(0, progress.cursor - 1) };
}

/** The cursor on the step that asks a question (from the review); unchanged if it is not asked. */
export function goTo(bank: Bank, progress: Progress, target: string): Progress {
  const at = visibleSteps(bank, progress).findIndex((step) => stepKey(step) === target || questionsOf(step).some((q) => q.id === target));
  return at < 0 ? progress : { ...progress, cursor: at };
}

/** Whether the cursor is past the last step: the review is next. */
export function atReview(bank: Bank, progress: Progress): boolean {
  return progress.cursor >= visibleSteps(bank, progress).length;
}

/** The cursor at the review. */
export function toReview(bank: Bank, progress: Progress): Progress {
  return { ...progress, cursor: visibleSteps(bank, progress).length };
}

/** A step's key: "role", "municipality", a question id, or a sum rule's id. */
export function stepKey(step: Step): string {
  return step.kind === 'question' ? step.question.id : step.kind === 'sum' ? step.rule.id : step.kind;
}
const sameStep = (a: Step, b: Step) => stepKey(a) === stepKey(b);

/** Where a step is: its section, and its questions' numbers among the questions asked ("7 av 24"). */
export interface Position {
  section?: Section;
  /** 1-based number of the step's first question among the questions asked, and of its last. */
  first: number;
  last: number;
  total: number;
}

export function positionOf(bank: Bank, progress: Progress, step: Step): Position {
  const steps = visibleSteps(bank, progress);
  const asked = steps.flatMap(questionsOf);
  const questions = questionsOf(step);
  if (questions.length === 0) return { first: 0, last: 0, total: asked.length };
  const first = asked.findIndex((q) => q.id === questions[0]!.id) + 1;
  const section = bank.sections.find((s) => s.id === questions[0]!.section);
  return { ...(section ? { section } : {}), first, last: first + questions.length - 1, total: asked.length };
}

/**
 * What Enter gives when nothing is chosen: the answer given before, else "dont-know" where
 * the bank allows it (pressing on through says "we do not know", never a made-up fact),
 * else the bank's assumption, else the first option or the lower bound.
 */
export function defaultFor(question: Question, answers: Readonly<Record<string, AnswerValue>>): AnswerValue {
  const given = answers[question.id];
  if (given !== undefined) return given;
  if (question.dontKnow) return DONT_KNOW;
  if (question.assume !== undefined) return question.assume;
  const options = (question.options ?? []).map((o) => o.value);
  switch (question.type) {
    case 'choice':
      return options[0] ?? '';
    case 'multi':
      return [];
    case 'rank':
      return options;
    case 'boolean':
      return false;
    case 'scale':
      return 3;
    case 'percent':
      return 0;
    case 'integer':
      return question.min ?? 0;
  }
}

/** How a set of shares stands against its sum rule; `ok` says whether Enter may accept it. */
export interface SumState {
  /** The sum of the known shares. */
  sum: number;
  /** Whether every share is known. */
  complete: boolean;
  ok: boolean;
}

/**
 * The sum rule as the validator applies it (every share known: within the tolerance of the
 * total), and, while some are "dont-know", that the known ones leave room for them
 * (at most the total plus the tolerance), since the unknown ones share what is left.
 */
export function sumState(rule: SumRule, values: readonly AnswerValue[]): SumState {
  const known = values.filter((v): v is number => typeof v === 'number');
  const sum = Math.round(known.reduce((a, b) => a + b, 0) * 10) / 10;
  const complete = known.length === values.length;
  const ok = complete ? Math.abs(sum - rule.total) <= rule.tolerance : sum <= rule.total + rule.tolerance;
  return { sum, complete, ok };
}

/**
 * The answers to write, in bank order: every question of the bank. One not answered is
 * "dont-know" where the bank allows it; one its `askIf` hides is "dont-know" too (an answer
 * given before it was hidden is dropped), since the respondent was not asked it.
 */
export function answersToWrite(bank: Bank, progress: Progress): Record<string, AnswerValue> {
  const index = indexFor(bank);
  const out: Record<string, AnswerValue> = {};
  for (const question of bank.questions) {
    const value = progress.answers[question.id];
    const fallback = question.dontKnow ? DONT_KNOW : defaultFor(question, {});
    out[question.id] = applies(question, progress.answers, index) ? (value ?? fallback) : question.dontKnow ? DONT_KNOW : (value ?? fallback);
  }
  return out;
}

/**
 * A second respondent from the same municipality (--from): the first one's facts are
 * kept, and only the priorities (the last section's questions) and what the first left
 * as "dont-know" are asked again.
 */
export function fromFirst(bank: Bank, first: { municipality: string; answers: Readonly<Record<string, AnswerValue | null>> }): Progress {
  const prioritySection = bank.sections[bank.sections.length - 1]?.id;
  const answers: Record<string, AnswerValue> = {};
  const ask: string[] = [];
  for (const question of bank.questions) {
    const value = first.answers[question.id];
    if (question.section === prioritySection || value === undefined || value === null || value === DONT_KNOW) ask.push(question.id);
    else answers[question.id] = value;
  }
  return { municipality: first.municipality, answers, ask, cursor: 0 };
}

/** How many of the questions asked have an answer, for "12 av 24 besvart". */
export function answeredCount(bank: Bank, progress: Progress): { answered: number; total: number } {
  const asked = visibleSteps(bank, progress).flatMap(questionsOf);
  return { answered: asked.filter((q) => progress.answers[q.id] !== undefined).length, total: asked.length };
}
