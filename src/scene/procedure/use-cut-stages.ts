import { useEffect, useMemo, useState } from 'react';
import type { RegionModel } from '../../anatomy/mesh';
import type { RenderStage } from '../../geometry/cut-worker';
import type { CutJob } from '../../geometry/cut-chain';
import { cutChains, cutJobs } from '../../engine/fragments';
import type { Case } from '../../engine/case';
import { cutsSettled, type MadeCuts } from '../../state/readiness';
import { cutInWorker, cutKey } from '../cut-service';

/** One bone's cut as the case asks it: the worker's cache key, the posed bone and the jobs. */
interface AskedCut {
  readonly key: string;
  readonly positions: Float32Array;
  readonly index: Uint32Array;
  readonly jobs: CutJob[];
}

/**
 * The cuts a case asks of the worker, by part: each keyed by the posed bone and the cut's shape,
 * so a parameter that re-cuts (a wedge's angle) asks a new one and one that only moves fragments
 * does not. Parts the model lacks are left out (nothing to cut).
 */
export function askedCuts(state: Case | undefined, model: RegionModel | undefined): Map<string, AskedCut> {
  const asked = new Map<string, AskedCut>();
  if (!state || !model) return asked;
  for (const [part, chain] of cutChains(state.plan.proc)) {
    const rest = model.get(part);
    const positions = state.positionsOf(part);
    if (!rest || !positions) continue;
    const jobs = cutJobs(chain, state.plan.ctx);
    asked.set(part, { key: cutKey(part, state.poseKey, jobs), positions, index: rest.index, jobs });
  }
  return asked;
}

/** What a view has of its cut bones: the fragments on screen, and whether they are the ones asked now. */
export interface CutStages {
  readonly byPart: ReadonlyMap<string, RenderStage[]>;
  readonly settled: boolean;
}

/**
 * The fragments of every bone the procedure cuts, computed in the worker. Until a new result
 * arrives the previous fragments stay on screen (a re-cut never blanks the bone), but they are not
 * settled: each part's fragments count only for the cut they were made for.
 */
export function useCutStages(state: Case | undefined, model: RegionModel | undefined): CutStages {
  const [made, setMade] = useState<{ proc?: string; cuts: MadeCuts<RenderStage[]> }>({ cuts: new Map() });
  const asked = useMemo(() => askedCuts(state, model), [state, model]);
  useEffect(() => {
    if (!state) return;
    let live = true;
    // Leaving these inputs (a slider moved on, another procedure) drops their cuts not yet begun.
    const leave = new AbortController();
    const proc = state.plan.proc.id;
    for (const [part, cut] of asked)
      cutInWorker(cut.key, part, cut.positions, cut.index, cut.jobs, leave.signal).then(
        (stages) =>
          live &&
          setMade((prev) => {
            const kept = prev.proc === proc ? prev.cuts : new Map();
            return { proc, cuts: new Map(kept).set(part, { key: cut.key, stages }) };
          }),
        (error: unknown) => console.warn(`Cutting ${part} failed`, error),
      );
    return () => {
      live = false;
      leave.abort();
    };
  }, [state, asked]);
  return useMemo(() => {
    // Another procedure's fragments are never shown, nor counted.
    const cuts = state && made.proc === state.plan.proc.id ? made.cuts : NONE_MADE;
    const byPart = new Map([...cuts].map(([part, cut]) => [part, cut.stages]));
    return { byPart, settled: cutsSettled(asked, cuts) };
  }, [state, made, asked]);
}

const NONE_MADE: MadeCuts<RenderStage[]> = new Map();
