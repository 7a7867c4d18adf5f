import * as Comlink from 'comlink';
import type { CutJob } from '../geometry/cut-chain';
import type { CutWorkerApi, RenderStage } from '../geometry/cut-worker';

let worker: Worker | undefined;
let remote: Comlink.Remote<CutWorkerApi> | undefined;
const cache = new Map<string, Promise<RenderStage[]>>();
/** A few recent results per session are plenty: a slider drag revisits nearby values. */
const CACHE_SIZE = 24;

function api(): Comlink.Remote<CutWorkerApi> {
  if (!remote) {
    worker = new Worker(new URL('../geometry/cut-worker.ts', import.meta.url), { type: 'module' });
    remote = Comlink.wrap<CutWorkerApi>(worker);
  }
  return remote;
}

/** A stable key for a cut chain on a posed bone, rounded so float noise does not miss the cache. */
export function cutKey(part: string, poseKey: string, jobs: readonly CutJob[]): string {
  return `${part}|${poseKey}|${JSON.stringify(jobs, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))}`;
}

/** Cuts a bone in the worker, once per key. */
export function cutInWorker(
  key: string,
  part: string,
  positions: Float32Array,
  indices: Uint32Array,
  jobs: CutJob[],
): Promise<RenderStage[]> {
  let hit = cache.get(key);
  if (!hit) {
    const p = positions.slice();
    const i = indices.slice();
    // Copies are handed over, not cloned: the main thread keeps its own arrays.
    hit = api().cut(part, Comlink.transfer(p, [p.buffer]), Comlink.transfer(i, [i.buffer]), jobs);
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return hit;
}
