/**
 * Reads bone models off the page's main thread: the glTF parser (three.js's loader and meshopt's
 * decoder) is loaded and run here, so the first view's script and its frame wait for neither.
 * Each request is a file's bytes; the answer is the baked model, its arrays handed over, or why the
 * file is damaged.
 */
import type { RegionModel } from '../anatomy/mesh';
import { parseRegionModel } from './load-region-model';

export type ModelRequest = { readonly id: number; readonly url: string; readonly bytes: ArrayBuffer };
export type ModelAnswer =
  { readonly id: number; readonly model: RegionModel } | { readonly id: number; readonly error: string };

function buffersOf(model: RegionModel): ArrayBufferLike[] {
  return [...model.values()].flatMap((part) => [
    part.positions.buffer,
    part.normals.buffer,
    part.index.buffer,
  ]);
}

self.addEventListener('message', (event: MessageEvent<ModelRequest>) => {
  const { id, url, bytes } = event.data;
  parseRegionModel(url, bytes).then(
    (model) =>
      postMessage({ id, model } satisfies ModelAnswer, { transfer: buffersOf(model) as Transferable[] }),
    (error: unknown) =>
      postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies ModelAnswer),
  );
});
