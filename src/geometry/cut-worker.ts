/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import wasmUrl from 'manifold-3d/manifold.wasm?url';
import { BoneSolidCache } from './cut';
import { runCutChain, type CutJob } from './cut-chain';
import { cutError } from './cut-errors';
import { toRenderFragment, type RenderFragment } from './fragment-geometry';
import { loadManifold, type ManifoldToplevel } from './manifold-module';

/** What one cut of a chain leaves, ready to draw. */
export interface RenderStage {
  readonly cut: string;
  readonly fragments: Readonly<Record<string, RenderFragment>>;
  readonly removedVolume: number;
}

/** The bones last cut: a re-cut of the same posed bone starts from its kept manifold. */
const solids = new BoneSolidCache();

/** Refuses a mesh the kernel would choke on (or read out of bounds), with a message that says why. */
function checkInput(part: string, positions: unknown, indices: unknown, jobs: unknown): void {
  const bad = (why: string) => cutError('input', `Cannot cut ${part}: ${why}`);
  if (!(positions instanceof Float32Array) || positions.length === 0 || positions.length % 3 !== 0)
    throw bad('vertex positions are not triples of numbers');
  if (!(indices instanceof Uint32Array) || indices.length === 0 || indices.length % 3 !== 0)
    throw bad('triangle indices are not triples');
  if (!Array.isArray(jobs)) throw bad('no list of cuts');
  for (const x of positions) if (!Number.isFinite(x)) throw bad('a vertex is not a finite number');
  const vertices = positions.length / 3;
  for (const i of indices) if (i >= vertices) throw bad(`a triangle names vertex ${i} of ${vertices}`);
}

async function kernel(): Promise<ManifoldToplevel> {
  try {
    return await loadManifold(wasmUrl);
  } catch (error) {
    // The module keeps its failed load: only a new worker can try again.
    throw cutError('engine', 'The geometry kernel could not be loaded', error);
  }
}

const api = {
  /** Cuts one posed bone through a procedure's chain of cuts (off the main thread). */
  async cut(
    part: string,
    positions: Float32Array,
    indices: Uint32Array,
    jobs: CutJob[],
  ): Promise<RenderStage[]> {
    checkInput(part, positions, indices, jobs);
    const wasm = await kernel();
    let stages: RenderStage[];
    try {
      stages = runCutChain(wasm, part, { positions, indices }, jobs, solids).map((s) => ({
        cut: s.cut,
        removedVolume: s.removedVolume,
        fragments: Object.fromEntries(
          Object.entries(s.fragments).map(([id, f]) => [id, toRenderFragment(f)]),
        ),
      }));
    } catch (error) {
      // A trap or an abort leaves the wasm heap in an unknown state: this worker is not to be reused.
      if (error instanceof WebAssembly.RuntimeError)
        throw cutError('engine', `The geometry kernel failed cutting ${part}`, error);
      throw error;
    }
    const buffers = stages.flatMap((s) =>
      Object.values(s.fragments).flatMap((f) => [f.positions.buffer, f.normals.buffer, f.indices.buffer]),
    );
    return Comlink.transfer(stages, buffers as ArrayBuffer[]);
  },

  /**
   * Holds a Web Lock named `name` for the worker's whole life. The browser releases it when the
   * worker ends in any way (crash, out of memory, closed), which is how the page learns that a cut
   * it is waiting for will never come back. Resolves once the lock is held.
   */
  hold(name: string): Promise<void> {
    return new Promise<void>((held) => {
      void navigator.locks.request(name, () => {
        held();
        return new Promise<never>(() => undefined);
      });
    });
  },
};

export type CutWorkerApi = typeof api;
Comlink.expose(api);
