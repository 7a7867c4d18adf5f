/**
 * The cut of a knee osteotomy as convex cutter pieces: the saw's kerf (one cut for an opening
 * wedge, two converging for a closing one), the hairline splits that part the hinge, and the probe
 * points that recognise each fragment.
 */
import { landmark } from '../../anatomy/landmarks';
import { add, length, normalize, scale, sub, type Vec3 } from '../../anatomy/vec';
import { turnAbout } from '../../clinical/knee-cut-geometry';
import type { ConvexPiece } from '../../geometry/cutters';
import { slab } from '../kit/cutters';
import type { PlanContext } from '../types';
import {
  ENTRY_OVERRUN,
  FAR_OVERRUN,
  HAIRLINE,
  HALF_DEPTH,
  KNEE_KERF,
  type KneeKind,
  cutDirection,
  kneePlan,
  nearJoint,
  secondCutDirection,
  sectionFrame,
} from './plan';

/**
 * The saw stops at the hinge point: the bone from there to the far cortex (the hinge, `hinge` mm)
 * is not sawn. Its kerf runs this far past the point, into the hinge's hairlines, mm.
 */
export const KERF_PAST_HINGE = 0.5;
/**
 * An opening wedge turns the shaft's side of the hinge into the joint's (the bridge bends and
 * compresses there): a sliver of bone between the cut's line and that line turned back by the
 * correction, parted by a second hairline, is the bone the bend takes up. It leaves as the wedge
 * opens, so the opened hinge shows neither a gap nor doubled bone on the X-ray. (A closing wedge
 * turns about the far cortex instead: see closingPivot.) Never narrower than this angle (a plan
 * held at 0° still has its fragment), degrees.
 */
export const MIN_SLIVER_ANGLE = 2;
/**
 * A kerf slab in the coronal plane from `from` (outside the near cortex) to `to`, spanning z
 * from `zFrom` to `zTo` (antero-posterior), thickness `kerf`.
 */
export function coronalKerf(from: Vec3, to: Vec3, zFrom = -HALF_DEPTH, zTo = HALF_DEPTH, kerf = KNEE_KERF) {
  const d = normalize(sub(to, from));
  const mid = scale(add(from, to), 0.5);
  const centre: Vec3 = [mid[0], mid[1], (zFrom + zTo) / 2];
  return slab(centre, d, [0, 0, 1], length(sub(to, from)) / 2, (zTo - zFrom) / 2, kerf);
}

/** The first saw cut: from outside the near cortex to the hinge point, where the hinge's hairlines take over. */
export function mainCut(ctx: PlanContext, kind: KneeKind, zTo = HALF_DEPTH): ConvexPiece {
  const p = kneePlan(ctx, kind);
  const d = cutDirection(ctx, kind);
  return coronalKerf(
    add(p.cutStart, scale(d, -ENTRY_OVERRUN)),
    add(p.hinge, scale(d, KERF_PAST_HINGE)),
    -HALF_DEPTH,
    zTo,
  );
}

/**
 * The closing wedge's second cut: from outside the near cortex to the hinge point, where it runs
 * into the first cut, so the wedge between them comes free.
 */
export function secondCut(ctx: PlanContext, kind: KneeKind): ConvexPiece {
  const p = kneePlan(ctx, kind);
  const d = secondCutDirection(ctx, kind);
  const start = p.secondCutStart ?? p.cutStart;
  return coronalKerf(add(start, scale(d, -ENTRY_OVERRUN)), add(p.hinge, scale(d, KERF_PAST_HINGE)));
}

/** The turn that takes the opening wedge's hinge sliver up: the correction's, at least MIN_SLIVER_ANGLE. */
export function sliverAngle(ctx: PlanContext, kind: KneeKind): number {
  const a = kneePlan(ctx, kind).transform.angle;
  // Every knee correction turns its segment the negative way about +Z (the planner's convention).
  return Math.abs(a) >= MIN_SLIVER_ANGLE ? a : -MIN_SLIVER_ANGLE;
}

/** Beyond the hinge point: the line the shaft's face there lies on before the opening. */
export function sliverDirection(ctx: PlanContext, kind: KneeKind): Vec3 {
  return turnAbout(cutDirection(ctx, kind), [0, 0, 0], -sliverAngle(ctx, kind));
}

/**
 * The hairlines across the hinge, from the hinge point out past the far cortex: along the cut's
 * line, and for an opening wedge along the shaft's face before it turns (the sliver between them).
 * A biplanar cut (`zTo` short of the bone's depth) closes the sliver with a cap in its plane.
 */
export function hingeSplits(ctx: PlanContext, kind: KneeKind, zTo = HALF_DEPTH): ConvexPiece[] {
  const p = kneePlan(ctx, kind);
  const inset = Number(ctx.params.hinge ?? 10);
  const reach = 2 * inset + FAR_OVERRUN;
  const along = (d: Vec3) =>
    coronalKerf(add(p.hinge, scale(d, -1)), add(p.hinge, scale(d, reach)), -HALF_DEPTH, zTo, HAIRLINE);
  const d = cutDirection(ctx, kind);
  if (kind.approach === 'closing') return [along(d)];
  const s = sliverDirection(ctx, kind);
  const splits = [along(d), along(s)];
  if (zTo < HALF_DEPTH) {
    const z = zTo - KNEE_KERF;
    const corners = [
      add(p.hinge, scale(d, -1)),
      add(p.hinge, scale(d, reach)),
      add(p.hinge, scale(s, reach)),
    ];
    splits.push(corners.flatMap((c) => [0, 1].map((k): Vec3 => [c[0], c[1], z + (k - 0.5) * HAIRLINE])));
  }
  return splits;
}

/**
 * Where a closing wedge's shaft turns about: the far cortex on the cut's line. Turned about the
 * plan's hinge point, the far side of a rigid shaft would swing away from the joint and open the
 * hinge (the real bridge bends instead); turned about its far end, the bridge stays closed and the
 * cut's faces press together (by inset·sin α less the kerf, about a millimetre), as the surgeon
 * closes them. The angle is the plan's; across the leg the shaft moves only inset·(1 − cos α), a
 * fraction of a millimetre, so the load line falls where the plan puts it.
 */
export function closingPivot(ctx: PlanContext, kind: KneeKind): Vec3 {
  const p = kneePlan(ctx, kind);
  const d = cutDirection(ctx, kind);
  return add(p.hinge, scale(d, ctx.gauge.reach(kind.site, p.hinge, d)));
}

/** A point inside an opening wedge's hinge sliver: between its hairlines, most of the way to the far cortex. */
export function sliverProbe(ctx: PlanContext, kind: KneeKind): Vec3 {
  const p = kneePlan(ctx, kind);
  const inset = Number(ctx.params.hinge ?? 10);
  const mid = turnAbout(cutDirection(ctx, kind), [0, 0, 0], -sliverAngle(ctx, kind) / 2);
  return add(p.hinge, scale(mid, 0.75 * inset));
}

/** A point inside the closing wedge: two thirds of the way from the hinge to the near cortex, between the cuts. */
export function wedgeProbe(ctx: PlanContext, kind: KneeKind): Vec3 {
  const p = kneePlan(ctx, kind);
  const mid = scale(add(p.cutStart, p.secondCutStart ?? p.cutStart), 0.5);
  return add(p.hinge, scale(sub(mid, p.hinge), 2 / 3));
}

/** A point inside the joint's fragment: `depth` mm from the joint line on the metaphysis axis. */
export function jointProbe(ctx: PlanContext, kind: KneeKind, depth = 12): Vec3 {
  const f = sectionFrame(ctx, kind);
  if (kind.site === 'tibia') {
    const lm = ctx.landmarks;
    const mid = scale(
      add(landmark(lm, 'tibia', 'plateauMedial'), landmark(lm, 'tibia', 'plateauLateral')),
      0.5,
    );
    return add([mid[0], mid[1], 0], scale(f.axis, depth));
  }
  // The femur's notch is empty: probe inside the near condyle instead.
  return add(nearJoint(ctx, kind), scale(f.axis, depth));
}
