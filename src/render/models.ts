import type { Bilingual, Lang } from '../i18n/lang.js';
import type { LineRef, Model } from '../schema/index.js';
import { reviewLines, wrap } from './sources.js';
import { visibleAll } from './text-safety.js';

/** A model as `orgfit models` lists it, marked built-in or the user's own. */
export interface ListedModel {
  model: Model;
  builtIn: boolean;
}

export interface ModelsOptions {
  lang: Lang;
  /** Table width in columns (default 80). */
  width?: number;
}

export interface ModelsJson {
  format: 'orgfit/models@1';
  models: {
    id: string;
    name: Bilingual;
    summary: Bilingual;
    builtIn: boolean;
    lines: LineRef[];
    findings: string[];
    criteria: Record<string, { value: number; spread: number }>;
    adjustments: string[];
    preconditions: string[];
  }[];
}

const L = {
  id: { nb: 'Id', en: 'Id' },
  name: { nb: 'Navn', en: 'Name' },
  adjustments: { nb: 'Just.', en: 'Adj.' },
  preconditions: { nb: 'Krav', en: 'Pre.' },
  source: { nb: 'Kilde', en: 'Source' },
  builtIn: { nb: 'innebygd', en: 'built-in' },
  own: { nb: 'egen', en: 'yours' },
  none: {
    nb: 'Ingen modeller. Legg modellfiler i models/, eller bruk --models MAPPE for egne.',
    en: 'No models. Add model files to models/, or use --models DIR for your own.',
  },
  legend: {
    nb: 'Just. = justeringer etter kommunens svar. Krav = forutsetninger modellen må ha oppfylt.\nLinjene er der litteraturstudien drøfter modellen. Mer: orgfit explain MODELL SVARFIL',
    en: 'Adj. = adjustments to the municipality’s answers. Pre. = preconditions the model needs.\nThe lines are where the review discusses the model. More: orgfit explain MODEL ANSWERS',
  },
} as const;

/** The models as a table that fits `width` columns; long names and line lists wrap within their column. */
export function renderModelsTable(unsafe: readonly ListedModel[], options: ModelsOptions): string {
  const { lang } = options;
  const models = unsafe.map(({ model, builtIn }) => ({ model: visibleAll(model), builtIn }));
  const width = options.width ?? 80;
  if (models.length === 0) return `${L.none[lang]}\n`;

  const rows = models.map(({ model, builtIn }) => ({
    id: model.id,
    name: model.name[lang],
    adjustments: String(model.adjustments?.length ?? 0),
    preconditions: String(model.preconditions?.length ?? 0),
    lines: reviewLines(model.lines, lang),
    source: (builtIn ? L.builtIn : L.own)[lang],
  }));
  const head = {
    id: L.id[lang],
    name: L.name[lang],
    adjustments: L.adjustments[lang],
    preconditions: L.preconditions[lang],
    source: L.source[lang],
  };
  type Key = keyof typeof head;
  type Row = Record<Key, string> & { lines?: string };
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
    row.lines ? [...wrap(row.name, nameWidth), ...wrap(row.lines, nameWidth)] : [row.name],
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
        return right[c] ? text.padStart(widths[c]!) : text.padEnd(widths[c]!);
      });
      out.push(parts.join(' '.repeat(gap)).trimEnd());
    }
    return out;
  };
  const rule = widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap));
  return [...format(head), rule, ...rows.flatMap((row, i) => [...(i > 0 ? [''] : []), ...format(row)]), '', ...L.legend[lang].split('\n').flatMap((line) => wrap(line, width)), ''].join('\n');
}

export function modelsJson(models: readonly ListedModel[]): ModelsJson {
  return {
    format: 'orgfit/models@1',
    models: models.map(({ model, builtIn }) => ({
      id: model.id,
      name: { nb: model.name.nb, en: model.name.en },
      summary: { nb: model.summary.nb, en: model.summary.en },
      builtIn,
      lines: [...model.lines],
      findings: [...model.findings],
      criteria: Object.fromEntries(Object.entries(model.performance).map(([id, p]) => [id, { value: p.value, spread: p.spread }])),
      adjustments: (model.adjustments ?? []).map((a) => a.id),
      preconditions: (model.preconditions ?? []).map((p) => p.id),
    })),
  };
}

export function renderModelsJson(models: readonly ListedModel[]): string {
  return JSON.stringify(modelsJson(models), null, 2) + '\n';
}
