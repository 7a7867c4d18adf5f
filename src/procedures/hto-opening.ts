/**
 * Medial opening-wedge high tibial osteotomy (CLINICAL §2.1): guide wires to a lateral hinge, a
 * biplanar cut (the oblique main cut plus an ascending frontal cut behind the tuberosity), opening
 * with stacked chisels to the planned angle, a graft wedge in the gap, a medial locking plate with
 * 4 + 4 screws. The numbers all come from the plan (knee-osteotomy.ts).
 *
 * Frame: right leg, +X medial, +Y up, +Z anterior, mm.
 */
import { landmark } from '../anatomy/landmarks';
import { add, cross, normalize, scale, type Vec3 } from '../anatomy/sdf';
import { slab, type ConvexPiece } from '../geometry/cutters';
import {
  ENTRY_OVERRUN,
  FAR_OVERRUN,
  kneeParams,
  kneePlan,
  KNEE_KERF,
  cutDirection,
  cutNormal,
  mainCut,
  type KneeKind,
} from './knee-osteotomy';
import { KNEE_READOUTS, kneeCut, kneeFollows, kneeMotions, openingSteps } from './knee-definition';
import { kneeAftercare } from './knee-aftercare';
import {
  closureStep,
  guideWires,
  incisionStep,
  kneeCamera,
  kneeCaptionValues,
  plateAndScrews,
  sawPass,
} from './knee-steps';
import type { InstrumentUse, PlanContext, ProcedureDef } from './types';

const KIND: KneeKind = { site: 'tibia', approach: 'opening' };

/** The frontal cut leaves the tuberosity this thick in front of it, mm. */
const TUBEROSITY_THICKNESS = 10;
/**
 * The frontal cut ascends from the oblique cut leaning forward by this much from the oblique cut's
 * normal, so it leaves the anterior cortex above the tuberosity (CLINICAL §2.1: ~110° to the main
 * cut; leaning further keeps the model's lateral plateau clear of it), degrees.
 */
const FRONTAL_LEAN = 35;
/** How far the frontal cut rises along its plane: past the anterior cortex everywhere, mm. */
const FRONTAL_HEIGHT = 45;

/** The frontal plane's position behind the tuberosity, z (mm). */
function frontalZ(ctx: PlanContext): number {
  return landmark(ctx.landmarks, 'tibia', 'tuberosity')[2] - TUBEROSITY_THICKNESS;
}

/** Unit direction the frontal cut ascends in: the oblique cut's normal leaned forward. */
export function frontalAscent(ctx: PlanContext): Vec3 {
  const lean = (FRONTAL_LEAN * Math.PI) / 180;
  return normalize(add(scale(cutNormal(ctx, KIND), Math.cos(lean)), [0, 0, Math.sin(lean)]));
}

/**
 * The ascending frontal cut: from the oblique cut's line at the frontal plane (reaching a kerf into
 * it so the two meet), up and forward until it has left the bone, across the whole width.
 */
export function frontalCut(ctx: PlanContext): ConvexPiece {
  const p = kneePlan(ctx, KIND);
  const d = cutDirection(ctx, KIND);
  const w = frontalAscent(ctx);
  const inset = Number(ctx.params.hinge ?? 10);
  const from = add(p.cutStart, scale(d, -ENTRY_OVERRUN - 10));
  const to = add(p.hinge, scale(d, inset + FAR_OVERRUN + 10));
  const base: Vec3 = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2, frontalZ(ctx)];
  const half = (FRONTAL_HEIGHT + KNEE_KERF) / 2;
  const centre = add(base, scale(w, half - KNEE_KERF));
  const halfLength = Math.hypot(to[0] - from[0], to[1] - from[1]) / 2;
  return slab(centre, d, w, halfLength, half, KNEE_KERF);
}

/** The oblique cut behind the frontal plane: the tuberosity in front of it stays with the shaft. */
export function obliqueCut(ctx: PlanContext): ConvexPiece {
  return mainCut(ctx, KIND, frontalZ(ctx) + KNEE_KERF);
}

/** A saw pass up the frontal plane, from the oblique cut to out of the anterior cortex. */
const frontalSaw: InstrumentUse = {
  id: 'saw-frontal',
  kind: 'saw',
  action: 'oscillate',
  path: (ctx, p) => {
    const plan = kneePlan(ctx, KIND);
    const w = frontalAscent(ctx);
    const mid = scale(add(plan.cutStart, plan.hinge), 0.5);
    const start: Vec3 = [mid[0], mid[1], frontalZ(ctx)];
    return {
      tip: add(start, scale(w, -6 + 30 * (1 - p))),
      direction: scale(w, -1),
      up: normalize(cross(cutDirection(ctx, KIND), w)),
    };
  },
};

export const htoOpening: ProcedureDef = {
  id: 'hto-opening',
  treats: 'varus',
  region: 'knee',
  ...kneeAftercare(49, 50, 51, 52, 53, 72, 73, 74),
  icon: 'M7 2h10v5l-2 15h-6L7 7zM16 9l-7 5',
  params: kneeParams(KIND.site),
  readouts: KNEE_READOUTS,
  // Biplanar: the tuberosity in front of the frontal cut stays on the shaft (the patellar tendon does not move).
  cuts: [
    kneeCut(
      KIND,
      (ctx) => [obliqueCut(ctx), frontalCut(ctx)],
      undefined,
      (ctx) => frontalZ(ctx) + KNEE_KERF,
    ),
  ],
  motions: kneeMotions(KIND),
  follows: [
    ...kneeFollows(KIND),
    { body: 'fibula', follows: 'tibiaDistal' },
    { body: 'talus', follows: 'tibiaDistal' },
  ],
  steps: [
    // A 6–8 cm anteromedial incision from just below the joint line down past the cut.
    incisionStep(KIND, 8, 68),
    ...openingSteps(KIND, [
      {
        id: 'cut',
        duration: 5,
        camera: kneeCamera(KIND, 190, 0.35, 0.9),
        instruments: [...guideWires(KIND, 'first', 'placed'), sawPass(KIND, 'first')],
      },
      {
        id: 'frontal-cut',
        duration: 4,
        camera: kneeCamera(KIND, 200, 0.3, 1.6),
        cuts: ['main'],
        instruments: [...guideWires(KIND, 'first', 'placed'), frontalSaw],
      },
    ]),
    {
      id: 'plate',
      duration: 6,
      camera: kneeCamera(KIND, 230, 0.1, 0.6),
      // TomoFix type: four locking screws in the head below the plateau, four in the shaft below the cut.
      implants: plateAndScrews(KIND, { joint: [5, 13, 21, 29], shaft: [12, 22, 32, 42] }),
    },
    closureStep(KIND),
  ],
  captionValues: (ctx) => kneeCaptionValues(ctx, KIND),
  warnings: (ctx) => kneePlan(ctx, KIND).warnings,
};
