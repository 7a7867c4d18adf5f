/**
 * What every knee osteotomy shares (CLINICAL §2): the plan for the posed knee and the procedure's
 * parameters, the bodies a cut leaves, where the near cortex is, and the saw cuts as convex pieces.
 * The numbers (hinge, cut entry, cut length D, correction α, gap) all come from `planOsteotomy`.
 *
 * Frame: right leg, +X medial, +Y up, +Z anterior, mm.
 */
import { landmark } from '../../anatomy/landmarks';
import { add, cross, dot, normalize, scale, sub, type Vec3 } from '../../anatomy/vec';
import {
  heldIfWrongWay,
  planOsteotomy,
  type OsteotomyOptions,
  type OsteotomyPlan,
} from '../../clinical/knee-planning';
import {
  femoralFrame,
  tibialFrame,
  type OsteotomyApproach,
  type OsteotomySite,
  type SectionFrame,
} from '../../clinical/knee-cut-geometry';
import { caseMemo, perContext } from '../kit/case-memo';
import type { NumberParamDef, PlanContext } from '../types';

export interface KneeKind {
  readonly site: OsteotomySite;
  readonly approach: OsteotomyApproach;
}

/** Saw kerf, mm (CLINICAL: 0.5–1). */
export const KNEE_KERF = 0.8;
/** The cut starts this far outside the near cortex so the blade clears it, mm. */
export const ENTRY_OVERRUN = 6;
/**
 * The model is one closed mesh per bone, so the turning segment must still be a fragment of its
 * own: across the hinge the fragments part along hairlines this thin, mm, which neither the 3D
 * view nor the X-ray shows (the bridge reads as whole bone, as in the patient).
 */
export const HAIRLINE = 0.05;
/** The hairlines run on this far beyond the far cortex (hinge inset + this), mm. */
export const FAR_OVERRUN = 6;
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
  return plans[kind.site][kind.approach](ctx);
}

/**
 * What the planner is given for a knee osteotomy with these parameters: the target WBL %, the
 * hinge's inset, and the surgeon's own angle when set, its sign the procedure's (an HTO corrects
 * varus, a DFO valgus). The 3D plan and the plan on the patient's film read the parameters so.
 */
export function kneePlanOptions(params: Readonly<Record<string, unknown>>, kind: KneeKind): OsteotomyOptions {
  const override = Number(params.angle ?? 0);
  return {
    ...kind,
    targetWbl: Number(params.target ?? (kind.site === 'tibia' ? 62.5 : 50)),
    hingeInset: Number(params.hinge ?? 10),
    ...(override > 0 ? { angle: (kind.site === 'tibia' ? 1 : -1) * override } : {}),
  };
}

/** What a plan depends on besides the patient: the parameters it reads. */
function planKey(ctx: PlanContext, kind: KneeKind): string {
  const { targetWbl, hingeInset, angle } = kneePlanOptions(ctx.params, kind);
  return `${targetWbl}|${hingeInset}|${angle ?? 0}`;
}

function planFor(kind: KneeKind) {
  return caseMemo(
    (ctx): OsteotomyPlan =>
      heldIfWrongWay(kneePlanOptions(ctx.params, kind), (options) =>
        planOsteotomy(ctx.landmarks, options, ctx.gauge),
      ),
    (ctx) => planKey(ctx, kind),
  );
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
export function nearJoint(ctx: PlanContext, kind: KneeKind): Vec3 {
  const medial = medialApproach(kind);
  return kind.site === 'tibia'
    ? landmark(ctx.landmarks, 'tibia', medial ? 'plateauMedial' : 'plateauLateral')
    : landmark(ctx.landmarks, 'femur', medial ? 'condyleMedial' : 'condyleLateral');
}

/** The section frame, and the point on its axis `depth` mm from the near joint line. */
function axisAt(ctx: PlanContext, kind: KneeKind, depth: number) {
  const f = sectionFrame(ctx, kind);
  const d = dot(sub(nearJoint(ctx, kind), f.origin), f.axis) + depth;
  return { f, onAxis: add(f.origin, scale(f.axis, d)) };
}

/**
 * The section's centre and half-width `depth` mm from the near joint line along the frame's axis:
 * the middle of the bone's slice across the coronal plane (off the metaphysis axis in the shaft).
 */
export function sectionAt(ctx: PlanContext, kind: KneeKind, depth: number) {
  const { f, onAxis } = axisAt(ctx, kind, depth);
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

/**
 * The near surface `depth` mm from the joint, `z` mm anterior of the coronal plane, as the skin
 * feels it: the slice's farthest extent along the near direction. Unlike nearCortex it never finds
 * a hollow's wall: 15–20 mm above the joint the femur's intercondylar notch lies between the
 * section's centre and the lateral condyle.
 */
export function outerCortex(ctx: PlanContext, kind: KneeKind, depth: number, z = 0): Vec3 {
  const { f, onAxis } = axisAt(ctx, kind, depth);
  const near = nearDir(ctx, kind);
  const [, outer] = ctx.gauge.span(f.bone, onAxis, f.axis, near);
  return add(add(onAxis, [0, 0, z]), scale(near, outer));
}

/** How deep (from the near joint line, along the frame's axis) a point lies, mm. */
export function depthOf(ctx: PlanContext, kind: KneeKind, p: Vec3): number {
  return dot(sub(p, nearJoint(ctx, kind)), sectionFrame(ctx, kind).axis);
}

/**
 * One function of the case per site and approach, remembered per context (`perContext`): the
 * knee's tools ask for their cut's directions every frame.
 */
function perKind<T>(
  compute: (ctx: PlanContext, kind: KneeKind) => T,
): (ctx: PlanContext, kind: KneeKind) => T {
  const of = (site: OsteotomySite, approach: OsteotomyApproach) =>
    perContext((ctx: PlanContext) => compute(ctx, { site, approach }));
  const memos = {
    tibia: { opening: of('tibia', 'opening'), closing: of('tibia', 'closing') },
    femur: { opening: of('femur', 'opening'), closing: of('femur', 'closing') },
  };
  return (ctx, kind) => memos[kind.site][kind.approach](ctx);
}

/** Unit direction of the (first) cut in the coronal plane, from the near cortex towards the hinge. */
export const cutDirection = perKind((ctx, kind): Vec3 => {
  const p = kneePlan(ctx, kind);
  return normalize(sub(p.hinge, p.cutStart));
});

/** Unit normal of the first cut, pointing towards the joint's fragment. */
export const cutNormal = perKind((ctx, kind): Vec3 => {
  const n = cross([0, 0, 1], cutDirection(ctx, kind));
  const up = kind.site === 'tibia';
  return n[1] < 0 === up ? scale(n, -1) : n;
});

/** The closing wedge's second cut: from its start on the near cortex towards the hinge. */
export const secondCutDirection = perKind((ctx, kind): Vec3 => {
  const p = kneePlan(ctx, kind);
  return normalize(sub(p.hinge, p.secondCutStart ?? p.cutStart));
});

/** The cut's middle, where the surgeon looks. */
export function cutMiddle(ctx: PlanContext, kind: KneeKind): Vec3 {
  const p = kneePlan(ctx, kind);
  return scale(add(p.hinge, p.cutStart), 0.5);
}
