// The pure parts of `npm run calibration` on a tiny panel. The figures themselves are
// printed, never asserted: this only checks that the panel is valid for the question
// bank and that the report is complete and deterministic.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/validate/check.js';
import { repoKb } from '../helpers/kb.js';
import { answerProblems, evaluate, sweepEvaluator } from '../../scripts/calibration/engine.js';
import { aggregate, calibrate, context, measure, type CalibrationOptions, type Report } from '../../scripts/calibration/measure.js';
import { coverage, municipality } from '../../scripts/calibration/panel.js';
import { formatTable } from '../../scripts/calibration/report.js';
import { grid, oneStep, withAnswer } from '../../scripts/calibration/sweeps.js';

const kb = repoKb();
const TINY: CalibrationOptions = { panel: 20, seed: 7, samples: 50, influenceSamples: 50 };
const panel = Array.from({ length: TINY.panel }, (_, i) => municipality(kb, TINY.seed, i));

describe('calibration panel', () => {
  it('answers every question of the bank, and only those (a question it has no distribution for gets a fallback, with a warning)', () => {
    const ids = kb.questions.map((q) => q.id).sort();
    for (const m of panel) expect(Object.keys(m.answers).sort()).toEqual(ids);
    expect(coverage(kb).absent).toEqual([]);
  });

  it('generates answers files that orgfit validate accepts', () => {
    const sources = panel.map((m) => ({
      path: `panel-${m.index}.yaml`,
      bytes: new TextEncoder().encode(JSON.stringify({ format: 'orgfit/answers@1', municipality: `Panel ${m.index}`, answers: m.answers })),
    }));
    for (const { result } of checkFiles(sources, kb, { lang: 'en', expect: 'answers' })) expect(result.problems).toEqual([]);
  });

  it('meets every sum rule of the bank', () => {
    expect(kb.sums.length).toBeGreaterThan(0);
    for (const m of panel) {
      for (const sum of kb.sums) {
        const total = sum.questions.reduce((acc, id) => acc + (m.answers[id] as number), 0);
        expect(Math.abs(total - sum.total)).toBeLessThanOrEqual(sum.tolerance);
      }
    }
  });

  it('keeps the answers valid when one answer is swept or stepped', () => {
    for (const m of panel.slice(0, 5)) {
      for (const q of kb.questions) {
        for (const v of [...grid(q, m.answers[q.id]), ...oneStep(q, m.answers[q.id])]) expect(answerProblems(kb, withAnswer(kb, m.answers, q.id, v))).toEqual([]);
      }
    }
  });

  it('gives the sweep evaluator the same verdict as orgfit score, and its leader by expected score', () => {
    for (const m of panel.slice(0, 5)) {
      const full = evaluate(kb, kb.models, m.answers, { samples: 50, seed: 1 });
      const sweep = sweepEvaluator(kb, kb.models, { samples: 50, seed: 1 });
      const byScore = full.ranking.filter((id) => full.workable[id]).sort((a, b) => full.scores[b]! - full.scores[a]!)[0];
      expect(Math.abs(full.scores[sweep.leader(m.answers)]! - full.scores[byScore!]!)).toBeLessThanOrEqual(0.01);
      expect(sweep.verdict(m.answers)).toEqual(full.verdict);
    }
  });
});

describe('calibration report', () => {
  let report: Report;
  beforeAll(() => {
    report = calibrate(kb, TINY);
  });
  const shares = (record: Record<string, number>) => Object.values(record);

  it('has the required figures, with shares in [0, 1]', () => {
    expect(report.panel).toBe(TINY.panel);
    // The organisations, which are ranked; the frames (NAV office, one-stop agency) never are.
    const models = kb.models.filter((m) => m.kind !== 'frame').map((m) => m.id).sort();
    expect(models).toHaveLength(kb.models.length - 2);
    expect([...report.models].sort()).toEqual(models);
    for (const key of ['winners', 'fitWinners', 'bestCase', 'equalRatings'] as const) expect(Object.keys(report[key]).sort()).toEqual(models);
    expect(Object.keys(report.questionInfluence).sort()).toEqual(kb.questions.map((q) => q.id).sort());
    const all = [
      ...shares(report.winners),
      ...shares(report.fitWinners),
      ...Object.values(report.bestCase).map((b) => b.highestFirst),
      ...shares(report.equalRatings),
      ...shares(report.questionInfluence),
      ...shares(report.leaderInfluence),
      ...Object.values(report.leaderAcceptability),
      ...shares(report.verdictKinds),
      report.clearFirstShare,
      report.cliffIndex.share,
      report.verdictSeedNoise,
      report.sweepSeedNoise,
    ];
    for (const x of all) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(shares(report.winners).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(shares(report.fitWinners).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(Number.isFinite(report.medianGap)).toBe(true);
    expect(kb.questions.map((q) => q.id)).toContain(report.cliffIndex.question);
    expect(['rural', 'town', 'city']).toContain(report.cliffIndex.band);
    expect(formatTable(report)).toContain('Cliff index');
  });

  it('is deterministic: the same seed gives the same output', () => {
    expect(JSON.stringify(calibrate(kb, TINY))).toBe(JSON.stringify(report));
  });

  it('does not depend on the order in which the municipalities were measured (worker threads)', () => {
    const options = { ...TINY, panel: 6 };
    const ctx = context(kb, options);
    const records = Array.from({ length: options.panel }, (_, i) => measure(ctx, i));
    expect(JSON.stringify(aggregate(kb, options, [...records].reverse()))).toBe(JSON.stringify(aggregate(kb, options, records)));
  });
});

describe('npm run calibration, as a user runs it', () => {
  // The script bundles the sources and runs the bundle: what the bundle loads lazily at
  // run time (the YAML library) must resolve from there (it once did not: "Cannot find module 'yaml'").
  it('runs end to end on a tiny panel and prints one JSON report', () => {
    const run = spawnSync(process.execPath, ['scripts/calibration.mjs', '--panel', '3', '--samples', '50', '--influence-samples', '50', '--workers', '1', '--json'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { format: string; panel: number };
    expect(report).toMatchObject({ format: 'orgfit/calibration@1', panel: 3 });
  });
});
