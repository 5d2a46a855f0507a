/**
 * The rest of the reliability review's 156 hostile cases (docs/reviews/reliability.md,
 * "The cases × commands"): the ones whose harm is in a regular file's content (syntax,
 * keys, numbers, tags, absurd values, wrong shapes), which ./corpus.ts leaves out because
 * a child process adds nothing to them. ./content.test.ts runs them in-process. Each is
 * named after the input it tries, with the review's case name in brackets.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANSWERS, lineOf, MODEL } from './corpus.js';

/** reject: exit 1; answers/model: valid as that kind (exit 0); either: a judgement call, exit 0 or 1. */
export type ContentVerdict = 'reject' | 'answers' | 'model' | 'either';

export interface ContentCase {
  name: string;
  verdict: ContentVerdict;
  kind: 'answers' | 'model';
  /** The line a command reading the file as its own kind must name. */
  line?: number;
  make(folder: string): string;
}

const endLine = ANSWERS.split('\n').length;
const modelEnd = MODEL.split('\n').length;
const staffLine = lineOf(ANSWERS, 'staff-fte:');
const frameLine = lineOf(ANSWERS, 'frame:');
const groupsLine = lineOf(ANSWERS, 'user-groups:');
const municipalityLine = lineOf(ANSWERS, 'municipality:');
const formatLine = lineOf(ANSWERS, 'format:');
const answer = (id: string, value: string) => ANSWERS.replace(new RegExp(`^  ${id}: .*$`, 'm'), `  ${id}: ${value}`);
const staff = (value: string) => answer('staff-fte', value);
const withModel = (change: (text: string) => string) => change(MODEL);
/** Every answer's value replaced. */
const everyAnswer = (value: string) => ANSWERS.replace(/^( {2}[a-z-]+:) .*$/gm, `$1 ${value}`);
/** A pseudo-random byte stream, the same on every run. */
const noise = (length: number) => {
  const bytes = Buffer.alloc(length);
  let x = 2463534242;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
};
const nested = (depth: number): string => (depth === 0 ? '{ question: staff-fte, gte: 6 }' : `{ all: [${nested(depth - 1)}] }`);
const blockNested = (depth: number) =>
  Array.from({ length: depth }, (_, i) => `${' '.repeat(6 + 2 * i)}all:\n${' '.repeat(6 + 2 * i)}  -`).join('\n').replace(/-$/, '- question: staff-fte\n' + ' '.repeat(8 + 2 * depth) + 'gte: 6');
const ADJUSTMENT = (i: number) => `  - id: extra-${i}\n    when: { question: staff-fte, gte: ${(i % 50) + 1} }\n    effects:\n      - criterion: measures-work\n        delta: 1\n    findings: [four-degrees-of-specialisation]\n    rationale: { nb: Prøve., en: A test. }\n`;
const firstRationale = lineOf(MODEL, 'rationale:') + 1;

const file = (name: string, verdict: ContentVerdict, bytes: string | Buffer, line?: number): ContentCase => ({
  name,
  verdict,
  kind: 'answers',
  ...(line === undefined ? {} : { line }),
  make: (folder) => {
    const path = join(folder, 'case.yaml');
    writeFileSync(path, bytes);
    return path;
  },
});
const model = (name: string, verdict: ContentVerdict, text: string, line?: number, fileName = 'my-model.yaml'): ContentCase => ({
  name,
  verdict,
  kind: 'model',
  ...(line === undefined ? {} : { line }),
  make: (folder) => {
    const path = join(folder, fileName);
    writeFileSync(path, text);
    return path;
  },
});

export const CONTENT_CORPUS: ContentCase[] = [
  // Syntax.
  file('an unclosed flow list [syntax-unclosed-flow]', 'reject', answer('priorities', '[coherence, control-economy')),
  file('a key without its colon [syntax-missing-colon]', 'reject', staff('').replace('  staff-fte: \n', '  staff-fte 4\n')),
  file('a value starting with @ [syntax-bad-scalar-start]', 'reject', staff('@4'), staffLine),
  file('an unknown directive [syntax-unknown-directive]', 'reject', `%FOO bar\n---\n${ANSWERS}`, 1),
  file('a stray ] after a value [syntax-stray-bracket]', 'reject', staff('4]'), staffLine),
  file('a colon inside a plain value [syntax-nested-colon]', 'reject', staff('a: b'), staffLine),
  file('a file cut off in the middle of a line [syntax-truncated]', 'reject', ANSWERS.slice(0, ANSWERS.indexOf('staff-fte') + 5)),

  // Aliases, anchors, merge keys, duplicates and prototype keys, in models too.
  model('an alias bomb in a model [billion-laughs]', 'reject', `${MODEL}a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n`, modelEnd + 1),
  file('a merge key from an alias, in a flow map [merge-key-alias]', 'reject', `${ANSWERS}base: &b { x: 1 }\nmore: { <<: *b }\n`, endLine + 1),
  file('a merge key with a list of aliases [merge-key-list]', 'reject', `${ANSWERS}one: &a { x: 1 }\ntwo: &b { y: 2 }\nmore:\n  <<: [*a, *b]\n`, endLine + 3),
  model('an anchor on a model\'s performance, used by an alias [anchor-on-model-performance]', 'reject', withModel((t) => t.replace('performance:\n  rule-administration:\n', 'performance:\n  rule-administration: &p\n')) + 'extra: *p\n', modelEnd),
  model('a duplicate key in a model [dup-key-in-model]', 'reject', `${MODEL}id: again\n`, modelEnd),
  file('"__proto__", quoted, among the answers [proto-quoted]', 'reject', staff('4\n  "__proto__": { polluted: true }'), staffLine + 1),
  file('a top-level prototype key [prototype-key]', 'reject', `${ANSWERS}prototype: { polluted: true }\n`, endLine),
  model('__proto__ deep in a model\'s condition [proto-deep-in-model]', 'reject', withModel((t) => t.replace('      question: rule-work-crowds-out\n      points:', '      question: rule-work-crowds-out\n      __proto__: { polluted: true }\n      points:')), lineOf(MODEL, 'question: rule-work-crowds-out') + 1),
  model('__proto__ under a model\'s performance [proto-in-model-performance]', 'reject', withModel((t) => t.replace('performance:\n', 'performance:\n  __proto__: { value: 1 }\n')), lineOf(MODEL, 'performance:') + 1),

  // Size and nesting.
  file('flow lists 65 deep, just over the limit [deep-just-over-64]', 'reject', `${ANSWERS}deep: ${'['.repeat(65)}${']'.repeat(65)}\n`, endLine),
  file('a 50 MB file [big-50mb]', 'reject', Buffer.alloc(50 * 1024 * 1024, 0x61), 1),
  file('64 KB of random bytes [binary-urandom]', 'reject', noise(64 * 1024), 1),
  file('a 100 KB key [long-key-100kb]', 'reject', staff(`4\n  ${'k'.repeat(100_000)}: 1`), staffLine + 1),
  file('a 1 MB key at the top [long-key-1mb-top]', 'reject', `${ANSWERS}${'k'.repeat(1_000_000)}: 1\n`, endLine),
  file('a quoted key with ESC sequences [long-quoted-key-ansi]', 'reject', staff(`4\n  "\\e[2J\\e]0;pwned\\a${'x'.repeat(1000)}": 1`), staffLine + 1),

  // Documents that are not a mapping.
  file('only a document marker [only-doc-marker]', 'reject', '---\n', 1),
  file('a null document [null-document]', 'reject', '~\n', 1),
  file('a top-level scalar [top-level-scalar]', 'reject', 'hello\n', 1),

  // Keys that are not names.
  file('an empty key [key-empty]', 'reject', staff('4\n  "": 1'), staffLine + 1),
  file('a number as a key [key-number]', 'reject', staff('4\n  5: 1'), staffLine + 1),
  file('null as a key [key-null]', 'reject', staff('4\n  ~: 1'), staffLine + 1),
  file('an empty plain key with a value', 'reject', staff('4\n  : 1'), staffLine + 1),
  file('a list as a key [key-complex]', 'reject', staff('4\n  ? [a, b]\n  : 1'), staffLine + 1),

  // Numbers.
  file('-1e309 [num-minus-1e309]', 'reject', staff('-1e309'), staffLine),
  file('NaN, plain [num-NaN-plain]', 'reject', staff('NaN'), staffLine),
  file('.inf [num-inf]', 'reject', staff('.inf'), staffLine),
  file('-.inf [num-neg-inf]', 'reject', staff('-.inf'), staffLine),
  file('a hexadecimal number, 0x4 [num-hex]', 'either', staff('0x4')),
  file('an octal number, 0o4 [num-octal]', 'either', staff('0o4')),
  file('2^53 + 1 [num-2pow53plus1]', 'reject', staff('9007199254740993'), staffLine),
  file('a tiny float, 1e-300 [num-tiny-float]', 'either', staff('1e-300')),
  file('a word for a number [num-string]', 'reject', staff('four'), staffLine),
  file('a number in quotes [num-quoted]', 'either', staff('"4"')),
  file('yes for a number [num-bool-yes]', 'reject', staff('yes'), staffLine),
  file('true for a number [num-true]', 'reject', staff('true'), staffLine),
  file('a list for a number [num-list]', 'reject', staff('[4]'), staffLine),
  file('a mapping for a number [num-map]', 'reject', staff('{ a: 4 }'), staffLine),
  file('a fraction for a whole number [num-fraction-for-integer]', 'reject', answer('recent-reorganisations', '0.5'), lineOf(ANSWERS, 'recent-reorganisations:')),
  file('null for a number [num-null]', 'either', staff('null')),
  file('an empty string for a number [num-empty-string]', 'reject', staff('""'), staffLine),
  file('1e309 as a percentage [pct-1e309]', 'reject', answer('share-rule-logic', '1e309'), lineOf(ANSWERS, 'share-rule-logic:')),

  // Tags.
  file('!!js/undefined [tag-js-undefined]', 'reject', staff('!!js/undefined'), staffLine),
  file('a verbatim tag of one\'s own [tag-verbatim]', 'reject', staff('!<tag:example.com,2026:pwn> 4'), staffLine),
  file('a verbatim tag for a standard integer', 'either', staff('!<tag:yaml.org,2002:int> 4')),
  file('!!set for a list [tag-set]', 'reject', answer('user-groups', '!!set { refugees }'), groupsLine),
  file('!!str on a number [tag-str-on-number]', 'reject', staff('!!str 4'), staffLine),

  // Values out of range or absurd.
  file('negative staff [negative-fte]', 'reject', staff('-4'), staffLine),
  file('no staff [zero-fte]', 'reject', staff('0'), staffLine),
  file('task shares that sum to 300 [percent-sum-300]', 'reject', answer('share-rule-logic', '100').replace(/^ {2}share-means-end-logic: .*$/m, '  share-means-end-logic: 100').replace(/^ {2}share-crisis-logic: .*$/m, '  share-crisis-logic: 100')),
  file('a share of 250 % [percent-250]', 'reject', answer('share-rule-logic', '250'), lineOf(ANSWERS, 'share-rule-logic:')),
  file('a negative share [percent-negative]', 'reject', answer('share-rule-logic', '-5'), lineOf(ANSWERS, 'share-rule-logic:')),
  file('an empty municipality [empty-municipality]', 'reject', ANSWERS.replace(/^municipality: .*$/m, 'municipality: ""'), municipalityLine),
  file('a blank municipality [blank-municipality]', 'either', ANSWERS.replace(/^municipality: .*$/m, 'municipality: "   "')),
  file('a 201-character municipality [municipality-201-chars]', 'reject', ANSWERS.replace(/^municipality: .*$/m, `municipality: ${'x'.repeat(201)}`), municipalityLine),
  file('an unknown choice [choice-unknown]', 'reject', answer('frame', 'nowhere'), frameLine),
  file('an empty choice [choice-empty-string]', 'reject', answer('frame', '""'), frameLine),
  file('one user group as a text, not a list [multi-as-string]', 'either', answer('user-groups', 'refugees')),
  file('a user group twice [multi-duplicates]', 'either', answer('user-groups', '[refugees, refugees]')),
  file('an unknown user group [multi-unknown]', 'reject', answer('user-groups', '[martians]'), groupsLine),

  // The answers mapping and the top-level fields.
  file('every answer null [answers-all-null]', 'either', everyAnswer('null')),
  file('every answer "don\'t know" [answers-all-dont-know]', 'either', everyAnswer('dont-know')),
  file('no answers at all, {} [answers-empty-map]', 'either', ANSWERS.replace(/^answers:\n(?: {2}.*\n)*/m, 'answers: {}\n')),
  file('answers: null [answers-null]', 'reject', ANSWERS.replace(/^answers:\n(?: {2}.*\n)*/m, 'answers:\n'), lineOf(ANSWERS, 'answers:')),
  file('answers as a list [answers-is-list]', 'reject', ANSWERS.replace(/^answers:\n(?: {2}.*\n)*/m, 'answers:\n  - staff-fte: 4\n'), lineOf(ANSWERS, 'answers:') + 1),
  file('no answers field [answers-missing]', 'reject', ANSWERS.replace(/^answers:\n(?: {2}.*\n)*/m, '')),
  file('an unknown top-level field [answers-unknown-top-field]', 'reject', `${ANSWERS}colour: red\n`, endLine),
  file('format orgfit/answers@2 [answers-wrong-format]', 'reject', ANSWERS.replace('format: orgfit/answers@1', 'format: orgfit/answers@2'), formatLine),
  file('format: 1 [answers-format-number]', 'reject', ANSWERS.replace('format: orgfit/answers@1', 'format: 1'), formatLine),
  file('no format line [answers-no-format]', 'reject', ANSWERS.replace('format: orgfit/answers@1\n', '')),
  file('format as a list [answers-format-list]', 'reject', ANSWERS.replace('format: orgfit/answers@1', 'format: [orgfit/answers@1]'), formatLine),

  // Models.
  model('a model with 10,000 adjustments [model-10000-adjustments]', 'either', MODEL.replace(/^adjustments:\n/m, `adjustments:\n${Array.from({ length: 10_000 }, (_, i) => ADJUSTMENT(i)).join('')}`)),
  model('conditions 20 deep [model-conditions-depth-20]', 'model', MODEL.replace(/^adjustments:\n/m, `adjustments:\n  - id: deep\n    when: ${nested(20)}\n    effects:\n      - criterion: measures-work\n        delta: 1\n    findings: [four-degrees-of-specialisation]\n    rationale: { nb: Prøve., en: A test. }\n`)),
  model('block conditions 1,000 deep [model-conditions-block-depth-1000]', 'reject', MODEL.replace(/^adjustments:\n/m, `adjustments:\n  - id: deep\n    when:\n${blockNested(1000)}\n    effects:\n      - criterion: measures-work\n        delta: 1\n    findings: [four-degrees-of-specialisation]\n    rationale: { nb: Prøve., en: A test. }\n`)),
  model('an unknown field in a model [model-unknown-field]', 'reject', `${MODEL}colour: red\n`, modelEnd),
  model('format orgfit/model@9 [model-wrong-format]', 'reject', MODEL.replace('format: orgfit/model@1', 'format: orgfit/model@9'), lineOf(MODEL, 'format:')),
  model('a model without its format line [model-no-format]', 'reject', MODEL.replace('format: orgfit/model@1\n', '')),
  model('a model with a built-in id [model-builtin-id]', 'reject', MODEL.replace('id: my-model', 'id: specialised'), lineOf(MODEL, 'id:'), 'specialised.yaml'),
  model('a performance value of .nan [model-value-nan]', 'reject', MODEL.replace('    value: 60\n', '    value: .nan\n'), lineOf(MODEL, 'value: 60')),
  model('a performance value of .inf [model-value-inf]', 'reject', MODEL.replace('    value: 60\n', '    value: .inf\n'), lineOf(MODEL, 'value: 60')),
  model('a negative spread [model-spread-negative]', 'reject', MODEL.replace('    value: 60\n', '    value: 60\n    spread: -5\n'), lineOf(MODEL, 'value: 60') + 1),
  model('a delta of 1e309 [model-delta-1e309]', 'reject', MODEL.replace('        delta: 6\n', '        delta: 1e309\n'), lineOf(MODEL, 'delta: 6')),
  model('a condition on an unknown question [model-unknown-question]', 'reject', MODEL.replace('      question: rule-work-crowds-out\n      points:', '      question: no-such-question\n      points:'), lineOf(MODEL, 'question: rule-work-crowds-out')),
  model('an unknown finding [model-unknown-finding]', 'reject', MODEL.replace('  - four-degrees-of-specialisation\n', '  - no-such-finding\n'), lineOf(MODEL, '- four-degrees-of-specialisation')),
  model('an empty performance [model-empty-performance]', 'reject', MODEL.replace(/^performance:\n(?: {2}.*\n|\n)*?(?=^\S)/m, 'performance: {}\n'), lineOf(MODEL, 'performance:')),
  model('a rationale of 4,001 characters [model-text-4001]', 'reject', MODEL.replace(/^( {6}nb: )>-\n(?: {8}.*\n)+/m, `$1${'x'.repeat(4001)}\n`), firstRationale),
  model('a model saying it is an answers file [model-as-answers-list]', 'reject', MODEL.replace('format: orgfit/model@1', 'format: orgfit/answers@1')),
  {
    name: 'a symbolic link to /etc/passwd [symlink-etc-passwd]',
    verdict: 'reject',
    kind: 'answers',
    make: (folder) => {
      const path = join(folder, 'case.yaml');
      symlinkSync('/etc/passwd', path);
      return path;
    },
  },
];
