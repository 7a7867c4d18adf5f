/**
 * The Akin's wedge at the base of the proximal phalanx (CLINICAL §1.3): where it is cut, how wide
 * and at what angle, its hinge, its fixation, and the toe turning about the hinge; the open and the
 * percutaneous Akin (../akin.ts, ./percutaneous.ts) both compose these.
 */
import { placedDir } from '../../kit/placed';
import { perContext } from '../../kit/case-memo';
import { add, cross, normalize, scale, type Vec3 } from '../../../anatomy/vec';
import { wedge } from '../../kit/cutters';
import { between, boneFrame, towards } from '../../kit/bone-frame';
import { medialView } from '../../kit/camera';
import { wireThenScrew, type ScrewLine } from '../../kit/fixation';
import type { FollowDef, MotionDef, PlanContext, StepContext, StepDef, ToolTarget } from '../../types';

/**
 * Where the wedge's first cut lies: this far distal to the phalanx's `base` landmark (the centre of
 * its concave articular surface) along its axis, mm. CLINICAL §1.3 puts the cut in the metaphysis at
 * the base, ~3 mm distal to the flare and at least ~10 mm from the joint line. On the model the
 * base's rim (the joint line on the AP view) lies 1.7 mm proximal to the landmark and the flare ends
 * 5 mm distal to it: 8.5 mm is 10.2 mm from the joint line and 3.5 mm past the flare.
 */
export const AKIN_STATION = 8.5;
/** The cut's level as a tool target: AKIN_STATION of the model's 22 mm from base to head. */
const CUT_LEVEL = { from: 'base', to: 'head', at: AKIN_STATION / 22 } as const;
/** A forefoot staple sized to the base: 12 mm bridge, 10 mm legs, 1.2 mm wire. */
const STAPLE_SHAPE = [12, 10, 1.2] as const;
/**
 * The wedge's apex (the hinge line) lies this far lateral to the lateral cortex as the width gauge
 * sees it (half the width from the axis), mm. It must lie outside the bone: a hinge of intact cortex
 * would leave one piece, and the toe must be a fragment of its own to turn. On the default case the
 * real lateral cortex is 0.2 mm lateral to the half-width, so the apex is ~0.3 mm outside it.
 */
export const HINGE_OUT = 0.5;
/** Dorso-plantar half-height of the wedge: more than the phalanx's (~5 mm at the cut), mm. */
export const HALF_HEIGHT = 12;
/** CLINICAL §1.3: past 20° of wedge the app warns. */
export const AKIN_LIMIT_DEG = 20;

const DEG = 180 / Math.PI;
/** The proximal phalanx's frame on this patient. */
export const pp1 = (ctx: PlanContext) => boneFrame(ctx.landmarks, 'proximalPhalanx1');

/** The centre of the cut section on the phalanx axis (pre-op, region frame). */
export function cutCentre(ctx: PlanContext): Vec3 {
  const f = pp1(ctx);
  return f.at(AKIN_STATION - f.length);
}

/** Medio-lateral width of the proximal phalanx in the slice where the wedge is cut, mm. */
export const akinWidth = perContext((ctx: PlanContext): number => {
  const f = pp1(ctx);
  return ctx.gauge.width('proximalPhalanx1', cutCentre(ctx), f.axis, f.medial);
});

/** The wedge's angle, degrees: 2·atan(base / (2·width)) (CLINICAL §1.3). */
export function akinAngle(ctx: PlanContext): number {
  return 2 * Math.atan(Number(ctx.params.wedge) / (2 * akinWidth(ctx))) * DEG;
}

/** A point on the hinge line: at the lateral cortex, level with the cut's centre. */
export function akinHinge(ctx: PlanContext): Vec3 {
  return add(cutCentre(ctx), scale(pp1(ctx).medial, -(akinWidth(ctx) / 2 + HINGE_OUT)));
}

/** Direction of the second (converging) cut from the hinge: the first cut's medial direction turned distally. */
export function secondCutDir(ctx: PlanContext): Vec3 {
  const f = pp1(ctx);
  return between(f.medial, f.axis, akinAngle(ctx));
}

/** The wedge as one convex piece: apex on the hinge, first face ⟂ the axis, second face converging. */
export function akinWedge(ctx: PlanContext) {
  const f = pp1(ctx);
  return wedge(akinHinge(ctx), f.dorsal, f.medial, secondCutDir(ctx), akinWidth(ctx) + 10, HALF_HEIGHT);
}

/** A view of the base of the phalanx from medial and above, like a surgeon's over the wound. */
export const baseView = (distance = 110, fromDorsal = 0.7) =>
  medialView(
    pp1,
    (ctx) => ctx.placed('akinBase', cutCentre(ctx)),
    { dorsal: fromDorsal, distal: 0.25 },
    distance,
  );

/** Staple: bridge on the medial cortex across the closed osteotomy, legs driven laterally. */
function staplePose(ctx: StepContext) {
  const f = pp1(ctx);
  const w = akinWidth(ctx);
  // The bridge (wire 0.6 mm) rests on the medial cortex, slightly dorsal, 0.4 mm proud of it; its
  // middle 1 mm distal to the first cut, so the proximal leg keeps ~4 mm of bone from the joint.
  const centre = add(cutCentre(ctx), scale(f.axis, 1));
  const bridge = add(centre, add(scale(f.medial, w / 2 + 1), scale(f.dorsal, 1.5)));
  const tip = add(bridge, scale(f.medial, -STAPLE_SHAPE[1]));
  return {
    tip: ctx.placed('akinBase', tip),
    direction: placedDir(ctx, 'akinBase', tip, scale(f.medial, -1)),
    up: placedDir(ctx, 'akinBase', tip, f.dorsal),
  };
}

/** Screw: from the medial cortex of the toe fragment, across the osteotomy into the lateral base. */
export function screwLine(ctx: StepContext): ScrewLine {
  const f = pp1(ctx);
  const w = akinWidth(ctx);
  const entry = ctx.placed('akinToe', f.at(AKIN_STATION + 8 - f.length, 1, w / 2));
  const target = ctx.placed('akinBase', f.at(AKIN_STATION - 4 - f.length, 0, -w / 2 + 1));
  return { entry, target };
}

export const stapleStep: StepDef = {
  id: 'staple',
  duration: 4,
  camera: baseView(100, 0.5),
  implants: [
    {
      id: 'staple',
      kind: 'staple',
      fixedTo: 'akinToe',
      target: { part: 'proximalPhalanx1', station: { ...CUT_LEVEL, within: 3 }, within: 0 },
      shape: () => STAPLE_SHAPE,
      path: (ctx, p) => {
        const s = staplePose(ctx);
        // Brought in from medial, then tapped home over the second half of the step.
        const out = 14 * (1 - Math.min(1, p * 1.6));
        return { ...s, tip: add(s.tip, scale(s.direction, -out)) };
      },
    },
  ],
};

export const screwStep: StepDef = {
  id: 'screw',
  duration: 5,
  camera: baseView(100, 0.6),
  // Its tip in the lateral base, proximal to the cut.
  ...wireThenScrew('screw', 'headlessScrew', 'akinToe', screwLine, {
    part: 'proximalPhalanx1',
    side: 'lateral',
    station: { from: 'base', to: 'head', at: (AKIN_STATION - 4) / 22, within: 3 },
  }),
};

/** Each saw pass ends with the blade's tip at the hinge: the lateral cortex at the cut's level. */
export const SAW_TARGET: ToolTarget = {
  part: 'proximalPhalanx1',
  side: 'lateral',
  station: { ...CUT_LEVEL, within: 2 },
};

/** A saw pass along one face of the wedge: from outside the medial cortex to the hinge. */
export function sawAlong(ctx: StepContext, dir: Vec3, p: number) {
  const f = pp1(ctx);
  const hinge = akinHinge(ctx);
  const reach = akinWidth(ctx) + HINGE_OUT + 4;
  const at = add(hinge, scale(dir, reach * (1 - p)));
  return {
    tip: ctx.placed('akinBase', at),
    direction: placedDir(ctx, 'akinBase', at, scale(dir, -1)),
    up: placedDir(ctx, 'akinBase', at, normalize(cross(dir, f.dorsal))),
  };
}

/** The toe turning medially about the lateral hinge until the wedge is closed (however it was cut). */
export const closeWedge: MotionDef = {
  id: 'close',
  body: 'akinToe',
  kind: 'rotate',
  // About the dorsal direction, a positive turn takes the distal axis towards medial.
  direction: towards(pp1, 'dorsal'),
  pivot: akinHinge,
  amount: akinAngle,
};

/** The base and the toe move with the phalanx until the wedge closes; the distal phalanx with the toe. */
export const AKIN_FOLLOWS: readonly FollowDef[] = [
  { body: 'akinBase', follows: 'proximalPhalanx1' },
  { body: 'akinToe', follows: 'proximalPhalanx1' },
  { body: 'distalPhalanx1', follows: 'akinToe' },
];
