import type { Issue, MessageRef, Params, Path } from './issue.js';
import { round } from './round.js';
import { closest } from './suggest.js';
import { numericBounds, REVIEW_LINE_COUNT, type KbIndex, type KnowledgeBase } from './kb.js';
import { Condition as ConditionSchema, DONT_KNOW, TEST_OPERATORS, type AnswerTest, type Condition, type LineRef, type Model, type Question } from '../schema/index.js';

/*
 * The checks say nothing themselves: an issue carries its rule id and the data its
 * message needs, and a detail is a reference to a message of the validate catalog
 * (src/i18n/en/validate.ts), put into words by whoever shows the issue.
 */

/** A known name close to the one given, as the "did you mean" of a message; '' when none is close. */
const suggestion = (name: string, known: Iterable<string>): MessageRef | '' => {
  const near = closest(name, known);
  return near ? { message: 'did-you-mean', params: { name: { message: 'quoted', params: { text: near } } } } : '';
};

/**
 * Semantic checks of one model against the knowledge base. They run on whatever
 * parts of the file are well-formed, even when the schema found problems elsewhere,
 * so one typo never hides another kind of problem.
 */
export function checkModel(data: unknown, index: KbIndex): Issue[] {
  const issues: Issue[] = [];
  if (!isRecord(data)) return issues;
  const model = data as Partial<Record<keyof Model, unknown>>;
  // Malformed entries are the schema's to report; they are skipped, not filtered out, so that
  // every path points at the element as it stands in the file.
  const cite = (ids: unknown, path: Path) => {
    if (Array.isArray(ids)) checkFindingIds(ids, path, index, issues);
  };

  if (Array.isArray(model.lines)) checkLines(model.lines, ['lines'], issues);
  cite(model.findings, ['findings']);
  if (isRecord(model.performance)) {
    for (const [criterion, performance] of Object.entries(model.performance)) {
      if (!index.criteria.has(criterion)) {
        issues.push({
          rule: 'unknown-criterion',
          path: ['performance', criterion],
          atKey: true,
          params: { id: criterion, suggestion: suggestion(criterion, index.criteria.keys()), known: [...index.criteria.keys()].join(', ') },
        });
      }
      if (isRecord(performance)) cite(performance.findings, ['performance', criterion, 'findings']);
    }
    for (const criterion of index.criteria.keys()) {
      if (!Object.hasOwn(model.performance, criterion)) {
        issues.push({ rule: 'missing-criterion', path: ['performance'], atKey: true, params: { id: criterion } });
      }
    }
  }
  const seen = new Map<string, string>();
  const unique = (id: unknown, path: Path) => {
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first) issues.push({ rule: 'duplicate-id', path, params: { id, first } });
    else seen.set(id, path.join('.'));
  };
  const condition = (value: unknown, path: Path) => {
    // Only a well-formed condition is checked against the bank; the schema reports the rest.
    if (ConditionSchema.safeParse(value).success) checkCondition(value as Condition, path, index, issues);
  };
  if (Array.isArray(model.adjustments)) {
    model.adjustments.forEach((adjustment: unknown, i) => {
      if (!isRecord(adjustment)) return;
      unique(adjustment.id, ['adjustments', i, 'id']);
      if (adjustment.when !== undefined) condition(adjustment.when, ['adjustments', i, 'when']);
      if (isRecord(adjustment.ramp) && typeof adjustment.ramp.question === 'string') checkNumericQuestion(adjustment.ramp.question, 'ramp', ['adjustments', i, 'ramp', 'question'], index, issues);
      // Without a condition or a ramp, an adjustment would apply to every municipality: that is a rating, not an adjustment.
      if (adjustment.when === undefined && adjustment.ramp === undefined) issues.push({ rule: 'condition-value', path: ['adjustments', i], params: { detail: { message: 'detail-adjustment-needs-when' } } });
      cite(adjustment.findings, ['adjustments', i, 'findings']);
      if (!Array.isArray(adjustment.effects)) return;
      adjustment.effects.forEach((effect: unknown, j) => {
        if (!isRecord(effect) || typeof effect.criterion !== 'string' || index.criteria.has(effect.criterion)) return;
        issues.push({
          rule: 'unknown-criterion',
          path: ['adjustments', i, 'effects', j, 'criterion'],
          params: { id: effect.criterion, suggestion: suggestion(effect.criterion, index.criteria.keys()), known: [...index.criteria.keys()].join(', ') },
        });
      });
    });
  }
  if (isRecord(model.matches) && typeof model.matches.question === 'string' && Array.isArray(model.matches.in)) {
    const question = index.questions.get(model.matches.question);
    if (!question) {
      issues.push({ rule: 'unknown-question', path: ['matches', 'question'], params: { id: model.matches.question, suggestion: suggestion(model.matches.question, index.questions.keys()) } });
    } else {
      const options = (question.options ?? []).map((o) => o.value);
      model.matches.in.forEach((value: unknown, j) => {
        if (typeof value === 'string' && !options.includes(value)) issues.push({ rule: 'condition-value', path: ['matches', 'in', j], params: { detail: { message: 'detail-not-an-option', params: { value: JSON.stringify(value), id: question.id, options: options.join(', ') } } } });
      });
    }
  }
  if (Array.isArray(model.preconditions)) {
    model.preconditions.forEach((precondition: unknown, i) => {
      if (!isRecord(precondition)) return;
      unique(precondition.id, ['preconditions', i, 'id']);
      condition(precondition.requires, ['preconditions', i, 'requires']);
      cite(precondition.findings, ['preconditions', i, 'findings']);
    });
  }
  checkTranslations(model, [], issues);
  return issues;
}

/** A ramp (or the cost of change) reads a number: the question must exist and be one. */
function checkNumericQuestion(id: string, operator: string, path: Path, index: KbIndex, issues: Issue[]): void {
  const question = index.questions.get(id);
  if (!question) issues.push({ rule: 'unknown-question', path, params: { id, suggestion: suggestion(id, index.questions.keys()) } });
  else if (!numericBounds(question)) issues.push({ rule: 'condition-value', path, params: { detail: { message: 'detail-needs-number-question', params: { operator, id, type: question.type } } } });
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isLineRef = (value: unknown): value is LineRef => (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\d+-\d+$/.test(value));

function checkFindingIds(ids: readonly unknown[], path: Path, index: KbIndex, issues: Issue[]): void {
  ids.forEach((id, i) => {
    if (typeof id !== 'string') return;
    const finding = index.findings.get(id);
    if (!finding) {
      issues.push({ rule: 'unknown-finding', path: [...path, i], params: { id, suggestion: suggestion(id, index.findings.keys()) } });
    } else if (finding.use === 'context') {
      issues.push({ rule: 'context-finding', path: [...path, i], params: { id } });
    }
  });
}

/** Checks that a condition reads questions that exist, with operands that fit them. */
function checkCondition(condition: Condition, path: Path, index: KbIndex, issues: Issue[]): void {
  if ('all' in condition) return condition.all.forEach((c, i) => checkCondition(c, [...path, 'all', i], index, issues));
  if ('any' in condition) return condition.any.forEach((c, i) => checkCondition(c, [...path, 'any', i], index, issues));
  if ('not' in condition) return checkCondition(condition.not, [...path, 'not'], index, issues);
  const test = condition;
  const operators = TEST_OPERATORS.filter((op) => test[op] !== undefined);
  if (operators.length !== 1) {
    issues.push({ rule: 'condition-operator', path, params: { count: operators.length } });
    return;
  }
  const question = index.questions.get(test.question);
  if (!question) {
    issues.push({ rule: 'unknown-question', path: [...path, 'question'], params: { id: test.question, suggestion: suggestion(test.question, index.questions.keys()) } });
    return;
  }
  const operator = operators[0]!;
  const problem = operandProblem(question, operator, test);
  if (problem) issues.push({ rule: 'condition-value', path: [...path, operator], params: { detail: problem } });
}

/** Why an operand does not fit its question, as a detail of the condition-value message; undefined when it fits. */
function operandProblem(question: Question, operator: (typeof TEST_OPERATORS)[number], test: AnswerTest): MessageRef | undefined {
  const { id, type } = question;
  const bounds = numericBounds(question);
  const options = question.options?.map((o) => o.value) ?? [];
  const fits = (value: unknown): MessageRef | undefined => {
    if (bounds) {
      if (typeof value !== 'number') return { message: 'detail-not-a-number', params: { id, type } };
      if (value < bounds.min || value > bounds.max) return { message: 'detail-out-of-range', params: { value, id, min: bounds.min, max: bounds.max } };
      return undefined;
    }
    if (type === 'boolean') return typeof value === 'boolean' ? undefined : { message: 'detail-not-yes-no', params: { id } };
    if (typeof value !== 'string' || !options.includes(value)) {
      return { message: 'detail-not-an-option', params: { value: String(JSON.stringify(value)), id, options: options.join(', ') } };
    }
    return undefined;
  };
  switch (operator) {
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (!bounds) return { message: 'detail-needs-number-question', params: { operator, id, type } };
      return fits(test[operator]);
    case 'includes':
      if (type !== 'multi') return { message: 'detail-needs-multi-question', params: { id, type } };
      return options.includes(test.includes!) ? undefined : fits(test.includes);
    case 'in':
      if (type === 'multi') return { message: 'detail-use-includes', params: { id } };
      return test.in!.map(fits).find(Boolean);
    case 'eq':
    case 'ne':
      if (type === 'multi') return { message: 'detail-use-includes', params: { id } };
      return fits(test[operator]);
  }
}

function checkLines(lines: readonly unknown[], path: Path, issues: Issue[]): void {
  lines.forEach((line, i) => {
    if (!isLineRef(line)) return;
    const [from, to] = typeof line === 'number' ? [line, line] : line.split('-').map(Number) as [number, number];
    if (!(from >= 1 && to >= from && to <= REVIEW_LINE_COUNT)) {
      issues.push({ rule: 'review-lines', path: [...path, i], params: { lines: String(line), last: REVIEW_LINE_COUNT } });
    }
  });
}

/** Warns where a bilingual text is identical in both languages (likely untranslated). */
function checkTranslations(value: unknown, path: Path, issues: Issue[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkTranslations(item, [...path, i], issues));
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 2 && typeof record.nb === 'string' && typeof record.en === 'string') {
      if (record.nb === record.en && record.nb.length > 24) issues.push({ rule: 'untranslated', path });
      return;
    }
    for (const key of keys) checkTranslations(record[key], [...path, key], issues);
  }
}

/** Where each file of the knowledge base is, for issues that span files. */
export type KbFile = 'references' | 'findings' | 'criteria' | 'questions';
export interface KbIssue extends Issue {
  file: KbFile;
}

/**
 * Cross-file checks of the knowledge base itself (seeds/): every reference used,
 * every finding's references exist, line references within the review, ids unique,
 * criteria and questions cite findings that exist.
 */
export function checkKnowledgeBase(kb: KnowledgeBase, index: KbIndex): KbIssue[] {
  const issues: KbIssue[] = [];
  const push = (file: KbFile, list: Issue[]) => issues.push(...list.map((issue) => ({ ...issue, file })));

  const uniqueIds = (file: KbFile, ids: string[], root: string) => {
    const first = new Map<string, number>();
    ids.forEach((id, i) => {
      if (first.has(id)) push(file, [{ rule: 'duplicate-id', path: [root, i], params: { id, first: `${root}[${first.get(id)}]` } }]);
      else first.set(id, i);
    });
  };
  uniqueIds('references', kb.references.map((r) => r.key), 'references');
  uniqueIds('findings', kb.findings.map((f) => f.id), 'findings');
  uniqueIds('criteria', kb.criteria.map((c) => c.id), 'criteria');
  uniqueIds('questions', kb.questions.map((q) => q.id), 'questions');

  kb.references.forEach((reference, i) => {
    const list: Issue[] = [];
    checkLines(reference.lines, ['references', i, 'lines'], list);
    checkTranslations(reference, ['references', i], list);
    push('references', list);
  });

  const usedReferences = new Set<string>();
  kb.findings.forEach((finding, i) => {
    const list: Issue[] = [];
    checkLines(finding.lines, ['findings', i, 'lines'], list);
    finding.references.forEach((key, j) => {
      usedReferences.add(key);
      if (!index.references.has(key)) {
        list.push({ rule: 'unknown-reference', path: ['findings', i, 'references', j], params: { id: key, suggestion: suggestion(key, index.references.keys()) } });
      }
    });
    if (finding.confidence !== 'high' && !finding.downgrades?.length) {
      list.push({ rule: 'missing-downgrade', path: ['findings', i, 'confidence'], params: { confidence: finding.confidence } });
    }
    checkTranslations(finding, ['findings', i], list);
    push('findings', list);
  });
  kb.references.forEach((reference, i) => {
    if (!usedReferences.has(reference.key)) push('references', [{ rule: 'unused-reference', path: ['references', i, 'key'], params: { id: reference.key } }]);
  });

  const cited = new Set<string>();
  const citeFrom = (file: KbFile, ids: readonly string[], path: Path) => {
    const list: Issue[] = [];
    checkFindingIds(ids, path, index, list);
    ids.forEach((id) => cited.add(id));
    push(file, list);
  };
  kb.criteria.forEach((criterion, i) => {
    const list: Issue[] = [];
    checkLines(criterion.lines, ['criteria', i, 'lines'], list);
    criterion.weight.terms.forEach((term, j) => {
      const question = index.questions.get(term.question);
      const at: Path = ['criteria', i, 'weight', 'terms', j, 'question'];
      if (!question) {
        list.push({ rule: 'unknown-question', path: at, params: { id: term.question, suggestion: suggestion(term.question, index.questions.keys()) } });
      } else if ('linear' in term && !numericBounds(question)) {
        list.push({ rule: 'condition-value', path: at, params: { detail: { message: 'detail-needs-number-question', params: { operator: 'linear', id: question.id, type: question.type } } } });
      } else if ('rank' in term) {
        if (question.type !== 'rank') list.push({ rule: 'condition-value', path: at, params: { detail: { message: 'detail-needs-rank-question', params: { id: question.id, type: question.type } } } });
        else if (!(question.options ?? []).some((o) => o.value === term.rank)) {
          const options = (question.options ?? []).map((o) => o.value);
          list.push({ rule: 'condition-value', path: ['criteria', i, 'weight', 'terms', j, 'rank'], params: { detail: { message: 'detail-not-an-option', params: { value: JSON.stringify(term.rank), id: question.id, options: options.join(', ') } } } });
        }
      } else if ('map' in term) {
        const allowed = question.type === 'boolean' ? ['true', 'false'] : question.type === 'scale' ? ['1', '2', '3', '4', '5'] : (question.options ?? []).map((o) => o.value);
        for (const key of Object.keys(term.map)) {
          if (!allowed.includes(key)) {
            const detail: MessageRef = { message: 'detail-not-a-value', params: { key, id: question.id, values: allowed.join(', ') } };
            list.push({ rule: 'condition-value', path: ['criteria', i, 'weight', 'terms', j, 'map', key], atKey: true, params: { detail } });
          }
        }
      }
    });
    checkTranslations(criterion, ['criteria', i], list);
    push('criteria', list);
    citeFrom('criteria', criterion.findings, ['criteria', i, 'findings']);
  });

  if (kb.change) {
    const list: Issue[] = [];
    if (!index.questions.has(kb.change.today)) list.push({ rule: 'unknown-question', path: ['change', 'today'], params: { id: kb.change.today, suggestion: suggestion(kb.change.today, index.questions.keys()) } });
    if (kb.change.ramp) checkNumericQuestion(kb.change.ramp.question, 'ramp', ['change', 'ramp', 'question'], index, list);
    push('criteria', list);
    citeFrom('criteria', kb.change.findings, ['change', 'findings']);
  }

  const sections = new Set(kb.sections.map((s) => s.id));
  kb.questions.forEach((question, i) => {
    const list: Issue[] = [];
    const shape = (detail: MessageRef, key: string) => list.push({ rule: 'question-shape', path: ['questions', i, key], params: { id: question.id, detail } });
    if (!sections.has(question.section)) shape({ message: 'detail-section-undeclared', params: { section: question.section } }, 'section');
    if ((question.type === 'choice' || question.type === 'multi' || question.type === 'rank') && !question.options) shape({ message: 'detail-needs-options', params: { type: question.type } }, 'type');
    if (question.type === 'integer' && (question.min === undefined || question.max === undefined)) shape({ message: 'detail-integer-needs-bounds' }, 'type');
    if (question.type === 'scale' && (!question.low || !question.high)) shape({ message: 'detail-scale-needs-labels' }, 'type');
    if (question.dontKnow && question.assume === undefined && question.type !== 'rank') shape({ message: 'detail-dont-know-needs-assume' }, 'dontKnow');
    const bounds = numericBounds(question);
    const prior = question.prior;
    if (prior && bounds) {
      const low = prior.low ?? bounds.min;
      const high = prior.high ?? bounds.max;
      if (low < bounds.min || high > bounds.max || low > high || (typeof question.assume === 'number' && (question.assume < low || question.assume > high))) {
        shape({ message: 'detail-prior-range', params: { low, high, min: bounds.min, max: bounds.max } }, 'prior');
      }
      if (prior.scale === 'log' && low <= 0) shape({ message: 'detail-prior-log' }, 'prior');
    }
    if (prior?.weights) {
      const allowed = question.type === 'scale' ? ['1', '2', '3', '4', '5'] : question.type === 'boolean' ? ['true', 'false'] : (question.options ?? []).map((o) => o.value);
      for (const key of Object.keys(prior.weights)) if (!allowed.includes(key)) shape({ message: 'detail-not-a-value', params: { key, id: question.id, values: allowed.join(', ') } }, 'prior');
    }
    if (question.assume !== undefined) {
      const problem = answerProblem(question, question.assume);
      // An impossible assumption is reported like the same answer in an answers file.
      if (problem) list.push({ rule: problem.rule, path: ['questions', i, 'assume'], params: problem.params });
    }
    // A question asked only when a condition holds: the condition is checked like a model's.
    if (question.askIf) checkCondition(question.askIf, ['questions', i, 'askIf'], index, list);
    checkTranslations(question, ['questions', i], list);
    push('questions', list);
    citeFrom('questions', question.feeds, ['questions', i, 'feeds']);
  });
  kb.sums.forEach((sum, i) => {
    sum.questions.forEach((id, j) => {
      const question = index.questions.get(id);
      if (!question || !numericBounds(question)) {
        push('questions', [{ rule: 'unknown-question', path: ['sums', i, 'questions', j], params: { id, suggestion: question ? { message: 'not-a-number-question' } : suggestion(id, index.questions.keys()) } }]);
      }
    });
  });

  for (const model of kb.models) {
    model.findings.forEach((id) => cited.add(id));
    Object.values(model.performance).forEach((p) => p.findings.forEach((id) => cited.add(id)));
    (model.adjustments ?? []).forEach((a) => a.findings.forEach((id) => cited.add(id)));
    (model.preconditions ?? []).forEach((p) => p.findings.forEach((id) => cited.add(id)));
  }
  kb.findings.forEach((finding, i) => {
    if (finding.use === 'scoring' && !cited.has(finding.id)) push('findings', [{ rule: 'unused-finding', path: ['findings', i, 'id'], params: { id: finding.id } }]);
  });
  return issues;
}

interface AnswerProblem {
  rule: 'answer-type' | 'answer-range' | 'answer-option' | 'answer-dont-know';
  params: Params;
}

/** Whether one answer value fits its question; undefined when it does. */
export function answerProblem(question: Question, value: unknown): AnswerProblem | undefined {
  const id = question.id;
  if (value === DONT_KNOW) {
    return question.dontKnow ? undefined : { rule: 'answer-dont-know', params: { id } };
  }
  const bounds = numericBounds(question);
  if (bounds) {
    const integer = question.type !== 'percent';
    const decimals = question.type === 'integer' ? (question.decimals ?? 0) : 0;
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !hasDecimals(value, decimals))) {
      const expected: MessageRef = !integer
        ? { message: 'expected-percent' }
        : decimals > 0
          ? { message: 'expected-number-decimals', params: { min: bounds.min, max: bounds.max, step: 10 ** -decimals } }
          : { message: 'expected-whole-number', params: { min: bounds.min, max: bounds.max } };
      return { rule: 'answer-type', params: { id, expected, found: show(value) } };
    }
    if (value < bounds.min || value > bounds.max) {
      return { rule: 'answer-range', params: { id, found: value, min: bounds.min, max: bounds.max } };
    }
    return undefined;
  }
  const options = (question.options ?? []).map((o) => o.value);
  switch (question.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { rule: 'answer-type', params: { id, expected: { message: 'type-boolean' }, found: show(value) } };
    case 'choice':
      if (typeof value !== 'string') return { rule: 'answer-type', params: { id, expected: { message: 'expected-one-of', params: { options: options.join(', ') } }, found: show(value) } };
      return options.includes(value) ? undefined : { rule: 'answer-option', params: { id, found: value, allowed: options.join(', ') } };
    case 'multi': {
      if (!Array.isArray(value)) return { rule: 'answer-type', params: { id, expected: { message: 'expected-list-of-options', params: { options: options.join(', ') } }, found: show(value) } };
      const wrong = value.find((v) => typeof v !== 'string' || !options.includes(v));
      if (wrong !== undefined) return { rule: 'answer-option', params: { id, found: String(wrong), allowed: options.join(', ') } };
      return undefined;
    }
    case 'rank': {
      // A ranking names every option once: an order, not a selection.
      const expected: MessageRef = { message: 'expected-ranking', params: { options: options.join(', ') } };
      if (!Array.isArray(value)) return { rule: 'answer-type', params: { id, expected, found: show(value) } };
      const wrong = value.find((v) => typeof v !== 'string' || !options.includes(v));
      if (wrong !== undefined) return { rule: 'answer-option', params: { id, found: String(wrong), allowed: options.join(', ') } };
      if (new Set(value).size !== value.length || value.length !== options.length) return { rule: 'answer-type', params: { id, expected, found: { message: 'value-list' } } };
      return undefined;
    }
  }
  return undefined;
}

/** Whether a number has at most `decimals` digits after the point (12.5 has one). */
function hasDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled));
}

/** The value found, for a message: a scalar as written, anything else by what it is. */
function show(value: unknown): string | MessageRef {
  if (value === null || value === undefined) return { message: 'value-nothing' };
  if (Array.isArray(value)) return { message: 'value-list' };
  if (value instanceof Uint8Array) return { message: 'value-binary' };
  if (typeof value === 'object') return { message: 'value-mapping' };
  // JSON has no infinity: JSON.stringify(1e309) is "null", which misleads.
  if (typeof value === 'number' && Number.isNaN(value)) return { message: 'value-nan' };
  if (typeof value === 'number' && !Number.isFinite(value)) return { message: value > 0 ? 'value-infinity' : 'value-minus-infinity' };
  return JSON.stringify(value);
}

/**
 * A suggestion costs an edit distance to every question id; a file with tens of thousands
 * of unknown ids gets suggestions for the first ones only (more than validate shows).
 */
const MAX_SUGGESTIONS = 200;

/** Checks every answer of an answers file against the question bank. */
export function checkAnswers(answers: Record<string, unknown>, kb: Pick<KnowledgeBase, 'questions' | 'sums'>, index: KbIndex): Issue[] {
  const issues: Issue[] = [];
  let unknown = 0;
  for (const [id, value] of Object.entries(answers)) {
    const question = index.questions.get(id);
    if (!question) {
      const hint = ++unknown <= MAX_SUGGESTIONS ? suggestion(id, index.questions.keys()) : '';
      issues.push({ rule: 'answer-unknown-question', path: ['answers', id], atKey: true, params: { id, suggestion: hint } });
      continue;
    }
    if (value === null) continue; // reported as missing below when required
    const problem = answerProblem(question, value);
    if (problem) issues.push({ rule: problem.rule, path: ['answers', id], params: problem.params });
  }
  for (const question of kb.questions) {
    const value = answers[question.id];
    if ((question.required ?? true) && (value === undefined || value === null)) {
      issues.push({ rule: 'answer-missing', path: Object.hasOwn(answers, question.id) ? ['answers', question.id] : ['answers'], atKey: true, params: { id: question.id } });
    }
  }
  for (const sum of kb.sums) {
    const values = sum.questions.map((id) => answers[id]);
    if (values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const total = (values as number[]).reduce((a, b) => a + b, 0);
      if (Math.abs(total - sum.total) > sum.tolerance) {
        issues.push({ rule: 'answer-sum', path: ['answers', sum.questions[0]!], params: { message: sum.message, sum: round(total), total: sum.total, tolerance: sum.tolerance } });
      }
    }
  }
  return issues;
}
