/**
 * The built binary, run as a user runs it: `node bin/orgfit.js score|explain …`.
 * Needs `npm run build` first (npm test does it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/core/result.js';
import { BIN, environment, noStackTrace, orgfitBin, TIMEOUT_MS, waitForBuild, type BinOptions } from '../helpers/bin.js';
import { ROOT } from '../helpers/kb.js';

const EXAMPLE = (name: string) => join(ROOT, 'seeds', 'examples', `${name}.yaml`);

let dir = '';

/** The binary, run in this file's own temporary folder. */
const orgfit = (args: string[], options: BinOptions = {}) => orgfitBin(args, { cwd: dir, ...options });

beforeAll(async () => {
  await waitForBuild();
  dir = mkdtempSync(join(tmpdir(), 'orgfit-e2e-score-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('orgfit score (built binary)', () => {
  it('score bygdvik.yaml: exit 0 and the ranking table, in bokmål, without colour', () => {
    const ran = orgfit(['score', EXAMPLE('bygdvik'), '--samples', '200']);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    const lines = ran.stdout.split('\n');
    expect(lines[0]).toBe('Bygdvik kommune');
    // The frame and today's organisation, then the verdict.
    expect(lines[1]).toBe('Innenfor: NAV-kontor (partnerskap med staten). I dag: Integrert');
    expect(ran.stdout).toMatch(/^Vurdering: /m);
    expect(ran.stdout).toMatch(/^ # Modell +Poeng \(80 %\) +mot i dag +Først i$/m);
    // The four organisations, never a frame; one of them is today's.
    const rows = lines.filter((line) => /^ [1-9] /.test(line));
    expect(rows).toHaveLength(4);
    expect(rows.filter((row) => row.includes('Integrert generalistmodell (i dag)'))).toHaveLength(1);
    expect(ran.stdout).not.toMatch(/^ \d .*NAV-kontor/m);
    for (const row of rows) expect(row).toMatch(/ \d{1,3} \(\d{1,3}–\d{1,3}\) +([+−]\d+,\d|·) +\d{1,3}\u00a0?%$/);
    expect(ran.stdout).toMatch(/Forskningen bak en poengsum: orgfit explain [a-z-]+/);
    expect(ran.stdout).not.toContain('\u001b');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('too few staff for a matrix or a team: both marked unworkable and ranked last', () => {
    // Bygdvik with 2 FTEs: a matrix needs 4 (two-dimensions-need-people), self-managed teams 3 (a-team-needs-people).
    writeFileSync(join(dir, 'bygdvik-2-fte.yaml'), readFileSync(EXAMPLE('bygdvik'), 'utf8').replace('  staff-fte: 4\n', '  staff-fte: 2\n'));
    const ran = orgfit(['score', 'bygdvik-2-fte.yaml', '--samples', '200']);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    const rows = ran.stdout.split('\n').filter((line) => /^ [1-9] /.test(line));
    expect(rows).toHaveLength(4);
    expect(rows.slice(2).some((row) => row.includes('Matriseorganisasjon (ikke gjennomførbar)'))).toBe(true);
    expect(rows.slice(2).some((row) => row.includes('(ikke gjennomførbar)') && row.includes('Flat, teambaser'))).toBe(true);
    expect(rows.slice(0, 2).some((row) => row.includes('ikke gjennomførbar'))).toBe(false);
    for (const line of ran.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('score - --format json reads standard input and prints one orgfit/result@1', () => {
    const text = readFileSync(EXAMPLE('elvestad'), 'utf8');
    const ran = orgfit(['score', '-', '--format', 'json', '--samples', '200'], { input: text });
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    const result = JSON.parse(ran.stdout) as Result;
    expect(result.format).toBe('orgfit/result@1');
    expect(result.municipality).toBe('Elvestad kommune');
    expect(result.scenario).toBeUndefined();
    expect(result.frame?.model).toBe('nav-co-located');
    expect(result.today).toBe('specialised');
    expect(result.source).toBe('<stdin>');
    expect(result.ranking).toHaveLength(4);
    for (const entry of result.ranking) {
      expect(entry.interval[0]).toBeLessThanOrEqual(entry.score);
      expect(entry.score).toBeLessThanOrEqual(entry.interval[1]);
    }
    // The same answers from the file give the same ranking, byte for byte apart from the source.
    const fromFile = orgfit(['score', EXAMPLE('elvestad'), '--format', 'json', '--samples', '200']);
    expect(fromFile.stdout.replace(/"source": "[^"]*"/, '')).toBe(ran.stdout.replace(/"source": "[^"]*"/, ''));
  });

  it('a bad answers file: exit 1, nothing on stdout, every problem on stderr, no stack trace', () => {
    const ran = orgfit(['score', join(ROOT, 'test', 'fixtures', 'answers', 'invalid', 'several-problems.yaml'), '--lang', 'en']);
    expect(ran.status).toBe(1);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toContain('several-problems.yaml');
    expect(ran.stderr).toMatch(/^ {2}10:14 +error +The answer to "staff-fte" is 9999/m);
    expect(ran.stderr).toMatch(/^ {2}24:3 +error +There is no question "acces-measures-and-jobs" \(did you mean "access-measures-and-jobs"\?\)/m);
    expect(ran.stderr).toContain('✖ 4 problems (4 errors, 0 warnings)');
    expect(ran.stderr).not.toContain('\u001b');
    noStackTrace(ran);
  });

  it('binary data and a model file as answers: exit 1, no stack trace', () => {
    writeFileSync(join(dir, 'random.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0xff, 0xfe, 0x00]));
    const binary = orgfit(['score', 'random.yaml', '--lang', 'en']);
    expect(binary.status).toBe(1);
    expect(binary.stdout).toBe('');
    expect(binary.stderr).toMatch(/^random\.yaml\n {2}1:1 +error +The file is not UTF-8 text/m);
    noStackTrace(binary);
    const model = orgfit(['score', join(ROOT, 'models', 'matrix.yaml'), '--lang', 'en']);
    expect(model.status).toBe(1);
    expect(model.stdout).toBe('');
    expect(model.stderr).toContain('file-kind');
    noStackTrace(model);
  });

  it('a missing file: exit 2, one line; an unknown option: exit 2', () => {
    const { status, stdout, stderr } = orgfit(['score', 'no-such.yaml', '--lang', 'en']);
    expect({ status, stdout, stderr }).toEqual({ status: 2, stdout: '', stderr: 'orgfit: No such file or folder: "no-such.yaml"\n' });
    const option = orgfit(['score', EXAMPLE('bygdvik'), '--frobnicate']);
    expect(option.status).toBe(2);
    expect(option.stdout).toBe('');
    expect(option.stderr).toContain('--frobnicate');
    noStackTrace(option);
  });

  it('csv goes to stdout with CRLF line ends, nothing on stderr', () => {
    const ran = orgfit(['score', EXAMPLE('fjordby'), EXAMPLE('bydel-nord'), '--format', 'csv', '--samples', '200']);
    expect(ran.status).toBe(0);
    expect(ran.stderr).toBe('');
    const records = ran.stdout.split('\r\n');
    expect(records.at(-1)).toBe('');
    // A header, four organisations for each file, and the empty string after the last CRLF.
    expect(records).toHaveLength(1 + 2 * 4 + 1);
    expect(records[0]!.startsWith('source,municipality,scenario,rank,model,name,score,')).toBe(true);
  });

  it('a blank template from `orgfit template`, filled in by hand, scores through standard input', () => {
    const template = orgfit(['template', '--lang', 'en']);
    expect(template.status).toBe(0);
    // As printed, the template is not yet valid: it names what must be filled in.
    const blank = orgfit(['score', '-', '--lang', 'en'], { input: template.stdout });
    expect(blank.status).toBe(1);
    expect(blank.stdout).toBe('');
    expect(blank.stderr).toContain('<stdin>');
    // The frame is the one answer that may not be "don't know".
    expect(blank.stderr).toMatch(/"frame"/);
    noStackTrace(blank);
    // Fill in the name and the answer that may not be "don't know".
    const filled = template.stdout
      .replace(/^municipality: ""$/m, 'municipality: Malvik')
      .replace(/^( {2}frame:)[^\n]*$/m, '$1 nav-office');
    expect(filled).not.toBe(template.stdout);
    const ran = orgfit(['score', '-', '--format', 'json', '--samples', '200', '--lang', 'en'], { input: filled });
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    const result = JSON.parse(ran.stdout) as Result;
    expect(result.municipality).toBe('Malvik');
    expect(result.ranking).toHaveLength(4);
    expect(result.frame?.model).toBe('nav-co-located');
    expect(result.assumptions.length).toBeGreaterThan(0);
  });

  // Regression test for a fixed bug (bin/orgfit.js / src/cli/node-io.ts): when the reader of standard output goes
  // away early (`orgfit score … | head`), the next write fails with EPIPE, which nothing
  // handles: Node prints "Error: write EPIPE" and a stack trace ("    at
  // WriteWrap.onWriteComplete …", "node:internal/…") to stderr. The contract says no
  // stack trace, never a crash; a closed pipe should end orgfit quietly (as `cat` or
  // `git log` do).
  it('piping into a reader that stops early (| head -c 1) gives no stack trace', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" score "${join(ROOT, 'seeds', 'examples')}" --format json --samples 200 | head -c 1 > /dev/null`], {
      cwd: dir,
      env: environment(),
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
    });
    expect(result.error).toBeUndefined();
    noStackTrace(result);
    expect(result.stderr).toBe('');
  });
});

describe('orgfit explain (built binary)', () => {
  it('explain specialised bydel-nord.yaml: exit 0, the criteria, findings and sources', () => {
    const ran = orgfit(['explain', 'specialised', EXAMPLE('bydel-nord'), '--lang', 'en']);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    const lines = ran.stdout.split('\n');
    expect(lines[0]).toBe('Specialised model — Bydel Nord');
    expect(lines).toContain('Criteria (weight × performance = points)');
    expect(lines).toContain('Sources');
    expect(ran.stdout).toMatch(/Evidence: (high|moderate|low|very low) · /);
    expect(ran.stdout).toContain('Helgøy 2003');
    expect(ran.stdout).not.toContain('\u001b');
  });

  it('an unknown model: exit 2, one line with a did-you-mean, no stack trace', () => {
    const ran = orgfit(['explain', 'organic-teams', EXAMPLE('bydel-nord'), '--lang', 'en']);
    expect(ran.status).toBe(2);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toMatch(/^orgfit: Unknown model "organic-teams" \(did you mean "organic-team"\?\)\. The models are: [a-z, -]+\n$/);
    noStackTrace(ran);
  });
});
