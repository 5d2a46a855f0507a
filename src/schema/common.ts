import * as z from 'zod/mini';

/** The `format:` line of each kind of orgfit file: written once, read by the schemas and the kind table. */
export const FILE_FORMATS = {
  model: 'orgfit/model@1',
  answers: 'orgfit/answers@1',
  references: 'orgfit/references@1',
  findings: 'orgfit/findings@1',
  criteria: 'orgfit/criteria@1',
  questions: 'orgfit/questions@1',
} as const;

/** Kebab-case identifier shared by every id and key in the knowledge base. */
export const Id = z.string().check(
  z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case: lower-case letters, digits and single hyphens'),
  z.maxLength(80),
);

/** Every text a user sees exists in bokmål (nb) and English (en). */
export const Text = z.strictObject({
  nb: z.string().check(z.minLength(1), z.maxLength(4000)),
  en: z.string().check(z.minLength(1), z.maxLength(4000)),
});
export type Text = z.infer<typeof Text>;

/**
 * Lines of the review, 1-based: a single line (`333`) or an inclusive range (`"330-349"`).
 * The review is not in this repository: it lives beside it, at
 * ../shared/seeds/000_311a2c5179ff8d38.txt, and in tests where it is absent the committed
 * digest test/fixtures/review-digest.json (`npm run digest`) stands in for it.
 */
export const LineRef = z.union([
  z.int().check(z.positive()),
  z.string().check(z.regex(/^\d+-\d+$/, 'a range of review lines, like "330-349"')),
]);
export const Lines = z.array(LineRef).check(z.minLength(1));
export type LineRef = z.infer<typeof LineRef>;

export const Origin = z.enum(['norway', 'nordic', 'elsewhere', 'mixed', 'unknown']);
export type Origin = z.infer<typeof Origin>;
