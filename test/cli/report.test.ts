import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { Report } from '../../src/schema/report.js';
import { csvCell } from '../../src/render/score-csv.js';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/kb.js';

const dir = mkdtempSync(join(tmpdir(), 'orgfit-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BYGDVIK = 'seeds/examples/bygdvik.yaml';
const FAST = ['--samples', '200'];

describe('orgfit report', () => {
  it('writes Markdown to standard output by default, in bokmål, with the verdict first', async () => {
    const ran = await cli(['report', BYGDVIK, ...FAST]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe('');
    expect(ran.stdout.split('\n')[0]).toBe('# Organisering av sosialtjenesten: Bygdvik kommune');
    expect(ran.stdout.indexOf('Hovedbudskap')).toBeLessThan(ran.stdout.indexOf('## Rangering'));
  });

  it('speaks English with --lang en', async () => {
    const ran = await cli(['--lang', 'en', 'report', BYGDVIK, ...FAST]);
    expect(ran.stdout).toMatch(/^# How to organise the social services: Bygdvik kommune/);
    expect(ran.stdout).toContain('## Bibliography');
  });

  it('--format json meets the published orgfit/report@1 schema, and is the same bytes twice', async () => {
    const a = await cli(['report', BYGDVIK, 'seeds/examples/fjordby.yaml', '--format', 'json', ...FAST]);
    const b = await cli(['report', BYGDVIK, 'seeds/examples/fjordby.yaml', '--format', 'json', ...FAST]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const parsed = Report.safeParse(JSON.parse(a.stdout));
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
    expect(JSON.parse(a.stdout).comparison.pairs).toHaveLength(1);
    const schema = await cli(['schema', '--kind', 'report']);
    expect(JSON.parse(schema.stdout)).toEqual(JSON.parse(readFileSync(`${ROOT}schema/report.schema.json`, 'utf8')));
  });

  it('--out writes the file atomically, refuses to replace it without --force, and takes the format from the name', async () => {
    const out = join(dir, 'rapport.json');
    const first = await cli(['report', BYGDVIK, '--out', out, ...FAST]);
    expect(first.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('orgfit/report@1');
    const again = await cli(['report', BYGDVIK, '--out', out, ...FAST]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/finnes/);
    const forced = await cli(['report', BYGDVIK, '--out', out, '--force', '--format', 'md', ...FAST]);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Organisering/);
  });

  it('usage errors exit 2 with no stack trace: --excel without CSV', async () => {
    const ran = await cli(['report', BYGDVIK, '--excel', ...FAST]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/--excel/);
    expect(ran.stderr).not.toMatch(/\n\s+at /);
  });

  it('an invalid answers file exits 1 before anything is written', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'format: orgfit/answers@1\nmunicipality: X\nanswers:\n  staff-fte: -3\n');
    const out = join(dir, 'never.md');
    const ran = await cli(['report', bad, '--out', out]);
    expect(ran.code).toBe(1);
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('the score matrix as CSV, in both dialects', () => {
  const hostile = join(dir, 'hostile.yaml');
  writeFileSync(hostile, readFileSync(`${ROOT}${BYGDVIK}`, 'utf8').replace('municipality: Bygdvik kommune', 'municipality: "-1+HYPERLINK(\\"http://x\\";\\"klikk\\")"'));

  it('RFC 4180 by default: commas, decimal points, no byte-order mark; a real parser reads every row', async () => {
    const ran = await cli(['report', BYGDVIK, 'seeds/examples/fjordby.yaml', '--format', 'csv', ...FAST]);
    expect(ran.code).toBe(0);
    expect(ran.stdout.charCodeAt(0)).not.toBe(0xfeff);
    const rows = parseCsv(ran.stdout, { columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((r) => r.municipality))).toEqual(new Set(['Bygdvik kommune', 'Fjordby kommune']));
    expect(rows.every((r) => /^\d+(\.\d+)?$/.test(r.score!))).toBe(true);
  });

  it('--excel: a byte-order mark, semicolons and decimal commas, as Norwegian Excel reads them', async () => {
    const ran = await cli(['score', BYGDVIK, '--format', 'csv', '--excel', ...FAST]);
    expect(ran.code).toBe(0);
    expect(ran.stdout.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(ran.stdout, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(2);
    expect(rows[0]!.municipality).toBe('Bygdvik kommune');
    expect(rows.some((r) => /^\d+,\d+$/.test(r.score!))).toBe(true);
    expect(rows.every((r) => !r.score!.includes('.'))).toBe(true);
  });

  it.each([[[]], [['--excel']]])('neutralises a formula in a name, %j (the leading "-" of "-1+HYPERLINK" is no number)', async (dialect) => {
    const ran = await cli(['score', hostile, '--format', 'csv', ...dialect, ...FAST]);
    const rows = parseCsv(ran.stdout, { columns: true, bom: true, delimiter: dialect.length ? ';' : ',' }) as Record<string, string>[];
    expect(rows[0]!.municipality).toBe(`'-1+HYPERLINK("http://x";"klikk")`);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+A1', "'+A1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['－1', "'－1"],
    ['-12.5', '-12.5'],
    ['-12,5', '-12,5'],
    ['-1e3', '-1e3'],
  ])('csvCell(%j) is %j, a plain number only when it is one', (input, output) => {
    expect(csvCell(input)).toBe(output.includes(',') ? `"${output}"` : output);
  });

  it('numbers stay numbers in both dialects, with the decimal mark of each', () => {
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(-0.25, { excel: true })).toBe('-0,25');
    expect(csvCell('a;b', { excel: true })).toBe('"a;b"');
  });
});
