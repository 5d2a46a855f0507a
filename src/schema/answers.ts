import * as z from 'zod/mini';
import { FILE_FORMATS } from './common.js';

export const DONT_KNOW = 'dont-know';

/** The roles a respondent may answer in (the questionnaire asks it first). */
export const ROLES = ['leader', 'frontline', 'user-representative', 'politician', 'consultant'] as const;
export type Role = (typeof ROLES)[number];

export const AnswerValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** What a municipality answered; each value is checked against the question bank. */
export const AnswersFile = z.strictObject({
  $schema: z.optional(z.string()),
  format: z.literal(FILE_FORMATS.answers),
  municipality: z.string().check(z.minLength(1), z.maxLength(200)),
  /** A name for this scenario when one municipality is scored several ways. */
  scenario: z.optional(z.string().check(z.maxLength(200))),
  /** Who answered, as the questionnaire asks it; informational only. */
  respondent: z.optional(z.strictObject({ role: z.enum(ROLES) })),
  /** ISO date the answers were given; informational only. */
  date: z.optional(z.string()),
  /** Keys are question ids; unknown ones are reported by the semantic check, with a suggestion. */
  answers: z.record(z.string(), z.nullable(AnswerValue)),
});
export type AnswersFile = z.infer<typeof AnswersFile>;
