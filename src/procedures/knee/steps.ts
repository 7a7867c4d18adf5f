/**
 * Tools, implants and cameras the knee osteotomies share: the incision over the near cortex, guide
 * wires to the hinge, saw passes, stacked chisels that open the cut, the graft wedge, a locking
 * plate with its screws, staples. Each reads the plan (knee-osteotomy.ts); none knows which
 * procedure it serves beyond its site and approach.
 */
import { add, scale, type Vec3 } from '../../anatomy/vec';
import {
  cutMiddle,
  kneePlan,
  medialApproach,
  nearDir,
  outerCortex,
  sectionFrame,
  type KneeKind,
} from './plan';
import { sampledAlong } from '../kit/case-memo';
import { sideView } from '../kit/camera';
import type { ToolPath } from '../kit/tool-paths';
import type { PlanContext, StepContext, StepDef, ToolTarget } from '../types';

/**
 * The model's tibia from its knee centre to its plafond, its femur from its knee centre to its hip
 * centre, its fibula from its head to its lateral malleolus, mm: they turn a station in mm into a
 * tool target's fraction.
 */
const TIBIA_LENGTH = 383.3;
const FEMUR_LENGTH = 435;
const FIBULA_LENGTH = 374.9;

/** A station `below` mm down the tibia from its knee centre (along its mechanical axis), give or take `within`. */
export const tibiaStation = (below: number, within: number): NonNullable<ToolTarget['station']> => ({
  from: 'kneeCentre',
  to: 'plafondCentre',
  at: below / TIBIA_LENGTH,
  within,
});

/** A station `above` mm up the femur from its knee centre, give or take `within`. */
export const femurStation = (above: number, within: number): NonNullable<ToolTarget['station']> => ({
  from: 'kneeCentre',
  to: 'hipCentre',
  at: above / FEMUR_LENGTH,
  within,
});

/** A station `below` mm down the fibula from its head's centre, give or take `within`. */
export const fibulaStation = (below: number, within: number): NonNullable<ToolTarget['station']> => ({
  from: 'head',
  to: 'lateralMalleolus',
  at: below / FIBULA_LENGTH,
  within,
});

/** A knee osteotomy's station: `depth` mm from the knee centre into the cut bone's shaft. */
export const kneeStation = (kind: KneeKind, depth: number, within: number) =>
  kind.site === 'tibia' ? tibiaStation(depth, within) : femurStation(depth, within);

/**
 * Where the technique puts each tool of a knee osteotomy (CLINICAL §2), as its procedure states it:
 * the guide wires' tips at the hinge, a saw's at the end of its pass, the chisels and the graft in
 * the opened cut, the plate's first hole on the near cortex, each screw's tip in its fragment.
 */
export interface KneeTargets {
  readonly wires: ToolTarget;
  readonly saw: ToolTarget;
  readonly secondSaw?: ToolTarget;
  readonly chisels?: ToolTarget;
  readonly graft?: ToolTarget;
}

/**
 * How far anterior of the coronal plane the plate lies, mm: anteromedial on the tibia's flat medial
 * face; in the coronal plane on the lateral tibia (its anterolateral face is hollowed by the
 * tibialis anterior) and on the femur.
 */
export const plateZ = (kind: KneeKind) => (kind.site === 'tibia' && medialApproach(kind) ? 6 : 0);
/** A step's camera on the knee from the near side and in front, like the surgeon's view over the wound. */
export function kneeCamera(kind: KneeKind, distance: number, up = 0.25, front = 0.8) {
  return sideView(
    (ctx) => cutMiddle(ctx, kind),
    (ctx) => nearDir(ctx, kind),
    { up, front },
    distance,
  );
}

/**
 * Where the incision's stroke is measured on the cortex; the scalpel is drawn between them (about
 * three frames apart at 60 fps over the 3 s step, so it keeps to the cortex within ~2 mm).
 */
const INCISION_STATIONS = 64;

/** The scalpel 6 mm out from the cortex point `cortexAlong` gives, pointing in, drawn towards the joint. */
function incisionStroke(kind: KneeKind, cortexAlong: (ctx: PlanContext, p: number) => Vec3): ToolPath {
  return (ctx, p) => {
    const f = sectionFrame(ctx, kind);
    const near = nearDir(ctx, kind);
    const tip = add(cortexAlong(ctx, p), scale(near, 6));
    return { tip, direction: scale(near, -1), up: scale(f.axis, -1) };
  };
}

/** The skin incision: a longitudinal cut over the near cortex, from `from` to `to` mm from the joint. */
export function incisionStep(kind: KneeKind, from: number, to: number): StepDef {
  const cortexAlong = sampledAlong(INCISION_STATIONS, (ctx: PlanContext, p) =>
    outerCortex(ctx, kind, from + (to - from) * p, plateZ(kind)),
  );
  return {
    id: 'incision',
    phase: 'open',
    duration: 3,
    skin: true,
    camera: kneeCamera(kind, 240),
    instruments: [
      {
        id: 'scalpel',
        kind: 'scalpel',
        path: incisionStroke(kind, cortexAlong),
      },
    ],
  };
}

/** The skin closed over the implants. */
export function closureStep(kind: KneeKind): StepDef {
  return { id: 'closure', phase: 'close', duration: 3, skin: true, camera: kneeCamera(kind, 240) };
}

/** Numbers the technical captions quote. */
export function kneeCaptionValues(ctx: StepContext, kind: KneeKind) {
  const p = kneePlan(ctx, kind);
  return {
    alpha: Math.abs(p.correction),
    cutLength: p.cutLength,
    gap: p.gap,
    target: p.targetWbl,
    hinge: Number(ctx.params.hinge ?? 10),
    predictedWbl: p.predictedWbl,
  };
}
