/**
 * Golden files: every output format of every command, byte for byte, compared with a
 * committed file in test/golden/files/. Any change in wording, numbers or layout shows
 * up as a diff of those files. After an intended change, update them with
 * `npx vitest run test/golden -u` and review the diff; on CI (CI=true) vitest never
 * writes them, so a stale golden file fails.
 *
 * Every run is in-process, from the repository root (so paths in the output are the
 * relative ones a user types), on an 80-column terminal that is not a TTY (no colour),
 * with an empty environment (no LANG: the language is nb unless --lang says otherwise).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/kb.js';

/**
 * The examples, each with the model whose explanation is also pinned as JSON: every organisation at least
 * once, and today's own organisation (Elvestad's specialised model, which has no gain against today).
 */
const EXAMPLES = {
  'bergen-vest': 'organic-team',
  'bydel-nord': 'specialised',
  bygdvik: 'integrated-generalist',
  elvestad: 'specialised',
  fjellvik: 'matrix',
  fjordby: 'matrix',
} as const;
type Example = keyof typeof EXAMPLES;
const EXAMPLE_NAMES = Object.keys(EXAMPLES) as Example[];
const examplePath = (name: string) => `seeds/examples/${name}.yaml`;
const MODEL_FILES = readdirSync(join(ROOT, 'models')).filter((name) => /\.ya?ml$/.test(name));
/** The organisations, which can be explained; a frame (`kind: frame`) is never ranked, and explaining one is a usage error. */
const MODELS = MODEL_FILES.filter((name) => !/^kind: frame$/m.test(readFileSync(join(ROOT, 'models', name), 'utf8')))
  .map((name) => name.replace(/\.ya?ml$/, ''))
  .sort();
/** The example whose explanations are pinned in English too. */
const EXPLAINED_IN_ENGLISH: Example = 'bydel-nord';

/** A small model with two errors (an unknown finding with a did-you-mean, a value out of range) and a warning (file name ≠ id). */
const BROKEN_MODEL = 'test/fixtures/models/invalid/several-problems.yaml';
/** An answers file with four errors. */
const BROKEN_ANSWERS = 'test/fixtures/answers/invalid/several-problems.yaml';

interface Case {
  /** The golden file, in test/golden/files/. */
  file: string;
  argv: string[];
  /** The exit code. */
  code: number;
}

const cases: Case[] = [];
const add = (file: string, argv: string[], code = 0) => cases.push({ file, argv, code });

for (const name of EXAMPLE_NAMES) {
  add(`score.${name}.table.nb.txt`, ['score', examplePath(name)]);
  add(`score.${name}.table.en.txt`, ['score', examplePath(name), '--lang', 'en']);
  add(`score.${name}.json`, ['score', examplePath(name), '--format', 'json']);
  add(`score.${name}.csv`, ['score', examplePath(name), '--format', 'csv']);
  for (const model of MODELS) {
    add(`explain.${name}.${model}.nb.txt`, ['explain', model, examplePath(name)]);
    if (name === EXPLAINED_IN_ENGLISH) add(`explain.${name}.${model}.en.txt`, ['explain', model, examplePath(name), '--lang', 'en']);
  }
  add(`explain.${name}.${EXAMPLES[name]}.json`, ['explain', EXAMPLES[name], examplePath(name), '--format', 'json']);
}

const ALL = EXAMPLE_NAMES.map(examplePath);
add('score.all.table.nb.txt', ['score', ...ALL]);
add('score.all.table.en.txt', ['score', ...ALL, '--lang', 'en']);
add('score.all.json', ['score', ...ALL, '--format', 'json']);
add('score.all.csv', ['score', ...ALL, '--format', 'csv']);

for (const lang of ['nb', 'en']) {
  add(`sources.${lang}.txt`, ['sources', '--lang', lang]);
  add(`sources.${lang}.bib`, ['sources', '--format', 'bibtex', '--lang', lang]);
  add(`sources.${lang}.csl.json`, ['sources', '--format', 'csl-json', '--lang', lang]);
  add(`sources.findings.${lang}.txt`, ['sources', '--findings', '--lang', lang]);
  add(`template.${lang}.yaml`, ['template', '--lang', lang]);
  add(`models.table.${lang}.txt`, ['models', '--lang', lang]);
  add(`questions.${lang}.md`, ['questions', '--lang', lang]);
  add(`validate.list-rules.${lang}.txt`, ['validate', '--list-rules', '--lang', lang]);
}
// Not language-dependent: the same in nb and en.
add('models.json', ['models', '--format', 'json']);
add('questions.yaml', ['questions', '--format', 'yaml']);
add('questions.json', ['questions', '--format', 'json']);

/** Each format of `validate`, and how its golden file ends. */
const VALIDATE_FORMATS = { text: 'nb.txt', json: 'json', github: 'github.txt', junit: 'junit.xml', sarif: 'sarif.json' } as const;
for (const [format, suffix] of Object.entries(VALIDATE_FORMATS)) {
  add(`validate.built-in.${suffix}`, ['validate', '--format', format]);
  add(`validate.model-problems.${suffix}`, ['validate', BROKEN_MODEL, '--format', format], 1);
}
add('validate.model-problems.en.txt', ['validate', BROKEN_MODEL, '--lang', 'en'], 1);
add('validate.answers-problems.nb.txt', ['validate', '--answers', BROKEN_ANSWERS], 1);
add('validate.answers-problems.en.txt', ['validate', '--answers', BROKEN_ANSWERS, '--lang', 'en'], 1);
add('validate.answers-problems.json', ['validate', '--answers', BROKEN_ANSWERS, '--format', 'json'], 1);

add('schema.model.json', ['schema', '--kind', 'model']);
add('schema.result.json', ['schema', '--kind', 'result']);

/** Anything in an output that would differ between machines or runs. */
const MACHINE_SPECIFIC = [ROOT, ROOT.replace(/\/$/, ''), tmpdir(), process.env.HOME].filter((s): s is string => !!s && s !== '/');
const TIMESTAMP = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

describe('golden files', () => {
  it('explain every organisation, and no frame', () => {
    expect(MODELS).toEqual(['integrated-generalist', 'matrix', 'organic-team', 'specialised']);
    expect(MODEL_FILES).toHaveLength(MODELS.length + 2);
    expect(new Set(Object.values(EXAMPLES))).toEqual(new Set(MODELS));
  });

  it('cover every example in seeds/examples/', () => {
    const onDisk = readdirSync(join(ROOT, 'seeds', 'examples')).filter((name) => /\.ya?ml$/.test(name)).map((name) => name.replace(/\.ya?ml$/, ''));
    expect(onDisk.sort()).toEqual([...EXAMPLE_NAMES].sort());
  });

  it('have one name per output, and none is left over from an output no longer pinned', () => {
    const names = new Set(cases.map((c) => c.file));
    expect(names.size).toBe(cases.length);
    const dir = join(ROOT, 'test', 'golden', 'files');
    expect(existsSync(dir) ? readdirSync(dir).filter((name) => !names.has(name)) : []).toEqual([]);
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s', async (file, { argv, code }) => {
    const ran = await cli(argv, { cwd: ROOT, env: {}, columns: 80, isTTY: false });
    // SARIF names the documentation this installation ships (README.md, docs/rules.md) by file: URL: the one place allowed to differ.
    ran.stdout = ran.stdout.replaceAll(pathToFileURL(ROOT).href, 'file:///orgfit-package/');
    await expect(ran.stdout, `orgfit ${argv.join(' ')}`).toMatchFileSnapshot(`./files/${file}`);
    expect({ code: ran.code, stderr: ran.stderr }, `orgfit ${argv.join(' ')}`).toEqual({ code, stderr: '' });
    for (const path of MACHINE_SPECIFIC) expect(ran.stdout).not.toContain(path);
    expect(ran.stdout).not.toMatch(TIMESTAMP);
    expect(ran.stdout).not.toContain('\u001b');
    // vitest forgives a golden file with CRLF when the output has LF (for checkouts that
    // convert line ends), so CSV's CRLF is checked here: every line break is one.
    if (file.endsWith('.csv')) expect(ran.stdout.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
