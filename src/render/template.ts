import { kbText, type KbId } from '../i18n/kb.js';
import type { Lang } from '../i18n/lang.js';
import type { Question } from '../schema/index.js';
import { allowedValues, listExample, showValue, type QuestionBank } from './questions.js';
import type { RenderOptions } from './renderer.js';
import { firstSentence, pad, wrap } from './text.js';

/** Where the template lands, for the instructions in it. */
export interface TemplateTarget {
  /** Where the editor finds schema/answers.schema.json, relative to the answers file. */
  schemaPath: string;
  /** The file the template is written to, used in the instructions; an example name when omitted. */
  fileName?: string;
}

/** The steps of "how to fill it in", in order. */
const STEPS: KbId[] = ['template-step-1', 'template-step-2', 'template-step-3', 'template-step-4', 'template-step-5'];

/** The template says why a question matters in its help's first sentence, a short one with the next. */
const WHY_AT_LEAST = 40;

function comment(text: string, indent: string, width: number, hang = ''): string[] {
  return wrap(text, width, { indent: `${indent}# ${hang}`, first: `${indent}# ` });
}

function questionBlock(question: Question, lang: Lang, width: number): string[] {
  const indent = '  ';
  const out: string[] = [''];
  out.push(...comment(question.text[lang], indent, width));
  out.push(...comment(`${kbText(lang, 'template-answer')}: ${allowedValues(question, lang)}${question.options ? ':' : '.'}`, indent, width, '  '));
  if (question.options) {
    const widest = Math.max(...question.options.map((o) => o.value.length));
    for (const option of question.options) {
      const prefix = `${indent}#   ${pad(option.value, widest)}  `;
      out.push(...wrap(option.label[lang], width, { indent: `${indent}#${' '.repeat(prefix.length - indent.length - 1)}`, first: prefix }));
    }
  }
  const rules: string[] = [];
  // A ranking has no single assumed value: an unknown one is every order, equally likely.
  if (question.dontKnow && question.type === 'rank') rules.push(kbText(lang, 'template-dont-know-rank'));
  else if (question.dontKnow) rules.push(kbText(lang, 'template-dont-know-yes', { value: showValue(question, question.assume, lang) }));
  else rules.push(kbText(lang, 'template-dont-know-no'));
  if (question.required === false) rules.push(kbText(lang, 'template-optional'));
  out.push(...comment(rules.join(' '), indent, width, '  '));
  out.push(...comment(`${kbText(lang, 'template-why')}: ${firstSentence(question.help[lang], WHY_AT_LEAST)}`, indent, width, '  '));
  const mustFill = !question.dontKnow && question.required !== false;
  out.push(question.dontKnow ? `${indent}${question.id}: dont-know` : mustFill ? `${indent}${question.id}:   # ${kbText(lang, 'template-fill-in')}` : `${indent}${question.id}:`);
  return out;
}

/** A blank answers file: every question as comments above its answer, `dont-know` wherever it is allowed; comments wrap at `width`. */
export function renderTemplate(bank: QuestionBank, options: RenderOptions & TemplateTarget): string {
  const { lang, width } = options;
  const file = options.fileName ?? kbText(lang, 'template-example-file');
  const multi = bank.questions.find((q) => q.type === 'multi');
  const list = multi ? listExample(multi) : '[a, b]';
  const lines: string[] = [`# yaml-language-server: $schema=${options.schemaPath}`, '#', `# ${kbText(lang, 'template-title')}`, '#', `# ${kbText(lang, 'template-how')}`];
  STEPS.forEach((step, i) => lines.push(...wrap(kbText(lang, step, { list }), width, { indent: '#     ', first: `#  ${i + 1}. ` })));
  const commands: [string, string][] = [
    [kbText(lang, 'template-check'), `orgfit validate --answers ${file}`],
    [kbText(lang, 'template-score'), `orgfit score ${file}`],
    [kbText(lang, 'template-explain'), `orgfit explain ${kbText(lang, 'template-model')} ${file}`],
  ];
  const labelWidth = Math.max(...commands.map(([label]) => label.length));
  lines.push('#');
  for (const [label, command] of commands) lines.push(`# ${pad(label, labelWidth)}  ${command}`);
  lines.push('', 'format: orgfit/answers@1', 'municipality: ""', `# scenario: ""   # ${kbText(lang, 'template-scenario')}`, 'answers:');

  const sectionOf = new Map(bank.questions.map((q) => [q.id, q.section]));
  for (const section of bank.sections) {
    const questions = bank.questions.filter((q) => q.section === section.id);
    if (questions.length === 0) continue;
    lines.push('', `  # ─── ${section.title[lang]} ${'─'.repeat(Math.max(3, width - section.title[lang].length - 12))}`);
    lines.push(...comment(section.intro[lang], '  ', width));
    for (const question of questions) lines.push(...questionBlock(question, lang, width));
    for (const sum of bank.sums.filter((s) => sectionOf.get(s.questions[0] ?? '') === section.id)) {
      lines.push('');
      lines.push(...comment(kbText(lang, 'template-sum', { ids: sum.questions.join(' + '), total: sum.total, tolerance: sum.tolerance }), '  ', width, '  '));
    }
  }
  return lines.join('\n') + '\n';
}
