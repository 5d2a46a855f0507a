/**
 * The built binary, run as a user runs it: `node bin/orgfit.js validate …` in a
 * folder of their own. Needs `npm run build` first (npm test does it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noStackTrace, orgfitBin, TIMEOUT_MS, waitForBuild, type BinOptions } from '../helpers/bin.js';
import { ROOT } from '../helpers/kb.js';
import { aliasBomb, edit, MINI_ANSWERS, MINI_MODEL } from '../fixtures/validate/texts.js';

let dir = '';

/** The binary, run in this file's own temporary folder (the user's). */
const orgfit = (args: string[], options: BinOptions = {}) => orgfitBin(args, { cwd: dir, ...options });

const file = (name: string, content: string | Uint8Array): string => {
  writeFileSync(join(dir, name), content);
  return name;
};

beforeAll(async () => {
  await waitForBuild();
  dir = mkdtempSync(join(tmpdir(), 'orgfit-e2e-validate-'));
  file('mini.yaml', MINI_MODEL);
  file('broken.yaml', edit(edit(MINI_MODEL, 'id: mini', 'id: broken'), '[three-task-logics]', '[three-task-logic]'));
  file('answers.yaml', MINI_ANSWERS);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('orgfit validate (built binary)', () => {
  it('validates the built-in models: exit 0', () => {
    const ran = orgfit(['validate']);
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toMatch(/^✔ \d+ filer er gyldige\n$/);
    expect(ran.status).toBe(0);
  });

  it('validates a valid model of the user: exit 0', () => {
    const ran = orgfit(['validate', 'mini.yaml', '--lang', 'en']);
    expect(ran).toMatchObject({ status: 0, stdout: '✔ 1 file valid\n', stderr: '' });
  });

  it('reports a broken model at file:line:column, exit 1', () => {
    const ran = orgfit(['validate', 'broken.yaml', '--lang', 'en']);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toBe('');
    expect(ran.stdout.split('\n')[0]).toBe('broken.yaml');
    expect(ran.stdout).toMatch(/^ {2}10:56 +error +The finding "three-task-logic" is not in seeds\/findings\.yaml/m);
    expect(ran.stdout).not.toContain('\x1b');
    noStackTrace(ran);
  });

  it('reads standard input', () => {
    const ran = orgfit(['validate', '-', '--format', 'json'], { input: MINI_ANSWERS });
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout).files).toEqual([{ file: '<stdin>', kind: 'answers', valid: true, problems: [] }]);
  });

  it('validates answers files with --answers', () => {
    const ran = orgfit(['validate', '--answers', 'answers.yaml', join(ROOT, 'seeds', 'examples', 'bygdvik.yaml')]);
    expect(ran).toMatchObject({ status: 0, stdout: '✔ 2 filer er gyldige\n', stderr: '' });
  });

  it('writes GitHub annotations under GITHUB_ACTIONS=true', () => {
    const ran = orgfit(['validate', 'broken.yaml'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(ran.status).toBe(1);
    expect(ran.stdout).toMatch(/^::error file=broken\.yaml,line=10,col=56,endLine=10,endColumn=72,title=unknown-finding::/);
  });

  it('--format sarif prints one valid SARIF 2.1.0 log and nothing else', () => {
    const ran = orgfit(['validate', 'broken.yaml', 'mini.yaml', '--format', 'sarif']);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toBe('');
    const log = JSON.parse(ran.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.name).toBe('orgfit');
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['unknown-finding']);
    expect(log.runs[0].results[0].locations[0].physicalLocation.region).toMatchObject({ startLine: 10, startColumn: 56 });
  });

  it('--format sarif for the built-in models is valid JSON too', () => {
    const ran = orgfit(['validate', '--format', 'sarif']);
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ version: '2.1.0', runs: [{ results: [] }] });
  });
});

describe('hostile input (built binary)', () => {
  it('an alias bomb: exit 1 with yaml-alias, quickly', () => {
    file('bomb.yaml', aliasBomb());
    const ran = orgfit(['validate', 'bomb.yaml', '--format', 'json']);
    expect(ran.status).toBe(1);
    const problems = JSON.parse(ran.stdout).files[0].problems as { rule: string; line: number; column: number }[];
    // The bomb has no format line either: one file-kind at the root, then the 90 aliases.
    expect(problems.map((p) => p.rule)).toEqual(['file-kind', ...Array.from({ length: 90 }, () => 'yaml-alias')]);
    expect(problems[1]).toMatchObject({ line: 2, column: 8 });
    expect(ran.ms).toBeLessThan(TIMEOUT_MS);
    noStackTrace(ran);
  });

  it('binary data: exit 1 with file-encoding', () => {
    file('binary.yaml', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe]));
    const ran = orgfit(['validate', 'binary.yaml', '--lang', 'en']);
    expect(ran.status).toBe(1);
    expect(ran.stdout).toMatch(/^ {2}1:1 +error +The file is not UTF-8 text \(binary\) +file-encoding/m);
    noStackTrace(ran);
  });

  it('UTF-16: exit 1 with file-encoding', () => {
    file('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINI_MODEL, 'utf16le')]));
    const ran = orgfit(['validate', 'utf16.yaml', '--lang', 'en']);
    expect(ran.status).toBe(1);
    expect(ran.stdout).toContain('The file is not UTF-8 text (UTF-16)');
    noStackTrace(ran);
  });

  it('__proto__ keys: exit 1 with yaml-forbidden-key, and nothing polluted', () => {
    file('proto.yaml', edit(MINI_MODEL, 'id: mini\n', 'id: mini\n__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\n'));
    const ran = orgfit(['validate', 'proto.yaml', '--format', 'json']);
    expect(ran.status).toBe(1);
    const problems = JSON.parse(ran.stdout).files[0].problems as { rule: string; line: number; column: number }[];
    expect(problems.map((p) => `${p.rule}@${p.line}:${p.column}`)).toEqual(['filename-id@2:5', 'yaml-forbidden-key@3:1', 'yaml-forbidden-key@4:1']);
    noStackTrace(ran);
  });

  it('100 levels of nesting: exit 1 with yaml-too-deep', () => {
    file('deep.yaml', edit(MINI_MODEL, 'id: mini\n', `id: mini\ndeep: ${'['.repeat(100)}${']'.repeat(100)}\n`));
    const ran = orgfit(['validate', 'deep.yaml', '--format', 'json']);
    expect(ran.status).toBe(1);
    const rules = (JSON.parse(ran.stdout).files[0].problems as { rule: string }[]).map((p) => p.rule);
    expect(rules).toContain('yaml-too-deep');
    noStackTrace(ran);
  });

  it('100 000 levels of nesting: exit 1, no crash, no hang', () => {
    file('deeper.yaml', '['.repeat(100_000) + ']'.repeat(100_000) + '\n');
    const ran = orgfit(['validate', 'deeper.yaml', '--lang', 'en']);
    expect(ran.status).toBe(1);
    expect(ran.stdout).toMatch(/^ {2}1:66 +error +Nesting is deeper than 64 levels +yaml-too-deep/m);
    noStackTrace(ran);
  });

  it('a 3 MB file: exit 1 with file-too-large, without reading it', () => {
    file('huge.yaml', Buffer.alloc(3 * 1024 * 1024, 'a'));
    const ran = orgfit(['validate', 'huge.yaml', '--lang', 'en']);
    expect(ran.status).toBe(1);
    expect(ran.stdout).toContain('The file is 3145728 bytes; the limit is 2097152');
    noStackTrace(ran);
  });

  it('malformed YAML: exit 1 with yaml-syntax at its place', () => {
    file('syntax.yaml', edit(MINI_MODEL, 'id: mini', 'id: "mini'));
    const ran = orgfit(['validate', 'syntax.yaml', '--lang', 'en']);
    expect(ran.status).toBe(1);
    expect(ran.stdout).toMatch(/^ {2}2:10 +error +Invalid YAML: Missing closing "quote +yaml-syntax/m);
    noStackTrace(ran);
  });

  it('a missing file: exit 2 and one line on stderr', () => {
    const ran = orgfit(['validate', 'nowhere.yaml', '--lang', 'en']);
    expect(ran).toMatchObject({ status: 2, stdout: '', stderr: 'orgfit: No such file or folder: "nowhere.yaml"\n' });
    noStackTrace(ran);
  });

  it('an unknown option: exit 2, no stack trace', () => {
    const ran = orgfit(['validate', '--no-such-option']);
    expect(ran.status).toBe(2);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toContain('--no-such-option');
    noStackTrace(ran);
  });
});

describe('no network (built binary)', () => {
  const NO_NETWORK = join(ROOT, 'test', 'fixtures', 'validate', 'no-network.mjs');

  it('validates models and answers, even ones naming a remote $schema, without touching the network', () => {
    file('remote-schema.yaml', `$schema: https://example.com/orgfit/model.schema.json\n${MINI_MODEL}`);
    const ran = orgfit(['validate', 'remote-schema.yaml', 'broken.yaml', 'answers.yaml', '--format', 'sarif'], { node: ['--import', NO_NETWORK] });
    expect(ran.stderr).not.toContain('NETWORK');
    expect(ran.status).toBe(1);
    const log = JSON.parse(ran.stdout);
    expect(log.version).toBe('2.1.0');
    // broken.yaml's unknown finding, and remote-schema.yaml's file name (a warning).
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual(['filename-id', 'unknown-finding']);
  });

  it('the guard itself works (so the test above can fail)', () => {
    const result = spawnSync(process.execPath, ['--import', NO_NETWORK, '-e', "fetch('https://example.com/')"], { encoding: 'utf8', timeout: TIMEOUT_MS });
    expect(result.status).toBe(99);
    expect(result.stderr).toContain('NETWORK: fetch');
  });
});

describe('help (built binary)', () => {
  it('orgfit --help exits 0 and shows examples', () => {
    const ran = orgfit(['--help', '--lang', 'en']);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('Usage: orgfit');
    expect(ran.stdout).toContain('validate');
    expect(ran.stdout).toContain('Examples:');
    expect(ran.stdout).toContain('$ orgfit validate --format github');
  });

  it('orgfit validate --help exits 0 and shows its examples', () => {
    const ran = orgfit(['validate', '--help']);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('Eksempler:');
    expect(ran.stdout).toContain('$ orgfit validate --answers svar.yaml');
    expect(ran.stdout).toContain('--max-warnings');
  });
});
