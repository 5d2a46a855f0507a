import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileSafely } from '../load/write.js';
import { checkedModels } from '../load/built-models.js';
import type { SourceFile } from '../load/source.js';
import { loadKnowledgeBase } from '../validate/knowledge-base.js';
import { plain } from '../render/paint.js';
import { textReport } from '../render/validation.js';
import { summarise } from '../validate/problem.js';
import { jsonSchemaOf, SCHEMA_KINDS } from '../schema/json-schema.js';

const source = (root: string, path: string): SourceFile => ({ path, bytes: readFileSync(join(root, path)) });

/** Reads the knowledge base files of a checkout (seeds/ and models/). */
export function kbSources(root: string) {
  const models = readdirSync(join(root, 'models'))
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => source(root, `models/${name}`));
  return {
    references: source(root, 'seeds/references.yaml'),
    findings: source(root, 'seeds/findings.yaml'),
    criteria: source(root, 'seeds/criteria.yaml'),
    questions: source(root, 'seeds/questions.yaml'),
    models,
  };
}

/**
 * Validates the whole knowledge base and compiles it into dist/kb.json.
 * Returns the exit code: 1 (and every problem printed) when any file has an error.
 */
export async function compileKb(root: string, outdir: string, write: (text: string) => void): Promise<number> {
  const sources = kbSources(root);
  const { kb, results } = loadKnowledgeBase(sources, 'en');
  const report = summarise(results);
  if (report.errorCount > 0 || report.warningCount > 0) {
    write(textReport({ ...report, files: results.filter((r) => r.problems.length > 0) }, { lang: 'en', paint: plain, width: 80, toolVersion: 'build' }));
  }
  if (!kb) return 1;
  mkdirSync(outdir, { recursive: true });
  await writeFileSafely(join(outdir, 'kb.json'), JSON.stringify(kb), { overwrite: true });
  // `orgfit validate` of the built-in models, byte for byte these files, can then say what
  // the build found without parsing them again (same build: same rules, same knowledge base).
  const models = results.filter((result) => result.kind === 'model');
  if (models.length === sources.models.length && models.every((result) => result.problems.length === 0)) {
    const record = checkedModels(sources.models.map((model) => ({ name: model.path.slice('models/'.length), bytes: model.bytes })));
    await writeFileSafely(join(outdir, 'builtin-models.json'), JSON.stringify(record), { overwrite: true });
  }
  return 0;
}

/** Writes the published JSON Schema files (schema/*.schema.json) from the zod schemas. */
export async function writeSchemas(root: string): Promise<void> {
  mkdirSync(join(root, 'schema'), { recursive: true });
  for (const kind of SCHEMA_KINDS) {
    await writeFileSafely(join(root, 'schema', `${kind}.schema.json`), JSON.stringify(jsonSchemaOf(kind), null, 2) + '\n', { overwrite: true });
  }
}
