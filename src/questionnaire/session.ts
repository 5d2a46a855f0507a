/**
 * One run of the questionnaire: the loop over the flow's steps (./flow.ts), the review
 * screen, and saving after every answer. It talks to the respondent only through a
 * `Prompter`, so tests drive it with a scripted one and the terminal gets ./ask.ts.
 */
import type { Lang } from '../i18n/lang.js';
import { questText, type QuestId } from '../i18n/quest.js';
import { DONT_KNOW, ROLES, type AnswerValue, type Question, type Role } from '../schema/index.js';
import {
  answer,
  back,
  goTo,
  positionOf,
  questionsOf,
  toReview,
  visibleSteps,
  defaultFor,
  type Bank,
  type Progress,
  type Step,
  type StepAnswer,
} from './flow.js';
import { firstSentence, wrap } from '../render/text.js';
import { formatNumber } from './numbers.js';
import type { ChoiceConfig, NumberConfig, Outcome, RankConfig, SumConfig, TextConfig } from './prompts.js';

/** What the loop needs of a terminal; every prompt resolves to a value or `back`, and rejects on Ctrl-C. */
export interface Prompter {
  choice(config: ChoiceConfig): Promise<Outcome>;
  number(config: NumberConfig): Promise<Outcome>;
  sum(config: SumConfig): Promise<Outcome<Record<string, AnswerValue>>>;
  rank(config: RankConfig): Promise<Outcome>;
  text(config: TextConfig): Promise<Outcome<string>>;
  /** Prints lines between prompts (the review list). */
  say(text: string): void;
}

export interface SessionOptions {
  lang: Lang;
  color: boolean;
  /** The terminal's width, for wrapping. */
  width?: number;
  prompter: Prompter;
  /** Called after every answer, before the next question: the draft is written here. */
  save: (progress: Progress) => Promise<void>;
  /** "Helgøy 2003; Fehn 1994": the research a question feeds, for its full help. */
  research?: (question: Question) => string;
}

export type SessionEnd = { kind: 'finished'; progress: Progress } | { kind: 'stopped'; progress: Progress };

/** Asks until the respondent accepts the review (finished) or stops there (stopped). */
export async function runSession(bank: Bank, start: Progress, options: SessionOptions): Promise<SessionEnd> {
  let progress = start;
  // While changing one answer from the review, the next answer (or back) returns to it.
  let fromReview = false;
  for (;;) {
    const steps = visibleSteps(bank, progress);
    const step = steps[progress.cursor];
    if (!step) {
      const choice = await review(bank, progress, options);
      if (choice.kind === 'finish') return { kind: 'finished', progress };
      if (choice.kind === 'quit') return { kind: 'stopped', progress };
      progress = goTo(bank, progress, choice.id);
      fromReview = true;
      continue;
    }
    const outcome = await askStep(bank, progress, step, options);
    if (outcome.kind === 'back') {
      progress = fromReview ? toReview(bank, progress) : back(progress);
      fromReview = false;
      continue;
    }
    progress = answer(bank, progress, outcome.value);
    await options.save(progress);
    if (fromReview) {
      // A changed answer may bring in a question not yet answered: ask it, then the review.
      progress = firstUnanswered(bank, progress);
      fromReview = progress.cursor < visibleSteps(bank, progress).length;
    }
  }
}

/** The cursor on the first step still without an answer, or at the review when there is none. */
export function firstUnanswered(bank: Bank, progress: Progress): Progress {
  const steps = visibleSteps(bank, progress);
  const at = steps.findIndex((step) =>
    step.kind === 'role' ? progress.role === undefined : step.kind === 'municipality' ? progress.municipality === undefined : questionsOf(step).some((q) => progress.answers[q.id] === undefined),
  );
  return { ...progress, cursor: at < 0 ? steps.length : at };
}

function header(bank: Bank, progress: Progress, step: Step, lang: Lang): string {
  const position = positionOf(bank, progress, step);
  if (position.first === 0) return questText(lang, 'intro-header');
  const section = position.section?.title[lang] ?? '';
  return position.first === position.last
    ? questText(lang, 'position', { section, first: position.first, total: position.total })
    : questText(lang, 'position-range', { section, first: position.first, last: position.last, total: position.total });
}

/** The label of an option, or the value itself. */
function optionLabel(question: Question, value: string, lang: Lang): string {
  return question.options?.find((o) => o.value === value)?.label[lang] ?? value;
}

async function askStep(bank: Bank, progress: Progress, step: Step, options: SessionOptions): Promise<Outcome<StepAnswer>> {
  const { lang, color, prompter } = options;
  const canGoBack = progress.cursor > 0;
  const width = options.width ?? 80;
  const head = header(bank, progress, step, lang);
  if (step.kind === 'role') {
    const choices = ROLES.map((role) => ({ value: role, label: questText(lang, `role-${role}` as QuestId) }));
    const got = await prompter.choice({ lang, color, width, header: head, message: questText(lang, 'role-question'), help: questText(lang, 'role-help'), canGoBack, choices, dontKnow: false, default: progress.role ?? 'leader' });
    return got.kind === 'back' ? got : { kind: 'value', value: { kind: 'role', role: got.value as Role } };
  }
  if (step.kind === 'municipality') {
    const got = await prompter.text({ lang, color, width, header: head, message: questText(lang, 'municipality-question'), canGoBack, required: questText(lang, 'municipality-required'), maxLength: 200, ...(progress.municipality ? { default: progress.municipality } : {}) });
    return got.kind === 'back' ? got : { kind: 'value', value: { kind: 'municipality', name: got.value } };
  }
  if (step.kind === 'sum') {
    const first = step.questions[0]!;
    const intro = bank.sections.find((s) => s.id === first.section)?.intro[lang];
    const frame = { lang, color, width, header: head, message: step.rule.message[lang], help: intro ?? '', fullHelp: step.questions.map((q) => `${q.text[lang]}\n${q.help[lang]}${research(q, options)}`).join('\n\n'), canGoBack };
    const fields = step.questions.map((q) => ({ id: q.id, label: capitalise(q.short?.[lang] ?? q.text[lang]), dontKnow: q.dontKnow, default: defaultFor(q, progress.answers) }));
    const got = await prompter.sum({ ...frame, fields, total: step.rule.total, tolerance: step.rule.tolerance, ruleMessage: step.rule.message[lang] });
    return got.kind === 'back' ? got : { kind: 'value', value: { kind: 'answers', values: got.value } };
  }
  const q = step.question;
  const frame = { lang, color, width, header: head, message: q.text[lang], help: firstSentence(q.help[lang]), fullHelp: `${q.help[lang]}${research(q, options)}`, canGoBack };
  const fallback = defaultFor(q, progress.answers);
  const wrap = (got: Outcome): Outcome<StepAnswer> => (got.kind === 'back' ? got : { kind: 'value', value: { kind: 'answers', values: { [q.id]: got.value } } });
  switch (q.type) {
    case 'choice':
    case 'multi':
      return wrap(await prompter.choice({ ...frame, choices: (q.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] })), dontKnow: q.dontKnow, multi: q.type === 'multi', default: fallback }));
    case 'boolean':
      return wrap(await prompter.choice({ ...frame, choices: [{ value: true, label: questText(lang, 'yes') }, { value: false, label: questText(lang, 'no') }], dontKnow: q.dontKnow, default: fallback }));
    case 'scale': {
      const choices = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: n === 1 && q.low ? `1 – ${q.low[lang]}` : n === 5 && q.high ? `5 – ${q.high[lang]}` : String(n) }));
      return wrap(await prompter.choice({ ...frame, choices, dontKnow: q.dontKnow, default: fallback }));
    }
    case 'rank':
      return wrap(await prompter.rank({ ...frame, choices: (q.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] })), dontKnow: q.dontKnow, default: fallback }));
    case 'percent':
    case 'integer': {
      const min = q.type === 'percent' ? 0 : (q.min ?? 0);
      const max = q.type === 'percent' ? 100 : (q.max ?? Number.MAX_SAFE_INTEGER);
      const unit = q.type === 'percent' ? '%' : q.unit?.[lang];
      return wrap(await prompter.number({ ...frame, min, max, integer: q.type === 'integer' && (q.decimals ?? 0) === 0, decimals: q.type === 'integer' ? (q.decimals ?? 0) : 2, ...(unit ? { unit } : {}), dontKnow: q.dontKnow, default: fallback }));
    }
  }
}

function research(question: Question, options: SessionOptions): string {
  const works = options.research?.(question);
  return works ? `\n${questText(options.lang, 'research')}: ${works}` : '';
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** An answer in words, as the review lists it. */
export function shownAnswer(question: Question, value: AnswerValue | undefined, lang: Lang): string {
  if (value === undefined || value === DONT_KNOW) return questText(lang, 'dont-know');
  if (typeof value === 'number') {
    const unit = question.type === 'percent' ? ' %' : question.unit ? ` ${question.unit[lang]}` : '';
    if (question.type === 'scale') {
      const end = value === 1 ? question.low?.[lang] : value === 5 ? question.high?.[lang] : undefined;
      return end ? `${value} (${end})` : String(value);
    }
    return `${formatNumber(value, lang)}${unit}`;
  }
  if (typeof value === 'boolean') return questText(lang, value ? 'yes' : 'no');
  if (Array.isArray(value)) {
    if (value.length === 0) return questText(lang, 'none-chosen');
    return question.type === 'rank' ? value.map((v, i) => `${i + 1}. ${optionLabel(question, v, lang)}`).join(', ') : value.map((v) => optionLabel(question, v, lang)).join(', ');
  }
  return optionLabel(question, value, lang);
}

/** The answers by section, as text: the review screen's list, wrapped to the width. */
export function reviewText(bank: Bank, progress: Progress, lang: Lang, width = 80): string {
  const asked = visibleSteps(bank, progress).flatMap(questionsOf);
  const lines = [questText(lang, 'review-title'), ''];
  lines.push(`${questText(lang, 'intro-header')}`);
  if (progress.role) lines.push(`  ${questText(lang, 'role-question')} ${questText(lang, `role-${progress.role}` as QuestId)}`);
  lines.push(`  ${questText(lang, 'municipality-question')} ${progress.municipality ?? ''}`);
  for (const section of bank.sections) {
    const questions = asked.filter((q) => q.section === section.id);
    if (questions.length === 0) continue;
    lines.push('', section.title[lang]);
    for (const q of questions) lines.push(`  ${capitalise(q.short?.[lang] ?? q.text[lang])}: ${shownAnswer(q, progress.answers[q.id], lang)}`);
  }
  return lines.flatMap((line) => wrap(line, width - 1, { indent: '      ' })).join('\n');
}

type ReviewChoice = { kind: 'finish' } | { kind: 'quit' } | { kind: 'change'; id: string };

async function review(bank: Bank, progress: Progress, { lang, color, prompter, width = 80 }: SessionOptions): Promise<ReviewChoice> {
  for (;;) {
    prompter.say(`\n${reviewText(bank, progress, lang, width)}\n`);
    const menu = await prompter.choice({
      lang,
      color,
      width,
      message: questText(lang, 'review-question'),
      canGoBack: false,
      dontKnow: false,
      default: 'finish',
      choices: [
        { value: 'finish', label: questText(lang, 'review-finish') },
        { value: 'change', label: questText(lang, 'review-change') },
        { value: 'quit', label: questText(lang, 'review-quit') },
      ],
    });
    if (menu.kind === 'back') continue;
    if (menu.value === 'finish') return { kind: 'finish' };
    if (menu.value === 'quit') return { kind: 'quit' };
    const steps = visibleSteps(bank, progress);
    const choices = [
      { value: 'role', label: `${questText(lang, 'role-question')} ${progress.role ? questText(lang, `role-${progress.role}` as QuestId) : ''}` },
      { value: 'municipality', label: `${questText(lang, 'municipality-question')} ${progress.municipality ?? ''}` },
      ...steps.flatMap(questionsOf).map((q) => ({ value: q.id, label: `${capitalise(q.short?.[lang] ?? q.text[lang])}: ${shownAnswer(q, progress.answers[q.id], lang)}` })),
      { value: '', label: questText(lang, 'review-back-to-list') },
    ];
    const which = await prompter.choice({ lang, color, width, message: questText(lang, 'review-which'), canGoBack: true, dontKnow: false, choices, default: choices[2]?.value ?? '' });
    if (which.kind === 'back' || which.value === '') continue;
    return { kind: 'change', id: String(which.value) };
  }
}
