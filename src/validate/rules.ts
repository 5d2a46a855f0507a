import type { Lang } from '../i18n/lang.js';
import { validateText } from '../i18n/validate.js';
import type { Params } from '../core/issue.js';

export type Severity = 'error' | 'warning';

export interface RuleDefinition {
  severity: Severity;
}

/**
 * Every rule orgfit's validator knows, by stable id, sorted. Ids never change meaning;
 * new rules get new ids. Each rule's words (what it checks, the problem, how to fix it)
 * are in the validate catalog (src/i18n/en/validate.ts) under `<id>.description`,
 * `<id>.message` and `<id>.hint`, so every output format and language says the same.
 */
export const RULES = {
  'answer-dont-know': { severity: 'error' },
  'answer-missing': { severity: 'error' },
  'answer-option': { severity: 'error' },
  'answer-range': { severity: 'error' },
  'answer-sum': { severity: 'error' },
  'answer-type': { severity: 'error' },
  'answer-unknown-question': { severity: 'error' },
  'condition-operator': { severity: 'error' },
  'condition-value': { severity: 'error' },
  'context-finding': { severity: 'warning' },
  'duplicate-id': { severity: 'error' },
  'file-encoding': { severity: 'error' },
  'file-kind': { severity: 'error' },
  'file-too-large': { severity: 'error' },
  'filename-id': { severity: 'warning' },
  'missing-criterion': { severity: 'error' },
  'missing-downgrade': { severity: 'error' },
  'question-shape': { severity: 'error' },
  'review-lines': { severity: 'error' },
  'schema-empty': { severity: 'error' },
  'schema-format': { severity: 'error' },
  'schema-range': { severity: 'error' },
  'schema-required': { severity: 'error' },
  'schema-type': { severity: 'error' },
  'schema-unknown-property': { severity: 'error' },
  'schema-value': { severity: 'error' },
  'unknown-criterion': { severity: 'error' },
  'unknown-finding': { severity: 'error' },
  'unknown-question': { severity: 'error' },
  'unknown-reference': { severity: 'error' },
  'untranslated': { severity: 'warning' },
  'unused-finding': { severity: 'warning' },
  'unused-reference': { severity: 'error' },
  'yaml-alias': { severity: 'error' },
  'yaml-complex-key': { severity: 'error' },
  'yaml-duplicate-key': { severity: 'error' },
  'yaml-forbidden-key': { severity: 'error' },
  'yaml-syntax': { severity: 'error' },
  'yaml-too-deep': { severity: 'error' },
} as const satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The id as a rule's; an id no rule has is a bug in the check that reported it. */
export function ruleId(id: string): RuleId {
  if (!Object.hasOwn(RULES, id)) throw new Error(`orgfit bug: unknown rule id ${id}`);
  return id as RuleId;
}

export function ruleDefinition(id: string): RuleDefinition {
  return RULES[ruleId(id)];
}

export type RulePart = 'description' | 'message' | 'hint';

/** A rule's words: its message id is `<rule>.<part>`, and a rule without them does not compile. */
export function ruleText(lang: Lang, rule: RuleId, part: RulePart, params?: Params): string {
  // The id's type is every `<rule>.<part>`; validateText takes only ids the catalog has.
  return validateText(lang, `${rule}.${part}` as const, params);
}
