/**
 * The hostile inputs of the reliability review (docs/reviews/reliability.md, "The cases ×
 * commands"), built afresh in a scratch folder from the first example answers file and a
 * built-in model, so they follow the data. Each case is one file (or one special path) in
 * a folder of its own, so that the same folder serves as `--models DIR`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../helpers/kb.js';

/**
 * What orgfit must do with a case: refuse it as input (exit 1), as a usage error (exit 2:
 * not a regular file, missing), or accept it as the answers file or model file it is.
 */
export type Verdict = 'reject' | 'usage' | 'answers' | 'model';

export interface HostileCase {
  name: string;
  verdict: Verdict;
  /** What the file is built from: the commands that read it as that kind must find the planted line. */
  kind: 'answers' | 'model';
  /** The line the problem is planted on, when a command reads the file as its own kind. */
  line?: number;
  /** Builds the case in `folder` and returns the path to give orgfit. */
  make(folder: string): string | Promise<string>;
}

export const ANSWERS = readFileSync(join(ROOT, 'seeds/examples/bygdvik.yaml'), 'utf8');
/** A built-in model under an id of its own (a user's model may not reuse a built-in id). */
export const MODEL = readFileSync(join(ROOT, 'models/specialised.yaml'), 'utf8').replace(/^id: .*$/m, 'id: my-model');

/** The 1-based line of the first line that starts with `start` (after indentation). */
export const lineOf = (text: string, start: string): number => text.split('\n').findIndex((l) => l.trimStart().startsWith(start)) + 1;
const STAFF = '  staff-fte: 4\n';
const staffLine = lineOf(ANSWERS, 'staff-fte:');
const municipalityLine = lineOf(ANSWERS, 'municipality:');
const endLine = ANSWERS.split('\n').length;
const replaceStaff = (value: string) => ANSWERS.replace(STAFF, `  staff-fte: ${value}\n`);
const setMunicipality = (value: string) => ANSWERS.replace(/^municipality: .*$/m, `municipality: ${value}`);

/** A case that is one answers-like file with these bytes. */
const file = (name: string, verdict: Verdict, bytes: string | Buffer, line?: number, kind: 'answers' | 'model' = 'answers'): HostileCase => ({
  name,
  verdict,
  kind,
  ...(line !== undefined ? { line } : {}),
  make: (folder) => {
    // A model's file name must be its id.
    const path = join(folder, kind === 'model' ? 'my-model.yaml' : 'case.yaml');
    writeFileSync(path, bytes);
    return path;
  },
});
/** A case that is one file built from the model. */
const modelFile = (name: string, verdict: Verdict, bytes: string | Buffer, line?: number): HostileCase => file(name, verdict, bytes, line, 'model');
/** A case that is a special path (a device, a FIFO, a link, a folder) named case.yaml, or given as it is. */
const special = (name: string, make: (path: string) => string | void | Promise<string | void>): HostileCase => ({
  name,
  verdict: 'usage',
  kind: 'answers',
  make: async (folder) => (await make(join(folder, 'case.yaml'))) ?? join(folder, 'case.yaml'),
});

const servers: Server[] = [];
/** Closes the sockets the corpus opened. */
export function closeCorpus(): void {
  for (const server of servers) server.close();
}

const unknownKeys = (count: number) => ANSWERS + Array.from({ length: count }, (_, i) => `  unknown-question-${i}: 1\n`).join('');
const keysUpTo = (bytes: number) => {
  let text = ANSWERS;
  for (let i = 0; text.length < bytes; i++) text += `  unknown-question-${i}: 1\n`;
  return text;
};
const modelKeysUpTo = (bytes: number) => {
  let text = MODEL;
  for (let i = 0; text.length < bytes; i++) text += `k${i}: 1\n`;
  return text;
};
const deep = (open: string, count: number, close = '') => `${ANSWERS}deep: ${open.repeat(count)}${close.repeat(count)}\n`;

export const CORPUS: HostileCase[] = [
  // Not regular files: exit 2, nothing read (D1, D2).
  special('a FIFO', (path) => void spawnSync('mkfifo', [path])),
  special('/dev/zero', () => '/dev/zero'),
  special('/dev/urandom', () => '/dev/urandom'),
  special('a symbolic link to /dev/zero', (path) => void symlinkSync('/dev/zero', path)),
  special('a symbolic link to /dev/urandom', (path) => void symlinkSync('/dev/urandom', path)),
  special('a symbolic link to /dev/null', (path) => void symlinkSync('/dev/null', path)),
  special('a folder named like a file', (path) => void mkdirSync(path)),
  special('a socket', (path) => new Promise<void>((resolve) => servers.push(createServer().listen(path, resolve)))),
  special('a symbolic-link loop', (path) => void symlinkSync('case.yaml', path)),
  special('a dangling symbolic link', (path) => void symlinkSync('nowhere.yaml', path)),

  // Sizes (D3).
  file('an empty file', 'reject', '', 1),
  file('only comments', 'reject', '# nothing\n# here\n', 1),
  file('only white space', 'reject', '   \n\n  \n', 1),
  file('a 3 MB file', 'reject', Buffer.alloc(3 * 1024 * 1024, 'a'), 1),
  file('2 MiB and one byte', 'reject', `${ANSWERS}#${'x'.repeat(2 * 1024 * 1024 - ANSWERS.length)}\n`, 1),
  file('a 5 MB single line', 'reject', `a: ${'x'.repeat(5_000_000)}\n`, 1),
  file('a 1.9 MB single-line value', 'reject', setMunicipality('x'.repeat(1_900_000)), municipalityLine),
  file('20,000 distinct unknown keys', 'reject', unknownKeys(20_000), endLine),
  file('1.9 MB of distinct keys', 'reject', keysUpTo(1_900_000), endLine),
  // A model file of as many unknown fields: one problem each, more than a spread's arguments hold (an internal error once).
  modelFile('1.9 MB of distinct keys (model)', 'reject', modelKeysUpTo(1_900_000), MODEL.split('\n').length),
  file('10,000 unknown answers and one duplicate key', 'reject', `${unknownKeys(10_000)}  unknown-question-5: 2\n`, endLine + 10_000),

  // Nesting (D4).
  file('a: [[[[… 20,000 deep', 'reject', deep('[', 20_000), endLine),
  file('a: {{{{… 20,000 deep', 'reject', deep('{', 20_000), endLine),
  file('a: [[[[…]]]] 20,000 deep, closed', 'reject', deep('[', 20_000, ']'), endLine),
  file('a: [[[[… a million deep (1 MB on one line)', 'reject', deep('[', 1_000_000), endLine),
  file('- - - … 20,000 deep', 'reject', `${ANSWERS}deep:\n${'- '.repeat(20_000)}x\n`, endLine + 1),
  file('block mappings 1,200 deep', 'reject', ANSWERS + Array.from({ length: 1200 }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('') + `${' '.repeat(1200)}leaf\n`),
  modelFile('a model with a flow list 5,000 deep', 'reject', `${MODEL}extra: ${'['.repeat(5000)}\n`, MODEL.split('\n').length),

  // Encodings (D12, D13).
  file('a UTF-8 byte-order mark (answers)', 'answers', `\ufeff${ANSWERS}`),
  modelFile('a UTF-8 byte-order mark (model)', 'model', `\ufeff${MODEL}`),
  file('CRLF line ends (answers)', 'answers', ANSWERS.replace(/\n/g, '\r\n')),
  modelFile('CRLF line ends (model)', 'model', MODEL.replace(/\n/g, '\r\n')),
  modelFile('a byte-order mark and CRLF (model)', 'model', `\ufeff${MODEL.replace(/\n/g, '\r\n')}`),
  file('CR-only line ends (old Mac)', 'answers', ANSWERS.replace(/\n/g, '\r')),
  file('UTF-16 LE with a byte-order mark', 'reject', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ANSWERS, 'utf16le')]), 1),
  file('UTF-16 BE with a byte-order mark', 'reject', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ANSWERS, 'utf16le').swap16()]), 1),
  file('UTF-16 LE without a byte-order mark', 'reject', Buffer.from(ANSWERS, 'utf16le'), 1),
  file('a NUL byte in a comment', 'reject', `${ANSWERS}# note\u0000\n`, endLine),
  file('binary data', 'reject', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), 1),
  file('invalid UTF-8', 'reject', Buffer.concat([Buffer.from(ANSWERS.replace(STAFF, '')), Buffer.from('  staff-fte: 4 # '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]), endLine - 1),
  file('Latin-1 æøå (Windows-1252)', 'reject', Buffer.from(setMunicipality('Bygdvik kommune på Sørlandet'), 'latin1'), municipalityLine),
  file('a no-break space before a number', 'reject', replaceStaff('\u00a04'), staffLine),
  file('a no-break space before a number in a 300 KB file', 'reject', `${replaceStaff('\u00a04')}#${'x'.repeat(300_000)}\n`, staffLine),

  // Text that acts on a terminal or a spreadsheet (D10, D11): accepted, shown harmless.
  file('ESC, CR, C1 and bidi in the municipality', 'answers', setMunicipality('"Evil\\e[2J\\e]0;pwned\\a\\r\\u009b\\u202e"')),
  file('-1+HYPERLINK(…) in the municipality', 'answers', setMunicipality(`"-1+HYPERLINK(\\"http://example.com\\", \\"x\\")"`)),
  modelFile('ESC in a model name', 'model', MODEL.replace('  en: Specialised model', '  en: "Mine\\e[2J\\e]0;pwned\\a"')),

  // YAML that could do harm, or mislead.
  file('an alias bomb (billion laughs)', 'reject', `${ANSWERS}a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`, endLine + 1),
  file('an alias for an answer', 'reject', ANSWERS.replace(STAFF, '  staff-fte: &n 4\n').replace('  recent-reorganisations: 0\n', '  recent-reorganisations: *n\n'), lineOf(ANSWERS, 'recent-reorganisations:')),
  file('a merge key', 'reject', `${ANSWERS}base: &b { x: 1 }\nmore:\n  <<: *b\n`, endLine + 2),
  file('__proto__ at the top', 'reject', `${ANSWERS}__proto__: { polluted: true }\n`, endLine),
  file('__proto__ among the answers', 'reject', ANSWERS.replace(STAFF, `${STAFF}  __proto__: { polluted: true }\n`), staffLine + 1),
  file('constructor and prototype', 'reject', `${ANSWERS}constructor: { prototype: { polluted: true } }\n`, endLine),
  modelFile('__proto__ in a model', 'reject', `${MODEL}__proto__: { polluted: true }\n`, MODEL.split('\n').length),
  file('a duplicate key at the top', 'reject', `${ANSWERS}municipality: Again\n`, endLine),
  file('a duplicate answer', 'reject', `${ANSWERS}  staff-fte: 5\n`, endLine),
  file('a duplicate key, quoted', 'reject', `${ANSWERS}  "staff-fte": 5\n`, endLine),
  file('two documents', 'reject', `${ANSWERS}---\nformat: orgfit/answers@1\n`, endLine),
  file('a document end, then more', 'reject', `${ANSWERS}...\njunk: 1\n`, endLine + 1),
  file('a top-level list', 'reject', '- a\n- b\n', 1),
  file('a top-level text (as a link to /etc/passwd would be)', 'reject', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n', 1),
  file('!!js/function', 'reject', replaceStaff('!!js/function "function () { return 4 }"'), staffLine),
  file('!!binary', 'reject', replaceStaff('!!binary aGk='), staffLine),
  file('!!float on an integer', 'reject', replaceStaff('!!float 4'), staffLine),
  file('a custom tag', 'reject', replaceStaff('!pwn 4'), staffLine),
  file('an unclosed quote', 'reject', setMunicipality('"Bygdvik'), endLine),
  file('a tab as indentation', 'reject', ANSWERS.replace(STAFF, '\tstaff-fte: 4\n'), staffLine),
  file('a key indented too far', 'reject', ANSWERS.replace(STAFF, `${STAFF}   bad: 1\n`), staffLine + 1),
  file('1e309', 'reject', replaceStaff('1e309'), staffLine),
  file('.nan', 'reject', replaceStaff('.nan'), staffLine),
  file('-0 staff', 'reject', replaceStaff('-0'), staffLine),
  file('a 30-digit number', 'reject', replaceStaff('123456789012345678901234567890'), staffLine),
  modelFile('a model given as answers', 'model', MODEL),
  file('an answers file with format: orgfit/model@1', 'reject', ANSWERS.replace('format: orgfit/answers@1', 'format: orgfit/model@1'), lineOf(ANSWERS, 'format:')),
];
