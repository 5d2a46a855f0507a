import { stringify } from 'yaml';
import { kbText } from '../i18n/kb.js';
import type { Lang } from '../i18n/lang.js';
import type { NotAsked, Question, Section, SumRule } from '../schema/index.js';
import type { RenderOptions } from './renderer.js';
import { jsonText, visible } from './text.js';

/** The question bank as the compiled knowledge base holds it. */
export interface QuestionBank {
  sections: Section[];
  questions: Question[];
  sums: SumRule[];
  /** Factors the review names that orgfit does not ask about, each with why (shown, so nothing is left out silently). */
  notAsked?: NotAsked[];
}

/** Where a bound is missing the engine uses 0 and no maximum; say so rather than print a huge number. */
function integerRange(question: Question, lang: Lang): string {
  const min = question.min ?? 0;
  return question.max === undefined ? kbText(lang, 'answer-integer-open', { min }) : kbText(lang, 'answer-integer', { min, max: question.max });
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
      return kbText(lang, 'answer-percent') + unit;
    case 'integer':
      return integerRange(question, lang) + unit;
    case 'scale':
      return question.low && question.high ? kbText(lang, 'answer-scale', { low: question.low[lang], high: question.high[lang] }) : kbText(lang, 'answer-scale-bare');
    case 'choice':
      return kbText(lang, 'answer-choice');
    case 'multi':
      return kbText(lang, 'answer-multi', { example: listExample(question) });
    case 'boolean':
      return kbText(lang, 'answer-boolean');
    case 'rank':
      return kbText(lang, 'answer-rank', { example: `[${(question.options ?? []).map((o) => o.value).join(', ')}]` });
  }
}

/** An answer value as a reader sees it: options with their label, lists in YAML syntax. */
export function showValue(question: Question, value: unknown, lang: Lang): string {
  const label = (v: unknown) => question.options?.find((o) => o.value === v)?.label[lang];
  if (Array.isArray(value)) return value.length === 0 ? `[] (${kbText(lang, 'empty-list')})` : `[${value.join(', ')}]`;
  if (typeof value === 'boolean') return `${value} (${kbText(lang, value ? 'yes' : 'no')})`;
  const named = label(value);
  return named ? `${String(value)} (${named})` : String(value);
}

function dontKnowText(question: Question, lang: Lang): string {
  if (!question.dontKnow) return kbText(lang, 'questions-dont-know-not-allowed');
  // A ranking has no single assumed value: an unknown one is every order, equally likely.
  if (question.type === 'rank') return kbText(lang, 'questions-dont-know-rank');
  return kbText(lang, 'questions-dont-know-allowed', { value: question.assume === undefined ? '–' : showValue(question, question.assume, lang) });
}

/** A text from the question bank, made visible and with the Markdown escaped that could change how it renders. */
function md(text: string): string {
  return visible(text).replace(/[\\`*_<>|]/g, (c) => `\\${c}`);
}

function questionMarkdown(question: Question, lang: Lang): string {
  const out: string[] = [`### \`${question.id}\``, '', `**${md(question.text[lang])}**`, ''];
  out.push(`- ${kbText(lang, 'questions-answer')}: ${md(allowedValues(question, lang))}${question.options ? ':' : ''}`);
  for (const option of question.options ?? []) out.push(`  - \`${option.value}\` – ${md(option.label[lang])}`);
  out.push(`- ${kbText(lang, 'questions-dont-know')}: ${md(dontKnowText(question, lang))}`);
  if (question.required === false) out.push(`- ${kbText(lang, 'questions-optional')}: ${kbText(lang, 'questions-optional-text')}`);
  out.push(`- ${kbText(lang, 'questions-why')}: ${md(question.help[lang])}`);
  out.push(`- ${kbText(lang, 'questions-feeds')}: ${question.feeds.map((id) => `\`${id}\``).join(', ')}`);
  return out.join('\n');
}

function sumMarkdown(sum: SumRule, lang: Lang): string {
  return `> **${kbText(lang, 'questions-sum')}:** ${sum.questions.map((id) => `\`${id}\``).join(' + ')} = ${sum.total} ± ${sum.tolerance}. ${md(sum.message[lang])}.`;
}

/** The question bank as Markdown, one heading per section, in one language. */
export function renderQuestionsMarkdown(bank: QuestionBank, { lang }: RenderOptions): string {
  const parts: string[] = [`# ${kbText(lang, 'questions-title')}`, kbText(lang, 'questions-lead', { questions: bank.questions.length, sections: bank.sections.length })];
  const sectionOf = new Map(bank.questions.map((q) => [q.id, q.section]));
  for (const section of bank.sections) {
    parts.push(`## ${md(section.title[lang])}`, md(section.intro[lang]));
    for (const question of bank.questions.filter((q) => q.section === section.id)) parts.push(questionMarkdown(question, lang));
    for (const sum of bank.sums.filter((s) => sectionOf.get(s.questions[0] ?? '') === section.id)) parts.push(sumMarkdown(sum, lang));
  }
  if (bank.notAsked && bank.notAsked.length > 0) {
    parts.push(`## ${kbText(lang, 'questions-not-asked-title')}`, kbText(lang, 'questions-not-asked-lead'));
    parts.push(bank.notAsked.map((n) => `- **${md(n.factor[lang])}** (${kbText(lang, 'questions-lines', { lines: n.lines.join(', ') })}): ${md(n.why[lang])}`).join('\n'));
  }
  return parts.join('\n\n') + '\n';
}

function bankFile(bank: QuestionBank) {
  return { format: 'orgfit/questions@1' as const, sections: bank.sections, questions: bank.questions, sums: bank.sums, ...(bank.notAsked ? { notAsked: bank.notAsked } : {}) };
}

/** The question bank as a questions file (both languages; it validates as `orgfit/questions@1`). */
export function renderQuestionsYaml(bank: QuestionBank): string {
  const text = stringify(bankFile(bank), { lineWidth: 100 });
  return text.endsWith('\n') ? text : `${text}\n`;
}

export function renderQuestionsJson(bank: QuestionBank): string {
  return jsonText(bankFile(bank));
}
