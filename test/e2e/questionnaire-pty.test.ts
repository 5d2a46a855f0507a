import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, environment, orgfitBin, waitForBuild } from '../helpers/bin.js';
import { KEYS, startPty, type Session } from '../helpers/pty.js';

// The built CLI in a real pseudo-terminal at 80 columns, driven as a person would: answer,
// go back and change, interrupt, resume, change on the review screen, finish; then the
// answers file it wrote is scored by `orgfit score`.

let dir: string;
const sessions: Session[] = [];
beforeAll(waitForBuild);
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function open(args: string[], env: Record<string, string> = {}): Session {
  const session = startPty(['questionnaire', ...args], { cwd: dir, env });
  sessions.push(session);
  return session;
}

/** Presses Enter on every question from `from` to `to` (of `total`), waiting for each one's header first. */
async function enterThrough(s: Session, from: number, to: number, total: number, of: string): Promise<void> {
  for (let n = from; n <= to; n++) {
    await s.waitFor(new RegExp(` ${n} ${of} ${total}\\n`));
    s.type(KEYS.enter);
  }
}

const draft = () => JSON.parse(readFileSync(join(dir, 'svar.yaml.draft.json'), 'utf8')) as { progress: { answers: Record<string, unknown>; role?: string; municipality?: string } };

describe('orgfit questionnaire in a terminal', () => {
  it('Ctrl-C before the first answer: 130, and it claims no draft that was never written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgfit-quest-'));
    const s = open(['--out', 'svar.yaml']);
    await s.waitFor('I hvilken rolle svarer du?');
    s.type(KEYS.ctrlC);
    expect(await s.exited).toBe(130);
    expect(s.all()).toContain('Avbrutt før første svar: ingenting ble lagret.');
    expect(s.all()).not.toContain('--resume');
    expect(existsSync(join(dir, 'svar.yaml.draft.json'))).toBe(false);
  });

  it('bokmål: answer, go back and change, Ctrl-C (130, draft kept), resume, change on the review screen, finish, and the file scores', async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgfit-quest-'));
    let s = open(['--out', 'svar.yaml']);
    await s.waitFor('I hvilken rolle svarer du?');
    expect(s.all()).toContain('Svarene lagres underveis i svar.yaml.draft.json.');
    s.type(KEYS.down);
    s.type(KEYS.enter);
    await s.waitFor('Hva heter kommunen');
    s.type('Testvik');
    s.type(KEYS.enter);
    await s.waitFor('Oppgavene · 1–3 av 23');
    s.type('50');
    s.type(KEYS.down);
    s.type('30');
    s.type(KEYS.down);
    s.type('10');
    await s.waitFor('Sum: 90 av 100');
    s.type(KEYS.enter);
    await s.waitFor('Oppgavene · 4 av 23');
    s.type('4');
    s.type(KEYS.enter);
    await s.waitFor('Oppgavene · 5 av 23');
    s.type(KEYS.enter); // vet ikke
    await s.waitFor('De ansatte · 6 av 23');
    s.type('12,5'); // fractional FTEs, with a decimal comma
    s.type(KEYS.enter);
    await s.waitFor('De ansatte · 7 av 23');
    expect(draft().progress.answers['staff-fte']).toBe(12.5);
    // Back to the number of FTEs: the earlier answer is the default.
    s.type(KEYS.ctrlB);
    await s.waitFor('(Enter: 12,5 årsverk)');
    s.type('14');
    s.type(KEYS.enter);
    await s.waitFor('De ansatte · 7 av 23');
    expect(draft().progress.answers['staff-fte']).toBe(14);
    s.type(KEYS.ctrlC);
    expect(await s.exited).toBe(130);
    expect(s.all()).toContain('Avbrutt. Svarene så langt er lagret i svar.yaml.draft.json.');
    expect(s.all()).toContain('Fortsett med: orgfit questionnaire --out svar.yaml --resume');
    expect(existsSync(join(dir, 'svar.yaml'))).toBe(false);
    expect(draft().progress).toMatchObject({ role: 'frontline', municipality: 'Testvik', answers: { 'share-rule-logic': 50, 'share-means-end-logic': 30, 'share-crisis-logic': 10, 'rule-work-crowds-out': 4, 'current-organisation': 'dont-know', 'staff-fte': 14 } });

    s = open(['--out', 'svar.yaml', '--resume']);
    await s.waitFor('Fortsetter der du slapp (6 av 23 besvart).');
    await enterThrough(s, 7, 23, 23, 'av');
    await s.waitFor('Stemmer dette?');
    expect(s.all()).toMatch(/Antall årsverk: 14 årsverk/);
    s.type(KEYS.down);
    s.type(KEYS.enter); // Endre et svar …
    await s.waitFor('Hvilket svar vil du endre?');
    // The list starts on the first question; "Hvor ofte …" (rule-work-crowds-out) is three further down.
    for (let i = 0; i < 3; i++) s.type(KEYS.down);
    s.type(KEYS.enter);
    await s.waitFor('Oppgavene · 4 av 23');
    s.type('2');
    s.type(KEYS.enter);
    await s.waitFor(/Hvor ofte saksbehandlingen skyver tiltaksarbeidet til side: 2\n/);
    await s.waitFor('Stemmer dette?');
    s.type(KEYS.enter);
    expect(await s.exited).toBe(0);
    expect(s.all()).toContain('Svarene er lagret i svar.yaml.');
    expect(s.all()).toContain('Resultat');
    expect(s.all()).toMatch(/orgfit explain [a-z-]+ svar\.yaml/);
    expect(s.all()).not.toMatch(/Value must|Press (enter|space)|\bchoose\b|You must/);

    expect(existsSync(join(dir, 'svar.yaml.draft.json'))).toBe(false);
    const written = parse(readFileSync(join(dir, 'svar.yaml'), 'utf8')) as { municipality: string; respondent: { role: string }; answers: Record<string, unknown> };
    expect(written.municipality).toBe('Testvik');
    expect(written.respondent).toEqual({ role: 'frontline' });
    expect(written.answers).toMatchObject({ 'share-rule-logic': 50, 'rule-work-crowds-out': 2, 'staff-fte': 14, 'current-organisation': 'dont-know', frame: 'nav-office', priorities: 'dont-know' });
    const scored = orgfitBin(['score', join(dir, 'svar.yaml'), '--format', 'json']);
    expect(scored.stderr).toBe('');
    expect(scored.status).toBe(0);
    expect(JSON.parse(scored.stdout).municipality).toBe('Testvik');
  });

  it('English: Esc goes back, nothing in bokmål on screen, an existing answers file is not replaced without asking', async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgfit-quest-'));
    writeFileSync(join(dir, 'svar.yaml'), 'keep me\n');
    const s = open(['--out', 'svar.yaml', '--lang', 'en']);
    await s.waitFor('In which role are you answering?');
    s.type(KEYS.enter);
    await s.waitFor('What is the name of the municipality');
    s.type('Testvik');
    s.type(KEYS.enter);
    await s.waitFor('The tasks · 1–3 of 23');
    s.type('v');
    s.type(KEYS.enter);
    await s.waitFor('The tasks · 4 of 23');
    s.type(KEYS.esc); // readline waits about half a second to tell Esc from an escape sequence
    await s.waitFor('The tasks · 1–3 of 23\n', 5000);
    s.type(KEYS.enter);
    await enterThrough(s, 4, 23, 23, 'of');
    await s.waitFor('Is this right?');
    expect(s.all()).not.toMatch(/Vet ikke|tilbake|Stemmer|Svarene/);
    s.type(KEYS.enter);
    await s.waitFor('svar.yaml already exists. What should happen?');
    s.type(KEYS.enter); // save under another name
    await s.waitFor('(Enter: svar-2.yaml)');
    s.type(KEYS.enter);
    expect(await s.exited).toBe(0);
    expect(readFileSync(join(dir, 'svar.yaml'), 'utf8')).toBe('keep me\n');
    expect(s.all()).toContain('The answers are saved in svar-2.yaml.');
    const written = parse(readFileSync(join(dir, 'svar-2.yaml'), 'utf8')) as { answers: Record<string, unknown> };
    expect(written.answers['share-rule-logic']).toBe('dont-know');
    expect(orgfitBin(['score', join(dir, 'svar-2.yaml')]).status).toBe(0);
  });

  it('a kill -9 between two answers leaves a draft that resumes at the next question', async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgfit-quest-'));
    let s = open(['--out', 'svar.yaml']);
    await s.waitFor('I hvilken rolle svarer du?');
    s.type(KEYS.enter);
    await s.waitFor('Hva heter kommunen');
    s.type('Killvik');
    s.type(KEYS.enter);
    await s.waitFor('Oppgavene · 1–3 av 23');
    s.type('60');
    s.type(KEYS.enter);
    await s.waitFor('Oppgavene · 4 av 23');
    s.type('5');
    s.type(KEYS.enter);
    await s.waitFor('Oppgavene · 5 av 23');
    process.kill(s.pty.pid, 'SIGKILL');
    expect(await s.exited).toBe(128 + 9);
    expect(draft().progress).toMatchObject({ municipality: 'Killvik', answers: { 'share-rule-logic': 60, 'share-means-end-logic': 'dont-know', 'rule-work-crowds-out': 5 } });

    s = open(['--out', 'svar.yaml', '--resume']);
    await s.waitFor('Fortsetter der du slapp (4 av 23 besvart).');
    await s.waitFor('Oppgavene · 5 av 23');
    s.type(KEYS.ctrlC);
    expect(await s.exited).toBe(130);
  });

  it('a second respondent (--from) is asked only the priorities and what the first left as "vet ikke"', async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgfit-quest-'));
    // Bygdvik with two facts not known: those two and the ranking are asked, nothing else.
    const first = readFileSync('seeds/examples/bygdvik.yaml', 'utf8').replace('staff-fte: 4', 'staff-fte: dont-know').replace('acute-case-volume: 2', 'acute-case-volume: dont-know');
    writeFileSync(join(dir, 'forste.yaml'), first);
    const s = open(['--from', 'forste.yaml', '--out', 'svar.yaml']);
    await s.waitFor('Starter fra svarene i forste.yaml');
    await s.waitFor('I hvilken rolle svarer du?');
    s.type(KEYS.down);
    s.type(KEYS.down);
    s.type(KEYS.enter); // brukerrepresentant
    await s.waitFor('(Enter: Bygdvik kommune)');
    s.type(KEYS.enter);
    await s.waitFor('De ansatte · 1 av 3');
    s.type('6');
    s.type(KEYS.enter);
    await s.waitFor('Brukerne · 2 av 3');
    s.type(KEYS.enter);
    await s.waitFor('Prioriteringene · 3 av 3');
    s.type(KEYS.space);
    s.type(KEYS.down);
    s.type(KEYS.enter); // drop: the bank's first two swapped (the first respondent's ranking is not the start)
    s.type(KEYS.enter);
    await s.waitFor('Stemmer dette?');
    s.type(KEYS.enter);
    expect(await s.exited).toBe(0);
    const written = parse(readFileSync(join(dir, 'svar.yaml'), 'utf8')) as { municipality: string; respondent: unknown; answers: Record<string, unknown> };
    const bygdvik = parse(first) as { answers: Record<string, unknown> };
    expect(written.municipality).toBe('Bygdvik kommune');
    expect(written.respondent).toEqual({ role: 'user-representative' });
    expect(written.answers).toEqual({ ...bygdvik.answers, 'staff-fte': 6, 'acute-case-volume': 'dont-know', priorities: ['staff-development', 'control-economy', 'knowledge-practice', 'user-participation', 'coherence'] });
  });
});

describe('without a terminal', () => {
  beforeAll(waitForBuild);

  it('refuses with exit 2 and names the way without one, never waiting for input', () => {
    const ran = spawnSync(process.execPath, [BIN, 'questionnaire'], { env: environment(), encoding: 'utf8', input: '', timeout: 10_000 });
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('orgfit template --out svar.yaml');
    expect(ran.stderr).toContain('orgfit score svar.yaml');
  });

  it('refuses in a terminal too when CI is set', async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgfit-quest-'));
    const s = open([], { CI: 'true' });
    expect(await s.exited).toBe(2);
    expect(s.all()).toContain('Spørreskjemaet trenger en interaktiv terminal');
  });
});
