import { describe, expect, it } from 'vitest';
import { answersToWrite, start, type Bank, type Progress } from '../../src/questionnaire/flow.js';
import type { Outcome } from '../../src/questionnaire/prompts.js';
import { reviewText, runSession, shownAnswer, type Prompter } from '../../src/questionnaire/session.js';
import type { AnswerValue, Question } from '../../src/schema/index.js';
import { repoKb } from '../helpers/kb.js';

const text = (s: string) => ({ nb: s, en: `${s} (en)` });
const q = (id: string, section: string, extra: Partial<Question> = {}): Question => ({ id, section, text: text(`Spørsmål ${id}?`), short: text(id), help: text(`Fordi ${id}. Mer.`), feeds: ['x'], type: 'scale', dontKnow: true, assume: 3, ...extra });
const BANK: Bank = {
  sections: [
    { id: 'a', title: text('Del A'), intro: text('Om A') },
    { id: 'b', title: text('Del B'), intro: text('Om B') },
  ],
  questions: [
    q('x', 'a', { type: 'percent', assume: 50 }),
    q('y', 'a', { type: 'percent', assume: 50 }),
    q('frame', 'b', { type: 'choice', options: [{ value: 'nav', label: text('NAV') }, { value: 'alone', label: text('Alene') }], dontKnow: false, assume: undefined }),
    q('nav-only', 'b', { askIf: { question: 'frame', eq: 'nav' } }),
    q('last', 'b'),
  ],
  sums: [{ id: 'xy', questions: ['x', 'y'], total: 100, tolerance: 0, message: text('x og y er 100') }],
};

type Scripted = { kind: string; expect?: string; give: Outcome<unknown> };

/** A prompter that answers from a script and records what each prompt showed (create-astro's mock prompter). */
function scripted(script: Scripted[]): Prompter & { shown: string[]; said: string[] } {
  const shown: string[] = [];
  const said: string[] = [];
  const next = (kind: string, config: { header?: string; message: string; canGoBack: boolean }) => {
    const step = script.shift();
    if (!step) throw new Error(`the script ended, but a ${kind} prompt asked: ${config.message}`);
    expect(step.kind, `${config.header ?? ''} ${config.message}`).toBe(kind);
    shown.push(`${config.header ?? ''} | ${config.message}${config.canGoBack ? '' : ' (no back)'}`);
    if (step.expect) expect(`${config.header ?? ''} ${config.message}`).toContain(step.expect);
    return Promise.resolve(step.give as never);
  };
  return {
    shown,
    said,
    choice: (c) => next('choice', c),
    number: (c) => next('number', c),
    sum: (c) => next('sum', c),
    rank: (c) => next('rank', c),
    text: (c) => next('text', c),
    say: (t) => void said.push(t),
  };
}
const value = (v: unknown): Outcome<unknown> => ({ kind: 'value', value: v });
const BACK: Outcome<unknown> = { kind: 'back' };

async function run(script: Scripted[], from: Progress = start()) {
  const prompter = scripted(script);
  const saved: Progress[] = [];
  const end = await runSession(BANK, from, { lang: 'nb', color: false, prompter, save: async (p) => void saved.push(p) });
  expect(script, 'every scripted answer was asked for').toEqual([]);
  return { end, saved, prompter };
}

describe('a run of the questionnaire', () => {
  it('asks every step with its position, saves after every answer, and ends on the review', async () => {
    const { end, saved, prompter } = await run([
      { kind: 'choice', expect: 'Om deg I hvilken rolle', give: value('consultant') },
      { kind: 'text', expect: 'Hva heter kommunen', give: value('Fjordby') },
      { kind: 'sum', expect: 'Del A · 1–2 av 5 x og y er 100', give: value({ x: 40, y: 60 }) },
      { kind: 'choice', expect: 'Del B · 3 av 5', give: value('nav') },
      { kind: 'choice', expect: 'Del B · 4 av 5 Spørsmål nav-only?', give: value(2) },
      { kind: 'choice', expect: 'Del B · 5 av 5', give: value('dont-know') },
      { kind: 'choice', expect: 'Stemmer dette?', give: value('finish') },
    ]);
    expect(end.kind).toBe('finished');
    expect(saved).toHaveLength(6);
    expect(saved[2]!.answers).toEqual({ x: 40, y: 60 });
    expect(prompter.shown[0]).toContain('(no back)');
    expect(prompter.shown[1]).not.toContain('(no back)');
    expect(answersToWrite(BANK, end.progress)).toEqual({ x: 40, y: 60, frame: 'nav', 'nav-only': 2, last: 'dont-know' });
    expect(prompter.said.join('\n')).toContain('Del B\n  Frame: NAV\n  Nav-only: 2\n  Last: Vet ikke');
  });

  it('going back returns to the previous question with its answer, and a hidden question is skipped both ways', async () => {
    const { end } = await run([
      { kind: 'choice', give: value('leader') },
      { kind: 'text', give: value('Fjordby') },
      { kind: 'sum', give: value({ x: 50, y: 50 }) },
      { kind: 'choice', expect: '3 av 5', give: value('alone') },
      { kind: 'choice', expect: '4 av 4', give: BACK }, // "last": nav-only is hidden now
      { kind: 'choice', expect: '3 av 4', give: value('nav') },
      { kind: 'choice', expect: '4 av 5 Spørsmål nav-only?', give: value(5) },
      { kind: 'choice', expect: '5 av 5', give: value(1) },
      { kind: 'choice', expect: 'Stemmer dette?', give: value('finish') },
    ]);
    expect(end.progress.answers).toEqual({ x: 50, y: 50, frame: 'nav', 'nav-only': 5, last: 1 });
  });

  it('the review changes one answer and comes back to the review, not to the next question', async () => {
    const { end } = await run([
      { kind: 'choice', give: value('leader') },
      { kind: 'text', give: value('Fjordby') },
      { kind: 'sum', give: value({ x: 50, y: 50 }) },
      { kind: 'choice', give: value('alone') },
      { kind: 'choice', give: value(4) },
      { kind: 'choice', expect: 'Stemmer dette?', give: value('change') },
      { kind: 'choice', expect: 'Hvilket svar vil du endre?', give: value('x') },
      { kind: 'sum', expect: '1–2 av 4', give: value({ x: 30, y: 70 }) },
      { kind: 'choice', expect: 'Stemmer dette?', give: value('finish') },
    ]);
    expect(end.progress.answers).toMatchObject({ x: 30, y: 70, last: 4 });
  });

  it('a change that brings in a new question asks it before the review', async () => {
    const { end } = await run([
      { kind: 'choice', give: value('leader') },
      { kind: 'text', give: value('Fjordby') },
      { kind: 'sum', give: value({ x: 50, y: 50 }) },
      { kind: 'choice', give: value('alone') },
      { kind: 'choice', give: value(4) },
      { kind: 'choice', give: value('change') },
      { kind: 'choice', give: value('frame') },
      { kind: 'choice', expect: '3 av 4', give: value('nav') },
      { kind: 'choice', expect: '4 av 5 Spørsmål nav-only?', give: value(3) },
      { kind: 'choice', expect: 'Stemmer dette?', give: value('finish') },
    ]);
    expect(answersToWrite(BANK, end.progress)).toEqual({ x: 50, y: 50, frame: 'nav', 'nav-only': 3, last: 4 });
  });

  it('stopping at the review keeps the progress for a later run', async () => {
    const { end } = await run([
      { kind: 'choice', give: value('leader') },
      { kind: 'text', give: value('Fjordby') },
      { kind: 'sum', give: value({ x: 50, y: 50 }) },
      { kind: 'choice', give: value('alone') },
      { kind: 'choice', give: value(4) },
      { kind: 'choice', give: value('quit') },
    ]);
    expect(end.kind).toBe('stopped');
  });
});

describe('answers in words', () => {
  const kb = repoKb();
  const question = (id: string) => kb.questions.find((x) => x.id === id)!;
  it.each([
    ['staff-fte', 12.5, 'nb', '12,5 årsverk'],
    ['staff-fte', 12.5, 'en', '12.5 FTEs'],
    ['recent-reorganisations', 2, 'nb', '2 omorganiseringer'],
    ['share-rule-logic', 55, 'nb', '55 %'],
    ['rule-work-crowds-out', 5, 'nb', '5 (hele tiden)'],
    ['rule-work-crowds-out', 3, 'nb', '3'],
    ['frame', 'nav-office', 'nb', 'NAV-kontor (partnerskap med staten)'],
    ['user-groups', [], 'nb', 'ingen'],
    ['user-groups', ['refugees', 'young-people'], 'nb', 'Flyktninger, Ungdom'],
    ['priorities', ['coherence', 'control-economy', 'staff-development', 'knowledge-practice', 'user-participation'], 'nb', '1. Sammenhengende tjenester for brukeren, 2. Styring og økonomi, 3. Faglig'],
    ['frame', 'dont-know', 'en', "Don't know"],
  ] as [string, AnswerValue, 'nb' | 'en', string][])('%s = %j in %s: %s', (id, v, lang, expected) => {
    expect(shownAnswer(question(id), v, lang)).toContain(expected);
  });

  it('the review lists every section of the real bank with its answers, wrapped to 80 columns', () => {
    const progress: Progress = { ...start(), role: 'leader', municipality: 'Bygdvik', answers: { 'staff-fte': 4 } };
    const shown = reviewText(kb, progress, 'nb', 80);
    for (const section of kb.sections) expect(shown).toContain(`\n${section.title.nb}\n`);
    expect(shown).toContain('Antall årsverk: 4 årsverk');
    expect(Math.max(...shown.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(79);
  });
});
