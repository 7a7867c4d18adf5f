import {
  PROCEDURES,
  allParams,
  defaultParams,
  impliedBy,
  resolveProcedure,
} from '../src/procedures/registry';
import type { Params, PlanContext, ProcedureDef } from '../src/procedures/types';
import { cutChains, cutJobs } from '../src/engine/fragments';
import { makePlan, type Plan } from '../src/engine/plan';
import type { MeshData } from '../src/geometry/cut';
import { runCutChain, type CutStage } from '../src/geometry/cut-chain';
import { loadManifold, type ManifoldToplevel } from '../src/geometry/manifold-module';
import { footCase } from '../scripts/models/foot-case';
import { DEFAULT_KNEE, DEFAULT_VALGUS_KNEE, kneeCase } from '../scripts/models/knee-case';

/** One way an operation is played: its id, a label naming the choices, the parameters, the definition. */
export interface Sitting {
  readonly id: string;
  readonly label: string;
  readonly params: Params;
  readonly proc: ProcedureDef;
}

/**
 * Every operation as it can be played: its defaults, then each choice (a variant, a fixation, an
 * add-on switched on) with what it implies, one at a time; the same definition is listed once.
 */
export function everySitting(): Sitting[] {
  const sittings: Sitting[] = [];
  const seen = new Set<ProcedureDef>();
  for (const base of PROCEDURES) {
    const defaults = defaultParams(base);
    const options: [string, Params][] = [['defaults', defaults]];
    for (const def of allParams(base)) {
      if (def.kind !== 'choice') continue;
      for (const value of def.values) {
        if (value === def.default) continue;
        options.push([
          `${def.id}=${value}`,
          { ...defaults, ...impliedBy(base, def.id, value), [def.id]: value },
        ]);
      }
    }
    for (const [label, params] of options) {
      const proc = resolveProcedure(base.id, params)!;
      if (seen.has(proc)) continue;
      seen.add(proc);
      sittings.push({ id: base.id, label, params, proc });
    }
  }
  return sittings;
}

/**
 * Every operation with each parameter that changes a cut's shape at its lowest and at its highest,
 * the others at their defaults (an add-on's own parameters with the add-on switched on).
 */
export function everyCutExtreme(): Sitting[] {
  const sittings: Sitting[] = [];
  for (const base of PROCEDURES) {
    const defaults = defaultParams(base);
    let addon: Params = {};
    for (const def of allParams(base)) {
      if (base.addons?.includes(def.id)) addon = { ...impliedBy(base, def.id, '1'), [def.id]: '1' };
      if (def.kind !== 'number' || !def.recut) continue;
      for (const value of new Set([def.min, def.max])) {
        if (value === def.default) continue;
        const params = { ...defaults, ...addon, [def.id]: value };
        const label = [...Object.keys(addon).filter((id) => addon[id] === '1'), `${def.id}=${value}`].join(
          ' ',
        );
        sittings.push({ id: base.id, label, params, proc: resolveProcedure(base.id, params)! });
      }
    }
  }
  return sittings;
}

/** A sitting planned on its default patient (a DFO on the typical valgus knee), with its bones cut. */
export interface SittingCase {
  readonly plan: Plan;
  readonly posed: ReadonlyMap<string, MeshData>;
  /** Each cut part's chain of stages (fragments, volume taken), as the cut worker makes them. */
  readonly pieces: ReadonlyMap<string, readonly CutStage[]>;
}

let wasm: ManifoldToplevel | undefined;

export async function sittingCase(s: Sitting): Promise<SittingCase> {
  let ctx: PlanContext;
  let posed: Map<string, MeshData>;
  if (s.proc.region === 'foot') {
    ({ ctx, posed } = await footCase(s.params));
  } else {
    const k = await kneeCase(s.proc.treats === 'valgus' ? DEFAULT_VALGUS_KNEE : DEFAULT_KNEE);
    ctx = { landmarks: k.landmarks, params: s.params, gauge: k.gauge };
    posed = k.posed;
  }
  const plan = makePlan(s.proc, ctx);
  wasm ??= await loadManifold();
  const pieces = new Map<string, CutStage[]>();
  for (const [part, chain] of cutChains(s.proc))
    pieces.set(part, runCutChain(wasm, part, posed.get(part)!, cutJobs(chain, ctx)));
  return { plan, posed, pieces };
}
