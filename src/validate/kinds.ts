/** The kinds of orgfit file, by the `format:` line that names them, and how to speak of each. */
export const FORMATS = {
  model: 'orgfit/model@1',
  answers: 'orgfit/answers@1',
  references: 'orgfit/references@1',
  findings: 'orgfit/findings@1',
  criteria: 'orgfit/criteria@1',
  questions: 'orgfit/questions@1',
} as const;

export type FileKind = keyof typeof FORMATS;

export const KIND_NAMES: Record<FileKind, { nb: string; en: string }> = {
  model: { nb: 'modellfil', en: 'a model file' },
  answers: { nb: 'svarfil', en: 'an answers file' },
  references: { nb: 'referansefil', en: 'a references file' },
  findings: { nb: 'funnfil', en: 'a findings file' },
  criteria: { nb: 'kriteriefil', en: 'a criteria file' },
  questions: { nb: 'spørsmålsbank', en: 'a question bank' },
};

/** Parameters for the file-kind hint: what the expected kind of file begins with. */
export function kindHint(kind: FileKind): { kind: { nb: string; en: string }; example: string } {
  return { kind: KIND_NAMES[kind], example: FORMATS[kind] };
}

export function kindOfFormat(format: unknown): FileKind | undefined {
  return (Object.keys(FORMATS) as FileKind[]).find((kind) => FORMATS[kind] === format);
}
