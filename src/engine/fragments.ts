import { rootPart } from './post-op';
import type { CutJob } from '../geometry/cut-chain';
import type { CutDef, PlanContext, ProcedureDef } from '../procedures/types';

const chainsOf = new WeakMap<ProcedureDef, Map<string, ProcedureDef['cuts'][number][]>>();

/** The cuts of a procedure grouped by the part they end up cutting, in order (worked out once per definition). */
export function cutChains(proc: ProcedureDef): Map<string, ProcedureDef['cuts'][number][]> {
  const known = chainsOf.get(proc);
  if (known) return known;
  const chains = new Map<string, ProcedureDef['cuts'][number][]>();
  chainsOf.set(proc, chains);
  for (const cut of proc.cuts) {
    const part = rootPart(proc, cut.bone);
    chains.set(part, [...(chains.get(part) ?? []), cut]);
  }
  return chains;
}

/**
 * Which fragments of a part are on show once `made` cuts of its chain are done, as
 * `stage#fragment` keys: each cut replaces the piece it cuts with the pieces it leaves.
 */
export function visibleFragments(
  chain: readonly { readonly bone: string }[],
  stageFragments: readonly (readonly string[])[],
  made: number,
): Set<string> {
  const current = new Map<string, string>();
  for (let i = 0; i < made && i < stageFragments.length; i++) {
    current.delete(chain[i]!.bone);
    for (const id of stageFragments[i]!) current.set(id, `${i}#${id}`);
  }
  return new Set(current.values());
}

/** Cuts as the worker takes them: cutters and fragment probes placed on this patient. */
export function cutJobs(cuts: readonly CutDef[], ctx: PlanContext): CutJob[] {
  return cuts.map((c) => ({
    id: c.id,
    bone: c.bone,
    cutter: c.cutter(ctx),
    ...(c.keepsInside ? { keepsInside: true } : {}),
    fragments: c.fragments.map((f) => ({ id: f.id, probe: f.probe(ctx) })),
  }));
}
