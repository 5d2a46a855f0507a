import type { Lang } from '../i18n/lang.js';
import type { Question } from '../schema/index.js';
import { allowedValues, listExample, showValue, type QuestionBank } from './questions.js';
import { pad, wrap } from './text.js';

export interface TemplateOptions {
  lang: Lang;
  /** Where the editor finds schema/answers.schema.json, relative to the answers file. */
  schemaPath: string;
  /** The file the template is written to, used in the instructions; an example name when omitted. */
  fileName?: string;
  /** Comment width (default 100). */
  width?: number;
}

const L = {
  exampleFile: { nb: 'svar.yaml', en: 'answers.yaml' },
  title: { nb: 'orgfit – svarfil for én kommune', en: 'orgfit – answers file for one municipality' },
  how: { nb: 'Slik fyller du ut filen:', en: 'How to fill it in:' },
  steps: {
    nb: [
      'Skriv kommunens navn i «municipality».',
      'Gå gjennom spørsmålene under «answers». Over hvert svar står spørsmålet, hva du kan svare og hvorfor det spørres.',
      'Der svaret står som «dont-know» (vet ikke), antar orgfit en verdi og tar usikkerheten med i resultatet. Bytt det ut med ditt beste anslag når du kan; da blir resultatet sikrere.',
      'Svar som står tomme, må fylles ut: der er «dont-know» ikke tillatt.',
      'Tall skrives uten enhet (40, ikke 40 %). Lister skrives i hakeparentes, for eksempel {list}; en tom liste er [].',
    ],
    en: [
      'Write the municipality’s name in "municipality".',
      'Go through the questions under "answers". Above each answer is the question, what you may answer and why it is asked.',
      'Where the answer says "dont-know", orgfit assumes a value and carries the uncertainty into the result. Replace it with your best estimate when you can; the result gets firmer.',
      'Answers left empty must be filled in: "dont-know" is not allowed there.',
      'Write numbers without a unit (40, not 40 %). Write lists in brackets, such as {list}; an empty list is [].',
    ],
  },
  check: { nb: 'Sjekk filen:', en: 'Check the file:' },
  score: { nb: 'Skår den:', en: 'Score it:' },
  explain: { nb: 'Forklar en modell:', en: 'Explain one model:' },
  model: { nb: 'MODELL', en: 'MODEL' },
  scenario: {
    nb: 'valgfritt: et navn på scenariet, når samme kommune skåres på flere måter',
    en: 'optional: a name for the scenario, when one municipality is scored several ways',
  },
  answer: { nb: 'Svar', en: 'Answer' },
  options: { nb: 'alternativer', en: 'options' },
  dontKnowYes: { nb: '«dont-know» er tillatt; da antar orgfit {value}.', en: '"dont-know" is allowed; orgfit then assumes {value}.' },
  dontKnowNo: { nb: '«dont-know» er ikke tillatt: fyll inn.', en: '"dont-know" is not allowed: fill it in.' },
  optional: { nb: 'Valgfritt: kan stå tomt.', en: 'Optional: may be left empty.' },
  why: { nb: 'Hvorfor', en: 'Why' },
  fillIn: { nb: '← fyll inn', en: '← fill in' },
  sum: { nb: 'Merk: {ids} skal til sammen være {total} (± {tolerance}).', en: 'Note: {ids} must add up to {total} (± {tolerance}).' },
} as const;

function fillIn(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The first sentence of a text: up to a full stop followed by a capital (or the end).
 * A very short first sentence ("Every reorganisation has a cost.") takes the next one along.
 */
export function firstSentence(text: string, atLeast = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const ends = /[.!?](?=\s+[A-ZÆØÅ«"“(])/gu;
  let match: RegExpExecArray | null;
  while ((match = ends.exec(flat)) !== null) {
    if (match.index + 1 >= atLeast) return flat.slice(0, match.index + 1);
  }
  return flat;
}

function comment(text: string, indent: string, width: number, hang = ''): string[] {
  return wrap(text, width, { indent: `${indent}# ${hang}`, first: `${indent}# ` });
}

function questionBlock(question: Question, lang: Lang, width: number): string[] {
  const indent = '  ';
  const out: string[] = [''];
  out.push(...comment(question.text[lang], indent, width));
  out.push(...comment(`${L.answer[lang]}: ${allowedValues(question, lang)}${question.options ? ':' : '.'}`, indent, width, '  '));
  if (question.options) {
    const widest = Math.max(...question.options.map((o) => o.value.length));
    for (const option of question.options) {
      const prefix = `${indent}#   ${pad(option.value, widest)}  `;
      out.push(...wrap(option.label[lang], width, { indent: `${indent}#${' '.repeat(prefix.length - indent.length - 1)}`, first: prefix }));
    }
  }
  const rules: string[] = [];
  if (question.dontKnow) rules.push(fillIn(L.dontKnowYes[lang], { value: showValue(question, question.assume, lang) }));
  else rules.push(L.dontKnowNo[lang]);
  if (question.required === false) rules.push(L.optional[lang]);
  out.push(...comment(rules.join(' '), indent, width, '  '));
  out.push(...comment(`${L.why[lang]}: ${firstSentence(question.help[lang])}`, indent, width, '  '));
  const mustFill = !question.dontKnow && question.required !== false;
  out.push(question.dontKnow ? `${indent}${question.id}: dont-know` : mustFill ? `${indent}${question.id}:   # ${L.fillIn[lang]}` : `${indent}${question.id}:`);
  return out;
}

/** A blank answers file: every question as comments above its answer, `dont-know` wherever it is allowed. */
export function renderTemplate(bank: QuestionBank, options: TemplateOptions): string {
  const { lang } = options;
  const width = options.width ?? 100;
  const file = options.fileName ?? L.exampleFile[lang];
  const multi = bank.questions.find((q) => q.type === 'multi');
  const list = multi ? listExample(multi) : '[a, b]';
  const lines: string[] = [`# yaml-language-server: $schema=${options.schemaPath}`, '#', `# ${L.title[lang]}`, '#', `# ${L.how[lang]}`];
  L.steps[lang].forEach((step, i) => lines.push(...wrap(fillIn(step, { list }), width, { indent: '#     ', first: `#  ${i + 1}. ` })));
  const commands: [string, string][] = [
    [L.check[lang], `orgfit validate --answers ${file}`],
    [L.score[lang], `orgfit score ${file}`],
    [L.explain[lang], `orgfit explain ${L.model[lang]} ${file}`],
  ];
  const labelWidth = Math.max(...commands.map(([label]) => label.length));
  lines.push('#');
  for (const [label, command] of commands) lines.push(`# ${pad(label, labelWidth)}  ${command}`);
  lines.push('', 'format: orgfit/answers@1', 'municipality: ""', `# scenario: ""   # ${L.scenario[lang]}`, 'answers:');

  const sectionOf = new Map(bank.questions.map((q) => [q.id, q.section]));
  for (const section of bank.sections) {
    const questions = bank.questions.filter((q) => q.section === section.id);
    if (questions.length === 0) continue;
    lines.push('', `  # ─── ${section.title[lang]} ${'─'.repeat(Math.max(3, width - section.title[lang].length - 12))}`);
    lines.push(...comment(section.intro[lang], '  ', width));
    for (const question of questions) lines.push(...questionBlock(question, lang, width));
    for (const sum of bank.sums.filter((s) => sectionOf.get(s.questions[0] ?? '') === section.id)) {
      lines.push('');
      lines.push(...comment(fillIn(L.sum[lang], { ids: sum.questions.join(' + '), total: sum.total, tolerance: sum.tolerance }), '  ', width, '  '));
    }
  }
  return lines.join('\n') + '\n';
}
