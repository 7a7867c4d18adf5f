/**
 * The fibula in a lateral closing-wedge HTO (CLINICAL §2.2): freed at its joint with the tibia (the
 * proximal tibiofibular release) or cut across its shaft, so the tibia can close; the swing it
 * makes as the wedge closes.
 */
import { perContext } from '../../kit/case-memo';
import { landmark } from '../../../anatomy/landmarks';
import { add, cross, dot, normalize, scale, sub, type Vec3 } from '../../../anatomy/vec';
import { ease } from '../../kit/ease';
import { turnAbout } from '../../../clinical/knee-cut-geometry';
import { slab } from '../../kit/cutters';
import { kneePlan, type KneeKind } from '../../knee/plan';
import { fibulaStation } from '../../knee/steps';
import type { MotionDef, PlanContext, StepDef } from '../../types';

export const KIND: KneeKind = { site: 'tibia', approach: 'closing' };

/**
 * The fibula is cut this far below its head's tip: in its proximal third, above the 70–150 mm
 * zone where the peroneal nerve's branches run (CLINICAL §2.2), mm.
 */
export const FIBULA_CUT_BELOW = 60;

/** The fibula's axis from its head to the lateral malleolus (unit), and a point `below` mm down it. */
export function fibulaLine(ctx: PlanContext, below: number) {
  const head = landmark(ctx.landmarks, 'fibula', 'head');
  const axis = normalize(sub(landmark(ctx.landmarks, 'fibula', 'lateralMalleolus'), head));
  return { axis, at: add(head, scale(axis, below)) };
}

/**
 * The fibular resection: a segment as long as the fibula's overlap once the wedge closes (the
 * distal fibula rides up with the tibia), plus 2 mm, so the ends meet instead of overriding.
 */
export function fibulaResection(ctx: PlanContext): number {
  const plan = kneePlan(ctx, KIND);
  const { axis, at } = fibulaLine(ctx, FIBULA_CUT_BELOW);
  const moved = turnAbout(at, plan.hinge, plan.transform.angle);
  return Math.abs(dot(sub(moved, at), axis)) + 2;
}

export function fibulaCutter(ctx: PlanContext) {
  const { axis, at } = fibulaLine(ctx, FIBULA_CUT_BELOW);
  const t = fibulaResection(ctx);
  // Perpendicular to the shaft; the segment's upper face at the cut level.
  const across = normalize(sub([1, 0, 0], scale(axis, axis[0])));
  return slab(add(at, scale(axis, t / 2)), across, [0, 0, 1], 30, 30, t);
}

/**
 * With its upper joint released, the fibula rides up with the closing tibia; its head, which would
 * otherwise push into the lateral tibial condyle, swings back and out about the ankle by this
 * fraction of the correction (2.75° for 11°: the head moves about 15 mm).
 */
export const FIBULA_SWING_PER_DEGREE = 0.25;

/** The released fibula's swing: about the lateral malleolus, taking the head back and out. */
export const fibulaSwing: MotionDef = {
  id: 'fibula-swing',
  body: 'fibula',
  kind: 'rotate',
  direction: (ctx) => {
    const head = landmark(ctx.landmarks, 'fibula', 'head');
    const axis = normalize(sub(head, landmark(ctx.landmarks, 'fibula', 'lateralMalleolus')));
    return normalize(cross(axis, normalize([-1, 0, -1])));
  },
  pivot: (ctx) => landmark(ctx.landmarks, 'fibula', 'lateralMalleolus'),
  amount: (ctx) => FIBULA_SWING_PER_DEGREE * Math.abs(kneePlan(ctx, KIND).correction),
};

/**
 * The proximal tibiofibular joint on this patient: the point of the fibular head's facet that faces
 * the tibia (up, forward and inward from the head's centre), and that direction.
 */
export const tibiofibularJoint = perContext((ctx: PlanContext) => {
  const head = landmark(ctx.landmarks, 'fibula', 'head');
  const towardsTibia = normalize([0.7, 0.6, 0.38]);
  const facet = add(head, scale(towardsTibia, ctx.gauge.reach('fibula', head, towardsTibia)));
  return { facet, towardsTibia };
});

export const fibulaRelease: StepDef = {
  id: 'fibula-release',
  duration: 4,
  // From the outside and a little behind: the fibular head in front of the tibia, the chisel
  // entering their joint from the front.
  camera: (ctx) => ({ target: tibiofibularJoint(ctx).facet, from: [-1, 0.2, -0.15], distance: 160 }),
  instruments: [
    {
      // A chisel into the proximal tibiofibular joint from the front of the lateral incision, its
      // blade in the joint's plane, freeing the fibular head (the peroneal nerve lies behind the neck).
      id: 'chisel-ptfj',
      kind: 'chisel',
      target: { part: 'fibula', side: 'medial', station: fibulaStation(0, 10) },
      path: (ctx, p) => {
        const { facet, towardsTibia } = tibiofibularJoint(ctx);
        // Backwards and a little inwards, in the joint's plane.
        const back: Vec3 = [0.2, 0, -1];
        const dir = normalize(sub(back, scale(towardsTibia, dot(back, towardsTibia))));
        // The edge in the joint, bearing on the fibular facet as it frees it.
        const tip = add(add(facet, scale(towardsTibia, -0.5)), scale(dir, 2));
        return { tip: add(tip, scale(dir, -30 * (1 - ease(p)))), direction: dir, up: towardsTibia };
      },
    },
  ],
};

/** The fibula's cut: across its shaft from the outside, the saw's tip at its inner cortex. */
export const fibulaOsteotomy: StepDef = {
  id: 'fibula-osteotomy',
  duration: 4,
  camera: (ctx) => ({ target: fibulaLine(ctx, FIBULA_CUT_BELOW).at, from: [-1, 0.2, 0.5], distance: 180 }),
  cuts: ['fibula'],
  instruments: [
    {
      id: 'saw-fibula',
      kind: 'saw',
      action: 'oscillate',
      target: { part: 'fibula', side: 'medial', station: fibulaStation(FIBULA_CUT_BELOW, 6) },
      path: (ctx, p) => {
        const { axis, at } = fibulaLine(ctx, FIBULA_CUT_BELOW);
        // Square to the shaft, from lateral to medial; the blade at the proximal face of the resection.
        const dir = normalize(sub([1, 0, 0], scale(axis, axis[0])));
        const face = add(at, scale(axis, -0.5));
        const inner = ctx.gauge.reach('fibula', face, dir);
        const start = add(face, scale(dir, -25));
        const end = add(face, scale(dir, inner - 1));
        return { tip: add(start, scale(sub(end, start), ease(p))), direction: dir, up: axis };
      },
    },
  ],
};
