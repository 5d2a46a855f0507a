import type { Lang } from '../i18n/lang.js';
import type { Io, OutStream } from '../io.js';
import type { RenderOptions } from '../render/renderer.js';
import { painter, useColor } from './color.js';

/**
 * What a renderer is told when its output goes to `stream`: the reader's language,
 * colour when that stream is a terminal that wants it (see useColor), and the width the
 * command lays its output out in.
 */
export async function renderOptions(stream: OutStream, io: Io, lang: Lang, colorFlag: boolean | undefined, width: number): Promise<RenderOptions> {
  return { lang, paint: await painter(useColor(stream, io.env, colorFlag)), width };
}
