/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import wasmUrl from 'manifold-3d/manifold.wasm?url';
import { BoneSolidCache } from './cut';
import { runCutChain, type CutJob } from './cut-chain';
import { toRenderFragment, type RenderFragment } from './fragment-geometry';
import { loadManifold } from './manifold-module';

/** What one cut of a chain leaves, ready to draw. */
export interface RenderStage {
  readonly cut: string;
  readonly fragments: Readonly<Record<string, RenderFragment>>;
  readonly removedVolume: number;
}

/** The bones last cut: a re-cut of the same posed bone starts from its kept manifold. */
const solids = new BoneSolidCache();

const api = {
  /** Cuts one posed bone through a procedure's chain of cuts (off the main thread). */
  async cut(
    part: string,
    positions: Float32Array,
    indices: Uint32Array,
    jobs: CutJob[],
  ): Promise<RenderStage[]> {
    const wasm = await loadManifold(wasmUrl);
    const stages = runCutChain(wasm, part, { positions, indices }, jobs, solids).map((s) => ({
      cut: s.cut,
      removedVolume: s.removedVolume,
      fragments: Object.fromEntries(Object.entries(s.fragments).map(([id, f]) => [id, toRenderFragment(f)])),
    }));
    const buffers = stages.flatMap((s) =>
      Object.values(s.fragments).flatMap((f) => [f.positions.buffer, f.normals.buffer, f.indices.buffer]),
    );
    return Comlink.transfer(stages, buffers as ArrayBuffer[]);
  },
};

export type CutWorkerApi = typeof api;
Comlink.expose(api);
