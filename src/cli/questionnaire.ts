import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { CommandContext, QuestionnaireOptions } from './commands.js';
import { useColor } from './color.js';
import { builtinKb } from './kb.js';
import { loadAnswers } from './inputs.js';
import { renderOptions } from './render-options.js';
import { compileEngine } from '../core/engine.js';
import { answerProblem } from '../core/integrity.js';
import type { KnowledgeBase } from '../core/kb.js';
import { DEFAULT_SEED, scoreMunicipality } from '../core/pipeline.js';
import { EXIT, UsageError } from '../errors.js';
import type { Lang } from '../i18n/lang.js';
import { questText } from '../i18n/quest.js';
import type { Io } from '../io.js';
import { WriteError, writeErrorMessage, writeFileSafely } from '../load/write.js';
import { answeredCount, answersToWrite, fromFirst, start, type Bank, type Progress } from '../questionnaire/flow.js';
import { terminalPrompter } from '../questionnaire/ask.js';
import { firstUnanswered, runSession, type Prompter } from '../questionnaire/session.js';
import { citation } from '../render/citation.js';
import { renderReasons } from '../render/questionnaire-result.js';
import { wrap } from '../render/text.js';
import { scoredFile } from '../core/summary.js';
import renderers from '../render/registry/score.js';
import { DONT_KNOW, FILE_FORMATS, ROLES, type AnswerValue, type AnswersFile, type Question } from '../schema/index.js';

/** The draft's own format: the progress of a run, not an answers file (`orgfit score` would refuse it). */
const DRAFT_FORMAT = 'orgfit/questionnaire-draft@1';

/**
 * `orgfit questionnaire`: asks the question bank in the terminal, saves the progress after
 * every answer to a draft beside the answers file, writes the answers file `orgfit score`
 * reads, and shows the result. Refuses (exit 2) without a terminal; Ctrl-C exits 130 with
 * the draft kept.
 */
export default async function questionnaire({ io, lang, options }: CommandContext<QuestionnaireOptions>): Promise<number> {
  if (!io.stdin.isTTY || !io.stderr.isTTY || isSet(io.env.CI)) throw new UsageError(questText(lang, 'no-terminal'));
  const kb = builtinKb(lang);
  const bank: Bank = { sections: kb.sections, questions: kb.questions, sums: kb.sums };
  const out = options.out ?? defaultOut(lang);
  const outPath = resolve(io.cwd, out);
  const draftPath = `${outPath}.draft.json`;
  const draftShown = shownPath(io.cwd, draftPath);
  const color = useColor(io.stderr, io.env, options.color);
  const prompter = terminalPrompter(io.stdin, io.stderr as unknown as NodeJS.WritableStream);

  let progress: Progress;
  const draft = existsSync(draftPath) ? readDraft(draftPath, draftShown, bank, lang) : undefined;
  const columns = Math.min(100, io.stderr.columns || 80);
  const say = (text: string) => prompter.say(wrap(text, columns).join('\n'));
  say(`${questText(lang, 'welcome-title')}\n\n${questText(lang, 'welcome')}\n${questText(lang, 'draft-at', { path: draftShown })}\n`);
  try {
    if (options.resume && !draft) throw new UsageError(questText(lang, 'no-draft', { path: draftShown }));
    if (draft && (options.resume || (await keepDraft(prompter, bank, draft, draftShown, lang, color)))) {
      progress = firstUnanswered(bank, draft);
      prompter.say(questText(lang, 'resume-from-draft', answeredCount(bank, progress)) + '\n');
    } else if (options.from) {
      const [first] = await loadAnswers([options.from], kb, io, lang, options.color);
      progress = fromFirst(bank, { municipality: first!.value.municipality, answers: first!.value.answers });
      prompter.say(questText(lang, 'from-file', { path: options.from, count: progress.ask?.length ?? 0 }) + '\n');
    } else progress = start();

    const save = (p: Progress) => writeFileSafely(draftPath, JSON.stringify({ format: DRAFT_FORMAT, progress: p }, null, 2) + '\n', { overwrite: true });
    const research = researchOf(kb, lang);
    const end = await runSession(bank, progress, { lang, color, width: columns, prompter, save, research });
    if (end.kind === 'stopped') {
      io.stderr.write(stoppedMessage(lang, draftShown, out, existsSync(draftPath)) + '\n');
      return EXIT.ok;
    }
    const answers = answersFile(bank, end.progress);
    const written = await writeAnswers(prompter, outPath, answersYaml(answers), io, lang, color);
    rmSync(draftPath, { force: true });
    const shown = shownPath(io.cwd, written);
    io.stderr.write(`${questText(lang, 'wrote-answers', { path: shown })}\n`);
    await showResult(io, lang, options.color, kb, answers, shown);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      io.stderr.write(`\n${stoppedMessage(lang, draftShown, out, existsSync(draftPath))}\n`);
      return EXIT.cancelled;
    }
    if (error instanceof WriteError) throw new UsageError(writeErrorMessage(error, out, lang));
    throw error;
  }
}

const isSet = (value: string | undefined) => value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';

function defaultOut(lang: Lang): string {
  return lang === 'nb' ? 'svar.yaml' : 'answers.yaml';
}

function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel;
}

/** What a stop says: where the answers so far are kept, or, before the first answer was saved, that there is nothing to continue. */
function stoppedMessage(lang: Lang, draft: string, out: string, saved: boolean): string {
  if (!saved) return questText(lang, 'cancelled-nothing');
  const command = `orgfit questionnaire --out ${out} --resume`;
  return `${questText(lang, 'cancelled', { path: draft })}\n${questText(lang, 'cancelled-resume', { command })}`;
}

/**
 * The draft as it was saved: its answers checked again against today's bank (one that no
 * longer fits, after an update, is dropped and asked again).
 */
export function readDraft(path: string, shown: string, bank: Bank, lang: Lang): Progress {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(questText(lang, 'bad-draft', { path: shown, reason: error instanceof Error ? error.message : String(error) }));
  }
  const progress = (data as { format?: unknown; progress?: unknown } | null)?.progress as Partial<Progress> | undefined;
  if ((data as { format?: unknown } | null)?.format !== DRAFT_FORMAT || !progress || typeof progress !== 'object' || typeof progress.answers !== 'object' || progress.answers === null) {
    throw new UsageError(questText(lang, 'bad-draft', { path: shown, reason: DRAFT_FORMAT }));
  }
  const answers: Record<string, AnswerValue> = {};
  for (const question of bank.questions) {
    const value = (progress.answers as Record<string, unknown>)[question.id];
    if (value !== undefined && answerProblem(question, value) === undefined) answers[question.id] = value as AnswerValue;
  }
  const role = ROLES.find((r) => r === progress.role);
  const ask = Array.isArray(progress.ask) ? progress.ask.filter((id): id is string => typeof id === 'string') : undefined;
  return {
    answers,
    cursor: 0,
    ...(role ? { role } : {}),
    ...(typeof progress.municipality === 'string' && progress.municipality.trim() !== '' ? { municipality: progress.municipality.slice(0, 200) } : {}),
    ...(ask ? { ask } : {}),
  };
}

async function keepDraft(prompter: Prompter, bank: Bank, draft: Progress, shown: string, lang: Lang, color: boolean): Promise<boolean> {
  const got = await prompter.choice({
    lang,
    color,
    message: questText(lang, 'draft-found', { path: shown, ...answeredCount(bank, draft) }),
    canGoBack: false,
    dontKnow: false,
    default: 'continue',
    choices: [
      { value: 'continue', label: questText(lang, 'draft-continue') },
      { value: 'restart', label: questText(lang, 'draft-restart') },
    ],
  });
  return got.kind === 'value' && got.value === 'continue';
}

/** "Helgøy 2003; Fehn mfl. 1994": the works behind the findings a question feeds. */
function researchOf(kb: KnowledgeBase, lang: Lang): (question: Question) => string {
  const findings = new Map(kb.findings.map((f) => [f.id, f]));
  const references = new Map(kb.references.map((r) => [r.key, r]));
  return (question) => {
    const works = question.feeds.flatMap((id) => findings.get(id)?.references ?? []).flatMap((key) => {
      const reference = references.get(key);
      return reference ? [citation(reference, lang)] : [];
    });
    return [...new Set(works)].slice(0, 6).join('; ');
  };
}

function answersFile(bank: Bank, progress: Progress): AnswersFile {
  return {
    format: FILE_FORMATS.answers,
    municipality: progress.municipality ?? '',
    ...(progress.role ? { respondent: { role: progress.role } } : {}),
    answers: answersToWrite(bank, progress),
  };
}

/** The answers file as YAML: strings quoted as JSON (which YAML reads the same), lists in flow style. */
export function answersYaml(file: AnswersFile): string {
  const scalar = (v: AnswerValue | null): string => (Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : typeof v === 'string' && v !== DONT_KNOW ? JSON.stringify(v) : String(v));
  const lines = [`format: ${file.format}`, `municipality: ${JSON.stringify(file.municipality)}`];
  if (file.respondent) lines.push('respondent:', `  role: ${file.respondent.role}`);
  lines.push('answers:');
  for (const [id, value] of Object.entries(file.answers)) lines.push(`  ${id}: ${scalar(value)}`);
  return lines.join('\n') + '\n';
}

/** Writes the answers file; an existing file is replaced only when the respondent says so, else another name is asked for. */
async function writeAnswers(prompter: Prompter, path: string, text: string, io: Io, lang: Lang, color: boolean): Promise<string> {
  let target = path;
  for (;;) {
    try {
      await writeFileSafely(target, text, { overwrite: false });
      return target;
    } catch (error) {
      if (!(error instanceof WriteError) || error.problem.kind !== 'exists') throw error;
    }
    const shown = shownPath(io.cwd, target);
    const got = await prompter.choice({
      lang,
      color,
      message: questText(lang, 'out-exists', { path: shown }),
      canGoBack: false,
      dontKnow: false,
      default: 'other',
      choices: [
        { value: 'other', label: questText(lang, 'out-other') },
        { value: 'overwrite', label: questText(lang, 'out-overwrite') },
      ],
    });
    if (got.kind === 'value' && got.value === 'overwrite') {
      await writeFileSafely(target, text, { overwrite: true });
      return target;
    }
    const suggestion = join(dirname(target), `${basename(target, extname(target))}-2${extname(target) || '.yaml'}`);
    const name = await prompter.text({ lang, color, message: questText(lang, 'out-name'), canGoBack: false, required: questText(lang, 'out-name-required'), maxLength: 1000, default: shownPath(io.cwd, suggestion) });
    if (name.kind === 'value') target = resolve(io.cwd, name.value);
  }
}

/** The ranking, as `orgfit score` shows it, with what the "don't know" answers mean and the next steps. */
async function showResult(io: Io, lang: Lang, colorFlag: boolean | undefined, kb: KnowledgeBase, answers: AnswersFile, path: string): Promise<void> {
  // The ranking as the table shows it: no confidence factors (SMAA-2's second pass) to compute.
  const result = scoreMunicipality(compileEngine(kb, kb.models), answers, { lang, seed: DEFAULT_SEED, source: path, skipConfidence: true });
  const options = await renderOptions(io.stdout, io, lang, colorFlag, io.stdout.columns || 80);
  const total = kb.questions.length;
  const unknown = kb.questions.filter((q) => answers.answers[q.id] === DONT_KNOW).length;
  const lines = ['', questText(lang, 'result-title', { municipality: answers.municipality })];
  if (unknown > 0) lines.push(questText(lang, 'result-dont-know', { count: unknown, total }));
  if (unknown > total / 2) lines.push(questText(lang, 'result-mostly-unknown'));
  io.stdout.write(`${wrap(lines.join('\n'), options.width - 1).join('\n')}\n\n${(await renderers.table()).render([scoredFile(result)], options)}\n${renderReasons(result, lang, options.width, path)}`);
  const other = `${basename(path, extname(path))}-2${extname(path) || '.yaml'}`;
  const next = [questText(lang, 'next-score', { path }), questText(lang, 'next-second', { path, other })].flatMap((line) => wrap(line, options.width - 1, { first: '  ', indent: '    ' }));
  io.stdout.write(`\n${questText(lang, 'next-title')}\n${next.join('\n')}\n`);
}
