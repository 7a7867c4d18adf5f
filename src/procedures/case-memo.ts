import type { RegionLandmarks } from '../anatomy/landmarks';
import type { BoneGauge, PlanContext } from './types';

/**
 * Remembers what a procedure works out from the posed patient (a plan, a lesion's placement, the
 * foot's outline): the gauge scans whole meshes, and tools ask for these every frame. Kept per
 * landmarks and gauge (a new pose makes new ones, and the old results go with them) and per `key`,
 * the parameters the result depends on.
 */
export function caseMemo<T>(compute: (ctx: PlanContext) => T): (ctx: PlanContext, key: string) => T {
  const memo = new WeakMap<RegionLandmarks, WeakMap<BoneGauge, Map<string, T>>>();
  return (ctx, key) => {
    let byGauge = memo.get(ctx.landmarks);
    if (!byGauge) memo.set(ctx.landmarks, (byGauge = new WeakMap()));
    let byKey = byGauge.get(ctx.gauge);
    if (!byKey) byGauge.set(ctx.gauge, (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, compute(ctx));
    return byKey.get(key)!;
  };
}
