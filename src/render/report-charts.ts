import { html, type SafeHtml } from './html.js';

/*
 * The report's charts, drawn as SVG by hand: every scale is fixed (scores 0–100, shares
 * 0–100 %), so no chart library is needed. Labels live in the HTML table around each
 * chart, so no text has to be measured. Colours come from sequential palettes that keep
 * their order in greyscale and for the common forms of colour blindness (viridis; ColorBrewer
 * Blues), and every mark has a text equivalent in its table cell or its <title>.
 */

/** Viridis from dark to light: place 1 darkest, so the order reads in greyscale too. */
export const PLACES = ['#440154', '#3b528b', '#21918c', '#5ec962', '#b5de2b', '#fde725', '#e8e8e8', '#f6f6f6'];
/** ColorBrewer Blues (5 classes), light to dark: the heat map's cells. */
export const BLUES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];

const W = 240;
const H = 20;
const PAD = 6;
const x = (score: number) => PAD + (Math.min(100, Math.max(0, score)) / 100) * (W - 2 * PAD);
const n = (v: number) => Number(v.toFixed(1));

function axis(): SafeHtml {
  const ticks = [0, 25, 50, 75, 100].map((t) => html`<line x1="${n(x(t))}" x2="${n(x(t))}" y1="2" y2="${H - 2}" class="${t === 50 ? 'mid' : 'tick'}"/>`);
  return html`<line x1="${PAD}" x2="${W - PAD}" y1="${H / 2}" y2="${H / 2}" class="base"/>${ticks}`;
}

/** One model's score as a dot on its 80 % interval, over a 0–100 axis with neutral (50) marked. */
export function intervalChart(score: number, interval: readonly [number, number], label: string): SafeHtml {
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${label}"><title>${label}</title>${axis()}<line x1="${n(x(interval[0]))}" x2="${n(x(interval[1]))}" y1="${H / 2}" y2="${H / 2}" class="interval"/><circle cx="${n(x(score))}" cy="${H / 2}" r="4.5" class="dot"/></svg>`;
}

/** The 0–100 scale under a column of interval charts. */
export function scaleChart(): SafeHtml {
  const labels = [0, 25, 50, 75, 100].map((t) => html`<text x="${n(x(t))}" y="11" text-anchor="middle">${t}</text>`);
  return html`<svg class="chart scale" viewBox="0 0 ${W} 14" width="${W}" height="14" aria-hidden="true">${labels}</svg>`;
}

/** A 100 % stacked bar: the share of the plausible cases in which the model takes each place, labelled where a segment is wide enough. */
export function stackedBar(shares: readonly number[], labels: readonly string[], title: string): SafeHtml {
  let at = 0;
  const width = 360;
  const segments = shares.map((share, i) => {
    const w = share * width;
    const seg = html`<rect x="${n(at)}" y="0" width="${n(w)}" height="${H}" fill="${PLACES[i % PLACES.length]}"><title>${labels[i]}</title></rect>${share >= 0.1 ? html`<text x="${n(at + w / 2)}" y="14" text-anchor="middle" class="${i < 3 ? 'on-dark' : 'on-light'}">${labels[i]!.split(' ').pop()}</text>` : ''}`;
    at += w;
    return seg;
  });
  return html`<svg class="chart" viewBox="0 0 ${width} ${H}" width="${width}" height="${H}" role="img" aria-label="${title}"><title>${title}</title>${segments}</svg>`;
}

/** Before (hollow) and after (filled) on the 0–100 axis, joined: a dumbbell. */
export function dumbbell(before: number, after: number, label: string): SafeHtml {
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${label}"><title>${label}</title>${axis()}<line x1="${n(x(before))}" x2="${n(x(after))}" y1="${H / 2}" y2="${H / 2}" class="interval"/><circle cx="${n(x(before))}" cy="${H / 2}" r="4.5" class="before"/><circle cx="${n(x(after))}" cy="${H / 2}" r="4.5" class="dot"/></svg>`;
}

/** The heat map's class for a performance (0–100): five steps around neutral 50. */
export function heatClass(performance: number): string {
  const step = performance < 40 ? 0 : performance < 48 ? 1 : performance <= 52 ? 2 : performance <= 60 ? 3 : 4;
  return `heat${step}`;
}
