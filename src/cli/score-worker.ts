import { parentPort, workerData } from 'node:worker_threads';
import { compileEngine } from '../core/engine.js';
import { scoreMunicipality } from '../core/pipeline.js';
import { scoredFile } from '../core/summary.js';
import { plain } from '../render/paint.js';
import renderers from '../render/registry/score.js';
import { builtinKb } from './kb.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './parallel.js';

// One scoring worker thread (./parallel.ts starts it; scripts/build.mjs bundles it as
// dist/score-worker.js): it compiles the engine once, from the built-in knowledge base and
// the user's models it was given, and then scores the chunks of files it is sent, one at a
// time, answering each with the results or their rendered parts. An error is sent back
// (the command reports it as an internal error); anything that escapes ends the thread,
// which the pool notices too.
const { options, models, render } = workerData as WorkerSetup;
const kb = builtinKb(options.lang);
const engine = compileEngine(kb, [...kb.models, ...models]);
// The streamed formats read only their dialect of the render options; the rest is there for the type.
const renderer = render ? (await renderers[render.format]()).stream?.({ lang: options.lang, paint: plain, width: 80, ...render.dialect }) : undefined;
const port = parentPort!;

port.on('message', ({ start, total, files }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = {
      out: files.map((file, i) => {
        const result = scoreMunicipality(engine, file.value, { ...options, source: file.path });
        return renderer ? renderer.item(scoredFile(result), start + i, total) : result;
      }),
    };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { error: { message: e.message, ...(e.stack ? { stack: e.stack } : {}) } };
  }
  port.postMessage(reply);
});
