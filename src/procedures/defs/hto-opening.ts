/**
 * Medial opening-wedge high tibial osteotomy (CLINICAL §2.1): guide wires to a lateral hinge, a
 * biplanar cut (the oblique main cut plus an ascending frontal cut behind the tuberosity), opening
 * with stacked chisels to the planned angle, a graft wedge in the gap, a medial locking plate with
 * 4 + 4 screws. The numbers all come from the plan (knee-osteotomy.ts).
 *
 * Frame: right leg, +X medial, +Y up, +Z anterior, mm.
 */
import { landmark } from '../../anatomy/landmarks';
import { add, cross, normalize, scale, sub, type Vec3 } from '../../anatomy/vec';
import { ease } from '../kit/ease';
import type { ConvexPiece } from '../../geometry/cutters';
import { slab } from '../kit/cutters';
import {
  ENTRY_OVERRUN,
  FAR_OVERRUN,
  kneePlan,
  KNEE_KERF,
  cutDirection,
  cutNormal,
  type KneeKind,
} from '../knee/plan';
import { mainCut } from '../knee/cuts';
import { kneeIndication } from '../knee/aftercare';
import { kneeCut, kneeFollows, kneeOsteotomy, openingSteps } from '../knee/definition';
import { guideWires, BLADE_BEARING, sawPass } from '../knee/tools';
import { kneeCamera, tibiaStation, type KneeTargets } from '../knee/steps';
import { type PlateLayout } from '../knee/plate';
import type { InstrumentUse, PlanContext, ProcedureDef } from '../types';

const KIND: KneeKind = { site: 'tibia', approach: 'opening' };

/** The frontal cut leaves the tuberosity this thick in front of it, mm. */
const TUBEROSITY_THICKNESS = 10;
/**
 * The frontal cut rises from the oblique cut at 110° to it (CLINICAL §2.1): it leans forward by
 * this much from the oblique cut's normal, leaving the anterior cortex above the tuberosity, degrees.
 */
const FRONTAL_LEAN = 20;
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

/** The frontal saw works this far up the frontal plane from the oblique cut: mid-height of the cut behind the tuberosity, mm. */
const FRONTAL_SAW_HEIGHT = 6;

/**
 * The ascending cut is sawn from the front (anteromedially), behind the tuberosity: the blade in the
 * frontal cut's plane, driven from the medial cortex across to the tuberosity's lateral border.
 */
const frontalSaw: InstrumentUse = {
  id: 'saw-frontal',
  kind: 'saw',
  action: 'oscillate',
  // The tip behind the tuberosity, just below the plateau, in front of the bone's centre.
  target: { part: 'tibia', side: 'anterior', station: tibiaStation(22, 10) },
  path: (ctx, p) => {
    const plan = kneePlan(ctx, KIND);
    const d = cutDirection(ctx, KIND);
    const w = frontalAscent(ctx);
    const tub = landmark(ctx.landmarks, 'tibia', 'tuberosity');
    // Along the frontal plane from outside the medial cortex to the tuberosity's lateral side.
    const onCut = (x: number) => {
      const t = (x - plan.cutStart[0]) / d[0];
      const base = add(plan.cutStart, scale(d, t));
      return add([base[0], base[1], frontalZ(ctx)], scale(w, FRONTAL_SAW_HEIGHT));
    };
    const from = onCut(plan.cutStart[0] + 12);
    const to = onCut(tub[0] - 6);
    const dir = normalize(sub(to, from));
    const up = normalize(cross(dir, w));
    // The blade bears on the face behind it (the head's), like the oblique cut's.
    const bearing = scale(up, (up[2] < 0 ? 1 : -1) * (KNEE_KERF / 2 + BLADE_BEARING));
    return { tip: add(add(from, bearing), scale(sub(to, from), ease(p))), direction: dir, up };
  },
};

/**
 * Where the technique puts the tools (CLINICAL §2.1): the wires and the saw aim at the lateral hinge
 * at the level of the fibular head's tip (~17 mm below the knee centre); the chisels and the graft
 * work in the opened cut, the graft posteromedially where the gap is widest.
 */
const TARGETS: KneeTargets = {
  wires: { part: 'tibia', side: 'lateral', station: tibiaStation(17, 6) },
  saw: { part: 'tibia', side: 'lateral', station: tibiaStation(18, 6) },
  chisels: { part: 'tibia', station: tibiaStation(28, 10) },
  graft: { part: 'tibia', side: 'medial', station: tibiaStation(26, 8) },
};

/**
 * TomoFix type (CLINICAL §2.1): four locking screws in the head, parallel to the joint from about
 * 10 mm below it (the lowest just above the cut), four in the shaft below the cut; the plate on
 * the anteromedial cortex.
 */
const PLATE: PlateLayout = {
  joint: [10, 16, 22, 28],
  shaft: [12, 22, 32, 42],
  plateTarget: { part: 'tibia', side: 'medial', station: tibiaStation(16, 6), within: 4 },
  screwTargets: [
    ...[16, 22, 28, 34].map((below) => ({ part: 'tibia', station: tibiaStation(below, 8), within: 0 })),
    ...[53, 63, 73, 83].map((below) => ({ part: 'tibia', station: tibiaStation(below, 8), within: 0 })),
  ],
};

export const htoOpening: ProcedureDef = kneeOsteotomy(
  {
    id: 'hto-opening',
    kind: KIND,
    references: [49, 50, 51, 52, 53, 72, 73, 74],
    // The sources only this operation cites (the shared ones: clinical/references.ts).
    sources: {
      49: 'orthoteers.com, opening wedge HTO',
      50: 'josr-online 10.1186/s13018-022-03057-w (figure 1)',
      51: 'Lobenhoffer 2003, pubmed 12774149',
      52: 'kneeguru.co.uk, opening and closing wedge osteotomy',
      53: 'Staubli 2003, Injury 34 Suppl 2:B55 (TomoFix)',
    },
    icon: 'M7 2h10v5l-2 15h-6L7 7zM16 9l-7 5',
    // A 6–8 cm anteromedial incision from just below the joint line down past the cut.
    incision: [8, 68],
    targets: TARGETS,
    plate: PLATE,
    plateView: 230,
    steps: openingSteps(KIND, TARGETS, [
      {
        id: 'cut',
        duration: 5,
        camera: kneeCamera(KIND, 190, 0.35, 0.9),
        instruments: [
          ...guideWires(KIND, 'first', 'placed', TARGETS.wires),
          sawPass(KIND, 'first', TARGETS.saw),
        ],
      },
      {
        id: 'frontal-cut',
        duration: 4,
        // From in front and a little medially: the tuberosity, the blade behind it, the oblique cut below.
        camera: (ctx) => ({ target: frontalSaw.path(ctx, 0.6).tip, from: [0.45, 0.25, 1], distance: 170 }),
        cuts: ['main'],
        instruments: [...guideWires(KIND, 'first', 'placed', TARGETS.wires), frontalSaw],
      },
    ]),
  },
  {
    // Front Surg 2023 [72], 390 knees.
    published: [
      {
        measure: 'mpta',
        kind: 'post',
        pre: { mean: 77.1, sd: 3.0 },
        post: { mean: 90.6, sd: 2.7 },
        size: { n: 390, of: 'knees' },
        refs: [72],
      },
    ],
    // CLINICAL §2: a varus knee is corrected at the tibia; the quiz's case quotes the default knee.
    indication: kneeIndication('tibia', { id: 'varusKnee', quotes: { hka: 172, mpta: 82 } }),
    // Biplanar: the tuberosity in front of the frontal cut stays on the shaft (the patellar tendon does not move).
    cuts: [
      kneeCut(
        KIND,
        (ctx) => [obliqueCut(ctx), frontalCut(ctx)],
        undefined,
        (ctx) => frontalZ(ctx) + KNEE_KERF,
      ),
    ],
    follows: [
      ...kneeFollows(KIND),
      { body: 'fibula', follows: 'tibiaDistal' },
      { body: 'talus', follows: 'tibiaDistal' },
    ],
  },
);

/** The picker lists the procedures by this number, lowest first. */
export const order = 5;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = htoOpening;
