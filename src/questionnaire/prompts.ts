/**
 * The questionnaire's prompts, built on @inquirer/core's hooks (only the core: the stock
 * prompts speak English and know no "back"). Each one returns the answer or `back`; every
 * text comes from the quest catalogs in the reader's language. Keys, in every prompt:
 * Enter accepts (the default when nothing is typed or chosen), Ctrl-B or Esc goes back
 * (Esc arrives about half a second late: readline waits to tell it from an escape
 * sequence), `?` shows or hides the full help, and `v` answers "vet ikke"/"don't know"
 * where the question allows it. Ctrl-C rejects with inquirer's ExitPromptError.
 */
import { createPrompt, isBackspaceKey, isDownKey, isEnterKey, isSpaceKey, isTabKey, isUpKey, useKeypress, useState, type KeypressEvent } from '@inquirer/core';
import type { Lang } from '../i18n/lang.js';
import { questText, type QuestId } from '../i18n/quest.js';
import { DONT_KNOW, type AnswerValue } from '../schema/index.js';
import { wrap } from '../render/text.js';
import { formatNumber, parseNumber } from './numbers.js';

export { formatNumber };

export type Outcome<T = AnswerValue> = { kind: 'value'; value: T } | { kind: 'back' };

/** What every question prompt shows above and below its answer. */
export interface Frame {
  lang: Lang;
  /** "Bemanning · 7 av 24", or nothing. */
  header?: string;
  message: string;
  /** One line under the question: why it is asked. */
  help?: string;
  /** The full help, shown with `?`. */
  fullHelp?: string;
  /** false on the first screen: there is nothing to go back to. */
  canGoBack: boolean;
  color: boolean;
  /** The terminal's width: texts are wrapped at word boundaries to it (80 when unknown). */
  width?: number;
}

type Key = KeypressEvent & { sequence?: string };
const isBackKey = (key: Key) => (key.ctrl && key.name === 'b') || key.name === 'escape';
const isHelpKey = (key: Key) => key.sequence === '?';
const isDontKnowKey = (key: Key) => !key.ctrl && (key.name === 'v' || key.name === 'd') && key.sequence?.length === 1;

/** Bold, dim, red and cyan, or nothing with NO_COLOR / --no-color (colour comes in as a parameter). */
function paint(on: boolean) {
  const sgr = (open: number, close: number) => (s: string) => (on ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), cyan: sgr(36, 39) };
}

function top(frame: Frame, showHelp: boolean): string {
  const { bold: BOLD, dim: DIM, cyan: CYAN } = paint(frame.color);
  const columns = Math.max(20, (frame.width ?? 80) - 1);
  const lines: string[] = [];
  if (frame.header) lines.push(DIM(frame.header));
  const [first = '', ...rest] = wrap(frame.message, columns - 2, { indent: '' });
  lines.push(`${CYAN('?')} ${BOLD(first)}`, ...rest.map((l) => `  ${BOLD(l)}`));
  if (showHelp && frame.fullHelp) lines.push(...wrap(frame.fullHelp, columns - 2).map((l) => `  ${l}`));
  else if (frame.help) lines.push(...wrap(frame.help, columns - 2).map((l) => DIM(`  ${l}`)));
  return lines.join('\n');
}

function keys(frame: Frame, hints: QuestId[]): string {
  const DIM = paint(frame.color).dim;
  const all = [...hints, ...(frame.fullHelp ? (['key-help'] as const) : []), ...(frame.canGoBack ? (['key-back'] as const) : [])];
  // Wrapped between hints, never inside one ("Ctrl-B/Esc tilbake" stays whole).
  const columns = Math.max(20, (frame.width ?? 80) - 1);
  const lines: string[] = [];
  for (const hint of all.map((id) => questText(frame.lang, id))) {
    const last = lines[lines.length - 1];
    if (last !== undefined && [...`${last} · ${hint}`].length <= columns) lines[lines.length - 1] = `${last} · ${hint}`;
    else lines.push(hint);
  }
  return lines.map(DIM).join('\n');
}

function done(frame: Frame, shown: string): string {
  const CYAN = paint(frame.color).cyan;
  // Wrapped as plain text, then the answer coloured where it landed.
  const lines = wrap(`${frame.message} ${shown}`, Math.max(20, (frame.width ?? 80) - 3), { indent: '' });
  return lines.map((l, i) => (i === 0 ? `${CYAN('✔')} ${l}` : `  ${l}`)).join('\n');
}

// ---------------------------------------------------------------------------------------
// Choice, multiple choice, scale and yes/no: a list to move through, "vet ikke" last.

export interface Choice {
  value: string | number | boolean;
  label: string;
}

export interface ChoiceConfig extends Frame {
  choices: Choice[];
  dontKnow: boolean;
  multi?: boolean;
  /** The answer the cursor starts on (and, for multi, the options ticked); "dont-know" puts it on "vet ikke". */
  default?: AnswerValue;
}

/** The rows a list shows at once. */
const PAGE = 12;

export const choicePrompt = createPrompt<Outcome, ChoiceConfig>((config, resolve) => {
  const { red: RED, cyan: CYAN } = paint(config.color);
  const rows: (Choice | typeof DONT_KNOW)[] = [...config.choices, ...(config.dontKnow ? [DONT_KNOW as typeof DONT_KNOW] : [])];
  const initial = config.default === DONT_KNOW ? rows.length - 1 : Math.max(0, config.choices.findIndex((c) => c.value === config.default || (Array.isArray(config.default) && config.default.includes(String(c.value)))));
  const [cursor, setCursor] = useState(initial);
  const [ticked, setTicked] = useState<string[]>(Array.isArray(config.default) ? config.default : []);
  const [help, setHelp] = useState(false);
  const [finished, setFinished] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const finish = (outcome: Outcome, shown: string) => {
    setFinished(shown);
    resolve(outcome);
  };
  useKeypress((key: Key) => {
    if (finished !== undefined) return;
    setError(undefined);
    if (isBackKey(key)) {
      if (config.canGoBack) finish({ kind: 'back' }, questText(config.lang, 'went-back'));
      return;
    }
    if (isHelpKey(key)) return setHelp(!help);
    if (isUpKey(key)) return setCursor((cursor - 1 + rows.length) % rows.length);
    if (isDownKey(key) || isTabKey(key)) return setCursor((cursor + 1) % rows.length);
    if (config.dontKnow && isDontKnowKey(key)) return finish({ kind: 'value', value: DONT_KNOW }, questText(config.lang, 'dont-know'));
    const row = rows[cursor]!;
    if (config.multi && isSpaceKey(key) && row !== DONT_KNOW) {
      const value = String(row.value);
      return setTicked(ticked.includes(value) ? ticked.filter((v) => v !== value) : [...ticked, value]);
    }
    if (isEnterKey(key)) {
      if (row === DONT_KNOW) return finish({ kind: 'value', value: DONT_KNOW }, questText(config.lang, 'dont-know'));
      if (config.multi) {
        const order = config.choices.map((c) => String(c.value)).filter((v) => ticked.includes(v));
        const shown = order.length === 0 ? questText(config.lang, 'none-chosen') : config.choices.filter((c) => order.includes(String(c.value))).map((c) => c.label).join(', ');
        return finish({ kind: 'value', value: order }, shown);
      }
      return finish({ kind: 'value', value: row.value }, row.label);
    }
    // A number key picks that row (scales: 1–5).
    if (key.sequence && /^[1-9]$/.test(key.sequence) && Number(key.sequence) <= config.choices.length) setCursor(Number(key.sequence) - 1);
  });

  if (finished !== undefined) return done(config, finished);
  // A long list (the review's answers) shows a window around the cursor.
  const from = rows.length <= PAGE ? 0 : Math.min(Math.max(0, cursor - Math.floor(PAGE / 2)), rows.length - PAGE);
  const list = rows.slice(from, from + PAGE).map((row, j) => {
    const i = from + j;
    const label = row === DONT_KNOW ? questText(config.lang, 'dont-know') : row.label;
    const box = config.multi && row !== DONT_KNOW ? (ticked.includes(String(row.value)) ? '◉ ' : '◯ ') : '';
    return i === cursor ? CYAN(`❯ ${box}${label}`) : `  ${box}${label}`;
  });
  if (from > 0) list.unshift('  ↑ …');
  if (from + PAGE < rows.length) list.push('  ↓ …');
  const hints: QuestId[] = config.multi ? ['key-move', 'key-tick', 'key-enter'] : ['key-move', 'key-enter'];
  if (config.dontKnow) hints.push('key-dont-know');
  return [`${top(config, help)}\n${list.join('\n')}${error ? `\n${RED(error)}` : ''}`, keys(config, hints)];
});

// ---------------------------------------------------------------------------------------
// A number: decimal comma or point, a range, whole numbers where the bank asks for them.

export interface NumberConfig extends Frame {
  min: number;
  max: number;
  /** Only whole numbers. */
  integer: boolean;
  /** Otherwise, at most this many digits after the decimal point (none: any). */
  decimals?: number;
  unit?: string;
  dontKnow: boolean;
  default?: AnswerValue;
}

/** What a typed number is, or why not, in the reader's language. */
export function readNumber(text: string, config: Pick<NumberConfig, 'lang' | 'min' | 'max' | 'integer' | 'decimals' | 'dontKnow'>): { value: number | typeof DONT_KNOW } | { error: string } {
  const lang = config.lang;
  if (config.dontKnow && isDontKnowText(text, lang)) return { value: DONT_KNOW };
  const value = parseNumber(text);
  const range = { min: formatNumber(config.min, lang), max: formatNumber(config.max, lang) };
  if (value === undefined) return { error: questText(lang, config.integer ? 'number-whole-invalid' : 'number-invalid', range) };
  if (config.integer && !Number.isInteger(value)) return { error: questText(lang, 'number-whole-invalid', range) };
  if (!config.integer && config.decimals !== undefined && (text.split(/[.,]/)[1]?.replace(/\D/g, '').length ?? 0) > config.decimals) {
    return { error: questText(lang, 'number-decimals', { ...range, decimals: config.decimals }) };
  }
  if (value < config.min || value > config.max) return { error: questText(lang, 'number-range', range) };
  return { value };
}

/** "vet ikke", "v", "dont-know", "don't know"…: what a respondent types for "don't know". */
export function isDontKnowText(text: string, lang: Lang): boolean {
  const t = text.trim().toLowerCase().replace(/[’']/g, '');
  return t === 'v' || t === 'd' || t === DONT_KNOW || t === 'dont know' || t === 'vet ikke' || t === questText(lang, 'dont-know').toLowerCase().replace(/[’']/g, '');
}

function shownValue(value: AnswerValue | undefined, lang: Lang, unit?: string): string {
  if (value === undefined) return '';
  if (value === DONT_KNOW) return questText(lang, 'dont-know');
  if (typeof value === 'number') return unit ? `${formatNumber(value, lang)} ${unit}` : formatNumber(value, lang);
  return String(value);
}

/** A line being typed, kept in readline's own buffer (so the cursor and editing keys work). */
interface Line {
  line: string;
  clearLine(dir: 0): void;
  write(text: string): void;
}

export const numberPrompt = createPrompt<Outcome, NumberConfig>((config, resolve) => {
  const { dim: DIM, red: RED, cyan: CYAN } = paint(config.color);
  const [text, setText] = useState('');
  const [help, setHelp] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [finished, setFinished] = useState<string | undefined>(undefined);
  const finish = (outcome: Outcome, shown: string) => {
    setFinished(shown);
    resolve(outcome);
  };
  useKeypress((key: Key, rl: Line) => {
    if (finished !== undefined) return;
    if (isBackKey(key)) {
      rl.clearLine(0);
      rl.write(text);
      if (config.canGoBack) finish({ kind: 'back' }, questText(config.lang, 'went-back'));
      return;
    }
    if (isHelpKey(key)) {
      // `?` is not part of a number: take it out of the line again.
      const line = rl.line.replace('?', '');
      rl.clearLine(0);
      rl.write(line);
      setText(line);
      return setHelp(!help);
    }
    if (isEnterKey(key)) {
      // readline has taken the line by now: what was typed is in the state.
      const typed = text.trim() === '' ? undefined : text;
      if (typed === undefined) {
        const fallback = config.default;
        if (fallback === undefined) return setError(questText(config.lang, 'number-required'));
        return finish({ kind: 'value', value: fallback }, shownValue(fallback, config.lang, config.unit));
      }
      const read = readNumber(typed, config);
      if ('error' in read) {
        rl.clearLine(0);
        rl.write(typed);
        setText(typed);
        return setError(read.error);
      }
      return finish({ kind: 'value', value: read.value }, shownValue(read.value, config.lang, config.unit));
    }
    setError(undefined);
    setText(rl.line);
  });
  if (finished !== undefined) return done(config, finished);
  const range = questText(config.lang, 'number-range-hint', { min: formatNumber(config.min, config.lang), max: formatNumber(config.max, config.lang), unit: config.unit ?? '' }).replace(/ +\)/, ')');
  const fallback = config.default === undefined ? '' : DIM(` (${questText(config.lang, 'enter-gives', { value: shownValue(config.default, config.lang, config.unit) })})`);
  const hints: QuestId[] = ['key-enter'];
  if (config.dontKnow) hints.push('key-dont-know-type');
  return [`${top(config, help)}\n  ${DIM(range)}${fallback}\n${CYAN('❯')} ${text}`, `${error ? `${RED(error)}\n` : ''}${keys(config, hints)}`];
});

// ---------------------------------------------------------------------------------------
// Shares that must add up (a sum rule): several fields on one screen with a live sum.

export interface SumField {
  id: string;
  label: string;
  dontKnow: boolean;
  default?: AnswerValue;
}

export interface SumConfig extends Frame {
  fields: SumField[];
  total: number;
  tolerance: number;
  /** The bank's own message for the rule, in the reader's language. */
  ruleMessage: string;
}

export const sumPrompt = createPrompt<Outcome<Record<string, AnswerValue>>, SumConfig>((config, resolve) => {
  const { dim: DIM, red: RED, cyan: CYAN } = paint(config.color);
  const lang = config.lang;
  const start = (f: SumField) => (typeof f.default === 'number' ? formatNumber(f.default, lang) : f.default === DONT_KNOW ? questText(lang, 'dont-know-short') : '');
  const [texts, setTexts] = useState<string[]>(config.fields.map(start));
  const [active, setActive] = useState(0);
  const [help, setHelp] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [finished, setFinished] = useState<string | undefined>(undefined);

  const values = texts.map((t, i) => {
    if (t.trim() === '' || isDontKnowText(t, lang) || t === questText(lang, 'dont-know-short')) return config.fields[i]!.dontKnow ? DONT_KNOW : undefined;
    return parseNumber(t);
  });
  const known = values.filter((v): v is number => typeof v === 'number');
  const sum = Math.round(known.reduce((a, b) => a + b, 0) * 10) / 10;
  const complete = known.length === values.length;
  const ok = complete ? Math.abs(sum - config.total) <= config.tolerance : sum <= config.total + config.tolerance;

  useKeypress((key: Key, rl: Line) => {
    if (finished !== undefined) return;
    rl.clearLine(0);
    setError(undefined);
    if (isBackKey(key)) {
      if (config.canGoBack) {
        setFinished(questText(lang, 'went-back'));
        resolve({ kind: 'back' });
      }
      return;
    }
    if (isHelpKey(key)) return setHelp(!help);
    if (isUpKey(key)) return setActive((active - 1 + texts.length) % texts.length);
    if (isDownKey(key) || isTabKey(key)) return setActive((active + 1) % texts.length);
    const set = (text: string) => setTexts(texts.map((t, i) => (i === active ? text : t)));
    if (isBackspaceKey(key)) return set(texts[active] === questText(lang, 'dont-know-short') ? '' : texts[active]!.slice(0, -1));
    if (isDontKnowKey(key) && config.fields[active]!.dontKnow) return set(questText(lang, 'dont-know-short'));
    if (isEnterKey(key)) {
      const bad = values.findIndex((v, i) => v === undefined || (typeof v === 'number' && (v < 0 || v > config.total)) || (v === DONT_KNOW && !config.fields[i]!.dontKnow));
      if (bad >= 0) {
        setActive(bad);
        return setError(questText(lang, 'number-range', { min: '0', max: formatNumber(config.total, lang) }));
      }
      if (!ok) return setError(`${config.ruleMessage} (${questText(lang, 'sum-now', { sum: formatNumber(sum, lang), total: formatNumber(config.total, lang) })})`);
      // Enter on a field that is not the last moves on, until every field has been passed once.
      const answer: Record<string, AnswerValue> = {};
      config.fields.forEach((f, i) => (answer[f.id] = values[i]!));
      setFinished(config.fields.map((f, i) => `${shownValue(values[i], lang)}`).join(' / '));
      return resolve({ kind: 'value', value: answer });
    }
    const ch = key.sequence;
    if (ch && /^[0-9.,]$/.test(ch)) {
      const now = texts[active] === questText(lang, 'dont-know-short') ? '' : texts[active]!;
      if (now.length < 6) set(now + ch);
    }
  });
  if (finished !== undefined) return done(config, finished);
  const width = Math.max(...config.fields.map((f) => f.label.length));
  const rows = config.fields.map((f, i) => {
    const shown = texts[i] === '' ? DIM('–') : texts[i]!;
    const row = `${f.label.padEnd(width)}  ${shown}${texts[i] !== '' && texts[i] !== questText(lang, 'dont-know-short') ? ' %' : ''}`;
    return i === active ? CYAN(`❯ ${row}`) : `  ${row}`;
  });
  const sumLine = questText(lang, complete ? 'sum-line' : 'sum-line-partial', { sum: formatNumber(sum, lang), total: formatNumber(config.total, lang) });
  const hints: QuestId[] = ['key-fields', 'key-enter', 'key-dont-know'];
  return [`${top(config, help)}\n${rows.join('\n')}\n  ${ok ? sumLine : RED(sumLine)}`, `${error ? `${RED(error)}\n` : ''}${keys(config, hints)}`];
});

// ---------------------------------------------------------------------------------------
// A ranking: every option in order, most important first.

export interface RankConfig extends Frame {
  choices: Choice[];
  dontKnow: boolean;
  default?: AnswerValue;
}

export const rankPrompt = createPrompt<Outcome, RankConfig>((config, resolve) => {
  const { cyan: CYAN } = paint(config.color);
  const lang = config.lang;
  const bankOrder = config.choices.map((c) => String(c.value));
  const initial = Array.isArray(config.default) && config.default.length === bankOrder.length ? config.default : bankOrder;
  // With "dont-know" as the default, Enter on an untouched list says so: the bank's order is no one's ranking.
  const untouchedIsDontKnow = config.dontKnow && config.default === DONT_KNOW;
  const [touched, setTouched] = useState(false);
  const [order, setOrder] = useState<string[]>(initial);
  const [cursor, setCursor] = useState(0);
  const [held, setHeld] = useState(false);
  const [help, setHelp] = useState(false);
  const [finished, setFinished] = useState<string | undefined>(undefined);
  const label = (v: string) => config.choices.find((c) => String(c.value) === v)?.label ?? v;
  const finish = (outcome: Outcome, shown: string) => {
    setFinished(shown);
    resolve(outcome);
  };
  useKeypress((key: Key) => {
    if (finished !== undefined) return;
    if (isBackKey(key)) {
      if (config.canGoBack) finish({ kind: 'back' }, questText(lang, 'went-back'));
      return;
    }
    if (isHelpKey(key)) return setHelp(!help);
    const move = (to: number) => {
      if (to < 0 || to >= order.length) return;
      if (held) {
        const next = [...order];
        [next[cursor], next[to]] = [next[to]!, next[cursor]!];
        setOrder(next);
        setTouched(true);
      }
      setCursor(to);
    };
    if (isUpKey(key)) return move(cursor - 1);
    if (isDownKey(key)) return move(cursor + 1);
    if (isSpaceKey(key)) return setHeld(!held);
    if (config.dontKnow && isDontKnowKey(key)) return finish({ kind: 'value', value: DONT_KNOW }, questText(lang, 'dont-know'));
    if (isEnterKey(key)) {
      if (held) return setHeld(false);
      if (untouchedIsDontKnow && !touched) return finish({ kind: 'value', value: DONT_KNOW }, questText(lang, 'dont-know'));
      return finish({ kind: 'value', value: order }, order.map((v, i) => `${i + 1}. ${label(v)}`).join(', '));
    }
  });
  if (finished !== undefined) return done(config, finished);
  const rows = order.map((v, i) => {
    const text = `${i + 1}. ${label(v)}`;
    if (i !== cursor) return `   ${text}`;
    return CYAN(held ? `↕  ${text}` : `❯  ${text}`);
  });
  const hints: QuestId[] = ['key-move', held ? 'key-drop' : 'key-grab', untouchedIsDontKnow && !touched ? 'key-enter-rank-dont-know' : 'key-enter-order'];
  if (config.dontKnow) hints.push('key-dont-know');
  return [`${top(config, help)}\n${rows.join('\n')}`, keys(config, hints)];
});

// ---------------------------------------------------------------------------------------
// A line of text (the municipality's name, a file name).

export interface TextConfig extends Frame {
  default?: string;
  /** The message for an empty answer when there is no default. */
  required: string;
  maxLength: number;
}

export const textPrompt = createPrompt<Outcome<string>, TextConfig>((config, resolve) => {
  const { dim: DIM, red: RED, cyan: CYAN } = paint(config.color);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [finished, setFinished] = useState<string | undefined>(undefined);
  useKeypress((key: Key, rl: Line) => {
    if (finished !== undefined) return;
    if (isBackKey(key)) {
      if (config.canGoBack) {
        setFinished(questText(config.lang, 'went-back'));
        resolve({ kind: 'back' });
      }
      return;
    }
    if (isEnterKey(key)) {
      const typed = text.trim() || config.default?.trim() || '';
      if (typed === '') return setError(config.required);
      if (typed.length > config.maxLength) {
        rl.write(text);
        return setError(questText(config.lang, 'text-too-long', { max: config.maxLength }));
      }
      setFinished(typed);
      return resolve({ kind: 'value', value: typed });
    }
    setError(undefined);
    setText(rl.line);
  });
  if (finished !== undefined) return done(config, finished);
  const fallback = config.default ? DIM(` (${questText(config.lang, 'enter-gives', { value: config.default })})`) : '';
  return [`${top(config, false)}${fallback}\n${CYAN('❯')} ${text}`, `${error ? `${RED(error)}\n` : ''}${keys(config, ['key-enter'])}`];
});
