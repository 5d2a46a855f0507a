import { kbText } from '../i18n/kb.js';
import type { LineRef, Model, Text } from '../schema/index.js';
import { reviewLines } from './sources.js';
import type { RenderOptions } from './renderer.js';
import { jsonText, pad, padStart, visible, wrap } from './text.js';

/** A model as `orgfit models` lists it, marked built-in or the user's own. */
export interface ListedModel {
  model: Model;
  builtIn: boolean;
}

export interface ModelsJson {
  format: 'orgfit/models@1';
  models: {
    id: string;
    name: Text;
    summary: Text;
    builtIn: boolean;
    /** organisation: ranked; frame: never ranked, the organisations are scored within it. */
    kind: 'organisation' | 'frame';
    lines: LineRef[];
    findings: string[];
    criteria: Record<string, { value: number }>;
    adjustments: string[];
    preconditions: string[];
  }[];
}

/** The models as a table that fits `width` columns; long names and line lists wrap within their column. */
export function renderModelsTable(models: readonly ListedModel[], { lang, width }: RenderOptions): string {
  if (models.length === 0) return `${kbText(lang, 'models-none')}\n`;

  const rows = models.map(({ model, builtIn }) => ({
    id: model.id,
    name: visible(model.name[lang]),
    frame: model.kind === 'frame',
    adjustments: String(model.adjustments?.length ?? 0),
    preconditions: String(model.preconditions?.length ?? 0),
    lines: reviewLines(model.lines, lang),
    source: kbText(lang, builtIn ? 'models-built-in' : 'models-own'),
  }));
  const head = {
    id: kbText(lang, 'models-id'),
    name: kbText(lang, 'models-name'),
    adjustments: kbText(lang, 'models-adjustments'),
    preconditions: kbText(lang, 'models-preconditions'),
    source: kbText(lang, 'models-source'),
  };
  type Key = keyof typeof head;
  type Row = Record<Key, string> & { lines?: string; frame?: boolean };
  const widest = (key: Key) => Math.max(head[key].length, ...rows.map((row) => row[key].length));
  const fixed: Record<Exclude<Key, 'name'>, number> = {
    id: widest('id'),
    adjustments: widest('adjustments'),
    preconditions: widest('preconditions'),
    source: widest('source'),
  };
  const gap = 2;
  const free = width - (fixed.id + fixed.adjustments + fixed.preconditions + fixed.source) - gap * 4;
  const nameWidth = Math.max(16, free);

  const cells = (row: Row): string[][] => [
    [row.id],
    row.lines ? [...wrap(row.name, nameWidth), ...(row.frame ? wrap(kbText(lang, 'models-frame'), nameWidth) : []), ...wrap(row.lines, nameWidth)] : [row.name],
    [row.adjustments],
    [row.preconditions],
    [row.source],
  ];
  const widths = [fixed.id, nameWidth, fixed.adjustments, fixed.preconditions, fixed.source];
  const right = [false, false, true, true, false];
  const format = (row: Row): string[] => {
    const columns = cells(row);
    const height = Math.max(...columns.map((c) => c.length));
    const out: string[] = [];
    for (let i = 0; i < height; i++) {
      const parts = columns.map((column, c) => {
        const text = column[i] ?? '';
        return right[c] ? padStart(text, widths[c]!) : pad(text, widths[c]!);
      });
      out.push(parts.join(' '.repeat(gap)).trimEnd());
    }
    return out;
  };
  const rule = widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap));
  return [...format(head), rule, ...rows.flatMap((row, i) => [...(i > 0 ? [''] : []), ...format(row)]), '', ...wrap(kbText(lang, 'models-legend'), width), ...(rows.some((row) => row.frame) ? wrap(kbText(lang, 'models-frame-legend'), width) : []), ''].join('\n');
}

function modelsJson(models: readonly ListedModel[]): ModelsJson {
  return {
    format: 'orgfit/models@1',
    models: models.map(({ model, builtIn }) => ({
      id: model.id,
      name: { nb: model.name.nb, en: model.name.en },
      summary: { nb: model.summary.nb, en: model.summary.en },
      builtIn,
      kind: model.kind ?? 'organisation',
      lines: [...model.lines],
      findings: [...model.findings],
      criteria: Object.fromEntries(Object.entries(model.performance).map(([id, p]) => [id, { value: p.value }])),
      adjustments: (model.adjustments ?? []).map((a) => a.id),
      preconditions: (model.preconditions ?? []).map((p) => p.id),
    })),
  };
}

export function renderModelsJson(models: readonly ListedModel[]): string {
  return jsonText(modelsJson(models));
}
