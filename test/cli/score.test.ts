import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/kb.js';
import type { KnowledgeBase } from '../../src/core/kb.js';
import type { RankedModel, Result } from '../../src/core/result.js';
import { KB_JSON } from '../../src/paths.js';

/*
 * `orgfit score`, run in-process with a fake Io. Paths are given relative to `cwd`
 * (the repository root for the examples, a temporary folder for files written
 * here), so messages can be matched against the exact names the user typed.
 */

const EXAMPLES = ['bergen-vest', 'bydel-nord', 'bygdvik', 'elvestad', 'fjellvik', 'fjordby'] as const;
type Example = (typeof EXAMPLES)[number];
const examplePath = (name: string) => `seeds/examples/${name}.yaml`;
const MUNICIPALITY: Record<Example, string> = {
  'bergen-vest': 'Bergen vest (som Helgøys spesialiserte kontor)',
  'bydel-nord': 'Bydel Nord',
  bygdvik: 'Bygdvik kommune',
  elvestad: 'Elvestad kommune',
  fjellvik: 'Fjellvik kommune',
  fjordby: 'Fjordby kommune',
};
/** Each example's frame (the frame model its `frame` answer matches) and its organisation today. */
const FRAME: Record<Example, string> = {
  'bergen-vest': 'nav-co-located',
  'bydel-nord': 'nav-co-located',
  bygdvik: 'nav-co-located',
  elvestad: 'nav-co-located',
  fjellvik: 'nav-co-located',
  fjordby: 'centrelink-style',
};
const TODAY: Record<Example, string> = {
  'bergen-vest': 'specialised',
  'bydel-nord': 'integrated-generalist',
  bygdvik: 'integrated-generalist',
  elvestad: 'specialised',
  fjellvik: 'integrated-generalist',
  fjordby: 'specialised',
};
/** Where robustness does not matter: keeps the suite fast. */
const FAST = ['--samples', '200'];

interface Results {
  format: 'orgfit/results@1';
  results: Result[];
}

let tmp: string;
let kb: KnowledgeBase;
/** The models a result ranks: every one but the frames (a NAV office, a one-stop agency), which are never ranked. */
let organisations: KnowledgeBase['models'];

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'orgfit-score-'));
  kb = JSON.parse(readFileSync(KB_JSON, 'utf8')) as KnowledgeBase;
  organisations = kb.models.filter((m) => m.kind !== 'frame');
  expect(kb.models.filter((m) => m.kind === 'frame').map((m) => m.id).sort()).toEqual(['centrelink-style', 'nav-co-located']);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const codePoints = (line: string) => [...line].length;
/** Bygdvik's answers, the base that bad files are made from. */
const BASE = readFileSync(join(ROOT, examplePath('bygdvik')), 'utf8');
/** Bygdvik's answers with one answer changed (the line must be in the file, once). */
function bygdvikWith(from: string, to: string): string {
  if (BASE.split(from).length !== 2) throw new Error(`Bygdvik's answers do not have ${JSON.stringify(from)} once`);
  return BASE.replace(from, to);
}
/**
 * Bygdvik with fewer staff: a matrix needs at least 4 FTEs (two-dimensions-need-people) and self-managed teams at
 * least 3 (a-team-needs-people), so at 3 FTEs the matrix is unworkable and at 2 both are.
 */
const THREE_STAFF = bygdvikWith('  staff-fte: 4\n', '  staff-fte: 3\n');
const TWO_STAFF = bygdvikWith('  staff-fte: 4\n', '  staff-fte: 2\n');
const ESC = '\u001b[';

/** 1-based line and column of the first occurrence of `needle` (plus `skip` characters). */
function at(text: string, needle: string, skip = 0): string {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture text does not contain ${JSON.stringify(needle)}`);
  const before = text.slice(0, index + skip);
  const line = before.split('\n').length;
  const column = index + skip - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

/** The problem lines of the text formatter: "  L:C  error  message  rule  pointer". */
function problemLine(stderr: string, position: string): string | undefined {
  return stderr.split('\n').find((line) => new RegExp(`^ {2}${position}\\s+(error|feil)\\s`).test(line));
}

/** Every finding id and reference key a result uses, wherever it is used. */
function citedIn(result: Result): { findings: Set<string>; references: Set<string> } {
  const findings = new Set<string>();
  const references = new Set<string>();
  for (const w of result.weights) w.findings.forEach((f) => findings.add(f));
  for (const entry of result.ranking) {
    for (const p of entry.preconditions) {
      p.findings.forEach((f) => findings.add(f));
      p.references.forEach((r) => references.add(r));
    }
    for (const c of entry.criteria) {
      for (const x of c.contributions) {
        x.findings.forEach((f) => findings.add(f));
        x.references.forEach((r) => references.add(r));
      }
    }
    for (const reason of [...entry.fit, ...entry.misfit]) reason.findings.forEach((f) => findings.add(f));
    for (const gap of entry.evidenceGaps) gap.findings.forEach((f) => findings.add(f));
  }
  for (const f of Object.values(result.findings)) f.references.forEach((r) => references.add(r));
  return { findings, references };
}

/** The structural and evidence checks every orgfit/result@1 must pass. */
function checkResult(result: Result, lang: 'nb' | 'en' = 'nb'): void {
  expect(result.format).toBe('orgfit/result@1');
  expect(result.lang).toBe(lang);
  expect(result.method.kind).toBe('weighted-additive');
  expect(result.method.scale).toBe('0-100');
  // Only the organisations are ranked; a frame never is.
  expect(result.ranking.map((r) => r.model).sort()).toEqual(organisations.map((m) => m.id).sort());
  expect(result.ranking.map((r) => r.rank)).toEqual(result.ranking.map((_, i) => i + 1));

  const weightSum = result.weights.reduce((sum, w) => sum + w.weight, 0);
  expect(weightSum).toBeCloseTo(1, 2);
  expect(result.weights.map((w) => w.criterion).sort()).toEqual(kb.criteria.map((c) => c.id).sort());

  for (const entry of result.ranking) {
    expect(typeof entry.model).toBe('string');
    expect(entry.name).toBe(kb.models.find((m) => m.id === entry.model)!.name[lang]);
    expect(entry.score).toBeGreaterThanOrEqual(0);
    expect(entry.score).toBeLessThanOrEqual(100);
    expect(entry.interval[0]).toBeLessThanOrEqual(entry.score);
    expect(entry.interval[1]).toBeGreaterThanOrEqual(entry.score);
    expect(entry.interval[0]).toBeGreaterThanOrEqual(0);
    expect(entry.interval[1]).toBeLessThanOrEqual(100);
    expect(entry.feasible).toBe(entry.preconditions.every((p) => p.status !== 'failed'));
    expect(entry.criteria.map((c) => c.criterion).sort()).toEqual(kb.criteria.map((c) => c.id).sort());
    // The score is the sum of the criteria's points (each rounded to 2 decimals).
    const points = entry.criteria.reduce((sum, c) => sum + c.points, 0);
    expect(Math.abs(points - entry.score)).toBeLessThan(0.1);
    for (const c of entry.criteria) {
      expect(c.performance).toBeGreaterThanOrEqual(c.interval[0]);
      expect(c.performance).toBeLessThanOrEqual(c.interval[1]);
      expect(c.contributions.length).toBeGreaterThan(0);
      expect(c.contributions.filter((x) => x.kind === 'baseline')).toHaveLength(1);
      // The frame's rating is one contribution to every criterion of every organisation scored within it, and
      // its adjustments are marked as the frame's; without a frame there are neither.
      const frameRatings = c.contributions.filter((x) => x.kind === 'frame');
      if (result.frame) expect(frameRatings.map((x) => x.frame), `${entry.model}/${c.criterion}`).toEqual([result.frame.model]);
      else expect(frameRatings).toEqual([]);
      if (!result.frame) expect(c.contributions.some((x) => x.kind === 'adjustment' && x.source === 'frame')).toBe(false);
      for (const x of c.contributions) {
        expect(x.findings.length, `${entry.model}/${c.criterion}: a contribution without findings`).toBeGreaterThan(0);
        expect(x.references.length, `${entry.model}/${c.criterion}: a contribution without references`).toBeGreaterThan(0);
        expect(x.rationale, `${entry.model}/${c.criterion}: a contribution without a rationale`).not.toBe('');
      }
    }
    for (const p of entry.preconditions) {
      expect(p.findings.length).toBeGreaterThan(0);
      expect(p.references.length).toBeGreaterThan(0);
      expect(p.failure).not.toBe('');
    }
  }

  // Sorted: every workable model before every unworkable one, then by how often it comes first
  // (rank-1 acceptability), then by score: the #1 shown is never beaten in P(first) by a model below it.
  const feasible = result.ranking.map((r) => r.feasible);
  expect(feasible).toEqual([...feasible].sort((a, b) => Number(b) - Number(a)));
  for (let i = 0; i + 1 < result.ranking.length; i++) {
    const a = result.ranking[i]!;
    const b = result.ranking[i + 1]!;
    if (a.feasible !== b.feasible) continue;
    expect(a.acceptability.first).toBeGreaterThanOrEqual(b.acceptability.first);
    if (a.acceptability.first === b.acceptability.first) expect(a.score).toBeGreaterThanOrEqual(b.score);
  }

  // Evidence integrity: every id and key used resolves, and nothing unused is listed.
  const cited = citedIn(result);
  for (const id of cited.findings) expect(result.findings[id], `finding ${id} is not resolved`).toBeDefined();
  for (const key of cited.references) expect(result.references[key], `reference ${key} is not resolved`).toBeDefined();
  expect(Object.keys(result.findings).sort()).toEqual([...cited.findings].sort());
  expect(Object.keys(result.references).sort()).toEqual([...cited.references].sort());
  for (const [id, f] of Object.entries(result.findings)) {
    expect(f.claim, id).not.toBe('');
    expect(['high', 'moderate', 'low', 'very-low']).toContain(f.confidence);
    expect(f.references.length, id).toBeGreaterThan(0);
    expect(f.lines.length, id).toBeGreaterThan(0);
  }
  for (const [key, r] of Object.entries(result.references)) {
    // No author only where the review names none, and then the caveat says so.
    if (r.authors.length === 0) expect(r.caveat, key).toBeTruthy();
    expect(r.authors.every((a) => a.trim() !== ''), key).toBe(true);
    expect(r.year === null || (Number.isInteger(r.year) && r.year > 1900 && r.year < 2100), key).toBe(true);
    expect(r.reported.trim(), key).not.toBe('');
    expect(r.lines.length, key).toBeGreaterThan(0);
    for (const line of r.lines) expect(String(line), key).toMatch(/^\d+(-\d+)?$/);
  }

  const robustFirst = result.ranking.reduce((sum, r) => sum + r.acceptability.first, 0);
  if (result.method.robustness.samples > 0) expect(robustFirst).toBeCloseTo(1, 2);

  // The frame, named as the knowledge base names it.
  if (result.frame) {
    const frame = kb.models.find((m) => m.id === result.frame!.model);
    expect(frame?.kind, result.frame.model).toBe('frame');
    expect(result.frame.name).toBe(frame!.name[lang]);
    expect(result.frame.findings.length).toBeGreaterThan(0);
  }
  // Today's organisation is the reference: it alone has no gain against today and no cost of change; every
  // other workable model has both (the gain is its score less the cost, less today's score). An unworkable
  // model is no alternative: no comparison. Unknown today: neither.
  const today = result.ranking.find((r) => r.model === result.today);
  if (result.today !== undefined) expect(today, `today (${result.today}) is ranked`).toBeDefined();
  for (const entry of result.ranking) {
    if (!today || entry === today || !entry.feasible) {
      expect(entry.versusToday, entry.model).toBeUndefined();
      continue;
    }
    expect(entry.versusToday, entry.model).toBeDefined();
    expect(entry.change, entry.model).toBeDefined();
    expect(entry.versusToday!.better).toBeGreaterThanOrEqual(0);
    expect(entry.versusToday!.better).toBeLessThanOrEqual(1);
    expect(Math.abs(entry.versusToday!.gain - (entry.score - entry.change!.cost - today.score))).toBeLessThan(0.02);
  }
  if (today) expect(today.change).toBeUndefined();
  // "Keep" names today's organisation; the ranking is the fit alone, so it need not be first.
  if (result.verdict.kind === 'keep') {
    expect(result.today).toBeDefined();
    expect(result.verdict.leader).toBe(result.today);
    expect(result.verdict.models).toEqual([result.today]);
  }
}

// ----------------------------------------------------------------------------- json

describe('orgfit score --format json', () => {
  let all: Results;

  beforeAll(async () => {
    const { code, stdout, stderr } = await cli(['score', ...EXAMPLES.map(examplePath), '--format', 'json', ...FAST]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    all = JSON.parse(stdout) as Results;
  });

  it('the six examples give one orgfit/results@1 holding six results, in argument order', () => {
    expect(all.format).toBe('orgfit/results@1');
    expect(Object.keys(all).sort()).toEqual(['format', 'results']);
    expect(all.results).toHaveLength(6);
    expect(all.results.map((r) => r.municipality)).toEqual(EXAMPLES.map((e) => MUNICIPALITY[e]));
    expect(all.results.map((r) => r.source)).toEqual(EXAMPLES.map(examplePath));
    expect(all.results.map((r) => r.scenario)).toEqual([undefined, undefined, undefined, undefined, undefined, 'one-stop agency']);
    for (const result of all.results) expect(result.method).toEqual({ kind: 'weighted-additive', scale: '0-100', interval: { level: 0.8 }, robustness: { kind: 'smaa-2', samples: 200, seed: 1, adaptive: false, maxSamples: 40_000 } });
  });

  it('every result meets the contract: scores, intervals, contributions and resolved evidence', () => {
    for (const result of all.results) checkResult(result);
  });

  it('each example is scored within the frame it answers and against the organisation it has today', () => {
    expect(all.results.map((r) => r.frame?.model)).toEqual(EXAMPLES.map((e) => FRAME[e]));
    expect(all.results.map((r) => r.today)).toEqual(EXAMPLES.map((e) => TODAY[e]));
    const fjordby = all.results[EXAMPLES.indexOf('fjordby')]!;
    expect(fjordby.frame!.name).toBe(kb.models.find((m) => m.id === 'centrelink-style')!.name.nb);
  });

  it('every contribution cites the references of its findings', () => {
    for (const result of all.results) {
      for (const entry of result.ranking) {
        for (const c of entry.criteria) {
          for (const x of c.contributions) {
            const expected = [...new Set(x.findings.flatMap((f) => result.findings[f]!.references))];
            expect(x.references.sort()).toEqual(expected.sort());
          }
        }
      }
    }
  });

  it('with 4 FTEs (Bygdvik) and 80 (Bydel Nord) every organisation is workable', () => {
    for (const name of ['bygdvik', 'bydel-nord'] as const) {
      const result = all.results[EXAMPLES.indexOf(name)]!;
      expect(result.ranking.every((r) => r.feasible), name).toBe(true);
      expect(result.ranking.flatMap((r) => r.preconditions).every((p) => p.status === 'met'), name).toBe(true);
    }
  });

  it('Bygdvik with 3 FTEs has too few people for a matrix: ranked last, marked unworkable, never first', async () => {
    writeFileSync(join(tmp, 'bygdvik-3-fte.yaml'), THREE_STAFF);
    const { code, stdout, stderr } = await cli(['score', 'bygdvik-3-fte.yaml', '--format', 'json', ...FAST], { cwd: tmp });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result;
    checkResult(result);
    const last = result.ranking.at(-1)!;
    expect(last.model).toBe('matrix');
    expect(last.feasible).toBe(false);
    expect(last.acceptability.first).toBe(0);
    const failed = last.preconditions.filter((p) => p.status === 'failed');
    expect(failed.map((p) => p.id)).toEqual(['two-dimensions-need-people']);
    expect(failed[0]!.reads).toContain('staff-fte');
    // Its score is nonetheless higher than a workable model's: feasibility ranks first.
    expect(result.ranking.some((r) => r.feasible && r.score < last.score)).toBe(true);
    expect(last.misfit[0]).toMatchObject({ kind: 'precondition', id: 'two-dimensions-need-people', effect: 0 });
    // Self-managed teams need 3: still workable.
    const teams = result.ranking.find((r) => r.model === 'organic-team')!;
    expect(teams.feasible).toBe(true);
    expect(teams.preconditions.map((p) => [p.id, p.status])).toEqual([['a-team-needs-people', 'met']]);
    expect(result.verdict.models).not.toContain('matrix');
  });

  it('Bygdvik with 2 FTEs has no team either: both are unworkable, after every workable model', async () => {
    writeFileSync(join(tmp, 'bygdvik-2-fte.yaml'), TWO_STAFF);
    const { code, stdout } = await cli(['score', 'bygdvik-2-fte.yaml', '--format', 'json', ...FAST], { cwd: tmp });
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result;
    checkResult(result);
    expect(result.ranking.slice(2).map((r) => [r.model, r.feasible]).sort()).toEqual([['matrix', false], ['organic-team', false]]);
    expect(result.ranking.slice(0, 2).every((r) => r.feasible)).toBe(true);
    const teams = result.ranking.find((r) => r.model === 'organic-team')!;
    expect(teams.preconditions.filter((p) => p.status === 'failed').map((p) => p.id)).toEqual(['a-team-needs-people']);
    for (const entry of result.ranking.slice(2)) expect(entry.acceptability.first).toBe(0);
  });

  it('a "don’t know" answer is listed as an assumption with the question’s assumed value; the examples have none', async () => {
    writeFileSync(join(tmp, 'bygdvik-unknown-routines.yaml'), bygdvikWith('  shared-routines: 3\n', '  shared-routines: dont-know\n'));
    const { code, stdout } = await cli(['score', 'bygdvik-unknown-routines.yaml', '--format', 'json', ...FAST], { cwd: tmp });
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result;
    expect(result.assumptions).toEqual([{ question: 'shared-routines', text: kb.questions.find((q) => q.id === 'shared-routines')!.text.nb, assumed: 3 }]);
    for (const example of all.results) expect(example.assumptions, example.municipality).toEqual([]);
  });

  it('a single file gives a bare orgfit/result@1', async () => {
    const { code, stdout } = await cli(['score', examplePath('bygdvik'), '--format', 'json', ...FAST]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result;
    expect(result.format).toBe('orgfit/result@1');
    expect(result.municipality).toBe('Bygdvik kommune');
    checkResult(result);
    expect(stdout.endsWith('}\n')).toBe(true);
  });

  it('--lang en gives English names and the same numbers', async () => {
    const nb = JSON.parse((await cli(['score', examplePath('elvestad'), '--format', 'json', ...FAST])).stdout) as Result;
    const en = JSON.parse((await cli(['score', examplePath('elvestad'), '--format', 'json', '--lang', 'en', ...FAST])).stdout) as Result;
    checkResult(en, 'en');
    expect(en.ranking.map((r) => [r.model, r.score, r.interval])).toEqual(nb.ranking.map((r) => [r.model, r.score, r.interval]));
    expect(en.ranking.map((r) => r.name)).not.toEqual(nb.ranking.map((r) => r.name));
  });

  it('an all-"don’t know" file scores, assumes every open answer, and keeps the contract', async () => {
    const { code, stdout, stderr } = await cli(['score', 'test/fixtures/answers/valid/all-dont-know.yaml', '--format', 'json', ...FAST]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result;
    checkResult(result);
    // Every open answer is disclosed: with its assumed value, or, for a ranking, with none (every order equally likely).
    const open = kb.questions.filter((q) => q.dontKnow).map((q) => q.id);
    expect(open).toContain('current-organisation');
    expect(result.assumptions.map((a) => a.question).sort()).toEqual(open.sort());
    for (const a of result.assumptions) expect(a.assumed === undefined, a.question).toBe(kb.questions.find((q) => q.id === a.question)!.type === 'rank');
    // With staff-fte unknown, the staffing preconditions are uncertain, not failed.
    for (const [model, id] of [['matrix', 'two-dimensions-need-people'], ['organic-team', 'a-team-needs-people']]) {
      const entry = result.ranking.find((r) => r.model === model)!;
      expect(entry.preconditions.find((p) => p.id === id)?.status, model).toBe('unknown');
      expect(entry.feasible).toBe(true);
    }
    // With today's organisation unknown there is nothing to compare with: no today, no gains, no keep.
    expect(result.today).toBeUndefined();
    expect(result.verdict.kind).not.toBe('keep');
    // The frame has no "don't know": it is always known.
    expect(result.frame?.model).toBe('nav-co-located');
  });
});

// ----------------------------------------------------------------------------- determinism

describe('determinism', () => {
  it('the same command twice gives byte-identical output, in every format', async () => {
    for (const format of ['json', 'csv', 'table']) {
      const argv = ['score', ...EXAMPLES.map(examplePath), '--format', format, '--samples', '500'];
      const first = await cli(argv);
      const second = await cli(argv);
      expect(first.code).toBe(0);
      expect(second.stdout).toBe(first.stdout);
      expect(first.stdout.length).toBeGreaterThan(100);
    }
  });

  it('--seed changes only the robustness analysis, never the scores', async () => {
    const seven = JSON.parse((await cli(['score', examplePath('bydel-nord'), '--format', 'json', '--samples', '300', '--seed', '7'])).stdout) as Result;
    const eight = JSON.parse((await cli(['score', examplePath('bydel-nord'), '--format', 'json', '--samples', '300', '--seed', '8'])).stdout) as Result;
    expect(seven.method.robustness.seed).toBe(7);
    expect(eight.method.robustness.seed).toBe(8);
    // Scores, intervals, criteria and evidence are identical; only robustness (and the
    // order among exactly tied models, if any) may move.
    const scores = (r: Result) => Object.fromEntries(r.ranking.map((e) => [e.model, [e.score, e.interval, e.criteria, e.feasible]]));
    expect(scores(eight)).toEqual(scores(seven));
    expect(eight.findings).toEqual(seven.findings);
    expect(eight.weights).toEqual(seven.weights);
    // The seed is really used: 300 samples with another seed do not give identical shares.
    const shares = (r: Result) => r.ranking.map((e) => e.acceptability.first);
    expect(shares(eight)).not.toEqual(shares(seven));
    // And the same seed reproduces them.
    const sevenAgain = JSON.parse((await cli(['score', examplePath('bydel-nord'), '--format', 'json', '--samples', '300', '--seed', '7'])).stdout) as Result;
    expect(sevenAgain).toEqual(seven);
  });
});

// ----------------------------------------------------------------------------- inputs

describe('inputs', () => {
  it('"-" reads standard input and gives the same result as the file', async () => {
    const text = readFileSync(join(ROOT, examplePath('fjordby')), 'utf8');
    const fromFile = JSON.parse((await cli(['score', examplePath('fjordby'), '--format', 'json', ...FAST])).stdout) as Result;
    const piped = await cli(['score', '-', '--format', 'json', ...FAST], { stdin: [text] });
    expect(piped.stderr).toBe('');
    expect(piped.code).toBe(0);
    const fromStdin = JSON.parse(piped.stdout) as Result;
    expect(fromStdin.source).toBe('<stdin>');
    expect(fromStdin.ranking).toEqual(fromFile.ranking);
    expect({ ...fromStdin, source: undefined }).toEqual({ ...fromFile, source: undefined });
  });

  it('standard input split inside a multi-byte character is decoded whole', async () => {
    const bytes = Buffer.from(readFileSync(join(ROOT, examplePath('bygdvik')), 'utf8').replace('Bygdvik kommune', 'Bø i Øvre Ålvik'));
    const cut = bytes.indexOf(Buffer.from('ø')) + 1; // between the two bytes of "ø"
    const { code, stdout, stderr } = await cli(['score', '-', '--format', 'json', ...FAST], { stdin: [bytes.subarray(0, cut), bytes.subarray(cut)] });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Result).municipality).toBe('Bø i Øvre Ålvik');
  });

  it('a file and "-" together are scored in argument order', async () => {
    const text = readFileSync(join(ROOT, examplePath('elvestad')), 'utf8');
    const { code, stdout } = await cli(['score', examplePath('bygdvik'), '-', '--format', 'json', ...FAST], { stdin: [text] });
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as Results;
    expect(data.results.map((r) => [r.source, r.municipality])).toEqual([
      [examplePath('bygdvik'), 'Bygdvik kommune'],
      ['<stdin>', 'Elvestad kommune'],
    ]);
  });

  it('"-" twice is a usage error', async () => {
    const { code, stdout, stderr } = await cli(['score', '-', '-', '--lang', 'en'], { stdin: ['x'] });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('"-"');
  });

  it('a folder scores every .yaml file in it (and in its subfolders), sorted, ignoring other files', async () => {
    const dir = join(tmp, 'folder');
    mkdirSync(join(dir, 'more'), { recursive: true });
    copyFileSync(join(ROOT, examplePath('fjordby')), join(dir, 'b-fjordby.yaml'));
    copyFileSync(join(ROOT, examplePath('bygdvik')), join(dir, 'a-bygdvik.yaml'));
    copyFileSync(join(ROOT, examplePath('elvestad')), join(dir, 'more', 'c-elvestad.yml'));
    writeFileSync(join(dir, 'notes.txt'), 'not an answers file\n');
    writeFileSync(join(dir, 'README.md'), '# not an answers file\n');
    const { code, stdout, stderr } = await cli(['score', 'folder', '--format', 'json', ...FAST], { cwd: tmp });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as Results;
    expect(data.results.map((r) => r.municipality)).toEqual(['Bygdvik kommune', 'Fjordby kommune', 'Elvestad kommune']);
    expect(data.results.map((r) => r.source)).toEqual([join('folder', 'a-bygdvik.yaml'), join('folder', 'b-fjordby.yaml'), join('folder', 'more', 'c-elvestad.yml')]);
  });

  it('the examples folder gives the same results as the six files', async () => {
    const byFolder = JSON.parse((await cli(['score', 'seeds/examples', '--format', 'json', ...FAST])).stdout) as Results;
    const byFiles = JSON.parse((await cli(['score', ...EXAMPLES.map(examplePath), '--format', 'json', ...FAST])).stdout) as Results;
    expect(byFolder.results.map((r) => r.ranking)).toEqual(byFiles.results.map((r) => r.ranking));
  });

  it('a folder without .yaml files is a usage error', async () => {
    mkdirSync(join(tmp, 'empty-folder'), { recursive: true });
    writeFileSync(join(tmp, 'empty-folder', 'notes.txt'), 'x');
    const { code, stdout, stderr } = await cli(['score', 'empty-folder', '--lang', 'en'], { cwd: tmp });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('empty-folder');
  });
});

// ----------------------------------------------------------------------------- csv

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`a bare CR at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (ch === '\n') {
      throw new Error(`a bare LF at ${i}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('an unclosed quote');
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

describe('orgfit score --format csv', () => {
  it('has a header and one row per (file, model), CRLF line ends, and the numbers of the JSON', async () => {
    const files = EXAMPLES.map(examplePath);
    const csv = await cli(['score', ...files, '--format', 'csv', ...FAST]);
    const json = JSON.parse((await cli(['score', ...files, '--format', 'json', ...FAST])).stdout) as Results;
    expect(csv.code).toBe(0);
    expect(csv.stdout.endsWith('\r\n')).toBe(true);
    expect(csv.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(csv.stdout);
    const header = rows[0]!;
    expect(header.slice(0, 16)).toEqual(['source', 'municipality', 'scenario', 'rank', 'model', 'name', 'score', 'low', 'high', 'feasible', 'verdict', 'p_first', 'mean_rank', 'vs_today', 'p_better_than_today', 'points_rule-administration']);
    for (const c of kb.criteria) {
      expect(header).toContain(`points_${c.id}`);
      expect(header).toContain(`weight_${c.id}`);
    }
    expect(new Set(header).size).toBe(header.length);
    expect(rows).toHaveLength(1 + files.length * organisations.length);
    for (const row of rows) expect(row).toHaveLength(header.length);

    const col = (name: string) => header.indexOf(name);
    let r = 1;
    for (const result of json.results) {
      for (const entry of result.ranking) {
        const row = rows[r++]!;
        expect(row[col('source')]).toBe(result.source);
        expect(row[col('municipality')]).toBe(result.municipality);
        expect(row[col('scenario')]).toBe(result.scenario ?? '');
        expect(row[col('rank')]).toBe(String(entry.rank));
        expect(row[col('model')]).toBe(entry.model);
        expect(row[col('name')]).toBe(entry.name);
        expect(Number(row[col('score')])).toBe(entry.score);
        expect(Number(row[col('low')])).toBe(entry.interval[0]);
        expect(Number(row[col('high')])).toBe(entry.interval[1]);
        expect(row[col('feasible')]).toBe(String(entry.feasible));
        expect(Number(row[col('p_first')])).toBe(entry.acceptability.first);
        expect(row[col('verdict')]).toBe(result.verdict.kind);
        // Against today: empty for today's organisation itself.
        expect(row[col('vs_today')]).toBe(entry.versusToday ? String(entry.versusToday.gain) : '');
        expect(row[col('p_better_than_today')]).toBe(entry.versusToday ? String(entry.versusToday.better) : '');
        for (const c of entry.criteria) {
          expect(Number(row[col(`points_${c.criterion}`)])).toBe(c.points);
          expect(Number(row[col(`weight_${c.criterion}`)])).toBe(c.weight);
        }
      }
    }
  });

  it('quotes a municipality name with a comma and double quotes (RFC 4180) and neutralises formulas', async () => {
    const { code, stdout, stderr } = await cli(['score', 'test/fixtures/answers/valid/quoted-name.yaml', '--format', 'csv', ...FAST]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The raw text: the field is quoted and the inner quotes doubled.
    expect(stdout).toContain(',"Nord, ""Sør"" og Øst",');
    const rows = parseCsv(stdout);
    expect(rows).toHaveLength(1 + organisations.length);
    const header = rows[0]!;
    for (const row of rows.slice(1)) {
      expect(row[header.indexOf('municipality')]).toBe('Nord, "Sør" og Øst');
      // A scenario starting with "=" must not become a spreadsheet formula.
      expect(row[header.indexOf('scenario')]!.startsWith('=')).toBe(false);
      expect(row[header.indexOf('scenario')]).toContain('=1+1');
    }
    // A model name with a comma is quoted too.
    expect(stdout).toContain('"Flat, teambasert og lærende organisasjon"');
  });

  it('numbers use a decimal point in both languages; names follow --lang', async () => {
    const nb = parseCsv((await cli(['score', examplePath('bydel-nord'), '--format', 'csv', ...FAST])).stdout);
    const en = parseCsv((await cli(['score', examplePath('bydel-nord'), '--format', 'csv', '--lang', 'en', ...FAST])).stdout);
    const header = nb[0]!;
    expect(en[0]).toEqual(header);
    for (const row of [...nb.slice(1), ...en.slice(1)]) {
      for (const name of ['score', 'low', 'high', 'p_first', 'mean_rank']) expect(row[header.indexOf(name)]).toMatch(/^\d+(\.\d+)?$/);
    }
    const names = (rows: string[][]) => rows.slice(1).map((row) => row[header.indexOf('name')]);
    expect(names(en)).not.toEqual(names(nb));
    expect(names(en)).toEqual(en.slice(1).map((row) => organisations.find((m) => m.id === row[header.indexOf('model')])!.name.en));
  });
});

// ----------------------------------------------------------------------------- table

describe('orgfit score --format table', () => {
  const allFiles = EXAMPLES.map(examplePath);

  it('with several files, ends with a summary naming each municipality, its verdict with the model it names, and the best fit', async () => {
    const { code, stdout } = await cli(['score', ...allFiles, '--lang', 'en', '--format', 'json', ...FAST]);
    expect(code).toBe(0);
    const results = (JSON.parse(stdout) as { results: Result[] }).results;
    const table = await cli(['score', ...allFiles, '--lang', 'en', ...FAST]);
    const summary = table.stdout.slice(table.stdout.lastIndexOf('Summary\n'));
    const rows = summary.split('\n').slice(2).filter(Boolean);
    expect(rows).toHaveLength(results.length);
    results.forEach((result, i) => {
      // The verdict's leader: under "keep", today's organisation, which need not be first by fit.
      const leader = result.ranking.find((r) => r.model === result.verdict.leader)!;
      expect(leader.feasible).toBe(true);
      expect(rows[i]).toContain(result.municipality.slice(0, 10));
      if (result.verdict.kind === 'keep') expect(rows[i]).toContain(`keep ${leader.name.slice(0, 10)}`);
      if (result.verdict.kind === 'clear') expect(rows[i]).toContain(leader.name.slice(0, 10));
      // The best fit, and how often it is first, beside the verdict.
      expect(rows[i]).toContain(result.ranking[0]!.name.slice(0, 10));
      expect(rows[i]).toMatch(/\d\s?%$/);
    });
    expect(results.some((r) => r.verdict.kind === 'keep' && r.verdict.leader !== r.ranking[0]!.model)).toBe(true);
    const single = await cli(['score', allFiles[0]!, '--lang', 'en', ...FAST]);
    expect(single.stdout).not.toContain('Summary');
  });

  it.each([
    ['undefined', undefined],
    ['80', 80],
  ])('no line is longer than 80 columns when stdout.columns is %s', async (_label, columns) => {
    for (const lang of ['nb', 'en']) {
      const { code, stdout } = await cli(['score', ...allFiles, '--lang', lang, ...FAST], columns === undefined ? {} : { columns });
      expect(code).toBe(0);
      const long = stdout.split('\n').filter((line) => codePoints(line) > 80);
      expect(long, `lines over 80 columns (${lang})`).toEqual([]);
    }
  });

  // Regression test for a fixed bug (src/render/score-table.ts, renderOne): the title line
  // "<municipality> — scenario: <scenario>" is neither wrapped nor cut, so a legal
  // scenario name (the schema allows 200 characters) makes it wider than the terminal:
  // "Nordre Follo kommune — scenario: after co-location with NAV and new district teams
  // in 2026" is 90 columns at width 80.
  it('a long scenario name does not push the title past 80 columns', async () => {
    const text = BASE.replace('municipality: Bygdvik kommune', 'municipality: Nordre Follo kommune').replace('\nanswers:', '\nscenario: after co-location with NAV and new district teams in 2026\nanswers:');
    writeFileSync(join(tmp, 'long-title.yaml'), text);
    const { code, stdout } = await cli(['score', 'long-title.yaml', ...FAST], { cwd: tmp, columns: 80 });
    expect(code).toBe(0);
    expect(stdout).toContain('Nordre Follo kommune');
    expect(stdout.split('\n').filter((line) => codePoints(line) > 80)).toEqual([]);
  });

  it('the ranking rows (rank, model, score, interval) fit in 80 columns and agree with the JSON', async () => {
    writeFileSync(join(tmp, 'rows-2-fte.yaml'), TWO_STAFF);
    // Self-managed teams today and unworkable: the longest name with both marks.
    writeFileSync(join(tmp, 'rows-teams-today.yaml'), TWO_STAFF.replace('current-organisation: integrated-generalist', 'current-organisation: team-based'));
    let unworkable = 0;
    for (const file of [join(ROOT, examplePath('bygdvik')), 'rows-2-fte.yaml', 'rows-teams-today.yaml']) {
      for (const lang of ['nb', 'en'] as const) {
        const table = (await cli(['score', file, '--lang', lang, ...FAST], { cwd: tmp })).stdout;
        const json = JSON.parse((await cli(['score', file, '--format', 'json', '--lang', lang, ...FAST], { cwd: tmp })).stdout) as Result;
        const lines = table.split('\n');
        expect(lines[0]).toBe('Bygdvik kommune');
        for (const entry of json.ranking) {
          const row = lines.find((line) => line.startsWith(`${String(entry.rank).padStart(2)} `));
          expect(row, `no row for rank ${entry.rank}`).toBeDefined();
          expect(codePoints(row!)).toBeLessThanOrEqual(80);
          const score = `${entry.score.toFixed(0)} (${entry.interval[0].toFixed(0)}–${entry.interval[1].toFixed(0)})`;
          expect(row).toContain(score);
          // The marks are never cut, however long the name.
          if (!entry.feasible) expect(row, `${file} ${entry.model}`).toContain(lang === 'nb' ? '(ikke gjennomførbar)' : '(not workable)');
          if (entry.model === json.today) expect(row, `${file} ${entry.model}`).toContain(lang === 'nb' ? '(i dag)' : '(today)');
          if (!entry.feasible) unworkable++;
        }
      }
    }
    expect(unworkable).toBe(2 * 2 * 2);
  });

  // Regression test for a fixed bug (src/render/score-table.ts, renderOne): the "(today)" and "(not workable)"
  // marks were added to the name before it was cut to the name column (45 columns at 80), so a long name lost
  // them: "Flat, team-based learning organisation (not …", "Flat, teambasert og lærende organisasjon (i …". The
  // name is cut, the marks are kept.
  it('a long name is shortened before the marks "(today)" and "(not workable)", which stay whole', async () => {
    writeFileSync(join(tmp, 'marks-teams-today.yaml'), TWO_STAFF.replace('current-organisation: integrated-generalist', 'current-organisation: team-based'));
    const nb = (await cli(['score', 'marks-teams-today.yaml', ...FAST], { cwd: tmp, columns: 80 })).stdout;
    expect(nb).toMatch(/^ \d Flat, teambaser… \(i dag\) \(ikke gjennomførbar\) +\d/m);
    const en = (await cli(['score', 'marks-teams-today.yaml', '--lang', 'en', ...FAST], { cwd: tmp, columns: 80 })).stdout;
    expect(en).toMatch(/^ \d Flat, team-based lear… \(today\) \(not workable\) +\d/m);
    // A name that fits with its mark is not touched.
    expect(en).toMatch(/^ \d Matrix organisation \(not workable\) +\d/m);
  });

  // Regression test for a fixed bug (src/render/score-table.ts, renderOne): the name column is `width - 38` = 42
  // wide, but a ranking row uses only 2+1+42+1+13+1+5 = 65 of the 80 columns, so the
  // longest model name ("Samlet etat etter bestiller–utfører-modell (Centrelink)", 55
  // characters; "One-stop purchaser–provider agency (Centrelink)", 48) is cut to
  // "…-model…" / "…(Centr…" although 15 columns stand empty. Every model name should
  // appear whole in its row at 80 columns. (Centrelink is now a frame, named whole in the
  // line above the table; the longest organisation is "Flat, teambasert og lærende organisasjon".)
  it('every ranking row names its model in full, in the chosen language, at 80 columns', async () => {
    for (const lang of ['nb', 'en'] as const) {
      const { stdout } = await cli(['score', examplePath('fjordby'), '--lang', lang, ...FAST], { columns: 80 });
      const rows = stdout.split('\n').filter((line) => /^ {0,1}\d+ /.test(line));
      expect(rows).toHaveLength(organisations.length);
      for (const model of organisations) {
        expect(rows.some((row) => row.includes(model.name[lang])), `${model.id} (${lang})`).toBe(true);
      }
      // The frame is named whole where the table says what it is scored within.
      const within = stdout.slice(0, stdout.indexOf('\n\n')).replace(/\n {2}/g, ' ');
      expect(within).toContain(`${lang === 'nb' ? 'Innenfor' : 'Within'}: ${kb.models.find((m) => m.id === 'centrelink-style')!.name[lang]}.`);
    }
  });

  it('contains every organisation and its frame by name in the chosen language (possibly shortened), and nb differs from en', async () => {
    const nb = (await cli(['score', examplePath('fjordby'), ...FAST])).stdout;
    const en = (await cli(['score', examplePath('fjordby'), '--lang', 'en', ...FAST])).stdout;
    const frame = kb.models.find((m) => m.id === 'centrelink-style')!;
    for (const model of [...organisations, frame]) {
      // At least the first 30 characters of every name, which fit any layout.
      expect(nb).toContain([...model.name.nb].slice(0, 30).join(''));
      expect(en).toContain([...model.name.en].slice(0, 30).join(''));
    }
    // The other frame is not Fjordby's.
    const nav = kb.models.find((m) => m.id === 'nav-co-located')!;
    expect(nb).not.toContain(nav.name.nb);
    expect(nb).not.toBe(en);
    expect(nb).toContain('Poeng');
    expect(en).toContain('Score');
    expect(nb.split('\n')[0]).toBe('Fjordby kommune — scenario: one-stop agency');
    // The default language is bokmål when neither --lang nor LANG says otherwise.
    expect((await cli(['score', examplePath('fjordby'), '--lang', 'nb', ...FAST])).stdout).toBe(nb);
    // LANG chooses English when --lang is not given.
    expect((await cli(['score', examplePath('fjordby'), ...FAST], { env: { LANG: 'en_GB.UTF-8' } })).stdout).toBe(en);
  });

  it('several files give one table each, in argument order', async () => {
    const { stdout } = await cli(['score', ...allFiles, ...FAST]);
    const titles = EXAMPLES.map((e) => stdout.indexOf(`${MUNICIPALITY[e]}`));
    expect(titles.every((i) => i >= 0)).toBe(true);
    expect([...titles].sort((a, b) => a - b)).toEqual(titles);
  });

  it('shows the failed precondition of an unworkable model with its findings, and what it assumed', async () => {
    writeFileSync(join(tmp, 'precondition-3-fte.yaml'), THREE_STAFF.replace('  shared-routines: 3\n', '  shared-routines: dont-know\n'));
    const { stdout } = await cli(['score', 'precondition-3-fte.yaml', '--lang', 'en', ...FAST], { cwd: tmp });
    const flat = stdout.replace(/\n {2}/g, ' ');
    expect(flat).toContain('Matrix organisation (not workable)');
    expect(flat).toMatch(/Precondition not met – Matrix organisation: .*with fewer than 4 FTEs there are not the people for it/);
    expect(flat).toContain('[matrix-organisation-continuous-competence]');
    expect(flat).not.toContain('Precondition not met – Flat, team-based');
    expect(flat).toContain('Assumed where you answered "don’t know": the shared routines across units = 3');
  });

  it('no escape codes without a terminal, with NO_COLOR=1, or with --no-color', async () => {
    const argv = ['score', examplePath('bygdvik'), ...FAST];
    expect((await cli(argv)).stdout).not.toContain(ESC);
    expect((await cli(argv, { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await cli([...argv, '--no-color'], { isTTY: true })).stdout).not.toContain(ESC);
    expect((await cli([...argv, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await cli(argv, { env: { TERM: 'dumb' }, isTTY: true })).stdout).not.toContain(ESC);
  });

  it('escape codes on a terminal and with FORCE_COLOR=1', async () => {
    const argv = ['score', examplePath('bygdvik'), ...FAST];
    const forced = (await cli(argv, { env: { FORCE_COLOR: '1' } })).stdout;
    const tty = (await cli(argv, { isTTY: true })).stdout;
    expect(forced).toContain(ESC);
    expect(tty).toContain(ESC);
    expect(forced).toBe(tty);
    // Colour never goes into JSON or CSV.
    expect((await cli(['score', examplePath('bygdvik'), '--format', 'json', ...FAST], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await cli(['score', examplePath('bygdvik'), '--format', 'csv', ...FAST], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
  });
  // Text from the answers file is the user's: it may not clear the screen, rewrite the line or reorder text.
  it('escapes control and bidi characters from the file (municipality, scenario), in the table and in explain', async () => {
    const file = join(tmp, 'hostile.yaml');
    writeFileSync(file, BASE.replace(/^municipality: .*$/m, 'municipality: "Ond\\e[2J kommune\\r\\u202e"\nscenario: "sc\\e]0;title\\u0007"'));
    for (const argv of [['score', file, ...FAST], ['explain', 'matrix', file]]) {
      const { code, stdout } = await cli(argv, { env: { FORCE_COLOR: '1' } });
      expect(code).toBe(0);
      // eslint-disable-next-line no-control-regex
      expect(stdout.replace(/\u001b\[[0-9;]*m/g, ''), argv[0]).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
      expect(stdout).toContain('Ond\\u001b[2J kommune\\r\\u202e');
      expect(stdout).toContain('sc\\u001b]0;title\\u0007');
    }
  });

  // Regression test for a fixed bug (src/render/score-table.ts, renderOne): `wrap(line, …).map(paint.dim)` hands
  // Array.prototype.map's (value, index, array) to chalk's `dim`, which joins all its
  // arguments with spaces. With colour on, the "assumed" line comes out as
  // "Antatt … = 3 0 Antatt … = 3" (the line, the index 0, the array). It should be
  // `.map((line) => paint.dim(line))`: colour must change nothing but escape codes.
  it('with colour, the text is the same as without once the escape codes are removed', async () => {
    const argv = ['score', examplePath('bygdvik'), ...FAST];
    const plain = (await cli(argv)).stdout;
    const forced = (await cli(argv, { env: { FORCE_COLOR: '1' } })).stdout;
    // eslint-disable-next-line no-control-regex
    const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
    expect(strip(forced)).toBe(plain);
  });
});

// ----------------------------------------------------------------------------- bad answers files


interface BadCase {
  name: string;
  /** The file's text. */
  text: string | Buffer;
  /** line:column of the problem. */
  position: string;
  rule: string;
  /** More text the problem line must contain (question id, did-you-mean…). */
  contains: string[];
}

function replaceLine(from: string, to: string): string {
  if (!BASE.includes(`\n${from}\n`)) throw new Error(`the base file has no line ${JSON.stringify(from)}`);
  return BASE.replace(`\n${from}\n`, `\n${to}\n`);
}

const unknownId = replaceLine('  staff-fte: 4', '  staff-ftee: 4');
const wrongType = replaceLine('  staff-fte: 4', '  staff-fte: four');
const percent = replaceLine('  share-social-work-educated: 50', '  share-social-work-educated: 140');
const scale = replaceLine('  recruitment-pressure: 5', '  recruitment-pressure: 9');
const option = replaceLine('  steering-style: hierarchical', '  steering-style: anarchy');
const missing = bygdvikWith('  frame: nav-office\n', '');
const dontKnow = replaceLine('  frame: nav-office', '  frame: dont-know');
const shares = replaceLine('  share-rule-logic: 55', '  share-rule-logic: 85');
const tabs = replaceLine('  staff-fte: 4', '\tstaff-fte: 4');
const duplicate = replaceLine('  staff-fte: 4', '  staff-fte: 4\n  staff-fte: 5');
const proto = replaceLine('  staff-fte: 4', '  staff-fte: 4\n  __proto__: 5');
const modelText = readFileSync(join(ROOT, 'models', 'matrix.yaml'), 'utf8');

const BAD: BadCase[] = [
  { name: 'unknown-id', text: unknownId, position: at(unknownId, 'staff-ftee'), rule: 'answer-unknown-question', contains: ['"staff-ftee"', 'did you mean "staff-fte"'] },
  { name: 'wrong-type', text: wrongType, position: at(wrongType, 'staff-fte: four', 'staff-fte: '.length), rule: 'answer-type', contains: ['"staff-fte"', '"four"'] },
  { name: 'percent-140', text: percent, position: at(percent, 'share-social-work-educated: 140', 'share-social-work-educated: '.length), rule: 'answer-range', contains: ['"share-social-work-educated"', '140', 'between 0 and 100'] },
  { name: 'scale-9', text: scale, position: at(scale, 'recruitment-pressure: 9', 'recruitment-pressure: '.length), rule: 'answer-range', contains: ['"recruitment-pressure"', '9', 'between 1 and 5'] },
  { name: 'option', text: option, position: at(option, 'steering-style: anarchy', 'steering-style: '.length), rule: 'answer-option', contains: ['"steering-style"', '"anarchy"', 'hierarchical'] },
  { name: 'missing', text: missing, position: at(missing, 'answers:'), rule: 'answer-missing', contains: ['"frame"'] },
  { name: 'dont-know', text: dontKnow, position: at(dontKnow, 'frame: dont-know', 'frame: '.length), rule: 'answer-dont-know', contains: ['"frame"'] },
  { name: 'shares', text: shares, position: at(shares, 'share-rule-logic: 85', 'share-rule-logic: '.length), rule: 'answer-sum', contains: ['130', '100'] },
  { name: 'malformed', text: tabs, position: at(tabs, '\tstaff-fte'), rule: 'yaml-syntax', contains: ['Tab'] },
  { name: 'duplicate-key', text: duplicate, position: at(duplicate, 'staff-fte: 5'), rule: 'yaml-duplicate-key', contains: [] },
  { name: 'proto-key', text: proto, position: at(proto, '__proto__'), rule: 'yaml-forbidden-key', contains: ['__proto__'] },
  { name: 'binary', text: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0x00]), position: '1:1', rule: 'file-encoding', contains: ['binary'] },
  { name: 'model-file', text: modelText, position: at(modelText, 'format: orgfit/model@1', 'format: '.length), rule: 'file-kind', contains: ['orgfit/answers@1'] },
  { name: 'empty', text: '', position: '1:1', rule: 'schema-type', contains: [] },
];

describe('bad answers files', () => {
  beforeAll(() => {
    mkdirSync(join(tmp, 'bad'), { recursive: true });
    for (const c of BAD) writeFileSync(join(tmp, 'bad', `${c.name}.yaml`), c.text);
  });

  it.each(BAD.map((c) => [c.name, c] as const))('%s: exit 1, nothing on stdout, the file, line:column, rule and id on stderr', async (_name, c) => {
    for (const format of ['table', 'json', 'csv']) {
      const file = join('bad', `${c.name}.yaml`);
      const { code, stdout, stderr } = await cli(['score', file, '--lang', 'en', '--format', format, ...FAST], { cwd: tmp });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.split('\n')).toContain(file);
      const line = problemLine(stderr, c.position);
      expect(line, `no problem at ${c.position} in:\n${stderr}`).toBeDefined();
      expect(line).toContain(c.rule);
      for (const text of c.contains) expect(line).toContain(text);
      expect(stderr).toContain('orgfit: The answers file is invalid; nothing was scored.');
      expect(stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('messages are in bokmål by default', async () => {
    const { code, stderr } = await cli(['score', join('bad', 'percent-140.yaml'), ...FAST], { cwd: tmp });
    expect(code).toBe(1);
    expect(problemLine(stderr, BAD[2]!.position)).toMatch(/feil\s+Svaret på «share-social-work-educated» er 140; det må være mellom 0 og 100/);
  });

  it('several problems in one file are all reported, each at its place', async () => {
    const file = 'test/fixtures/answers/invalid/several-problems.yaml';
    const text = readFileSync(join(ROOT, file), 'utf8');
    const { code, stdout, stderr } = await cli(['score', file, '--lang', 'en', ...FAST]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const expected: [string, string, string][] = [
      [at(text, 'answers:'), 'answer-missing', '"access-measures-and-jobs"'],
      [at(text, 'staff-fte: 9999', 'staff-fte: '.length), 'answer-range', '"staff-fte"'],
      [at(text, 'acces-measures-and-jobs'), 'answer-unknown-question', 'did you mean "access-measures-and-jobs"'],
      [at(text, 'steering-style: anarchy', 'steering-style: '.length), 'answer-option', '"anarchy"'],
    ];
    for (const [position, rule, contains] of expected) {
      const line = problemLine(stderr, position);
      expect(line, `${rule} at ${position}`).toContain(rule);
      expect(line).toContain(contains);
    }
    expect(stderr).toContain('✖ 4 problems (4 errors, 0 warnings)');
  });

  it('two bad files are both reported, and a good file beside them is not scored', async () => {
    const { code, stdout, stderr } = await cli(['score', join('bad', 'percent-140.yaml'), join(ROOT, examplePath('bygdvik')), join('bad', 'option.yaml'), '--lang', 'en', ...FAST], { cwd: tmp });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.split('\n');
    expect(lines).toContain(join('bad', 'percent-140.yaml'));
    expect(lines).toContain(join('bad', 'option.yaml'));
    expect(stderr).not.toContain('bygdvik.yaml');
    expect(stderr).toContain('answer-range');
    expect(stderr).toContain('answer-option');
    expect(stderr).toContain('orgfit: 2 of the answers files are invalid; nothing was scored.');
  });

  it('a bad file on standard input is reported as <stdin>', async () => {
    const { code, stdout, stderr } = await cli(['score', '-', '--lang', 'en', ...FAST], { stdin: [scale] });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toContain('<stdin>');
    expect(problemLine(stderr, BAD[3]!.position)).toContain('answer-range');
  });

  // Regression: the answers were once checked against the question bank only when the
  // whole file passed the schema, so an empty municipality name hid every answer problem.
  it('a schema problem does not hide the answer problems in the same file', async () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/answers/invalid/several-problems.yaml'), 'utf8').replace('municipality: Feilvik', 'municipality: ""');
    writeFileSync(join(tmp, 'bad', 'schema-and-answers.yaml'), text);
    const { code, stderr } = await cli(['score', join('bad', 'schema-and-answers.yaml'), '--lang', 'en', ...FAST], { cwd: tmp });
    expect(code).toBe(1);
    expect(stderr).toContain('/municipality');
    expect(stderr).toContain('answer-range');
    expect(stderr).toContain('answer-unknown-question');
    expect(stderr).toContain('answer-option');
  });

  // Regression: a `__proto__` key (dropped safely) once hid the out-of-range answer
  // two lines below it.
  it('a forbidden key does not hide the answer problems in the same file', async () => {
    const text = proto.replace('  recruitment-pressure: 5\n', '  recruitment-pressure: 9\n');
    writeFileSync(join(tmp, 'bad', 'proto-and-range.yaml'), text);
    const { code, stderr } = await cli(['score', join('bad', 'proto-and-range.yaml'), '--lang', 'en', ...FAST], { cwd: tmp });
    expect(code).toBe(1);
    expect(stderr).toContain('yaml-forbidden-key');
    expect(stderr).toContain('recruitment-pressure');
    expect(problemLine(stderr, at(text, 'recruitment-pressure: 9', 'recruitment-pressure: '.length))).toContain('answer-range');
  });

  it('an answer key that is not kebab-case is reported at the key as an unknown question', async () => {
    const text = replaceLine('  staff-fte: 4', '  Staff_FTE: 4');
    writeFileSync(join(tmp, 'bad', 'not-kebab.yaml'), text);
    const { code, stdout, stderr } = await cli(['score', join('bad', 'not-kebab.yaml'), '--lang', 'en', ...FAST], { cwd: tmp });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const line = problemLine(stderr, at(text, 'Staff_FTE'));
    expect(line, `no problem at the key in:\n${stderr}`).toBeDefined();
    expect(line).toContain('answer-unknown-question');
    expect(line).toContain('"Staff_FTE"');
    expect(problemLine(stderr, at(text, 'answers:'))).toContain('"staff-fte"');
  });

  // Regression test for a fixed bug (src/core/suggest.ts, closest, used by checkAnswers in src/core/integrity.ts):
  // `Staff_FTE` is reported at the key as an unknown question, but without a
  // did-you-mean: the edit distance is case- and separator-sensitive (5 edits to
  // "staff-fte", over the limit of 3), so the commonest slips (capitals, "_" for "-")
  // get no suggestion. Comparing lower-cased ids with "_" and " " read as "-" would
  // suggest "staff-fte".
  it('an answer key in the wrong case or with underscores gets a did-you-mean', async () => {
    const text = replaceLine('  staff-fte: 4', '  Staff_FTE: 4');
    writeFileSync(join(tmp, 'bad', 'not-kebab.yaml'), text);
    const { stderr } = await cli(['score', join('bad', 'not-kebab.yaml'), '--lang', 'en', ...FAST], { cwd: tmp });
    expect(problemLine(stderr, at(text, 'Staff_FTE'))).toContain('did you mean "staff-fte"');
  });

  // Regression test for a fixed bug (src/validate/rules.ts, rule 'file-kind'): the hint is the fixed text 'Start the
  // file with, for example, "format: orgfit/model@1".' — so a model file passed to
  // `score` is told to start with exactly the line it already has. The hint should
  // name the expected kind (orgfit/answers@1).
  it('a model file passed to score is not told to start with "format: orgfit/model@1"', async () => {
    const { stderr } = await cli(['score', join('bad', 'model-file.yaml'), '--lang', 'en', ...FAST], { cwd: tmp });
    const hint = stderr.split('\n').find((line) => line.trimStart().startsWith('→'));
    expect(hint).toBeDefined();
    expect(hint).not.toContain('orgfit/model@1');
  });

  // Regression: a duplicate key was once reported without the key or a pointer.
  it('a duplicate answer key is reported with the question id', async () => {
    const { stderr } = await cli(['score', join('bad', 'duplicate-key.yaml'), '--lang', 'en', ...FAST], { cwd: tmp });
    expect(problemLine(stderr, BAD[9]!.position)).toContain('staff-fte');
  });
});

// ----------------------------------------------------------------------------- usage errors

describe('usage errors', () => {
  it('a missing file: exit 2 and one line naming it', async () => {
    const { code, stdout, stderr } = await cli(['score', 'no-such-file.yaml', '--lang', 'en'], { cwd: tmp });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('orgfit: No such file or folder: "no-such-file.yaml"\n');
  });

  it('a missing file beside a good one is still a usage error, and nothing is scored', async () => {
    const { code, stdout, stderr } = await cli(['score', examplePath('bygdvik'), 'no-such-file.yaml', '--lang', 'en']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('an unknown option: exit 2, named on stderr', async () => {
    const { code, stdout, stderr } = await cli(['score', examplePath('bygdvik'), '--bogus']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--bogus');
  });

  // Commander offers one name as "score" and several as "one of --help, --lang": both said in the chosen language.
  it.each([
    ['--sed', 'en', 'orgfit: unknown option "--sed" (did you mean --seed?)'],
    ['--sed', 'nb', 'orgfit: ukjent valg «--sed» (mente du --seed?)'],
    ['--heng', 'en', 'orgfit: unknown option "--heng" (did you mean one of --help, --lang?)'],
    ['--heng', 'nb', 'orgfit: ukjent valg «--heng» (mente du en av --help, --lang?)'],
  ])('an unknown option %s in %s: exit 2 with what was meant', async (option, lang, first) => {
    const { code, stdout, stderr } = await cli(['score', examplePath('bygdvik'), option, '--lang', lang]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(first);
  });

  it('an unknown format: exit 2', async () => {
    const { code, stdout, stderr } = await cli(['score', examplePath('bygdvik'), '--format', 'xml']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('xml');
  });

  it('no file at all: exit 2', async () => {
    const { code, stdout } = await cli(['score']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  it.each([['abc'], ['-1'], ['1.5'], ['2000001'], ['1e99']])('--samples %s: exit 2 with a one-line message', async (value) => {
    const { code, stdout, stderr } = await cli(['score', examplePath('bygdvik'), '--samples', value, '--lang', 'en']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`orgfit: "${value}" is not a valid number for --samples\n`);
  });

  it.each([['x'], ['-5'], ['4294967296']])('--seed %s: exit 2', async (value) => {
    const { code, stdout, stderr } = await cli(['score', examplePath('bygdvik'), '--seed', value, '--lang', 'en']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--seed');
  });

  // Regression test for a fixed bug (src/cli/score.ts, integerOption): `Number('')` is 0, so `--samples ''` (for
  // example from an unset shell variable, `--samples "$N"`) is silently taken as 0
  // samples and the robustness analysis is skipped, exit 0. An empty value should be
  // a usage error like "abc" (exit 2). The same holds for whitespace-only values.
  it('--samples with an empty value is a usage error', async () => {
    const { code, stdout } = await cli(['score', examplePath('bygdvik'), '--samples', '', '--lang', 'en']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  it('--samples 0 is allowed: scores without a robustness analysis', async () => {
    const { code, stdout } = await cli(['score', examplePath('bygdvik'), '--samples', '0', '--format', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result;
    expect(result.method.robustness.samples).toBe(0);
    expect(result.ranking.every((r) => r.acceptability.first === 0)).toBe(true);
  });
});

// ----------------------------------------------------------------------------- --models

describe('--models DIR', () => {
  const matrix = readFileSync(join(ROOT, 'models', 'matrix.yaml'), 'utf8');
  const own = matrix.replace(/^id: matrix$/m, 'id: our-office-today').replace(/^ {2}nb: Matriseorganisasjon$/m, '  nb: Vårt kontor i dag').replace(/^ {2}en: Matrix organisation$/m, '  en: Our office today');

  it('a valid user model is scored beside the built-in ones and marked as not built in', async () => {
    expect(own).toContain('id: our-office-today');
    expect(own).toContain('Vårt kontor i dag');
    // Change a value: rule-administration 50 → 90.
    const changed = own.replace(/(rule-administration:\n {4}value: )50/, '$190');
    expect(changed).not.toBe(own);
    const dir = join(tmp, 'own-models');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'our-office-today.yaml'), changed);

    const { code, stdout, stderr } = await cli(['--models', dir, 'score', examplePath('bygdvik'), '--format', 'json', ...FAST]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result;
    expect(result.ranking).toHaveLength(organisations.length + 1);
    const ours = result.ranking.find((r) => r.model === 'our-office-today')!;
    const theirs = result.ranking.find((r) => r.model === 'matrix')!;
    expect(ours.builtIn).toBe(false);
    expect(ours.name).toBe('Vårt kontor i dag');
    expect(theirs.builtIn).toBe(true);
    expect(result.ranking.filter((r) => r.model !== 'our-office-today').every((r) => r.builtIn)).toBe(true);
    const rule = (r: RankedModel) => r.criteria.find((c) => c.criterion === 'rule-administration')!;
    expect(rule(ours).contributions[0]).toMatchObject({ kind: 'baseline', value: 90 });
    expect(rule(theirs).contributions[0]).toMatchObject({ kind: 'baseline', value: 50 });
    expect(ours.score).toBeGreaterThan(theirs.score);
    // A user's model changes nothing about the others' scores.
    const builtInOnly = JSON.parse((await cli(['score', examplePath('bygdvik'), '--format', 'json', ...FAST])).stdout) as Result;
    for (const entry of builtInOnly.ranking) {
      expect(result.ranking.find((r) => r.model === entry.model)!.score).toBe(entry.score);
    }
    checkUserResult(result);

    // The option works after the command too, and the table shows the name.
    const table = await cli(['score', examplePath('bygdvik'), '--models', dir, ...FAST]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Vårt kontor i dag (egen modell)');
  });

  it("a user's frame file is a frame: the organisations are scored within it, never against it", async () => {
    const nav = readFileSync(join(ROOT, 'models/nav-co-located.yaml'), 'utf8');
    const mine = nav
      .replace(/^id: nav-co-located$/m, 'id: our-partnership')
      .replace(/in: \[nav-office\]/, 'in: [stand-alone]')
      .replace(/^ {2}nb: NAV-kontor \(partnerskap med staten\)$/m, '  nb: Vårt eget partnerskap');
    expect(mine).toContain('id: our-partnership');
    expect(mine).toContain('Vårt eget partnerskap');
    const dir = join(tmp, 'own-frame');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'our-partnership.yaml'), mine);
    const answers = join(tmp, 'stand-alone.yaml');
    writeFileSync(answers, readFileSync(join(ROOT, examplePath('bydel-nord')), 'utf8').replace('frame: nav-office', 'frame: stand-alone'));

    const { code, stdout, stderr } = await cli(['--models', dir, 'score', answers, '--format', 'json', ...FAST]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result;
    expect(result.frame).toMatchObject({ model: 'our-partnership', name: 'Vårt eget partnerskap' });
    expect(result.ranking.map((r) => r.model).sort()).toEqual(organisations.map((m) => m.id).sort());
    for (const entry of result.ranking) expect(entry.criteria.some((c) => c.contributions.some((x) => x.kind === 'frame' && x.frame === 'our-partnership'))).toBe(true);
    // Without the user's frame, a stand-alone office is scored with no frame at all.
    const bare = JSON.parse((await cli(['score', answers, '--format', 'json', ...FAST])).stdout) as Result;
    expect(bare.frame).toBeUndefined();
  });

  function checkUserResult(result: Result): void {
    const cited = citedIn(result);
    for (const id of cited.findings) expect(result.findings[id]).toBeDefined();
    for (const key of cited.references) expect(result.references[key]).toBeDefined();
  }

  it('an invalid user model (unknown finding id): exit 1, the problem with file:line:column, nothing on stdout', async () => {
    const bad = own.replace(/^ {2}- matrix-organisation-continuous-competence$/m, '  - no-such-finding');
    expect(bad).not.toBe(own);
    const dir = join(tmp, 'bad-models');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'our-office-today.yaml'), bad);
    const { code, stdout, stderr } = await cli(['--models', 'bad-models', 'score', join(ROOT, examplePath('bygdvik')), '--lang', 'en', ...FAST], { cwd: tmp });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toContain(join('bad-models', 'our-office-today.yaml'));
    const line = problemLine(stderr, at(bad, 'no-such-finding'));
    expect(line).toContain('unknown-finding');
    expect(line).toContain('no-such-finding');
    expect(stderr).toContain('bad-models');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('a user model reusing a built-in id: exit 1, naming the id', async () => {
    const dir = join(tmp, 'dup-models');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'matrix.yaml'), matrix);
    const { code, stdout, stderr } = await cli(['--models', 'dup-models', 'score', join(ROOT, examplePath('bygdvik')), '--lang', 'en', ...FAST], { cwd: tmp });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const line = problemLine(stderr, at(matrix, 'id: matrix', 'id: '.length));
    expect(line).toContain('duplicate-id');
    expect(line).toContain('"matrix"');
  });

  it('a --models folder that does not exist: exit 2', async () => {
    const { code, stdout, stderr } = await cli(['--models', 'no-such-folder', 'score', join(ROOT, examplePath('bygdvik')), '--lang', 'en'], { cwd: tmp });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('no-such-folder');
  });
});
