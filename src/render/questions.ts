import { stringify } from 'yaml';
import type { Lang } from '../i18n/lang.js';
import type { Question, Section, SumRule } from '../schema/index.js';

/** The question bank as the compiled knowledge base holds it. */
export interface QuestionBank {
  sections: Section[];
  questions: Question[];
  sums: SumRule[];
}

export interface QuestionsOptions {
  lang: Lang;
}

const L = {
  title: { nb: 'Spørsmålsbanken', en: 'The question bank' },
  lead: {
    nb: '{questions} spørsmål i {sections} deler. Lag en svarfil med `orgfit template`, eller svar interaktivt.',
    en: '{questions} questions in {sections} parts. Make an answers file with `orgfit template`, or answer interactively.',
  },
  answer: { nb: 'Svar', en: 'Answer' },
  dontKnow: { nb: 'Vet ikke', en: 'Don’t know' },
  why: { nb: 'Hvorfor', en: 'Why' },
  feeds: { nb: 'Funn', en: 'Findings' },
  optional: { nb: 'Valgfritt', en: 'Optional' },
  optionalText: { nb: 'spørsmålet kan utelates', en: 'the question may be left out' },
  dontKnowAllowed: { nb: '«dont-know» er tillatt; da antas {value}', en: '"dont-know" is allowed; {value} is then assumed' },
  dontKnowNotAllowed: { nb: 'ikke tillatt – gi ditt beste anslag', en: 'not allowed – give your best estimate' },
  sum: { nb: 'Sum', en: 'Sum' },
  percent: { nb: 'et tall 0–100', en: 'a number 0–100' },
  integer: { nb: 'et heltall {min}–{max}', en: 'a whole number {min}–{max}' },
  integerOpen: { nb: 'et heltall, minst {min}', en: 'a whole number, at least {min}' },
  scale: { nb: 'en skala 1–5: 1 = {low}, 5 = {high}', en: 'a scale 1–5: 1 = {low}, 5 = {high}' },
  scaleBare: { nb: 'en skala 1–5', en: 'a scale 1–5' },
  choice: { nb: 'ett av alternativene', en: 'one of the options' },
  multi: { nb: 'en liste med ingen, ett eller flere av alternativene, for eksempel {example}', en: 'a list of none, one or more of the options, such as {example}' },
  boolean: { nb: 'true (ja) eller false (nei)', en: 'true (yes) or false (no)' },
  yes: { nb: 'ja', en: 'yes' },
  no: { nb: 'nei', en: 'no' },
  emptyList: { nb: 'ingen', en: 'none' },
} as const;

function fillIn(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Where a bound is missing the engine uses 0 and no maximum; say so rather than print a huge number. */
function integerRange(question: Question, lang: Lang): string {
  const min = question.min ?? 0;
  return question.max === undefined ? fillIn(L.integerOpen[lang], { min }) : fillIn(L.integer[lang], { min, max: question.max });
}

/** The YAML list syntax of a multiple-choice answer, from the question's own options. */
export function listExample(question: Question): string {
  const values = (question.options ?? []).map((o) => o.value);
  return `[${values.slice(0, 2).join(', ')}]`;
}

/** What an answer to the question may be, in words (without the options themselves). */
export function allowedValues(question: Question, lang: Lang): string {
  const unit = question.unit ? ` (${question.unit[lang]})` : '';
  switch (question.type) {
    case 'percent':
      return L.percent[lang] + unit;
    case 'integer':
      return integerRange(question, lang) + unit;
    case 'scale':
      return question.low && question.high ? fillIn(L.scale[lang], { low: question.low[lang], high: question.high[lang] }) : L.scaleBare[lang];
    case 'choice':
      return L.choice[lang];
    case 'multi':
      return fillIn(L.multi[lang], { example: listExample(question) });
    case 'boolean':
      return L.boolean[lang];
  }
}

/** An answer value as a reader sees it: options with their label, lists in YAML syntax. */
export function showValue(question: Question, value: unknown, lang: Lang): string {
  const label = (v: unknown) => question.options?.find((o) => o.value === v)?.label[lang];
  if (Array.isArray(value)) return value.length === 0 ? `[] (${L.emptyList[lang]})` : `[${value.join(', ')}]`;
  if (typeof value === 'boolean') return `${value} (${(value ? L.yes : L.no)[lang]})`;
  const named = label(value);
  return named ? `${String(value)} (${named})` : String(value);
}

export function dontKnowText(question: Question, lang: Lang): string {
  if (!question.dontKnow) return L.dontKnowNotAllowed[lang];
  return fillIn(L.dontKnowAllowed[lang], { value: question.assume === undefined ? '–' : showValue(question, question.assume, lang) });
}

/** Escapes the Markdown that could change how a text from the question bank renders. */
function md(text: string): string {
  return text.replace(/[\\`*_<>|]/g, (c) => `\\${c}`);
}

function questionMarkdown(question: Question, lang: Lang): string {
  const out: string[] = [`### \`${question.id}\``, '', `**${md(question.text[lang])}**`, ''];
  out.push(`- ${L.answer[lang]}: ${md(allowedValues(question, lang))}${question.options ? ':' : ''}`);
  for (const option of question.options ?? []) out.push(`  - \`${option.value}\` – ${md(option.label[lang])}`);
  out.push(`- ${L.dontKnow[lang]}: ${md(dontKnowText(question, lang))}`);
  if (question.required === false) out.push(`- ${L.optional[lang]}: ${L.optionalText[lang]}`);
  out.push(`- ${L.why[lang]}: ${md(question.help[lang])}`);
  out.push(`- ${L.feeds[lang]}: ${question.feeds.map((id) => `\`${id}\``).join(', ')}`);
  return out.join('\n');
}

function sumMarkdown(sum: SumRule, lang: Lang): string {
  return `> **${L.sum[lang]}:** ${sum.questions.map((id) => `\`${id}\``).join(' + ')} = ${sum.total} ± ${sum.tolerance}. ${md(sum.message[lang])}.`;
}

/** The question bank as Markdown, one heading per section, in one language. */
export function renderQuestionsMarkdown(bank: QuestionBank, options: QuestionsOptions): string {
  const { lang } = options;
  const parts: string[] = [`# ${L.title[lang]}`, fillIn(L.lead[lang], { questions: bank.questions.length, sections: bank.sections.length })];
  const sectionOf = new Map(bank.questions.map((q) => [q.id, q.section]));
  for (const section of bank.sections) {
    parts.push(`## ${md(section.title[lang])}`, md(section.intro[lang]));
    for (const question of bank.questions.filter((q) => q.section === section.id)) parts.push(questionMarkdown(question, lang));
    for (const sum of bank.sums.filter((s) => sectionOf.get(s.questions[0] ?? '') === section.id)) parts.push(sumMarkdown(sum, lang));
  }
  return parts.join('\n\n') + '\n';
}

function bankFile(bank: QuestionBank) {
  return { format: 'orgfit/questions@1' as const, sections: bank.sections, questions: bank.questions, sums: bank.sums };
}

/** The question bank as a questions file (both languages; it validates as `orgfit/questions@1`). */
export function renderQuestionsYaml(bank: QuestionBank): string {
  const text = stringify(bankFile(bank), { lineWidth: 100 });
  return text.endsWith('\n') ? text : `${text}\n`;
}

export function renderQuestionsJson(bank: QuestionBank): string {
  return JSON.stringify(bankFile(bank), null, 2) + '\n';
}
