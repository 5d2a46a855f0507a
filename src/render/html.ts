import { visible } from './text.js';

/**
 * HTML built with a tagged template that escapes by default: every interpolated value is
 * text unless it is already `SafeHtml` (made by this tag, or by `raw` for markup we wrote
 * ourselves). Arrays are joined; null, undefined and false say nothing.
 *
 * @example
 * html`<p>${'<b>'}</p>`.html; // '<p>&lt;b&gt;</p>'
 */
export interface SafeHtml {
  readonly html: string;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const isSafe = (value: unknown): value is SafeHtml => typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as SafeHtml).html === 'string';

function part(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(part).join('');
  if (isSafe(value)) return value.html;
  // Text from files is shown, never obeyed: controls and bidi overrides escaped (src/render/text.ts visible).
  return escapeHtml(visible(String(value)));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += part(value) + strings[i + 1]!;
  });
  return { html: out };
}

/** Markup that is ours (an SVG drawn by src/render/report-charts.ts), taken as it is. */
export const raw = (markup: string): SafeHtml => ({ html: markup });
