import { useEffect, useState } from 'react';
import type { RegionModel } from '../../anatomy/mesh';
import type { RenderStage } from '../../geometry/cut-worker';
import { cutChains, cutJobs } from '../../engine/fragments';
import type { Case } from '../../engine/case';
import { cutInWorker, cutKey } from '../cut-service';

/**
 * The fragments of every bone the procedure cuts, computed in the worker. Until a new result
 * arrives the previous fragments stay on screen (a re-cut never blanks the bone).
 */
export function useCutStages(
  state: Case | undefined,
  model: RegionModel | undefined,
): ReadonlyMap<string, RenderStage[]> {
  const [stages, setStages] = useState<{ proc?: string; byPart: ReadonlyMap<string, RenderStage[]> }>({
    byPart: new Map(),
  });
  useEffect(() => {
    if (!state || !model) return;
    let live = true;
    // Leaving these inputs (a slider moved on, another procedure) drops their cuts not yet begun.
    const leave = new AbortController();
    const { plan } = state;
    for (const [part, chain] of cutChains(plan.proc)) {
      const rest = model.get(part);
      const positions = state.positionsOf(part);
      if (!rest || !positions) continue;
      const jobs = cutJobs(chain, plan.ctx);
      cutInWorker(cutKey(part, state.poseKey, jobs), part, positions, rest.index, jobs, leave.signal).then(
        (result) =>
          live &&
          setStages((prev) => {
            const kept = prev.proc === plan.proc.id ? prev.byPart : new Map();
            return { proc: plan.proc.id, byPart: new Map(kept).set(part, result) };
          }),
        (error: unknown) => console.warn(`Cutting ${part} failed`, error),
      );
    }
    return () => {
      live = false;
      leave.abort();
    };
  }, [state, model]);
  return state && stages.proc === state.plan.proc.id ? stages.byPart : EMPTY;
}

const EMPTY: ReadonlyMap<string, RenderStage[]> = new Map();
