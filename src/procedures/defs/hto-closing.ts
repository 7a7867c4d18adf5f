/**
 * Lateral closing-wedge high tibial osteotomy (CLINICAL §2.2): the fibula freed (its upper joint
 * released, or its shaft cut), two guide wires converging on a medial hinge, the two cuts, the
 * wedge (base lateral) taken out, the gap closed, two staples or a plate. `fibula` and `fixation`
 * pick the variant.
 *
 * Frame: right leg, +X medial, +Y up, +Z anterior, mm.
 */
import { landmark } from '../../anatomy/landmarks';
import { add, cross, dot, normalize, scale, sub } from '../../anatomy/vec';
import { keyedMemo } from '../kit/memo';
import { closingSteps, kneeCut, kneeFollows, kneeMotions, kneeReadouts } from '../knee/definition';
import { kneeAftercare } from '../knee/aftercare';
import { depthOf, kneeParams, kneePlan, KNEE_KERF, nearCortex, nearDir, sectionFrame } from '../knee/plan';
import {
  closureStep,
  incisionStep,
  kneeCamera,
  kneeCaptionValues,
  tibiaStation,
  type KneeTargets,
} from '../knee/steps';
import { plateAndScrews, type PlateLayout } from '../knee/plate';
import type { FollowDef, ImplantUse, PlanContext, ProcedureDef, StepDef } from '../types';
import {
  KIND,
  FIBULA_CUT_BELOW,
  fibulaLine,
  fibulaResection,
  fibulaCutter,
  fibulaSwing,
  fibulaRelease,
  fibulaOsteotomy,
} from './hto-closing/fibula';

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
    ...kneeAftercare('tibia', 54, 55, 56, 72, 73, 74),
    // The sources only this operation cites (the shared ones: clinical/references.ts).
    sources: {
      54: 'boneschool.com, closing wedge HTO technique',
      55: 'wheelessonline.com, management of the fibula in HTO',
      56: 'orthogate.org, closing wedge HTO (Rudan)',
    },
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
    icon: 'M7 2h10v5l-3 3 3 3v9H7v-9l3-3-3-3zM10 10h4',
    params: [
      ...kneeParams(KIND.site),
      { id: 'fibula', kind: 'choice', values: ['release', 'osteotomy'], default: 'release', recut: true },
      { id: 'fixation', kind: 'choice', values: ['staples', 'plate'], default: 'staples', recut: false },
    ],
    variant: (params) => htoClosing(params.fibula, params.fixation),
    readouts: kneeReadouts(KIND),
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
