import { readFileSync } from 'node:fs';
import type { KnowledgeBase } from '../core/kb.js';
import { UsageError } from '../errors.js';
import { cliText } from '../i18n/cli.js';
import type { Lang } from '../i18n/lang.js';
import { KB_JSON } from '../paths.js';

let cached: KnowledgeBase | undefined;

/**
 * The built-in knowledge base, compiled and validated by the build into
 * dist/kb.json so that a command starts without parsing YAML it has already checked.
 */
export function builtinKb(lang: Lang): KnowledgeBase {
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(KB_JSON, 'utf8');
  } catch {
    throw new UsageError(cliText(lang, 'not-built', { path: KB_JSON }));
  }
  cached = JSON.parse(text) as KnowledgeBase;
  return cached;
}
