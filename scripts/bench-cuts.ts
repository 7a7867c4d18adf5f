/**
 * Benchmark figures for the cuts: each procedure's chains of cuts on the patient's posed bones (the
 * default case: a varus knee for an HTO, a valgus one for a DFO),
 * timed with the worker's own code (manifold-3d wasm) in Node, median and p95 of repeated runs.
 */
import { runCutChain } from '../src/geometry/cut-chain';
import { loadManifold, type ManifoldToplevel } from '../src/geometry/manifold-module';
import { BoneSolidCache } from '../src/geometry/cut';
import { cutChains, cutJobs } from '../src/engine/fragments';
import { PROCEDURES, defaultParams } from '../src/procedures/registry';
import type { PlanContext, ProcedureDef } from '../src/procedures/types';
import type { MeshData } from '../src/geometry/cut';
import { footCase } from './models/foot-case';
import { DEFAULT_KNEE, DEFAULT_VALGUS_KNEE, kneeCase } from './models/knee-case';
import { figure, type Figure, type Measure } from './bench';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const RUNS = 15;
/** DESIGN.md: a re-cut after a geometry-changing parameter, in the worker, ≤ 60 ms median. */
const RECUT_BUDGET_MS = 60;

export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** The procedure's default patient: its posed bones and plan context. */
export async function defaultCase(
  proc: ProcedureDef,
): Promise<{ ctx: PlanContext; posed: Map<string, MeshData> }> {
  const params = defaultParams(proc);
  if (proc.region === 'foot') return footCase(params);
  const k = await kneeCase(proc.id.startsWith('dfo') ? DEFAULT_VALGUS_KNEE : DEFAULT_KNEE);
  return { posed: k.posed, ctx: { landmarks: k.landmarks, params, gauge: k.gauge } };
}

/** Median and p95 of `RUNS` runs of every cut chain of the procedure, ms. */
function timeChains(
  wasm: ManifoldToplevel,
  proc: ProcedureDef,
  ctx: PlanContext,
  posed: Map<string, MeshData>,
  cache?: BoneSolidCache,
) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    for (const [part, chain] of cutChains(proc)) {
      const jobs = cutJobs(chain, ctx);
      runCutChain(wasm, part, posed.get(part)!, jobs, cache);
    }
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: Math.round(quantile(times, 0.5)), p95: Math.round(quantile(times, 0.95)) };
}

/**
 * Per procedure: the first cut of a newly posed bone (its manifold built from the mesh), and a
 * re-cut of the same bone after a parameter change, as the worker does it (the bone's manifold
 * kept): the latter is what DESIGN.md budgets.
 */
async function cutFigures(proc: ProcedureDef): Promise<Figure[]> {
  const wasm = await loadManifold();
  const { ctx, posed } = await defaultCase(proc);
  const first = timeChains(wasm, proc, ctx, posed);
  const cache = new BoneSolidCache();
  const again = timeChains(wasm, proc, ctx, posed, cache);
  cache.clear();
  return [
    figure(`${proc.id}: re-cut median`, again.median, 'ms', RECUT_BUDGET_MS),
    figure(`${proc.id}: re-cut p95`, again.p95, 'ms'),
    figure(`${proc.id}: first cut median`, first.median, 'ms'),
    figure(`${proc.id}: first cut p95`, first.p95, 'ms'),
  ];
}

export const cutMeasures: Measure[] = PROCEDURES.map((proc) => ({
  id: `cut-${proc.id}`,
  run: () => cutFigures(proc),
}));

/** `npm run bench:cuts`: these figures alone, in a few seconds, without a build or a browser. */
async function main(): Promise<void> {
  for (const proc of PROCEDURES)
    for (const f of await cutFigures(proc)) console.log(`${f.name}: ${f.value} ${f.unit}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
