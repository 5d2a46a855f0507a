import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { orgfitBin, waitForBuild } from '../helpers/bin.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'orgfit-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FILES = ['seeds/examples/bygdvik.yaml', 'seeds/examples/bydel-nord.yaml'];

describe('orgfit report --format docx', () => {
  it('writes a Word document that opens as a zip: the document names every model, the charts are PNG images with alternative text, the downgrades are real footnotes', async () => {
    const out = join(dir, 'saksframlegg.docx');
    const ran = await cli(['report', ...FILES, '--format', 'docx', '--out', out, '--samples', '200']);
    expect(ran.code).toBe(0);
    const zip = unzipSync(readFileSync(out));
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/footnotes.xml']));
    const document = strFromU8(zip['word/document.xml']!);
    const json = JSON.parse((await cli(['report', ...FILES, '--format', 'json', '--samples', '200'])).stdout) as { files: { result: { ranking: { name: string }[] } }[] };
    for (const f of json.files) for (const m of f.result.ranking) expect(document).toContain(m.name);
    // The key message, worded by its certainty (bygdvik keeps today's organisation).
    expect(document).toMatch(/Hovedbudskap: (Det er svært usikkert om noen modell er bedre enn dagens|Å beholde dagens|Behold det dere har)/);
    // Headings are Word headings, not bold text.
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    const images = Object.keys(zip).filter((name) => name.startsWith('word/media/'));
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const name of images) expect([...zip[name]!.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(document).toMatch(/<wp:docPr [^>]*descr="[^"]{20,}"/);
    const footnotes = strFromU8(zip['word/footnotes.xml']!);
    expect(footnotes).toMatch(/Nedgradert for/);
    expect(document).toMatch(/<w:footnoteReference w:id="1"\/>/);
    // One reference per footnote: Word numbers footnotes by their references, so an id is never reused.
    const ids = [...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  // Run as a user runs it, one process each: docx numbers its drawings with a counter that lives as long as the process.
  it('is the same bytes for the same input (no clock in the metadata or the zip)', async () => {
    await waitForBuild();
    const a = join(dir, 'a.docx');
    const b = join(dir, 'b.docx');
    expect(orgfitBin(['report', FILES[0]!, '--format', 'docx', '--out', a, '--samples', '100']).status).toBe(0);
    expect(orgfitBin(['report', FILES[0]!, '--format', 'docx', '--out', b, '--samples', '100']).status).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('needs --out (it is a binary file): exit 2, and says so', async () => {
    const ran = await cli(['report', FILES[0]!, '--format', 'docx', '--samples', '50']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/--out/);
    expect(ran.stdout).toBe('');
  });
});
