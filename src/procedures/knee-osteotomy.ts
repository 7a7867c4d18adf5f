/**
 * What every knee osteotomy shares (CLINICAL §2): the plan for the posed knee and the procedure's
 * parameters, the bodies a cut leaves, where the near cortex is, and the saw cuts as convex pieces.
 * The numbers (hinge, cut entry, cut length D, correction α, gap) all come from `planOsteotomy`.
 *
 * Frame: right leg, +X medial, +Y up, +Z anterior, mm.
 */
import { landmark } from '../anatomy/landmarks';
import { add, cross, dot, length, normalize, scale, sub, type Vec3 } from '../anatomy/vec';
import {
  femoralFrame,
  planOsteotomy,
  tibialFrame,
  turnAbout,
  type OsteotomyApproach,
  type OsteotomyPlan,
  type OsteotomySite,
  type SectionFrame,
} from '../clinical/knee-planning';
import type { ConvexPiece } from '../geometry/cutters';
import { slab } from './kit/cutters';
import { caseMemo } from './kit/case-memo';
import type { NumberParamDef, PlanContext } from './types';

export interface KneeKind {
  readonly site: OsteotomySite;
  readonly approach: OsteotomyApproach;
}

/** Saw kerf, mm (CLINICAL: 0.5–1). */
export const KNEE_KERF = 0.8;
/** The cut starts this far outside the near cortex so the blade clears it, mm. */
export const ENTRY_OVERRUN = 6;
/**
 * The saw stops at the hinge point: the bone from there to the far cortex (the hinge, `hinge` mm)
 * is not sawn. Its kerf runs this far past the point, into the hinge's hairlines, mm.
 */
const KERF_PAST_HINGE = 0.5;
/**
 * The model is one closed mesh per bone, so the turning segment must still be a fragment of its
 * own: across the hinge the fragments part along hairlines this thin, mm, which neither the 3D
 * view nor the X-ray shows (the bridge reads as whole bone, as in the patient).
 */
export const HAIRLINE = 0.05;
/** The hairlines run on this far beyond the far cortex (hinge inset + this), mm. */
export const FAR_OVERRUN = 6;
/**
 * An opening wedge turns the shaft's side of the hinge into the joint's (the bridge bends and
 * compresses there): a sliver of bone between the cut's line and that line turned back by the
 * correction, parted by a second hairline, is the bone the bend takes up. It leaves as the wedge
 * opens, so the opened hinge shows neither a gap nor doubled bone on the X-ray. (A closing wedge
 * turns about the far cortex instead: see closingPivot.) Never narrower than this angle (a plan
 * held at 0° still has its fragment), degrees.
 */
const MIN_SLIVER_ANGLE = 2;
/** Antero-posterior half-depth of a cut: more than either bone's at its cut, mm. */
export const HALF_DEPTH = 45;
/** CLINICAL §2: a load line past 70 % overloads the lateral side (HTO); past 60 % the medial one (DFO). */
export const HTO_TARGET_LIMIT = 70;
export const DFO_TARGET_LIMIT = 60;

/**
 * The joint's fragment stays; the shaft's turns; a closing wedge leaves a third piece; an opening
 * wedge's hinge sliver (see MIN_SLIVER_ANGLE) is a piece of its own.
 */
export function kneeBodies(site: OsteotomySite) {
  return site === 'tibia'
    ? { joint: 'tibiaProximal', shaft: 'tibiaDistal', wedge: 'tibiaWedge', sliver: 'tibiaHinge' }
    : { joint: 'femurDistal', shaft: 'femurProximal', wedge: 'femurWedge', sliver: 'femurHinge' };
}

/** The parameters every knee osteotomy takes (issue 4): target WBL %, hinge inset, angle override. */
export function kneeParams(site: OsteotomySite): NumberParamDef[] {
  const tibia = site === 'tibia';
  return [
    {
      id: 'target',
      kind: 'number',
      unit: '%',
      default: tibia ? 62.5 : 50,
      min: 40,
      max: 75,
      step: 0.5,
      limit: tibia
        ? { above: HTO_TARGET_LIMIT, warning: 'warn.knee.targetLateral' }
        : { above: DFO_TARGET_LIMIT, warning: 'warn.knee.targetDfo' },
      // The angle shapes a closing wedge's second cut and an opening wedge's hinge sliver.
      recut: true,
    },
    // The hinge's inset moves the cut's end (and its slope).
    { id: 'hinge', kind: 'number', unit: 'mm', default: 10, min: 5, max: 15, step: 1, recut: true },
    {
      id: 'angle',
      kind: 'number',
      unit: '°',
      default: 0,
      min: 0,
      max: 20,
      step: 0.5,
      auto: true,
      recut: true,
    },
  ];
}

/**
 * The osteotomy plan for the posed knee and the parameters: the Miniaci angle for `target`, or the
 * user's `angle` when set (its sign is the procedure's: an HTO corrects varus, a DFO valgus). A
 * plan that would turn the wrong way (an HTO on a valgus knee) is held at 0°: its warning says the
 * other procedure fits. Memoised per landmarks, gauge and parameters.
 */
export function kneePlan(ctx: PlanContext, kind: KneeKind): OsteotomyPlan {
  const { targetWbl, hingeInset, override } = planParams(ctx, kind);
  return plans[kind.site][kind.approach](ctx, `${targetWbl}|${hingeInset}|${override}`);
}

/** The parameters a plan reads, with their defaults. */
function planParams(ctx: PlanContext, kind: KneeKind) {
  return {
    targetWbl: Number(ctx.params.target ?? (kind.site === 'tibia' ? 62.5 : 50)),
    hingeInset: Number(ctx.params.hinge ?? 10),
    override: Number(ctx.params.angle ?? 0),
  };
}

function planFor(kind: KneeKind) {
  return caseMemo((ctx): OsteotomyPlan => {
    const { targetWbl, hingeInset, override } = planParams(ctx, kind);
    const sign = kind.site === 'tibia' ? 1 : -1;
    const options = { ...kind, targetWbl, hingeInset };
    const plan = planOsteotomy(
      ctx.landmarks,
      override > 0 ? { ...options, angle: sign * override } : options,
      ctx.gauge,
    );
    if (plan.correction * sign >= 0) return plan;
    const held = planOsteotomy(ctx.landmarks, { ...options, angle: 0 }, ctx.gauge);
    return { ...held, warnings: [...new Set([...held.warnings, 'warn.knee.otherProcedure'])] };
  });
}

/** One memo per site and approach: its key is the parameters the plan reads. */
const plans = {
  tibia: {
    opening: planFor({ site: 'tibia', approach: 'opening' }),
    closing: planFor({ site: 'tibia', approach: 'closing' }),
  },
  femur: {
    opening: planFor({ site: 'femur', approach: 'opening' }),
    closing: planFor({ site: 'femur', approach: 'closing' }),
  },
};

/** The metaphysis's section frame at the cut's bone. */
export function sectionFrame(ctx: PlanContext, kind: KneeKind): SectionFrame {
  return kind.site === 'tibia' ? tibialFrame(ctx.landmarks) : femoralFrame(ctx.landmarks);
}

/** Whether the surgeon works from the medial side (opening HTO, closing DFO). */
export function medialApproach(kind: KneeKind): boolean {
  return (kind.site === 'tibia') === (kind.approach === 'opening');
}

/** Unit direction from the axis towards the near cortex (the surgeon's side), coronal. */
export function nearDir(ctx: PlanContext, kind: KneeKind): Vec3 {
  return scale(sectionFrame(ctx, kind).medial, medialApproach(kind) ? 1 : -1);
}

/** The joint's landmark on the near side: depths of screws and incisions count from it. */
function nearJoint(ctx: PlanContext, kind: KneeKind): Vec3 {
  const medial = medialApproach(kind);
  return kind.site === 'tibia'
    ? landmark(ctx.landmarks, 'tibia', medial ? 'plateauMedial' : 'plateauLateral')
    : landmark(ctx.landmarks, 'femur', medial ? 'condyleMedial' : 'condyleLateral');
}

/**
 * The section's centre and half-width `depth` mm from the near joint line along the frame's axis:
 * the middle of the bone's slice across the coronal plane (off the metaphysis axis in the shaft).
 */
export function sectionAt(ctx: PlanContext, kind: KneeKind, depth: number) {
  const f = sectionFrame(ctx, kind);
  const d = dot(sub(nearJoint(ctx, kind), f.origin), f.axis) + depth;
  const onAxis = add(f.origin, scale(f.axis, d));
  const [lo, hi] = ctx.gauge.span(f.bone, onAxis, f.axis, f.medial);
  return { centre: add(onAxis, scale(f.medial, (lo + hi) / 2)), half: (hi - lo) / 2 };
}

/**
 * A point on the near cortex `depth` mm from the joint, `z` mm anterior of the coronal plane: on
 * the bone's surface along the near direction from the section's centre (the cortex is not flat).
 */
export function nearCortex(ctx: PlanContext, kind: KneeKind, depth: number, z = 0): Vec3 {
  const s = sectionAt(ctx, kind, depth);
  const from = add(s.centre, [0, 0, z]);
  const near = nearDir(ctx, kind);
  return add(from, scale(near, ctx.gauge.reach(kind.site, from, near)));
}

/** How deep (from the near joint line, along the frame's axis) a point lies, mm. */
export function depthOf(ctx: PlanContext, kind: KneeKind, p: Vec3): number {
  return dot(sub(p, nearJoint(ctx, kind)), sectionFrame(ctx, kind).axis);
}

/** Unit direction of the (first) cut in the coronal plane, from the near cortex towards the hinge. */
export function cutDirection(ctx: PlanContext, kind: KneeKind): Vec3 {
  const p = kneePlan(ctx, kind);
  return normalize(sub(p.hinge, p.cutStart));
}

/** Unit normal of the first cut, pointing towards the joint's fragment. */
export function cutNormal(ctx: PlanContext, kind: KneeKind): Vec3 {
  const n = cross([0, 0, 1], cutDirection(ctx, kind));
  const up = kind.site === 'tibia';
  return n[1] < 0 === up ? scale(n, -1) : n;
}

/** The closing wedge's second cut: from its start on the near cortex towards the hinge. */
export function secondCutDirection(ctx: PlanContext, kind: KneeKind): Vec3 {
  const p = kneePlan(ctx, kind);
  return normalize(sub(p.hinge, p.secondCutStart ?? p.cutStart));
}

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
function sliverAngle(ctx: PlanContext, kind: KneeKind): number {
  const a = kneePlan(ctx, kind).transform.angle;
  // Every knee correction turns its segment the negative way about +Z (the planner's convention).
  return Math.abs(a) >= MIN_SLIVER_ANGLE ? a : -MIN_SLIVER_ANGLE;
}

/** Beyond the hinge point: the line the shaft's face there lies on before the opening. */
function sliverDirection(ctx: PlanContext, kind: KneeKind): Vec3 {
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

/** The cut's middle, where the surgeon looks. */
export function cutMiddle(ctx: PlanContext, kind: KneeKind): Vec3 {
  const p = kneePlan(ctx, kind);
  return scale(add(p.hinge, p.cutStart), 0.5);
}
