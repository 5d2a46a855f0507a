/**
 * The folders of src/ in layers, lowest first. A module may import from its own
 * layer's folders and from lower layers, never from a higher one, and the folders
 * must not import each other in a cycle. The core stays pure on top of this
 * (./purity.test.ts).
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['i18n', 'errors.ts', 'io.ts', 'paths.ts'],
  ['schema'],
  ['core'],
  ['load'],
  ['validate'],
  ['render'],
  ['questionnaire'],
  ['cli', 'cli.ts'],
  ['build'],
];

/** The folder (or top-level file) of src/ that a repo-relative path belongs to. */
export function unitOf(path: string): string {
  const rest = path.replace(/^src\//, '');
  const slash = rest.indexOf('/');
  return slash < 0 ? rest : rest.slice(0, slash);
}

export function layerOf(unit: string): number {
  const layer = LAYERS.findIndex((units) => units.includes(unit));
  if (layer < 0) throw new Error(`src/${unit} is in no layer: add it to LAYERS in test/architecture/folder-rules.ts`);
  return layer;
}

export interface Violation {
  from: string;
  to: string;
  why: 'upward' | 'cycle';
}

/** Upward imports and cycles between folders, given every import as [from file, to file] (repo-relative). */
export function violations(imports: readonly (readonly [string, string])[]): Violation[] {
  const found: Violation[] = [];
  const edges = new Map<string, Set<string>>();
  for (const [from, to] of imports) {
    const a = unitOf(from);
    const b = unitOf(to);
    if (a === b) continue;
    if (layerOf(b) > layerOf(a)) found.push({ from, to, why: 'upward' });
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a)!.add(b);
  }
  // A cycle between folders of one layer: a depth-first search over the folder graph.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (unit: string, trail: string[]): void => {
    if (state.get(unit) === 'done') return;
    if (state.get(unit) === 'open') {
      const cycle = trail.slice(trail.indexOf(unit));
      found.push({ from: cycle.join(' → '), to: unit, why: 'cycle' });
      return;
    }
    state.set(unit, 'open');
    for (const next of [...(edges.get(unit) ?? [])].sort()) visit(next, [...trail, unit]);
    state.set(unit, 'done');
  };
  for (const unit of [...edges.keys()].sort()) visit(unit, []);
  return found;
}
