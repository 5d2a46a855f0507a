/**
 * `orgfit validate` without paths trusts the build's record of the built-in models only
 * while every file is byte for byte the one the build checked (src/load/built-models.ts).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkedModels, unchangedSinceBuild } from '../../src/load/built-models.js';
import { BUILTIN_MODELS_DIR, BUILTIN_MODELS_JSON } from '../../src/paths.js';
import { cli } from '../helpers/cli.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A folder with the given files and a record of the given copies. */
function folder(files: Record<string, string>, record: Record<string, string> | undefined): string {
  dir = mkdtempSync(join(tmpdir(), 'orgfit-built-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  if (record) writeFileSync(join(dir, 'record.json'), JSON.stringify({ files: record }));
  return dir;
}
const bytes = (text: string) => new TextEncoder().encode(text);
const copy = (text: string) => checkedModels([{ name: 'x', bytes: bytes(text) }]).files.x!;

describe('unchangedSinceBuild', () => {
  it('holds when every file is byte for byte the one recorded', () => {
    const d = folder({ 'a.yaml': 'id: a\n', 'b.yaml': 'id: b\n' }, { 'a.yaml': copy('id: a\n'), 'b.yaml': copy('id: b\n') });
    expect(unchangedSinceBuild(d, ['a.yaml', 'b.yaml'], join(d, 'record.json'))).toBe(true);
  });
  it.each([
    ['one byte changed', { 'a.yaml': 'id: a \n', 'b.yaml': 'id: b\n' }, ['a.yaml', 'b.yaml']],
    ['one byte more', { 'a.yaml': 'id: a\n\n', 'b.yaml': 'id: b\n' }, ['a.yaml', 'b.yaml']],
    ['the last byte gone', { 'a.yaml': 'id: a', 'b.yaml': 'id: b\n' }, ['a.yaml', 'b.yaml']],
    ['two files swapped', { 'a.yaml': 'id: b\n', 'b.yaml': 'id: a\n' }, ['a.yaml', 'b.yaml']],
    ['a file added', { 'a.yaml': 'id: a\n', 'b.yaml': 'id: b\n', 'c.yaml': 'id: c\n' }, ['a.yaml', 'b.yaml', 'c.yaml']],
    ['a file removed', { 'a.yaml': 'id: a\n' }, ['a.yaml']],
    ['a file renamed', { 'a.yaml': 'id: a\n', 'c.yaml': 'id: b\n' }, ['a.yaml', 'c.yaml']],
  ])('fails with %s', (_, files, names) => {
    const d = folder(files, { 'a.yaml': copy('id: a\n'), 'b.yaml': copy('id: b\n') });
    expect(unchangedSinceBuild(d, names, join(d, 'record.json'))).toBe(false);
  });
  it('fails without a record (the build found a problem) or with a broken one', () => {
    const d = folder({ 'a.yaml': 'id: a\n' }, undefined);
    expect(unchangedSinceBuild(d, ['a.yaml'], join(d, 'record.json'))).toBe(false);
    for (const broken of ['{"files":', '{"files":{"a.yaml":7}}', '{"files":null}', '{"files":"a.yaml"}']) {
      writeFileSync(join(d, 'record.json'), broken);
      expect(unchangedSinceBuild(d, ['a.yaml'], join(d, 'record.json')), broken).toBe(false);
    }
  });
  it('the build recorded the built-in models as they are', () => {
    const names = readdirSync(BUILTIN_MODELS_DIR).filter((name) => /\.ya?ml$/.test(name)).sort();
    expect(unchangedSinceBuild(BUILTIN_MODELS_DIR, names, BUILTIN_MODELS_JSON)).toBe(true);
  });
});

describe('validate of the built-in models', () => {
  it.each(['text', 'json', 'junit', 'sarif', 'github'])('says in --format %s what parsing them says', async (format) => {
    const names = readdirSync(BUILTIN_MODELS_DIR).filter((name) => /\.ya?ml$/.test(name)).sort();
    const skipped = await cli(['validate', '--format', format]);
    const parsed = await cli(['validate', ...names.map((name) => `models/${name}`), '--format', format]);
    expect(skipped).toEqual(parsed);
    expect(skipped.code).toBe(0);
  });
});
