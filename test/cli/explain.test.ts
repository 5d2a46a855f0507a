import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/kb.js';
import type { KnowledgeBase } from '../../src/core/kb.js';
import type { RankedModel, Result } from '../../src/core/result.js';
import { KB_JSON } from '../../src/paths.js';

/*
 * `orgfit explain MODEL FILE`, in-process with a fake Io. The text is checked
 * against the JSON of the same explanation, so every number and citation the text
 * shows is one the result contract holds.
 */

const BYDEL_NORD = 'seeds/examples/bydel-nord.yaml';
const FRAMES = ['nav-co-located', 'centrelink-style'];

interface Explanation {
  format: 'orgfit/explanation@1';
  municipality: string;
  scenario?: string;
  model: RankedModel;
  weights: Result['weights'];
  findings: Result['findings'];
  references: Result['references'];
}

type Lang = 'nb' | 'en';
const WORDS = {
  nb: {
    confidence: { high: 'høy', moderate: 'moderat', low: 'lav', 'very-low': 'svært lav' } as Record<string, string>,
    evidence: 'Evidens',
    weight: 'vekt',
    performance: 'ytelse',
    criteria: 'Kriterier (vekt × ytelse = poeng)',
    fit: 'Passer fordi',
    misfit: 'Passer dårlig fordi',
    sources: 'Kilder',
    preconditions: 'Forutsetninger',
    failed: 'IKKE oppfylt',
    noYear: 'u.å.',
    and: 'og',
    etAl: 'mfl.',
    baseline: 'Vurdering',
    adjustment: 'Justering',
    frameAdjustment: 'Justering i rammen',
    frame: 'Rammen',
    points: 'poeng',
    lines: 'linje',
    preconditionFailed: 'Forutsetning ikke oppfylt',
  },
  en: {
    confidence: { high: 'high', moderate: 'moderate', low: 'low', 'very-low': 'very low' } as Record<string, string>,
    evidence: 'Evidence',
    weight: 'weight',
    performance: 'performance',
    criteria: 'Criteria (weight × performance = points)',
    fit: 'Fits because',
    misfit: 'Misfits because',
    sources: 'Sources',
    preconditions: 'Preconditions',
    failed: 'NOT met',
    noYear: 'n.d.',
    and: 'and',
    etAl: 'et al.',
    baseline: 'Rating',
    adjustment: 'Adjustment',
    frameAdjustment: 'Frame adjustment',
    frame: 'Frame',
    points: 'points',
    lines: 'lines',
    preconditionFailed: 'Precondition not met',
  },
} as const;

/** "14 %" in bokmål (the space may be a no-break space), "14%" in English. */
const percent = (share: number, lang: Lang) => `${Math.round(share * 100)}${lang === 'nb' ? ' %' : '%'}`;
const decimal = (n: number, digits: number, lang: Lang) => (lang === 'nb' ? n.toFixed(digits).replace('.', ',') : n.toFixed(digits));
/** "+3,8", "−0,7" (a minus sign, not a hyphen), "0". */
const signed = (n: number, digits: number, lang: Lang) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${decimal(Math.abs(n), digits, lang)}`;

/** "Author year", as a reader expects it: first author's name and the year (or "n.d."). */
function authorYear(reference: { authors: string[]; year: number | null }, lang: Lang): string {
  const named = reference.authors.filter((a) => a !== 'et al.');
  // A work the review cites with no author or issuer (the NAV consultation paper).
  if (named.length === 0) return `${lang === 'nb' ? '[utsteder ikke navngitt]' : '[issuer not named]'} ${reference.year ?? WORDS[lang].noYear}`;
  const names = named.length <= 2 ? named.join(` ${WORDS[lang].and} `) : `${named[0]} ${WORDS[lang].etAl}`;
  const etAl = reference.authors.includes('et al.') && named.length <= 2 ? ` ${WORDS[lang].etAl}` : '';
  return `${names}${etAl} ${reference.year ?? WORDS[lang].noYear}`;
}

let kb: KnowledgeBase;
/** The models that are ranked, and so can be explained: every one but the frames. */
let organisations: KnowledgeBase['models'];
let tmp: string;

beforeAll(() => {
  kb = JSON.parse(readFileSync(KB_JSON, 'utf8')) as KnowledgeBase;
  organisations = kb.models.filter((m) => m.kind !== 'frame');
  expect(kb.models.filter((m) => m.kind === 'frame').map((m) => m.id).sort()).toEqual([...FRAMES].sort());
  tmp = mkdtempSync(join(tmpdir(), 'orgfit-explain-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function explanation(model: string, file: string, lang: Lang, cwd = ROOT): Promise<Explanation> {
  const { code, stdout, stderr } = await cli(['explain', model, file, '--format', 'json', '--lang', lang], { cwd });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as Explanation;
}

/**
 * The text with its wrapping undone: explanations wrap long lines at the terminal's
 * width (breaking only at spaces), so content is compared with runs of white space
 * (line breaks, indents, no-break spaces) collapsed to one space.
 */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** One evidence line: "Evidence: <strength> · <claim> (<Author year>; …; lines …) [<id>]". */
function evidenceLine(id: string, data: Explanation, lang: Lang): string {
  const w = WORDS[lang];
  const finding = data.findings[id];
  expect(finding, `finding ${id} is not resolved`).toBeDefined();
  const refs = finding!.references.map((key) => {
    const reference = data.references[key];
    expect(reference, `reference ${key} is not resolved`).toBeDefined();
    return authorYear(reference!, lang);
  });
  return flat(`${w.evidence}: ${w.confidence[finding!.confidence]} · ${finding!.claim} (${refs.join('; ')}; ${w.lines} ${finding!.lines.join(', ')}) [${id}]`);
}

/** Checks a text explanation against its JSON twin. */
function checkText(text: string, data: Explanation, lang: Lang): void {
  const w = WORDS[lang];
  const lines = text.split('\n');
  const all = flat(text);
  const entry = data.model;
  const workable = entry.feasible ? '' : ` (${lang === 'nb' ? 'ikke gjennomførbar' : 'not workable'})`;
  expect(all.startsWith(flat(`${entry.name}${workable} — ${data.municipality}${data.scenario ? ` (${data.scenario})` : ''} `))).toBe(true);
  expect(all).toContain(decimal(entry.score, 1, lang));
  expect(all).toContain(`${decimal(entry.interval[0], 1, lang)}–${decimal(entry.interval[1], 1, lang)}`);
  expect(lines).toContain(w.criteria);

  // Every criterion, with its weight, performance and points, then each contribution
  // with its rationale and the findings behind it (claim, strength, "Author year").
  expect(entry.criteria.map((c) => c.criterion).sort()).toEqual(kb.criteria.map((c) => c.id).sort());
  for (const c of entry.criteria) {
    const name = kb.criteria.find((k) => k.id === c.criterion)!.name[lang];
    expect(c.name).toBe(name);
    const head = flat(`${name} ${w.weight} ${percent(c.weight, lang)} × ${w.performance} ${decimal(c.performance, 0, lang)} (${decimal(c.interval[0], 0, lang)}–${decimal(c.interval[1], 0, lang)}) = ${decimal(c.points, 1, lang)} ${w.points}`);
    const contributions = c.contributions.map((x) => {
      expect(x.rationale).not.toBe('');
      const what = x.kind === 'baseline' ? `${w.baseline} ${decimal(x.value, 0, lang)} (` : x.kind === 'frame' ? `${w.frame}` : `${x.source === 'frame' ? w.frameAdjustment : w.adjustment} `;
      return { what, rest: flat(`${x.rationale} ${x.findings.map((id) => evidenceLine(id, data, lang)).join(' ')}`), id: x.kind === 'adjustment' ? `[${x.id}]` : '' };
    });
    const at = all.indexOf(head);
    expect(at, `no heading for criterion ${c.criterion}: ${head}`).toBeGreaterThanOrEqual(0);
    let from = at + head.length;
    for (const x of contributions) {
      const start = all.indexOf(x.what, from);
      expect(start, `contribution "${x.what}" of ${c.criterion}`).toBeGreaterThan(0);
      if (x.id) expect(all.slice(start, start + 200)).toContain(x.id);
      const body = all.indexOf(x.rest, start);
      expect(body, `rationale and evidence of a contribution to ${c.criterion}`).toBeGreaterThan(start);
      from = body + x.rest.length;
    }
  }

  // The sources section lists every reference the explanation cites, with what the review reports.
  const sourcesAt = lines.indexOf(w.sources);
  expect(sourcesAt).toBeGreaterThan(0);
  const sources = flat(lines.slice(sourcesAt + 1).join('\n'));
  const keys = new Set([...entry.criteria.flatMap((c) => c.contributions.flatMap((x) => x.references)), ...entry.preconditions.flatMap((p) => p.references)]);
  for (const key of keys) {
    const reference = data.references[key]!;
    expect(sources).toContain(flat(`${authorYear(reference, lang)} — ${reference.reported} (${w.lines} ${reference.lines.join(', ')})`));
  }
  const entries = lines.slice(sourcesAt + 1).filter((l) => /^ {2}\S/.test(l));
  expect(entries).toHaveLength(keys.size);

  // Fit and misfit sections, each reason with its findings.
  if (entry.fit.length > 0) expect(lines).toContain(w.fit);
  if (entry.misfit.length > 0) expect(lines).toContain(w.misfit);
  for (const reason of [...entry.fit, ...entry.misfit]) expect(all).toContain(flat(`[${reason.findings.join(', ')}]`));

  expect(text.endsWith('\n')).toBe(true);
  expect(text).not.toContain('undefined');
  expect(text).not.toContain('NaN');
}

describe('orgfit explain specialised bydel-nord', () => {
  it('text (nb): exit 0, every criterion, weight, performance, finding, strength, reference and source', async () => {
    const { code, stdout, stderr } = await cli(['explain', 'specialised', BYDEL_NORD]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const data = await explanation('specialised', BYDEL_NORD, 'nb');
    checkText(stdout, data, 'nb');
    // Concrete facts from the review, as a manager would read them.
    expect(stdout.split('\n')[0]).toBe('Spesialisert modell — Bydel Nord');
    expect(stdout).toContain('Helgøy 2003');
    expect(stdout).toContain('Fehn mfl. 1994');
    expect(stdout).toContain('Thomassen 1995');
    expect(stdout).toMatch(/Evidens: (høy|moderat|lav|svært lav) · /);
    // The specialised model has no precondition (the 6-FTE one was removed as unsupported).
    expect(data.model.preconditions).toEqual([]);
    expect(stdout.split('\n')).not.toContain(WORDS.nb.preconditions);
    // Scored within Bydel Nord's frame, a NAV office: the frame's rating is one contribution to every criterion.
    expect(stdout).toContain('Vurdert innenfor NAV-kontor (partnerskap med staten): rammens virkninger står under hvert kriterium.');
    for (const c of data.model.criteria) expect(c.contributions.filter((x) => x.kind === 'frame').map((x) => x.frame), c.criterion).toEqual(['nav-co-located']);
    expect(data.model.criteria.some((c) => c.contributions.some((x) => x.kind === 'adjustment' && x.source === 'frame'))).toBe(true);
    // Bydel Nord is integrated today: the specialised model against it, the cost of change paid.
    const versus = data.model.versusToday!;
    expect(versus).toBeDefined();
    expect(data.model.change!.cost).toBeGreaterThan(0);
    // The share is said to the precision the samples allow (a multiple of 5 % at 3000 samples), so it is matched, not computed.
    const said = flat(stdout).match(new RegExp(`Mot dagens organisering: ${signed(versus.gain, 1, 'nb').replace('+', '\\+')} poeng, bedre i (\\d+) % av tilfellene\\.`));
    expect(said, 'the line against today').not.toBeNull();
    expect(Math.abs(Number(said![1]) / 100 - versus.better)).toBeLessThanOrEqual(0.05);
    // Bydel Nord answered rule-work-crowds-out: 5, which triggers the adjustment.
    expect(flat(stdout)).toMatch(/Justering \+\d+(,\d)? \[rule-work-crowds-out\] \(gjelder, ut fra svarene på rule-work-crowds-out = 5;/);
  });

  it('text (en) differs from nb and meets the same checks', async () => {
    const nb = await cli(['explain', 'specialised', BYDEL_NORD]);
    const en = await cli(['explain', 'specialised', BYDEL_NORD, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).not.toBe(nb.stdout);
    checkText(en.stdout, await explanation('specialised', BYDEL_NORD, 'en'), 'en');
    expect(en.stdout.split('\n')[0]).toBe('Specialised model — Bydel Nord');
    expect(en.stdout).toContain('Fehn et al. 1994');
    expect(en.stdout).toContain('Criteria (weight × performance = points)');
  });

  it('--format json parses and agrees with score --format json', async () => {
    const data = await explanation('specialised', BYDEL_NORD, 'nb');
    expect(data.format).toBe('orgfit/explanation@1');
    expect(data.municipality).toBe('Bydel Nord');
    expect(data.model.model).toBe('specialised');
    const scored = JSON.parse((await cli(['score', BYDEL_NORD, '--format', 'json'])).stdout) as Result;
    expect(data.model).toEqual(scored.ranking.find((r) => r.model === 'specialised'));
    expect(data.weights).toEqual(scored.weights);
    // Every finding and reference the model uses resolves.
    for (const c of data.model.criteria) {
      for (const x of c.contributions) {
        expect(x.findings.length).toBeGreaterThan(0);
        expect(x.references.length).toBeGreaterThan(0);
        for (const id of x.findings) expect(data.findings[id]).toBeDefined();
        for (const key of x.references) expect(data.references[key]).toBeDefined();
      }
    }
  });

  it('wraps to the terminal: no line over 100 columns by default, none over 80 on an 80-column terminal, same words', async () => {
    const wide = await cli(['explain', 'specialised', BYDEL_NORD]);
    const narrow = await cli(['explain', 'specialised', BYDEL_NORD], { columns: 80 });
    expect(narrow.code).toBe(0);
    const over = (text: string, width: number) => text.split('\n').filter((line) => [...line].length > width);
    expect(over(wide.stdout, 100)).toEqual([]);
    expect(over(narrow.stdout, 80)).toEqual([]);
    expect(flat(narrow.stdout)).toBe(flat(wide.stdout));
  });

  it('is deterministic and has no escape codes without a terminal', async () => {
    const a = await cli(['explain', 'specialised', BYDEL_NORD]);
    const b = await cli(['explain', 'specialised', BYDEL_NORD]);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout).not.toContain('\u001b[');
    expect((await cli(['explain', 'specialised', BYDEL_NORD], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    const coloured = (await cli(['explain', 'specialised', BYDEL_NORD], { env: { FORCE_COLOR: '1' } })).stdout;
    expect(coloured).toContain('\u001b[');
    // Colour adds escape codes and nothing else.
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(a.stdout);
  });

  it.each(['integrated-generalist', 'matrix', 'organic-team'])('every built-in organisation can be explained: %s', async (model) => {
    const { code, stdout } = await cli(['explain', model, 'seeds/examples/fjordby.yaml', '--lang', 'en']);
    expect(code).toBe(0);
    const data = await explanation(model, 'seeds/examples/fjordby.yaml', 'en');
    checkText(stdout, data, 'en');
    // Fjordby's frame is the one-stop agency: its effects, not the NAV office's, are in every criterion.
    for (const c of data.model.criteria) expect(c.contributions.filter((x) => x.kind === 'frame').map((x) => x.frame), c.criterion).toEqual(['centrelink-style']);
  });

  it('a precondition that is met is shown with ✔: the matrix in Bydel Nord (80 FTEs)', async () => {
    const { code, stdout } = await cli(['explain', 'matrix', BYDEL_NORD]);
    expect(code).toBe(0);
    expect(stdout).toContain('✔ two-dimensions-need-people: oppfylt');
  });

  it('reads the answers from standard input with "-"', async () => {
    const text = readFileSync(join(ROOT, BYDEL_NORD), 'utf8');
    const fromFile = await cli(['explain', 'specialised', BYDEL_NORD]);
    const fromStdin = await cli(['explain', 'specialised', '-'], { stdin: [text] });
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });
});

describe('explain errors', () => {
  // It used to explain the first answers file in the folder, without a word.
  it('a folder where the answers file belongs: exit 2, one line, in both languages', async () => {
    const en = await cli(['explain', 'specialised', 'seeds/examples', '--lang', 'en']);
    expect(en).toEqual({ code: 2, stdout: '', stderr: 'orgfit: "seeds/examples" is a folder; explain takes one answers file\n' });
    const nb = await cli(['explain', 'specialised', 'seeds/examples']);
    expect(nb.stderr).toBe('orgfit: «seeds/examples» er en mappe; explain tar én svarfil\n');
  });

  it('an unknown model: exit 2, a did-you-mean and the list of models', async () => {
    const { code, stdout, stderr } = await cli(['explain', 'specialized', BYDEL_NORD, '--lang', 'en']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Unknown model "specialized"');
    expect(stderr).toContain('did you mean "specialised"');
    // The models that can be explained: the organisations, not the frames.
    for (const model of organisations) expect(stderr).toContain(model.id);
    for (const frame of FRAMES) expect(stderr).not.toContain(frame);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  // Regression test for a fixed bug (src/cli/explain.ts): a frame passed the "is it a model" check, but is
  // never ranked, so the renderer found no row for it and orgfit crashed with "internal error: Cannot read
  // properties of undefined (reading 'name')". A frame is a usage error that says where its effects are.
  it.each(FRAMES)('a frame (%s) cannot be explained: exit 2, one line saying why and naming the organisations', async (frame) => {
    for (const example of [BYDEL_NORD, 'seeds/examples/fjordby.yaml']) {
      const en = await cli(['explain', frame, example, '--lang', 'en']);
      expect(en.code).toBe(2);
      expect(en.stdout).toBe('');
      expect(en.stderr).toBe(`orgfit: "${frame}" is a frame, not an organisation: it is never ranked, and its effects are shown under each criterion of every organisation scored within it. Explain one of those: ${organisations.map((m) => m.id).join(', ')}\n`);
      const nb = await cli(['explain', frame, example]);
      expect(nb.code).toBe(2);
      expect(nb.stdout).toBe('');
      expect(nb.stderr).toMatch(new RegExp(`^orgfit: «${frame}» er en ramme, ikke en organisering: .*Forklar en av dem: ${organisations.map((m) => m.id).join(', ')}\n$`));
    }
  });

  it('an unknown model in bokmål, and one too far from any for a suggestion', async () => {
    // "matrise" is the start of Matriseorganisasjon, so it is found (test/cli/explain-names.test.ts); a typo is not.
    const nb = await cli(['explain', 'matrx', BYDEL_NORD]);
    expect(nb.code).toBe(2);
    expect(nb.stderr).toMatch(/Ukjent modell «matrx» \(mente du «matrix»\?\)/);
    const far = await cli(['explain', 'zzzzqqqq', BYDEL_NORD, '--lang', 'en']);
    expect(far.code).toBe(2);
    expect(far.stderr).not.toContain('did you mean');
    for (const model of organisations) expect(far.stderr).toContain(model.id);
  });

  it('a missing answers file: exit 2; an invalid one: exit 1 with nothing on stdout', async () => {
    const missing = await cli(['explain', 'specialised', 'no-such.yaml', '--lang', 'en'], { cwd: tmp });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('orgfit: No such file or folder: "no-such.yaml"\n');

    writeFileSync(join(tmp, 'bad.yaml'), readFileSync(join(ROOT, BYDEL_NORD), 'utf8').replace('  staff-fte: 80\n', '  staff-fte: 0\n'));
    const bad = await cli(['explain', 'specialised', 'bad.yaml', '--lang', 'en'], { cwd: tmp });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.split('\n')).toContain('bad.yaml');
    expect(bad.stderr).toMatch(/^ {2}15:14\s+error\s+.*"staff-fte".*answer-range/m);
  });

  it('a missing argument or an unknown option: exit 2', async () => {
    expect((await cli(['explain', 'specialised'])).code).toBe(2);
    expect((await cli(['explain'])).code).toBe(2);
    expect((await cli(['explain', 'specialised', BYDEL_NORD, '--bogus'])).code).toBe(2);
    expect((await cli(['explain', 'specialised', BYDEL_NORD, '--format', 'csv'])).code).toBe(2);
  });
});

describe('a failed precondition', () => {
  /**
   * Bydel Nord with few staff. A matrix needs at least 4 FTEs (two-dimensions-need-people), self-managed teams at
   * least 3 (a-team-needs-people): at 3 FTEs only the matrix is unworkable, at 2 both are.
   */
  const CASES = [
    { model: 'matrix', fte: 3, precondition: 'two-dimensions-need-people', unworkable: 1 },
    { model: 'organic-team', fte: 2, precondition: 'a-team-needs-people', unworkable: 2 },
  ] as const;
  const files = new Map<number, string>();
  beforeAll(() => {
    const dir = join(tmp, 'small');
    mkdirSync(dir, { recursive: true });
    for (const { fte } of CASES) {
      const file = join(dir, `bydel-nord-${fte}-fte.yaml`);
      const text = readFileSync(join(ROOT, BYDEL_NORD), 'utf8').replace('  staff-fte: 80\n', `  staff-fte: ${fte}\n`);
      expect(text).toContain(`staff-fte: ${fte}\n`);
      writeFileSync(file, text);
      files.set(fte, file);
    }
  });

  it.each(CASES.flatMap((c) => (['nb', 'en'] as const).map((lang) => [c.model, c.fte, lang, c] as const)))(
    '%s with staff-fte: %i shows the failed precondition and its findings (%s)',
    async (model, fte, lang, { precondition: id, unworkable }) => {
      const file = files.get(fte)!;
      const { code, stdout, stderr } = await cli(['explain', model, file, '--lang', lang]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const data = await explanation(model, file, lang);
      expect(data.model.feasible).toBe(false);
      // Unworkable models come after every workable one.
      expect(data.model.rank).toBeGreaterThan(organisations.length - unworkable);
      const failed = data.model.preconditions.filter((p) => p.status === 'failed');
      expect(failed.map((p) => p.id)).toEqual([id]);
      const precondition = failed[0]!;
      expect(precondition.reads).toEqual(['staff-fte']);
      expect(precondition.findings.length).toBeGreaterThan(0);
      expect(data.model.acceptability.first).toBe(0);

      const lines = stdout.split('\n');
      const w = WORDS[lang];
      expect(lines[0]).toBe(`${data.model.name} (${lang === 'nb' ? 'ikke gjennomførbar' : 'not workable'}) — Bydel Nord`);
      const at = lines.indexOf(w.preconditions);
      expect(at).toBeGreaterThan(0);
      expect(lines[at + 1]!.startsWith(`  ✖ ${id}: ${w.failed} — `)).toBe(true);
      // The failure in words, then each of its findings with claim, strength and "Author year".
      const section = flat(lines.slice(at + 1, lines.indexOf(w.criteria)).join('\n'));
      expect(section).toBe(flat(` ✖ ${id}: ${w.failed} — ${precondition.failure} ${precondition.findings.map((f) => evidenceLine(f, data, lang)).join(' ')} `));
      // The misfit section leads with the failed precondition and its findings.
      const misfit = lines.indexOf(w.misfit);
      expect(misfit).toBeGreaterThan(0);
      expect(flat(lines.slice(misfit + 1).join('\n')).startsWith(flat(` − ${w.preconditionFailed}: ${precondition.failure} [${precondition.findings.join(', ')}]`))).toBe(true);
      checkText(stdout, data, lang);
      // The rank line says where it is: among the last.
      const n = organisations.length;
      expect(flat(stdout)).toContain(lang === 'nb' ? `plass ${data.model.rank} av ${n}` : `rank ${data.model.rank} of ${n}`);
    },
  );

  it('at 3 FTEs the matrix is ranked last; self-managed teams are still workable', async () => {
    const data = await explanation('organic-team', files.get(3)!, 'en');
    expect(data.model.feasible).toBe(true);
    expect(data.model.preconditions.map((p) => [p.id, p.status])).toEqual([['a-team-needs-people', 'met']]);
    expect((await explanation('matrix', files.get(3)!, 'en')).model.rank).toBe(organisations.length);
  });

  it('with staff-fte unknown ("don’t know"), the preconditions are uncertain, not failed', async () => {
    const dir = join(tmp, 'unknown');
    mkdirSync(dir, { recursive: true });
    const unknown = join(dir, 'bydel-nord-unknown-fte.yaml');
    writeFileSync(unknown, readFileSync(join(ROOT, BYDEL_NORD), 'utf8').replace('  staff-fte: 80\n', '  staff-fte: dont-know\n'));
    for (const { model, precondition } of CASES) {
      const { code, stdout } = await cli(['explain', model, unknown, '--lang', 'en']);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^ {2}\\? ${precondition}: uncertain`, 'm'));
      const data = await explanation(model, unknown, 'en');
      expect(data.model.feasible).toBe(true);
      const p = data.model.preconditions.find((x) => x.id === precondition)!;
      expect(p.status).toBe('unknown');
      expect(p.probability).toBeGreaterThan(0);
    }
  });
});

describe('explain a user model', () => {
  it('--models DIR: a user model can be explained, with its own values', async () => {
    const dir = join(tmp, 'own');
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(join(ROOT, 'models', 'matrix.yaml'), 'utf8')
      .replace(/^id: matrix$/m, 'id: our-office-today')
      .replace(/^ {2}en: Matrix organisation$/m, '  en: Our office today')
      .replace(/(rule-administration:\n {4}value: )50/, '$190');
    writeFileSync(join(dir, 'our-office-today.yaml'), text);
    const { code, stdout, stderr } = await cli(['--models', dir, 'explain', 'our-office-today', BYDEL_NORD, '--lang', 'en']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Our office today — Bydel Nord');
    expect(stdout).toMatch(/^ {4}Rating 90 \(/m);
    const json = JSON.parse((await cli(['--models', dir, 'explain', 'our-office-today', BYDEL_NORD, '--format', 'json', '--lang', 'en'])).stdout) as Explanation;
    expect(json.model.builtIn).toBe(false);
    checkText(stdout, json, 'en');
  });
});
