/**
 * Lateral closing-wedge high tibial osteotomy (CLINICAL §2.2): the fibula freed (its upper joint
 * released, or its shaft cut), two guide wires converging on a medial hinge, the two cuts, the
 * wedge (base lateral) taken out, the gap closed, two staples or a plate. `fibula` and `fixation`
 * pick the variant.
 *
 * Frame: right leg, +X medial, +Y up, +Z anterior, mm.
 */
import { landmark } from '../../anatomy/landmarks';
import { add, cross, dot, normalize, scale, sub, type Vec3 } from '../../anatomy/vec';
import { ease } from '../kit/ease';
import { keyedMemo } from '../kit/memo';
import { turnAbout } from '../../clinical/knee-planning';
import { slab } from '../kit/cutters';
import { closingSteps, KNEE_READOUTS, kneeCut, kneeFollows, kneeMotions } from '../knee/definition';
import { kneeAftercare } from '../knee/aftercare';
import {
  depthOf,
  kneeParams,
  kneePlan,
  KNEE_KERF,
  nearCortex,
  nearDir,
  sectionFrame,
  type KneeKind,
} from '../knee/plan';
import {
  closureStep,
  fibulaStation,
  incisionStep,
  kneeCamera,
  kneeCaptionValues,
  tibiaStation,
  type KneeTargets,
} from '../knee/steps';
import { plateAndScrews, type PlateLayout } from '../knee/plate';
import type { FollowDef, ImplantUse, MotionDef, PlanContext, ProcedureDef, StepDef } from '../types';

const KIND: KneeKind = { site: 'tibia', approach: 'closing' };

/**
 * Where the technique puts the tools (CLINICAL §2.2): the wires and saws converge on the medial
 * hinge, the upper cut ~2 cm below the joint, the lower one below it.
 */
const TARGETS: KneeTargets = {
  wires: { part: 'tibia', side: 'medial', station: tibiaStation(24, 6) },
  saw: { part: 'tibia', side: 'medial', station: tibiaStation(23, 6) },
  // Its tip beside the oblique face of the shaft's fragment, whose slice there lies to one side.
  secondSaw: { part: 'tibia', station: tibiaStation(26, 6) },
};

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
/** A staple's bridge, legs and wire, mm (a tibial staple). */
const STAPLE = { bridge: 20, legs: 20, wire: 2 } as const;
/** A staple's upper leg enters this far above the closed cut, mm. */
const STAPLE_ABOVE = 6;

/**
 * Staples across the closed osteotomy on the lateral cortex, legs driven medially: each leg enters
 * the cortex of its fragment (the head's flare above, the shaft below), so the bridge lies along
 * the cortex as a stepped staple's does.
 */
function staple(id: string, z: number, slot: number): ImplantUse {
  return {
    id,
    kind: 'staple',
    fixedTo: 'tibiaDistal',
    // On the lateral cortex across the closed cut.
    target: { part: 'tibia', side: 'lateral', station: tibiaStation(24, 8) },
    shape: () => [STAPLE.bridge, STAPLE.legs, STAPLE.wire],
    path: (ctx, p) => {
      const plan = kneePlan(ctx, KIND);
      const spread = STAPLE.bridge - STAPLE.wire;
      // Where each leg enters: on the head's cortex just above the cut (below the condyle's flare),
      // on the shaft's (once closed) below it.
      const upper = nearCortex(ctx, KIND, depthOf(ctx, KIND, plan.cutStart) - STAPLE_ABOVE, z);
      const lowerAtRest = nearCortex(
        ctx,
        KIND,
        depthOf(ctx, KIND, plan.secondCutStart ?? plan.cutStart) + spread - STAPLE_ABOVE,
        z,
      );
      const lower = ctx.placed('tibiaDistal', lowerAtRest);
      // The metaphysis narrows steeply there: the bridge leans halfway between the cortex's slope
      // and the bone's axis, so the legs stay well below the joint; the upper leg enters at its
      // cortex, the lower one a few millimetres proud of its own.
      const f = sectionFrame(ctx, KIND);
      const cortex = normalize(sub(upper, lower));
      const along = normalize(sub(cortex, f.axis));
      const near = nearDir(ctx, KIND);
      const out = normalize(sub(near, scale(along, dot(near, along))));
      const into = scale(out, -1);
      const bridge = add(add(upper, scale(out, 1)), scale(along, -spread / 2));
      const t = Math.max(0, Math.min(1, p * 2 - slot));
      const lift = 18 * (1 - t);
      // The staple's frame: legs along `into`, spread along `along` (its x = up × direction).
      return { tip: add(bridge, scale(into, STAPLE.legs - lift)), direction: into, up: cross(into, along) };
    },
  };
}

/**
 * The proximal tibiofibular joint on this patient: the point of the fibular head's facet that faces
 * the tibia (up, forward and inward from the head's centre), and that direction.
 */
function tibiofibularJoint(ctx: PlanContext) {
  const head = landmark(ctx.landmarks, 'fibula', 'head');
  const towardsTibia = normalize([0.7, 0.6, 0.38]);
  const facet = add(head, scale(towardsTibia, ctx.gauge.reach('fibula', head, towardsTibia)));
  return { facet, towardsTibia };
}

const fibulaRelease: StepDef = {
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
const fibulaOsteotomy: StepDef = {
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

const staplesStep: StepDef = {
  id: 'staples',
  duration: 4,
  camera: kneeCamera(KIND, 190, 0.1, 0.6),
  implants: [staple('staple-anterior', 4, 0), staple('staple-posterior', -8, 1)],
};

/** A lateral plate: two screws in the head above the closed cut (its top end below the joint line), four in the shaft below it. */
const PLATE: PlateLayout = {
  joint: [10, 16],
  shaft: [10, 20, 30, 40],
  plateTarget: { part: 'tibia', side: 'lateral', station: tibiaStation(13, 6), within: 4 },
  screwTargets: [13, 19, 42, 52, 62, 72].map((below) => ({
    part: 'tibia',
    station: tibiaStation(below, 10),
    within: 0,
  })),
};

const plateStep: StepDef = {
  id: 'plate',
  duration: 6,
  camera: kneeCamera(KIND, 230, 0.1, 0.6),
  implants: plateAndScrews(KIND, PLATE),
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
    // Front Surg 2023 [72], 50 knees.
    published: [
      {
        measure: 'mpta',
        kind: 'post',
        pre: { mean: 75.3, sd: 3.2 },
        post: { mean: 89.5, sd: 2.4 },
        size: { n: 50, of: 'knees' },
        refs: [72],
      },
    ],
    quiz: { wrongFor: ['toeDeviation', 'valgusKnee'] },
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
      ...closingSteps(KIND, TARGETS, cutFibula ? [] : ['fibula-swing']),
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

const variants = keyedMemo<ProcedureDef>();

/** The closing-wedge HTO for these choices, built once per combination (stable identity). */
function htoClosing(fibula: unknown, fixation: unknown): ProcedureDef {
  const f = fibula === 'osteotomy' ? 'osteotomy' : 'release';
  const x = fixation === 'plate' ? 'plate' : 'staples';
  return variants([f, x], () => htoClosingWith(f, x));
}

/** The default: PTFJ release and two staples. */
export const htoClosingDefault: ProcedureDef = htoClosing('release', 'staples');

/** The picker lists the procedures by this number, lowest first. */
export const order = 6;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = htoClosingDefault;
