/**
 * The output formats of each command, and which one it uses unless told. Both the
 * command line (commander's choices, src/cli/commands.ts) and the renderer registries
 * (src/render/registry/) name them from here; a registry that misses a name does not
 * compile. This module stays tiny and imports nothing, so the command table can use it
 * without loading any renderer.
 */
export const FORMATS = {
  score: ['table', 'json', 'csv'],
  explain: ['text', 'json'],
  models: ['table', 'json'],
  questions: ['md', 'yaml', 'json'],
  sources: ['text', 'bibtex', 'csl-json'],
  validate: ['text', 'json', 'github', 'junit', 'sarif'],
  report: ['md', 'html', 'pdf', 'docx', 'json', 'csv'],
} as const;

export type FormatCommand = keyof typeof FORMATS;
export type FormatOf<C extends FormatCommand> = (typeof FORMATS)[C][number];

/** The format when none is asked for (`validate` takes `github` on GitHub Actions, see src/cli/validate.ts). */
export const DEFAULT_FORMAT: { readonly [C in FormatCommand]: FormatOf<C> } = {
  score: 'table',
  explain: 'text',
  models: 'table',
  questions: 'md',
  sources: 'text',
  validate: 'text',
  report: 'md',
};
