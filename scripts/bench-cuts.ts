/**
 * Benchmark figures for the cuts: each foot procedure's chain of cuts on the patient's posed bone,
 * timed with the worker's own code (manifold-3d wasm) in Node, median and p95 of repeated runs.
 */
import { runCutChain, type CutJob } from '../src/geometry/cut-chain';
import { loadManifold } from '../src/geometry/manifold-module';
import { cutChains } from '../src/engine/fragments';
import { PROCEDURES, defaultParams } from '../src/procedures/registry';
import { footCase } from './models/foot-case';
import { figure, type Measure } from './bench';

const RUNS = 15;
/** DESIGN.md: a re-cut after a geometry-changing parameter, in the worker, ≤ 60 ms median. */
const RECUT_BUDGET_MS = 60;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export const cutMeasures: Measure[] = PROCEDURES.filter((p) => p.region === 'foot').map((proc) => ({
  id: `cut-${proc.id}`,
  async run() {
    const wasm = await loadManifold();
    const { ctx, posed } = await footCase(defaultParams(proc));
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      for (const [part, chain] of cutChains(proc)) {
        const jobs: CutJob[] = chain.map((c) => ({
          id: c.id,
          bone: c.bone,
          cutter: c.cutter(ctx),
          fragments: c.fragments.map((f) => ({ id: f.id, probe: f.probe(ctx) })),
        }));
        runCutChain(wasm, part, posed.get(part)!, jobs);
      }
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return [
      figure(`${proc.id}: cut median`, Math.round(quantile(times, 0.5)), 'ms', RECUT_BUDGET_MS),
      figure(`${proc.id}: cut p95`, Math.round(quantile(times, 0.95)), 'ms'),
    ];
  },
}));
