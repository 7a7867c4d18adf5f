import type { PlanContext } from '../types';
import { keyedMemo } from './memo';

/**
 * What is worked out from one context (a plan's own, which its tools and cameras are asked with
 * every frame), remembered while the context lives: asking again finds it by the context's
 * identity, so the per-frame path neither recomputes it nor builds a key.
 */
export function perContext<C extends object, T>(compute: (ctx: C) => T): (ctx: C) => T {
  const made = new WeakMap<C, { readonly value: T }>();
  return (ctx) => {
    let known = made.get(ctx);
    if (!known) made.set(ctx, (known = { value: compute(ctx) }));
    return known.value;
  };
}

/**
 * Remembers what a procedure works out from the posed patient (a plan, a lesion's placement, the
 * foot's outline): the gauge scans whole meshes, and tools ask for these every frame. Kept per
 * landmarks and gauge (a new pose makes new ones, and the old results go with them) and per
 * `keyOf(ctx)`, the parameters the result depends on (none by default), so a slider's new
 * parameters that leave them alone find the result again. A context asked again is answered by
 * its identity (`perContext`), without building its key.
 */
export function caseMemo<T>(
  compute: (ctx: PlanContext) => T,
  keyOf: (ctx: PlanContext) => string = () => '',
): (ctx: PlanContext) => T {
  const memo = keyedMemo<T>();
  return perContext((ctx) => memo([ctx.landmarks, ctx.gauge, keyOf(ctx)], () => compute(ctx)));
}

/**
 * Numbers measured on the bones along a tool's stroke (q 0–1): measured once per context at
 * `stations` + 1 evenly spaced points and read between them in straight lines. A stroke played
 * frame by frame asks at ever new points, and each new point would scan a whole mesh; the stroke's
 * ends (its still) are measured exactly.
 */
export function sampledAlong<C extends object, T extends readonly number[]>(
  stations: number,
  measure: (ctx: C, q: number) => T,
): (ctx: C, q: number) => T {
  const table = perContext((ctx: C) =>
    Array.from({ length: stations + 1 }, (_, i) => measure(ctx, i / stations)),
  );
  return (ctx, q) => {
    const rows = table(ctx);
    const x = Math.min(1, Math.max(0, q)) * stations;
    const i = Math.min(stations - 1, Math.floor(x));
    const a = rows[i]!;
    const b = rows[i + 1]!;
    const f = x - i;
    // The same length as what was measured: a Vec3 stays a Vec3.
    return a.map((v, k) => v + (b[k]! - v) * f) as unknown as T;
  };
}
