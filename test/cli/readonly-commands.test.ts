import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KnowledgeBase } from '../../src/core/kb.js';
import { KB_JSON } from '../../src/paths.js';
import { escapeBibtex } from '../../src/render/sources.js';
import { firstSentence } from '../../src/render/text.js';
import { cli as runCli } from '../helpers/cli.js';
import { answersWith, ROOT } from '../helpers/kb.js';

let cwd: string;
let kb: KnowledgeBase;

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'orgfit-readonly-'));
  kb = JSON.parse(readFileSync(KB_JSON, 'utf8')) as KnowledgeBase;
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** orgfit in a temporary folder of its own, with the given environment. */
const cli = (argv: string[], env: Record<string, string> = {}) => runCli(argv, { cwd, env });

const modelFileIds = () =>
  readdirSync(join(ROOT, 'models'))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => name.replace(/\.ya?ml$/, ''))
    .sort();

describe('orgfit models', () => {
  it('json lists every model file in models/', async () => {
    const { code, stdout } = await cli(['models', '--format', 'json']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as { format: string; models: { id: string; builtIn: boolean; kind: string; adjustments: string[]; preconditions: string[]; criteria: Record<string, { value: number; spread: number }> }[] };
    expect(data.format).toBe('orgfit/models@1');
    expect(data.models.map((m) => m.id).sort()).toEqual(modelFileIds());
    // Which are frames (never ranked) and which organisations, as the knowledge base says.
    for (const model of data.models) expect(model.kind, model.id).toBe(kb.models.find((m) => m.id === model.id)!.kind ?? 'organisation');
    expect(data.models.filter((m) => m.kind === 'frame').map((m) => m.id).sort()).toEqual(['centrelink-style', 'nav-co-located']);
    for (const model of data.models) {
      expect(model.builtIn).toBe(true);
      expect(Array.isArray(model.adjustments)).toBe(true);
      expect(Array.isArray(model.preconditions)).toBe(true);
      for (const c of Object.values(model.criteria)) expect(Object.keys(c).sort()).toEqual(['value']);
    }
  });

  it('the table names every model, fits 80 columns, and differs between nb and en', async () => {
    const nb = await cli(['models', '--lang', 'nb']);
    const en = await cli(['models', '--lang', 'en']);
    expect(nb.code).toBe(0);
    expect(en.code).toBe(0);
    for (const out of [nb.stdout, en.stdout]) {
      expect(out.endsWith('\n')).toBe(true);
      for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    }
    for (const model of kb.models) {
      expect(nb.stdout).toContain(model.id);
      expect(en.stdout).toContain(model.id);
    }
    expect(nb.stdout).not.toBe(en.stdout);
    expect((await cli(['models', '--lang', 'nb'])).stdout).toBe(nb.stdout);
  });

  // Regression test for a fixed bug (src/render/models.ts): the list showed the frames (NAV office, one-stop
  // agency) as models like the others, under a legend saying "More: orgfit explain MODEL ANSWERS", which refuses a
  // frame. Each frame is marked as one, and the legend says what a frame is.
  it.each([
    ['nb', '(en ramme: rangeres ikke)', 'En ramme rangeres ikke'],
    ['en', '(a frame: not ranked)', 'A frame is not ranked'],
  ] as const)('the table in %s marks each frame, and only the frames', async (lang, mark, legend) => {
    const { stdout } = await cli(['models', '--lang', lang]);
    // One block per model, separated by an empty line; the legend after the last.
    const blocks = stdout.split('\n\n');
    for (const model of kb.models) {
      const block = blocks.find((b) => new RegExp(`^${model.id} `, 'm').test(b));
      expect(block, model.id).toBeDefined();
      expect(block!.includes(mark), model.id).toBe(model.kind === 'frame');
    }
    expect(stdout.replace(/\n/g, ' ')).toContain(legend);
  });

  it('--models DIR adds the user’s models, marked as not built in', async () => {
    const source = kb.models[0];
    if (!source) return; // no built-in model yet to copy
    const dir = join(cwd, 'own-models');
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(join(ROOT, 'models', `${source.id}.yaml`), 'utf8').replace(new RegExp(`^id: ${source.id}$`, 'm'), 'id: my-own-model');
    writeFileSync(join(dir, 'my-own-model.yaml'), text);
    const { code, stdout, stderr } = await cli(['--models', dir, 'models', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as { models: { id: string; builtIn: boolean }[] };
    expect(data.models.find((m) => m.id === 'my-own-model')?.builtIn).toBe(false);
    const table = await cli(['--models', dir, 'models', '--lang', 'en']);
    expect(table.stdout).toMatch(/my-own-model.*yours/);
  });
});

describe('orgfit questions', () => {
  it.each(['nb', 'en'] as const)('md in %s holds every question id and section title', async (lang) => {
    const { code, stdout } = await cli(['questions', '--lang', lang]);
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    for (const question of kb.questions) expect(stdout).toContain(`\`${question.id}\``);
    for (const section of kb.sections) expect(stdout).toContain(`## ${section.title[lang]}`);
    for (const question of kb.questions) for (const id of question.feeds) expect(stdout).toContain(id);
  });

  it.each([
    ['nb', 'da antas', '«dont-know» er tillatt; da regnes hver rekkefølge som like sannsynlig'],
    ['en', 'is then assumed', '"dont-know" is allowed; every order is then taken as equally likely'],
  ] as const)('md in %s says what a "don’t know" means, for a ranking too (no "–" for an assumed value)', async (lang, assumes, rank) => {
    const { stdout } = await cli(['questions', '--lang', lang]);
    const sections = stdout.split('\n### ');
    for (const question of kb.questions.filter((q) => q.dontKnow)) {
      const section = sections.find((s) => s.startsWith(`\`${question.id}\``))!;
      expect(section, question.id).toBeDefined();
      expect(section, question.id).toContain(question.type === 'rank' ? rank : assumes);
      expect(section, question.id).not.toContain('– is then assumed');
      expect(section, question.id).not.toContain('da antas –');
    }
  });

  it('md differs between nb and en', async () => {
    expect((await cli(['questions', '--lang', 'nb'])).stdout).not.toBe((await cli(['questions', '--lang', 'en'])).stdout);
  });

  it('md follows LANG when --lang is not given', async () => {
    const en = await cli(['questions'], { LANG: 'en_GB.UTF-8' });
    expect(en.stdout).toContain('# The question bank');
    const nb = await cli(['questions'], { LANG: 'nb_NO.UTF-8' });
    expect(nb.stdout).toContain('# Spørsmålsbanken');
  });

  it('yaml and json hold the question bank of the compiled knowledge base', async () => {
    const yaml = await cli(['questions', '--format', 'yaml']);
    const json = await cli(['questions', '--format', 'json']);
    expect(yaml.code).toBe(0);
    expect(json.code).toBe(0);
    const expected = { format: 'orgfit/questions@1', sections: kb.sections, questions: kb.questions, sums: kb.sums, notAsked: kb.notAsked };
    expect(parse(yaml.stdout)).toEqual(expected);
    expect(JSON.parse(json.stdout)).toEqual(expected);
  });

  it('yaml validates as a questions file', async () => {
    const file = join(cwd, 'questions.yaml');
    writeFileSync(file, (await cli(['questions', '--format', 'yaml'])).stdout);
    const { code, stderr } = await cli(['validate', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('orgfit template', () => {
  it.each(['nb', 'en'] as const)('in %s: parses, holds every question, and validates once filled in', async (lang) => {
    const { code, stdout } = await cli(['template', '--lang', lang]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# yaml-language-server: \$schema=\S*schema\/answers\.schema\.json\n/);
    expect(stdout).toContain('orgfit score');
    const data = parse(stdout) as { format: string; municipality: string; answers: Record<string, unknown> };
    expect(data.format).toBe('orgfit/answers@1');
    expect(data.municipality).toBe('');
    expect(Object.keys(data.answers).sort()).toEqual(kb.questions.map((q) => q.id).sort());
    for (const question of kb.questions) {
      const value = data.answers[question.id];
      if (question.dontKnow) expect(value).toBe('dont-know');
      else expect(value).toBeNull();
    }

    // Unfilled, the validator reports what is missing.
    const blank = join(cwd, `blank-${lang}.yaml`);
    writeFileSync(blank, stdout);
    expect((await cli(['validate', '--answers', blank])).code).toBe(1);

    // Filled in where it must be, it validates.
    let text = stdout.replace(/^municipality: ""$/m, 'municipality: "Testvik"');
    const valid = answersWith({}, kb).answers as Record<string, unknown>;
    for (const question of kb.questions) {
      if (question.dontKnow) continue;
      text = text.replace(new RegExp(`^(  ${question.id}:).*$`, 'm'), `$1 ${JSON.stringify(valid[question.id])}`);
    }
    const filled = join(cwd, `filled-${lang}.yaml`);
    writeFileSync(filled, text);
    const result = await cli(['validate', '--answers', filled]);
    expect(result.stdout + result.stderr).not.toMatch(/error|feil/);
    expect(result.code).toBe(0);
  });

  // Regression test for a fixed bug (src/render/template.ts, questionBlock): a ranking's "don't know" has no
  // assumed value (every order is equally likely), and the template said "orgfit then assumes undefined".
  it.each([
    ['nb', 'da antar orgfit', '«dont-know» er tillatt; da regner orgfit hver rekkefølge som like sannsynlig.'],
    ['en', 'orgfit then assumes', '"dont-know" is allowed; orgfit then takes every order as equally likely.'],
  ] as const)('in %s: says what a "don’t know" means for every question that allows it, a ranking too', async (lang, assumes, rank) => {
    const { stdout } = await cli(['template', '--lang', lang]);
    expect(stdout).not.toContain('undefined');
    // Each question's block, its wrapped comment lines joined again.
    const blocks = stdout.split('\n\n').map((b) => b.replace(/\n {2}# {3}/g, ' '));
    for (const question of kb.questions.filter((q) => q.dontKnow)) {
      const block = blocks.find((b) => new RegExp(`^  ${question.id}: dont-know$`, 'm').test(b));
      expect(block, question.id).toBeDefined();
      if (question.type === 'rank') expect(block, question.id).toContain(rank);
      else expect(block, question.id).toContain(assumes);
    }
    expect(kb.questions.some((q) => q.dontKnow && q.type === 'rank')).toBe(true);
  });

  it('differs between nb and en, and is deterministic', async () => {
    const nb = (await cli(['template', '--lang', 'nb'])).stdout;
    expect(nb).not.toBe((await cli(['template', '--lang', 'en'])).stdout);
    expect((await cli(['template', '--lang', 'nb'])).stdout).toBe(nb);
  });

  it('--out writes the file, and refuses to overwrite it without --force', async () => {
    const first = await cli(['template', '--out', 'svar.yaml', '--lang', 'nb']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toBe('Skrev svar.yaml\n');
    const written = readFileSync(join(cwd, 'svar.yaml'), 'utf8');
    expect(written).toContain('orgfit score svar.yaml');
    expect(readdirSync(cwd).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    writeFileSync(join(cwd, 'svar.yaml'), 'mine\n');
    const again = await cli(['template', '--out', 'svar.yaml', '--lang', 'en']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(readFileSync(join(cwd, 'svar.yaml'), 'utf8')).toBe('mine\n');

    const forced = await cli(['template', '--out', 'svar.yaml', '--force', '--lang', 'en']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe('Wrote svar.yaml\n');
    expect(readFileSync(join(cwd, 'svar.yaml'), 'utf8')).toContain('orgfit score svar.yaml');
  });

  it('--out into a folder that does not exist is a usage error', async () => {
    const { code, stderr } = await cli(['template', '--out', join('no', 'such', 'folder', 'svar.yaml')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^orgfit: /);
    expect(existsSync(join(cwd, 'no'))).toBe(false);
  });
});

describe('orgfit sources', () => {
  it('text has one entry per reference, with years and review lines', async () => {
    const { code, stdout } = await cli(['sources', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    const entries = stdout.trimEnd().split('\n\n').slice(1);
    expect(entries).toHaveLength(kb.references.length);
    expect(stdout).toContain('Helgøy (2003)');
    expect(stdout).toContain('review lines 330–349');
    const undated = kb.references.filter((r) => r.year === null).length;
    expect(entries.filter((e) => e.includes('(n.d.)'))).toHaveLength(undated);
    for (const line of stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('text is sorted by first author, then year', async () => {
    const { stdout } = await cli(['sources', '--lang', 'en']);
    const harlow = ['Harlow (2003)', 'Harlow (2004)', 'Harlow, Lawler (n.d.)'].map((s) => stdout.indexOf(s));
    expect(harlow.every((i) => i >= 0)).toBe(true);
    expect(harlow).toEqual([...harlow].sort((a, b) => a - b));
    expect(stdout.indexOf('Andersen (2005)')).toBeLessThan(stdout.indexOf('Helgøy (2003)'));
  });

  it('text differs between nb and en', async () => {
    const nb = await cli(['sources', '--lang', 'nb']);
    const en = await cli(['sources', '--lang', 'en']);
    expect(nb.stdout).not.toBe(en.stdout);
    expect(nb.stdout).toContain('oversikten linje 330–349');
    expect(nb.stdout).toContain('(u.å.)');
  });

  it('bibtex: one @misc per reference, balanced braces, a title only where the review gives one', async () => {
    const { code, stdout } = await cli(['sources', '--format', 'bibtex', '--lang', 'en']);
    expect(code).toBe(0);
    const entries = stdout.trimEnd().split('\n\n');
    expect(entries).toHaveLength(kb.references.length);
    expect(stdout.match(/@misc\{/g)).toHaveLength(kb.references.length);
    const byKey = new Map(kb.references.map((r) => [r.key, r]));
    for (const entry of entries) {
      const key = /^@misc\{([^,]+),/.exec(entry)?.[1];
      const reference = byKey.get(key ?? '');
      expect(reference, entry).toBeDefined();
      // Balanced, ignoring escaped braces.
      let depth = 0;
      const unescaped = entry.replace(/\\[{}]/g, '');
      for (const c of unescaped) {
        if (c === '{') depth++;
        if (c === '}') depth--;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
      expect(/^\s*title\s*=/m.test(entry)).toBe(reference!.title !== undefined);
      expect(/^\s*year\s*=/m.test(entry)).toBe(reference!.year !== null);
      expect(entry).not.toMatch(/journal|publisher|pages/);
      // Special characters in the summaries arrive escaped.
      expect(unescaped.replace(/\\(textbackslash|\^|~)\{\}/g, '')).not.toMatch(/(?<!\\)[%&$#_]/);
    }
    expect(stdout).toContain('Cited in Nesvåg 2005');
  });

  it('escapes every BibTeX special character', () => {
    expect(escapeBibtex('{a} 50% & $1 #2 a_b ^ ~ \\')).toBe('\\{a\\} 50\\% \\& \\$1 \\#2 a\\_b \\^{} \\~{} \\textbackslash{}');
    expect(firstSentence('Every change costs. Many report fatigue.', 0)).toBe('Every change costs.');
  });

  it('csl-json parses, one item per reference, no issued date where the year is unknown', async () => {
    const { code, stdout } = await cli(['sources', '--format', 'csl-json']);
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as { id: string; type: string; author?: unknown[]; issued?: unknown; title?: string; note: string }[];
    expect(items).toHaveLength(kb.references.length);
    const byKey = new Map(kb.references.map((r) => [r.key, r]));
    for (const item of items) {
      const reference = byKey.get(item.id)!;
      expect(reference).toBeDefined();
      expect(['article', 'report', 'book', 'thesis', 'document']).toContain(item.type);
      if (reference.year === null) expect(item).not.toHaveProperty('issued');
      else expect(item.issued).toEqual({ 'date-parts': [[reference.year]] });
      expect(item.title).toBe(reference.title);
      expect(item.note.length).toBeGreaterThan(0);
    }
  });

  it('--findings lists every finding, in nb and en', async () => {
    const en = await cli(['sources', '--findings', '--lang', 'en']);
    const nb = await cli(['sources', '--findings', '--lang', 'nb']);
    expect(en.code).toBe(0);
    for (const finding of kb.findings) {
      expect(en.stdout).toContain(`\n${finding.id}\n`);
      expect(en.stdout).toContain(finding.claim.en.split(' ').slice(0, 3).join(' '));
    }
    expect(en.stdout).toContain('Helgøy 2003');
    expect(nb.stdout).not.toBe(en.stdout);
  });

  it.each(['bibtex', 'csl-json'])('--findings with --format %s is a usage error', async (format) => {
    const { code, stdout, stderr } = await cli(['sources', '--findings', '--format', format, '--lang', 'en']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--findings');
  });
});
