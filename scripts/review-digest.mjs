// `npm run digest`: rewrites test/fixtures/review-digest.json from the literature review and
// seeds/references.yaml. Run it after changing a reference's citations, authors, year, lines
// or title, on a machine that has the review (../shared/seeds/…, or $ORGFIT_REVIEW).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { computeDigest, DIGEST_FILE, reviewPath, serialiseDigest } from './review-digest-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const review = reviewPath(root);

let reviewText;
try {
  reviewText = readFileSync(review, 'utf8');
} catch (error) {
  if (error.code !== 'ENOENT' && error.code !== 'ENOTDIR') throw error;
  process.stderr.write(
    `review-digest: the review is not at ${review}\n` +
      'The digest can only be made from the review itself: put it at ../shared/seeds/000_311a2c5179ff8d38.txt ' +
      'beside the repository, or set ORGFIT_REVIEW to its path. The committed digest is unchanged.\n',
  );
  process.exit(2);
}

// The raw file, not the validated knowledge base: this script must run without a build.
// A reference the schema would reject makes `npm test` fail anyway.
const { references } = parse(readFileSync(`${root}seeds/references.yaml`, 'utf8'));
const digest = computeDigest(reviewText, references);
writeFileSync(`${root}${DIGEST_FILE}`, serialiseDigest(digest));
process.stdout.write(
  `review-digest: wrote ${DIGEST_FILE} (${Object.keys(digest.references).length} references, ` +
    `${Object.keys(digest.lineChecksums).length} of ${digest.review.lines} lines checksummed)\n`,
);
