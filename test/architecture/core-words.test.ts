import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/kb.js';

// The core emits ids and data; renderers put them into words (style.md, habit 7). So no
// string in src/core may read like words for a person: a space and a letter. Comments and
// import lines are not strings the program says. No allow-list is needed: every other
// string the core uses is an id, a format name or punctuation (", ").

/** The string literals and template-literal parts of a source text that hold a space and a letter. */
function wordyStrings(file: string, text: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if (/\s/.test(node.text) && /\p{L}/u.test(node.text)) {
        found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = readdirSync(`${ROOT}src/core`).filter((f) => f.endsWith('.ts'));

describe('src/core says nothing itself', () => {
  it.each(files)('%s has no user-facing string literal', (file) => {
    expect(wordyStrings(file, readFileSync(`${ROOT}src/core/${file}`, 'utf8'))).toEqual([]);
  });

  // The scan can fail: a sentence in a string or a template is found; comments, imports and ids are not.
  it('finds a sentence in a string and in a template, and nothing in comments, imports or ids', () => {
    const text = [
      "import type { Issue } from './issue.js';",
      '// a comment with words',
      "const id = 'condition-value';",
      'const a = "is not a number";',
      'const b = `${id} needs a number question`;',
    ].join('\n');
    expect(wordyStrings('x.ts', text)).toEqual([
      { line: 4, text: 'is not a number' },
      { line: 5, text: ' needs a number question' },
    ]);
  });
});
