import { add, scale, type Vec3 } from '../../anatomy/vec';
import type { PlanContext } from '../types';

/** A point on the foot's skin: from `inner` (inside the foot) outwards along unit `out`, where a portal opens. */
export function onSkin(ctx: PlanContext, inner: Vec3, out: Vec3): Vec3 {
  return add(inner, scale(out, ctx.gauge.reach('skinFoot', inner, out)));
}
