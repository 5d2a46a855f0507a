import { extname, resolve } from 'node:path';
import type { CommandContext, ReportOptions } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { builtinKb } from './kb.js';
import { loadAnswers, modelsWithUserDir } from './inputs.js';
import { samplingOptions } from './sampling.js';
import { scoreAll } from './scoring.js';
import { buildReport, REVIEW_KEY } from '../core/report.js';
import { cliText } from '../i18n/cli.js';
import { reportText } from '../i18n/report.js';
import { WriteError, writeErrorMessage, writeFileSafely } from '../load/write.js';
import { VERSION } from '../paths.js';
import { FORMATS, type FormatOf } from '../render/formats.js';
import renderers, { SHOWS_CONFIDENCE } from '../render/registry/report.js';

/** The format a file name asks for, when --format does not say: `rapport.html` is HTML. */
function formatOfName(out: string | undefined): FormatOf<'report'> | undefined {
  const ext = out ? extname(out).slice(1).toLowerCase() : '';
  const name = ext === 'markdown' ? 'md' : ext === 'htm' ? 'html' : ext;
  return (FORMATS.report as readonly string[]).includes(name) ? (name as FormatOf<'report'>) : undefined;
}

const BINARY: ReadonlySet<string> = new Set(['pdf', 'docx']);

export default async function report({ io, lang, args: [paths], options }: CommandContext<ReportOptions, [files: string[]]>): Promise<number> {
  const format = options.format ?? formatOfName(options.out) ?? 'md';
  if (options.excel && format !== 'csv') throw new UsageError(cliText(lang, 'excel-needs-csv'));
  if (BINARY.has(format) && options.out === undefined) throw new UsageError(reportText(lang, 'needs-out', { format }));
  const { samples, seed } = samplingOptions(options, lang);
  const kb = builtinKb(lang);
  const models = await modelsWithUserDir(kb, options.models, io, lang, options.color);
  const files = await loadAnswers(paths, kb, io, lang, options.color);
  const results = await scoreAll({ kb, models, files, env: io.env, options: { lang, seed, ...(samples !== undefined ? { samples } : {}), ...(SHOWS_CONFIDENCE.has(format) ? {} : { skipConfidence: true }) } });
  const review = kb.references.find((r) => r.key === REVIEW_KEY)!;
  const content = buildReport({ results, sections: kb.sections, questions: kb.questions, review, lang });
  const renderer = await renderers[format]();
  let output = await renderer.render(content, { lang, version: VERSION, excel: options.excel === true });
  if (format === 'pdf') {
    const { findBrowser, printToPdf } = await import('../load/browser.js');
    const browser = findBrowser(io.env);
    if (!browser) throw new UsageError(reportText(lang, 'pdf-no-browser'));
    output = await printToPdf(String(output), browser, lang);
  }
  if (options.out === undefined) {
    io.stdout.write(String(output));
    return EXIT.ok;
  }
  try {
    await writeFileSafely(resolve(io.cwd, options.out), output, { overwrite: options.force === true });
  } catch (error) {
    if (error instanceof WriteError) throw new UsageError(writeErrorMessage(error, options.out, lang));
    throw error;
  }
  io.stderr.write(cliText(lang, 'wrote', { path: options.out }) + '\n');
  return EXIT.ok;
}
