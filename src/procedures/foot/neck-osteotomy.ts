/**
 * The hardware-free burr osteotomies at the first metatarsal's neck (CLINICAL §1.4 [23][24][27]):
 * the classic straight cut the burr's width (Bösch family), or, for a joint surface tilted out
 * (DMAA above 10°), the Reverdin-Isham closing wedge based medially, which turns the head and the
 * toe on it back square. Pure geometry and steps for the percutaneous bunion operation.
 *
 * Frame: right foot, +X medial, +Y up, +Z distal, mm.
 */
import { perContext } from '../kit/case-memo';
import { add, lerp3, scale, type Vec3 } from '../../anatomy/vec';
import { measureFoot } from '../../clinical/foot-angles';
import { slab, wedge } from '../kit/cutters';
import { between, towards } from '../kit/bone-frame';
import { BURR_DIAMETER, burrAcross } from './burr';
import { headAndShaft, m1, m1Target } from './first-ray';
import type { CutDef, MotionDef, PlanContext, StepDef } from '../types';

/**
 * The neck cut lies this far behind the head's centre along the metatarsal, mm: subcapital, at the
 * neck (~82 % of the way base→head on the model), proximal to the capsule, as the burr makes it.
 */
export const NECK_STATION = -9;
/** CLINICAL §1.4 [23][24]: above this DMAA the percutaneous technique closes a wedge at the neck. */
export const REVERDIN_DMAA = 10;
/** The wedge brings the joint surface to the middle of the normal DMAA (0–8°, CLINICAL §1). */
export const DMAA_TARGET = 4;
/** The wedge's apex lies this far outside the lateral cortex, mm (like the Akin's hinge). */
const HINGE_OUT = 0.5;

/** Width of the metatarsal across the shift direction at the neck cut, mm. */
export const neckWidth = perContext((ctx: PlanContext): number => {
  const f = m1(ctx);
  return ctx.gauge.width('metatarsal1', f.at(NECK_STATION), f.axis, f.medial);
});

/** The Reverdin-Isham wedge's angle for this patient, degrees: what squares the joint surface. */
export function reverdinWedgeDeg(ctx: PlanContext): number {
  return Math.max(0, measureFoot(ctx.landmarks).dmaa - DMAA_TARGET);
}

/** The wedge's apex: at the lateral cortex of the neck, on the straight cut's plane. */
function hinge(ctx: PlanContext): Vec3 {
  return m1(ctx).at(NECK_STATION, 0, -(neckWidth(ctx) / 2 + HINGE_OUT));
}

/** The distal face of the wedge, from the hinge: the cut's medial direction turned distally. */
function wedgeFace(ctx: PlanContext): Vec3 {
  const f = m1(ctx);
  return between(f.medial, f.axis, reverdinWedgeDeg(ctx));
}

/** The straight cut at the neck, the burr's width; with `wedge`, the closing wedge beside it. */
export function neckCut(withWedge: boolean): CutDef {
  return {
    id: 'neck',
    bone: 'metatarsal1',
    cutter: (ctx) => {
      const f = m1(ctx);
      const straight = slab(f.at(NECK_STATION), f.medial, f.dorsal, 25, 25, BURR_DIAMETER);
      if (!withWedge || reverdinWedgeDeg(ctx) === 0) return [straight];
      return [straight, wedge(hinge(ctx), f.dorsal, f.medial, wedgeFace(ctx), neckWidth(ctx) + 10, 25)];
    },
    fragments: headAndShaft('capital'),
  };
}

/** Closing the wedge: the head turns about its lateral hinge, its articular surface towards medial. */
export const closeNeckWedge: MotionDef = {
  id: 'close-wedge',
  body: 'capital',
  kind: 'rotate',
  // About the dorsal direction, a positive turn takes the distal axis towards medial.
  direction: towards(m1, 'dorsal'),
  pivot: hinge,
  amount: reverdinWedgeDeg,
};

/** The share of the wedge's sweep the burr takes to pivot over from the straight face to it. */
const PIVOT_OVER = 0.1;

/**
 * The osteotomy step: the burr in from medial, its tip through to the lateral cortex, swept from
 * dorsal to plantar and back across the neck, stopping level with the axis (the still): the
 * straight cut, or the straight face then the wedge's angled face.
 */
export function neckOsteotomyStep(withWedge: boolean, camera: StepDef['camera']): StepDef {
  const sweep = (ctx: PlanContext, q: number) => {
    const f = m1(ctx);
    const high = ctx.gauge.width('metatarsal1', f.at(NECK_STATION), f.axis, f.dorsal) / 2 - 1.5;
    return scale(f.dorsal, high * Math.cos(q * Math.PI * 2.5));
  };
  const straight = (ctx: PlanContext, p: number) =>
    add(m1(ctx).at(NECK_STATION, 0, -(neckWidth(ctx) / 2 - 1)), sweep(ctx, p));
  return {
    id: withWedge ? 'wedge-osteotomy' : 'osteotomy',
    duration: withWedge ? 6 : 4,
    fluoro: 'ap',
    camera,
    cuts: ['neck'],
    instruments: [
      {
        ...(withWedge
          ? burrAcross('burr-neck', (ctx, p) => {
              if (p < 0.5) return straight(ctx, p * 2);
              // The second sweep along the wedge's distal face, its tip on the lateral cortex by the
              // hinge; the burr pivots in its portal over to that face in the sweep's first tenth.
              const q = (p - 0.5) * 2;
              const onFace = add(add(hinge(ctx), scale(wedgeFace(ctx), HINGE_OUT + 1.5)), sweep(ctx, q));
              return q < PIVOT_OVER ? lerp3(straight(ctx, 1), onFace, q / PIVOT_OVER) : onFace;
            })
          : burrAcross('burr-neck', straight)),
        target: m1Target('lateral', NECK_STATION, 3),
      },
    ],
  };
}
