import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/load/browser.js';
import { BIN, waitForBuild } from '../helpers/bin.js';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/kb.js';

// The HTML report in a real browser: Debian's chromium (installed by .ci/run), driven with
// puppeteer-core, which never downloads a browser. Outside CI a machine without chromium or
// pdftotext skips these with a note; under CI their absence is a failure.
const browser = findBrowser(process.env);
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const ready = browser !== undefined && hasPdftotext;
if (!ready && !process.env.CI) {
  process.stderr.write(`report-browser.test.ts: skipped, ${browser ? '' : 'no Chromium/Chrome/Edge (CHROME_PATH or PATH) '}${hasPdftotext ? '' : 'no pdftotext (poppler-utils)'}; apt-get install chromium poppler-utils\n`);
}

const dir = mkdtempSync(join(tmpdir(), 'orgfit-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));

describe.runIf(ready || process.env.CI)('the HTML report in headless Chromium', () => {
  it('has a browser and pdftotext (CI installs chromium and poppler-utils)', () => {
    expect(browser, 'no Chromium found: set CHROME_PATH or install chromium').toBeDefined();
    expect(hasPdftotext, 'pdftotext (poppler-utils) is missing').toBe(true);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let puppeteer: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let chrome: any;
  beforeAll(async () => {
    if (!browser) return;
    puppeteer = (await import('puppeteer-core')).default;
    chrome = await puppeteer.launch({
      executablePath: browser,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions'],
    });
  }, 60_000);
  afterAll(async () => chrome?.close());

  const cases: [string, string[], string[]][] = [
    ['one municipality, bokmål', ['seeds/examples/bygdvik.yaml'], []],
    ['a comparison of three files, English', ['seeds/examples/bygdvik.yaml', 'seeds/examples/bydel-nord.yaml', 'seeds/examples/fjordby.yaml'], ['--lang', 'en']],
  ];

  it.each(cases)('%s: no console error, no network request, every model named on screen, an A4 screenshot that is not blank, and a PDF whose text holds the verdict', async (_, files, lang) => {
    const html = await cli([...lang, 'report', ...files, '--format', 'html', '--samples', '300']);
    expect(html.code).toBe(0);
    const json = JSON.parse((await cli([...lang, 'report', ...files, '--format', 'json', '--samples', '300'])).stdout) as { files: { result: { ranking: { name: string }[] } }[] };
    const page = await chrome.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m: { type(): string; text(): string }) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e: Error) => errors.push(e.message));
    page.on('request', (r: { url(): string }) => requests.push(r.url()));
    const file = join(dir, `report-${files.length}.html`);
    writeFileSync(file, html.stdout);
    // A4 at 96 dpi.
    await page.setViewport({ width: 794, height: 1123 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang.length ? 'en' : 'nb');

    const visible = (await page.evaluate(() => document.body.innerText)) as string;
    for (const f of json.files) for (const m of f.result.ranking) expect(visible).toContain(m.name);

    // Not blank: the first screen holds a good many dark pixels (text and charts), counted in a canvas of a blank page.
    const shot = (await page.screenshot({ type: 'png', encoding: 'base64' })) as string;
    const counter = await chrome.newPage();
    const dark = (await counter.evaluate(async (data: string) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const g = canvas.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, img.width, img.height).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i]! + px[i + 1]! + px[i + 2]! < 384) n++;
      return { n, total: px.length / 4, width: img.width, height: img.height };
    }, shot)) as { n: number; total: number; width: number; height: number };
    await counter.close();
    expect([dark.width, dark.height]).toEqual([794, 1123]);
    expect(dark.n / dark.total).toBeGreaterThan(0.01);

    // Print to PDF as the print stylesheet lays it out, and read it back.
    const pdf = join(dir, `report-${files.length}.pdf`);
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const firstVerdict = html.stdout.match(/<p class="verdict">([^<]+)<\/p>/)![1]!.replace(/&[a-z#0-9]+;/g, ' ').split(/[:(]/)[0]!.trim();
    expect(text.length).toBeGreaterThan(1000);
    expect(text).toContain(firstVerdict.replace(/\s+/g, ' '));
    // The page numbers of the print stylesheet's margin boxes, in the report's language.
    expect(text).toMatch(lang.length ? /Page 2 of \d+/ : /Side 2 av \d+/);
    await page.close();
  });

  it('orgfit report --format pdf prints through the installed browser; pdftotext finds the verdict and the page numbers', async () => {
    const out = join(dir, 'bygdvik.pdf');
    const ran = await cli(['report', 'seeds/examples/bygdvik.yaml', '--format', 'pdf', '--out', out, '--samples', '300'], { env: { PATH: process.env.PATH, CHROME_PATH: browser } });
    expect(ran.stderr).toMatch(/Skrev/);
    expect(ran.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const key = (await cli(['report', 'seeds/examples/bygdvik.yaml', '--format', 'md', '--samples', '300'])).stdout.match(/\*\*Hovedbudskap:\*\* (.+)/)![1]!;
    expect(text).toContain(key.replace(/\s+/g, ' ').slice(0, 60));
    expect(text).toMatch(/Side 1 av \d+/);
    // The same report prints to the same bytes: the PDF's dates are fixed.
    const again = join(dir, 'bygdvik-2.pdf');
    expect((await cli(['report', 'seeds/examples/bygdvik.yaml', '--format', 'pdf', '--out', again, '--samples', '300'], { env: { PATH: process.env.PATH, CHROME_PATH: browser } })).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
    expect(readFileSync(out).toString('latin1')).toMatch(/\/CreationDate \(D:20000101000000/);
  });
});

describe.runIf(ready || process.env.CI)('PDF temporaries', () => {
  const run = (env: Record<string, string>) => spawn(process.execPath, [BIN, '--lang', 'en', 'report', 'seeds/examples/bygdvik.yaml', '--out', join(dir, 'temp.pdf'), '--force', '--samples', '200'], { cwd: ROOT, env: { PATH: process.env.PATH, CHROME_PATH: browser!, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const ended = (child: ReturnType<typeof spawn>) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code, signal) => resolve({ code, signal, stderr }));
    });

  it('no temporary folder to be had (TMPDIR missing): one line that says what to do, exit 2, no internal error', async () => {
    await waitForBuild();
    const { code, stderr } = await ended(run({ TMPDIR: join(dir, 'nonexistent') }));
    expect(code).toBe(2);
    expect(stderr).toMatch(/Cannot make a temporary folder for the PDF in .*nonexistent \(ENOENT\): set TMPDIR/);
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('Ctrl-C while the browser prints: exit 130, and the temporary folder (page, PDF, browser profile) is gone', async () => {
    const temp = mkdtempSync(join(dir, 'tmp-'));
    const child = run({ TMPDIR: temp });
    const done = ended(child);
    // Wait for the printer's folder to appear, then interrupt.
    for (let i = 0; i < 600 && readdirSync(temp).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(temp).length).toBe(1);
    // To the whole process group, as a terminal's Ctrl-C is: the browser stops too.
    process.kill(-child.pid!, 'SIGINT');
    // The handler cleans up, then dies of the signal itself, as a shell sees it: 130.
    const { code, signal } = await done;
    expect(code === 130 || signal === 'SIGINT').toBe(true);
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe('PDF without a browser', () => {
  it('says what to install, and exits 2', async () => {
    const ran = await cli(['report', 'seeds/examples/bygdvik.yaml', '--format', 'pdf', '--out', join(dir, 'none.pdf'), '--samples', '50'], { env: { PATH: '/nonexistent' } });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/apt-get install chromium/);
    expect(ran.stderr).toMatch(/CHROME_PATH/);
    expect(existsSync(join(dir, 'none.pdf'))).toBe(false);
  });
});
