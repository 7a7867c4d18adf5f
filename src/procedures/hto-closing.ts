/**
 * Lateral closing-wedge high tibial osteotomy (CLINICAL §2.2): the fibula freed (its upper joint
 * released, or its shaft cut), two guide wires converging on a medial hinge, the two cuts, the
 * wedge (base lateral) taken out, the gap closed, two staples or a plate. `fibula` and `fixation`
 * pick the variant.
 *
 * Frame: right leg, +X medial, +Y up, +Z anterior, mm.
 */
import { landmark } from '../anatomy/landmarks';
import { add, cross, dot, normalize, scale, sub, type Vec3 } from '../anatomy/sdf';
import { turnAbout } from '../clinical/knee-planning';
import { slab } from '../geometry/cutters';
import { closingSteps, KNEE_READOUTS, kneeCut, kneeFollows, kneeMotions } from './knee-definition';
import { kneeAftercare } from './knee-aftercare';
import { kneeParams, kneePlan, KNEE_KERF, nearDir, type KneeKind } from './knee-osteotomy';
import { closureStep, incisionStep, kneeCamera, kneeCaptionValues, plateAndScrews } from './knee-steps';
import type { FollowDef, ImplantUse, MotionDef, PlanContext, ProcedureDef, StepDef } from './types';

const KIND: KneeKind = { site: 'tibia', approach: 'closing' };

/**
 * The fibula is cut this far below its head's tip: in its proximal third, above the 70–150 mm
 * zone where the peroneal nerve's branches run (CLINICAL §2.2), mm.
 */
export const FIBULA_CUT_BELOW = 60;

/** The fibula's axis from its head to the lateral malleolus (unit), and a point `below` mm down it. */
function fibulaLine(ctx: PlanContext, below: number) {
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

function fibulaCutter(ctx: PlanContext) {
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
const FIBULA_SWING_PER_DEGREE = 0.25;

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

/** Staples across the closed osteotomy on the lateral cortex, legs driven medially. */
function staple(id: string, z: number, slot: number): ImplantUse {
  return {
    id,
    kind: 'staple',
    fixedTo: 'tibiaDistal',
    // A tibial staple: 20 mm bridge, 25 mm legs, 2 mm wire.
    shape: () => [20, 25, 2],
    path: (ctx, p) => {
      const plan = kneePlan(ctx, KIND);
      const near = nearDir(ctx, KIND);
      const bridge = add(add(plan.cutStart, scale(near, 1)), [0, 0, z]);
      const into = scale(near, -1);
      const t = Math.max(0, Math.min(1, p * 2 - slot));
      const out = 18 * (1 - t);
      return { tip: add(bridge, scale(into, 25 - out)), direction: into, up: [0, 0, 1] };
    },
  };
}

const fibulaRelease: StepDef = {
  id: 'fibula-release',
  duration: 4,
  camera: (ctx) => ({
    target: landmark(ctx.landmarks, 'fibula', 'head'),
    from: [-1, 0.2, 0.7],
    distance: 200,
  }),
  instruments: [
    {
      // A chisel into the proximal tibiofibular joint from the front, freeing the fibular head.
      id: 'chisel-ptfj',
      kind: 'chisel',
      path: (ctx, p) => {
        const head = landmark(ctx.landmarks, 'fibula', 'head');
        const joint: Vec3 = add(head, [7, 5, 4]);
        const dir = normalize([0.25, 0, -1]);
        return { tip: add(joint, scale(dir, -30 * (1 - p))), direction: dir, up: [1, 0, 0] };
      },
    },
  ],
};

const fibulaOsteotomy: StepDef = {
  id: 'fibula-osteotomy',
  duration: 4,
  camera: (ctx) => ({ target: fibulaLine(ctx, FIBULA_CUT_BELOW).at, from: [-1, 0.2, 0.6], distance: 200 }),
  cuts: ['fibula'],
  instruments: [
    {
      id: 'saw-fibula',
      kind: 'saw',
      action: 'oscillate',
      path: (ctx, p) => {
        const { axis, at } = fibulaLine(ctx, FIBULA_CUT_BELOW);
        const dir: Vec3 = [0, 0, -1];
        return { tip: add(at, scale(dir, -22 + 30 * p)), direction: dir, up: axis };
      },
    },
  ],
};

const staplesStep: StepDef = {
  id: 'staples',
  duration: 4,
  camera: kneeCamera(KIND, 190, 0.1, 0.6),
  implants: [staple('staple-anterior', 9, 0), staple('staple-posterior', -9, 1)],
};

const plateStep: StepDef = {
  id: 'plate',
  duration: 6,
  camera: kneeCamera(KIND, 230, 0.1, 0.6),
  // A lateral plate: two screws in the head above the closed cut, four in the shaft.
  implants: plateAndScrews(KIND, { joint: [6, 14], shaft: [10, 20, 30, 40] }),
};

/** The lateral closing-wedge HTO for a way of freeing the fibula and a fixation. */
function htoClosingWith(fibula: 'release' | 'osteotomy', fixation: 'staples' | 'plate'): ProcedureDef {
  const cutFibula = fibula === 'osteotomy';
  const fibulaFollows: FollowDef[] = cutFibula
    ? [
        { body: 'fibulaProximal', follows: 'fibula' },
        { body: 'fibulaDistal', follows: 'tibiaDistal' },
      ]
    : [{ body: 'fibula', follows: 'tibiaDistal' }];
  return {
    id: 'hto-closing',
    treats: 'varus',
    region: 'knee',
    ...kneeAftercare(54, 55, 56, 72, 73, 74),
    icon: 'M7 2h10v5l-3 3 3 3v9H7v-9l3-3-3-3zM10 10h4',
    params: [
      ...kneeParams(KIND.site),
      { id: 'fibula', kind: 'choice', values: ['release', 'osteotomy'], default: 'release', recut: true },
      { id: 'fixation', kind: 'choice', values: ['staples', 'plate'], default: 'staples', recut: false },
    ],
    variant: (params) => htoClosing(params.fibula, params.fixation),
    readouts: KNEE_READOUTS,
    cuts: [
      kneeCut(KIND, undefined, 8),
      ...(cutFibula
        ? [
            {
              id: 'fibula',
              bone: 'fibula',
              cutter: (ctx: PlanContext) => [fibulaCutter(ctx)],
              fragments: [
                {
                  id: 'fibulaProximal',
                  probe: (ctx: PlanContext) => fibulaLine(ctx, 4).at,
                  holds: ['head'],
                },
                {
                  id: 'fibulaDistal',
                  probe: (ctx: PlanContext) => landmark(ctx.landmarks, 'fibula', 'centre'),
                  holds: ['lateralMalleolus', 'centre'],
                },
              ],
            },
          ]
        : []),
    ],
    motions: cutFibula ? kneeMotions(KIND) : [...kneeMotions(KIND), fibulaSwing],
    follows: [...kneeFollows(KIND), ...fibulaFollows, { body: 'talus', follows: 'tibiaDistal' }],
    steps: [
      // Anterolateral, between the tuberosity and the fibular head, down past the cuts.
      incisionStep(KIND, 5, 60),
      cutFibula ? fibulaOsteotomy : fibulaRelease,
      ...closingSteps(KIND, cutFibula ? [] : ['fibula-swing']),
      fixation === 'staples' ? staplesStep : plateStep,
      closureStep(KIND),
    ],
    captionValues: (ctx) => ({
      ...kneeCaptionValues(ctx, KIND),
      kerf: KNEE_KERF,
      fibulaCut: FIBULA_CUT_BELOW,
      resection: fibulaResection(ctx),
    }),
    warnings: (ctx) => kneePlan(ctx, KIND).warnings,
  };
}

const variants = new Map<string, ProcedureDef>();

/** The closing-wedge HTO for these choices, built once per combination (stable identity). */
function htoClosing(fibula: unknown, fixation: unknown): ProcedureDef {
  const f = fibula === 'osteotomy' ? 'osteotomy' : 'release';
  const x = fixation === 'plate' ? 'plate' : 'staples';
  const key = `${f}/${x}`;
  let def = variants.get(key);
  if (!def) variants.set(key, (def = htoClosingWith(f, x)));
  return def;
}

/** The default: PTFJ release and two staples. */
export const htoClosingDefault: ProcedureDef = htoClosing('release', 'staples');
