export interface OutlineChapterWithTitle {
  chapter: number;
  from: number;
  to: number;
  title: string;
  paragraphs: number[];
}
export function computeOutline(text: string): { lines: number; chapters: OutlineChapterWithTitle[] };
export function outlineModule(outline: { lines: number; chapters: OutlineChapterWithTitle[] }): string;
