/**
 * The bone models' reader, a worker (model-worker.ts). The page's first script starts it, so its
 * code (three.js's glTF loader) is fetched and evaluated beside the page's own, not before the first
 * view on the page's thread, and a model is read there while the page renders.
 */
import type { RegionModel } from '../anatomy/mesh';
import type { ModelAnswer, ModelRequest } from './model-worker';

type Waiting = { readonly resolve: (model: RegionModel) => void; readonly reject: (error: Error) => void };

let worker: Worker | undefined;
const waiting = new Map<number, Waiting>();
let nextId = 0;

/** Every read under way fails, and the next read starts a new worker (a "try again" works). */
function giveUp(from: Worker, why: string): void {
  if (worker !== from) return;
  worker = undefined;
  from.terminate();
  for (const read of waiting.values()) read.reject(new Error(why));
  waiting.clear();
}

/** Starts the reader if it is not running. */
export function startModelReader(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./model-worker.ts', import.meta.url), { type: 'module' });
  started.addEventListener('message', (event: MessageEvent<ModelAnswer>) => {
    const answer = event.data;
    const read = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (!read) return;
    if ('model' in answer) read.resolve(answer.model);
    else read.reject(new Error(answer.error));
  });
  // Its code could not be fetched (the network went) or did not start.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    giveUp(started, 'The model reader could not start');
  });
  return (worker = started);
}

/**
 * A model file's bytes (handed over) read into the region's baked model; rejects with the reason
 * when the file is damaged or the reader cannot run.
 */
export function readModel(url: string, bytes: ArrayBuffer): Promise<RegionModel> {
  const reader = startModelReader();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    reader.postMessage({ id, url, bytes } satisfies ModelRequest, [bytes]);
  });
}
