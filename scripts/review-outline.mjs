// `npm run outline`: rewrites src/core/review-outline.ts from the literature review, on a
// machine that has it (../shared/seeds/…, or $ORGFIT_REVIEW).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reviewPath } from './review-digest-lib.mjs';
import { computeOutline, outlineModule } from './review-outline-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const review = reviewPath(root);
let text;
try {
  text = readFileSync(review, 'utf8');
} catch (error) {
  if (error.code !== 'ENOENT' && error.code !== 'ENOTDIR') throw error;
  process.stderr.write(`review-outline: the review is not at ${review}; set ORGFIT_REVIEW to its path. The committed outline is unchanged.\n`);
  process.exit(2);
}
const outline = computeOutline(text);
writeFileSync(`${root}src/core/review-outline.ts`, outlineModule(outline));
for (const c of outline.chapters) process.stdout.write(`${c.chapter} ${c.title}: lines ${c.from}-${c.to}, ${c.paragraphs.length} paragraphs\n`);
