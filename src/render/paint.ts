/** Colouring injected into a renderer: the CLI passes chalk's, tests and files get `plain`. */
export interface Painter {
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
  green(s: string): string;
}

const identity = (s: string): string => s;
export const plain: Painter = { red: identity, yellow: identity, dim: identity, bold: identity, underline: identity, green: identity };
