// Temporary helper while the validator is being built: checks seeds/references.yaml
// and seeds/findings.yaml against src/schema/evidence.ts and basic integrity.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
const out = await build({ entryPoints: ['src/schema/evidence.ts'], bundle: true, write: false, format: 'esm', platform: 'node' });
const mod = await import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'));
const review = readFileSync('../shared/seeds/000_311a2c5179ff8d38.txt', 'utf8').replace(/\s+/g, ' ');
let bad = 0;
const refs = mod.ReferencesFile.safeParse(parse(readFileSync('seeds/references.yaml', 'utf8'), { uniqueKeys: true }));
if (!refs.success) { bad++; console.log('references.yaml:', JSON.stringify(refs.error.issues, null, 1)); }
const fnd = mod.FindingsFile.safeParse(parse(readFileSync('seeds/findings.yaml', 'utf8'), { uniqueKeys: true }));
if (!fnd.success) { bad++; console.log('findings.yaml:', JSON.stringify(fnd.error.issues, null, 1)); }
if (refs.success && fnd.success) {
  const keys = new Set(); for (const r of refs.data.references) { if (keys.has(r.key)) { bad++; console.log('duplicate key', r.key); } keys.add(r.key);
    for (const c of r.citedAs) if (!review.includes(c.replace(/\s+/g, ' '))) { bad++; console.log(`${r.key}: citedAs "${c}" not in review`); } }
  const used = new Set(); const ids = new Set();
  for (const f of fnd.data.findings) { if (ids.has(f.id)) { bad++; console.log('duplicate finding', f.id); } ids.add(f.id);
    for (const k of f.references) { used.add(k); if (!keys.has(k)) { bad++; console.log(`${f.id}: unknown reference ${k}`); } }
    if (f.confidence !== 'high' && !(f.downgrades?.length)) { bad++; console.log(`${f.id}: downgraded without reasons`); }
    for (const l of f.lines) { const [a, b = a] = String(l).split('-').map(Number); if (!(a >= 1 && b >= a && b <= 875)) { bad++; console.log(`${f.id}: bad lines ${l}`); } } }
  for (const k of keys) if (!used.has(k)) { bad++; console.log(`reference ${k} is cited by no finding`); }
  console.log(`${keys.size} references, ${ids.size} findings`);
}
console.log(bad ? `${bad} problem(s)` : 'ok');
process.exitCode = bad ? 1 : 0;
