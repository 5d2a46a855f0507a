import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';
import type { Lang } from '../i18n/lang.js';
import { reportText } from '../i18n/report.js';
import { liveTemporaryFolders } from './temporaries.js';
import { WriteError, writeErrorMessage, writeFileSafely } from './write.js';

/** The browsers that print a PDF from the command line with the same flags, most likely first. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'msedge', 'microsoft-edge'];

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * An installed Chromium, Chrome or Edge: CHROME_PATH when it names one, else the first
 * of NAMES on PATH. orgfit never downloads a browser.
 */
export function findBrowser(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.CHROME_PATH) return executable(env.CHROME_PATH) ? env.CHROME_PATH : undefined;
  const windows = process.platform === 'win32';
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const path = join(dir, windows ? `${name}.exe` : name);
      if (executable(path)) return path;
    }
  }
  return undefined;
}

/** The date a printed report carries: a fixed one, as a PDF's own dates would make two prints of one report differ. */
const FIXED_DIGITS = '20000101000000';

/**
 * The PDF with its creation and modification dates set to 1 January 2000, digit for
 * digit, so that its length and every offset of its cross-reference table stay as they
 * were: the same report prints to the same bytes (the Word document's dates are fixed
 * the same way).
 */
export function withFixedDates(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const fixed = text.replace(/\/(CreationDate|ModDate) ?\((D:[^)]*)\)/g, (whole: string, _key: string, date: string) => {
    let digit = 0;
    const same = date.replace(/\d/g, () => FIXED_DIGITS[digit++] ?? '0').replace('-', '+');
    return whole.replace(date, same);
  });
  return fixed === text ? pdf : Buffer.from(fixed, 'latin1');
}

/**
 * Prints self-contained HTML to PDF with a headless browser (`--print-to-pdf`), in a
 * fresh profile that is removed afterwards, with the browser's own network traffic
 * (updates, sync, safe browsing) switched off: the report needs none. Chromium honours the
 * report's `@page` rules (A4, margins, page numbers).
 */
export async function printToPdf(html: string, browser: string, lang: Lang): Promise<Uint8Array> {
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'orgfit-pdf-'));
  } catch (error) {
    // No temporary folder (TMPDIR missing, full or read-only): say so, as for any write.
    throw new UsageError(reportText(lang, 'pdf-no-temporary', { folder: tmpdir(), message: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  // Removed on SIGINT, SIGTERM and SIGHUP too (the bin's handlers), not only when done.
  liveTemporaryFolders.add(dir);
  try {
    const page = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    try {
      await writeFileSafely(page, html, { overwrite: false });
    } catch (error) {
      if (error instanceof WriteError) throw new UsageError(writeErrorMessage(error, page, lang));
      throw error;
    }
    const args = [
      '--headless',
      // As root (in a container, say) Chromium refuses to start with its sandbox on.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(browser, args, { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error) reject(new UsageError(reportText(lang, 'pdf-failed', { browser, message: (stderr.trim().split('\n').pop() ?? '') || error.message })));
        else resolve();
      });
    });
    let bytes: Uint8Array;
    try {
      bytes = withFixedDates(readFileSync(pdf));
    } catch {
      throw new UsageError(reportText(lang, 'pdf-failed', { browser, message: reportText(lang, 'pdf-none-written') }));
    }
    return bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    liveTemporaryFolders.delete(dir);
  }
}
