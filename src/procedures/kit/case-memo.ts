import type { PlanContext } from '../types';
import { keyedMemo } from './memo';

/**
 * Remembers what a procedure works out from the posed patient (a plan, a lesion's placement, the
 * foot's outline): the gauge scans whole meshes, and tools ask for these every frame. Kept per
 * landmarks and gauge (a new pose makes new ones, and the old results go with them) and per `key`,
 * the parameters the result depends on.
 */
export function caseMemo<T>(compute: (ctx: PlanContext) => T): (ctx: PlanContext, key: string) => T {
  const memo = keyedMemo<T>();
  return (ctx, key) => memo([ctx.landmarks, ctx.gauge, key], () => compute(ctx));
}
