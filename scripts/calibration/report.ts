/** The calibration report as a plain-text table (what `npm run calibration` prints without --json). */
import { BANDS } from './panel.js';
import type { Report } from './measure.js';

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)} %`;
const num = (x: number, digits = 2) => x.toFixed(digits);
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

function table(head: string[], rows: string[][], align: ('l' | 'r')[]): string[] {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => '  ' + cells.map((cell, c) => (align[c] === 'l' ? pad(cell, widths[c]!) : lpad(cell, widths[c]!))).join('  ').trimEnd();
  return [line(head), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function formatTable(report: Report): string {
  const out: string[] = [];
  const bandHead = BANDS.map((b) => b.id);
  out.push(`orgfit calibration: ${report.panel} generated municipalities, seed ${report.seed}, ${report.samples} samples per evaluation (${report.influenceSamples} in the influence sweeps)`);
  out.push(`engine:  ${report.engine}`);
  out.push(`verdict: ${report.method.verdict}`);
  out.push('');

  out.push("Panel (orgfit's judgement after decision-review §1.3, not KOSTRA/SSB data)");
  out.push(
    ...table(
      ['band', 'FTE', 'planned', 'drawn'],
      BANDS.map((b) => {
        const band = report.bands[b.id];
        return [`${b.id} (${band.label})`, `${band.fte[0]}–${band.fte[1]}`, pct(band.share, 0), `${band.count} (${pct(band.count / Math.max(1, report.panel))})`];
      }),
      ['l', 'r', 'r', 'r'],
    ),
  );
  out.push('');

  out.push('Verdicts');
  out.push(`  keep ${pct(report.verdictKinds.keep)}   clear ${pct(report.verdictKinds.clear)}   indistinguishable ${pct(report.verdictKinds.indistinguishable)}   undecided ${pct(report.verdictKinds.undecided)}`);
  out.push(`  top-set size ${Object.entries(report.topSetSize).map(([k, v]) => `${k}: ${pct(v)}`).join('   ')}`);
  out.push('');

  out.push('Winners (share of municipalities whose verdict leader the model is)');
  out.push(
    ...table(
      ['model', 'all', ...bandHead],
      report.models.map((id) => [id, pct(report.winners[id] ?? 0), ...BANDS.map((b) => pct(report.winnersByBand[b.id][id] ?? 0))]),
      ['l', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('');

  out.push('Fit (first in the ranking, whatever today is) and best cases (clear first = P(first) >= 60 %)');
  out.push(
    ...table(
      ['model', 'fits best', 'clear first for', 'highest P(first)', 'panel #'],
      report.models.map((id) => [id, pct(report.fitWinners[id] ?? 0), pct(report.bestCase[id]?.clearFirstFor ?? 0), pct(report.bestCase[id]?.highestFirst ?? 0), String(report.bestCase[id]?.municipality ?? '')]),
      ['l', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('');

  out.push('Separation');
  out.push(`  score gap first–second workable (points)  median ${num(report.medianGap)}   p10 ${num(report.gap.p10)}   p90 ${num(report.gap.p90)}`);
  out.push(`  P(first) of the best fit                   median ${num(report.leaderAcceptability.median, 3)}   p10 ${num(report.leaderAcceptability.p10, 3)}   p90 ${num(report.leaderAcceptability.p90, 3)}`);
  out.push(`  clear first named                          ${pct(report.clearFirstShare)}`);
  out.push(`  the most-often-first model is not the best fit  ${pct(report.mostOftenFirstNotLeader)}`);
  out.push('');

  out.push('Questions: influence = the verdict changes somewhere on the grid; leader = the leader changes somewhere on the grid;');
  out.push('           step = the leader changes on one realistic step, per band');
  const rows = Object.entries(report.questionInfluence)
    .sort((a, b) => b[1] - a[1] || (report.leaderInfluence[b[0]] ?? 0) - (report.leaderInfluence[a[0]] ?? 0) || (a[0] < b[0] ? -1 : 1))
    .map(([q, v]) => [q, pct(v), pct(report.leaderInfluence[q] ?? 0), ...BANDS.map((b) => pct(report.oneStepFlips[b.id][q] ?? 0))]);
  out.push(...table(['question', 'influence', 'leader', ...bandHead.map((b) => `step ${b}`)], rows, ['l', 'r', 'r', 'r', 'r', 'r']));
  out.push(`  the verdict changes with the Monte Carlo seed alone (no answer moved): ${pct(report.verdictSeedNoise)} at ${report.samples} samples, ${pct(report.sweepSeedNoise)} at ${report.influenceSamples}`);
  out.push('');

  const c = report.cliffIndex;
  out.push(`Cliff index: ${pct(c.share)} of ${c.band} municipalities change leader (point score) on one step of ${c.question}`);
  const v = report.verdictCliffIndex;
  out.push(`Verdict cliff index: ${pct(v.share)} of ${v.band} municipalities change the verdict's model on one step of ${v.question}`);
  out.push('');

  out.push(`Equal ratings (every rating 50, no adjustments or preconditions, spreads kept): mean P(first); fair share ${pct(report.equalRatingsFairShare)}`);
  out.push(...table(['model', 'P(first)'], report.models.map((id) => [id, pct(report.equalRatings[id] ?? 0)]), ['l', 'r']));
  out.push('');

  if (report.generator.unknownQuestions.length > 0 || report.generator.replacedQuestions.length > 0 || report.generator.absentQuestions.length > 0) {
    out.push('Generator');
    if (report.generator.unknownQuestions.length > 0) out.push(`  not in the generator (assume or uniform): ${report.generator.unknownQuestions.join(', ')}`);
    if (report.generator.replacedQuestions.length > 0) out.push(`  generator values the bank refused (fallback used): ${report.generator.replacedQuestions.join(', ')}`);
    if (report.generator.absentQuestions.length > 0) out.push(`  in the generator but not in the bank: ${report.generator.absentQuestions.join(', ')}`);
    out.push('');
  }

  out.push('Method');
  for (const [key, text] of Object.entries(report.method)) if (key !== 'verdict') out.push(`  ${key}: ${text}`);
  return out.join('\n') + '\n';
}
