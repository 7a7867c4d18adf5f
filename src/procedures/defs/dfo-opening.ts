/**
 * Lateral opening-wedge distal femoral osteotomy (CLINICAL §2.3) for a valgus knee: one cut from
 * the lateral cortex above the condyles down to a hinge inside the medial cortex, opened to the
 * planned angle, a graft wedge, a lateral locking plate. The same steps as the opening HTO on the
 * other bone and side ("femoral osteotomies use the same technique").
 */
import { KNEE_READOUTS, kneeCut, kneeFollows, kneeMotions, openingSteps } from '../knee-definition';
import { kneeAftercare } from '../knee-aftercare';
import { kneeParams, kneePlan, type KneeKind } from '../knee-osteotomy';
import {
  closureStep,
  distalFemurPlate,
  femurStation,
  incisionStep,
  kneeCamera,
  kneeCaptionValues,
  plateAndScrews,
  type KneeTargets,
  type PlateLayout,
} from '../knee-steps';
import type { ProcedureDef } from '../types';

const KIND: KneeKind = { site: 'femur', approach: 'opening' };

/** Where the technique puts the tools (CLINICAL §2.3): wires and saw at the medial hinge above the condyles. */
const TARGETS: KneeTargets = {
  wires: { part: 'femur', side: 'medial', station: femurStation(31, 6) },
  saw: { part: 'femur', side: 'medial', station: femurStation(31, 8) },
  chisels: { part: 'femur', station: femurStation(45, 12) },
  graft: { part: 'femur', station: femurStation(45, 12) },
};

/** A lateral distal-femur locking plate: three screws above the notch, four in the shaft above the cut. */
const PLATE: PlateLayout = distalFemurPlate('lateral', 27, [27, 35, 43, 78, 88, 100, 112]);

export const dfoOpening: ProcedureDef = {
  id: 'dfo-opening',
  treats: 'valgus',
  region: 'knee',
  ...kneeAftercare(57, 58, 59, 60),
  quiz: { wrongFor: ['moderateBunion', 'varusKnee', 'lyticLesion'] },
  icon: 'M8 2h8v9l-1 11H9L8 11zM16 15l-8-3',
  params: kneeParams(KIND.site),
  readouts: KNEE_READOUTS,
  cuts: [kneeCut(KIND)],
  motions: kneeMotions(KIND),
  follows: kneeFollows(KIND),
  steps: [
    // Lateral, over the distal femur, from above the condyles up past the cut.
    incisionStep(KIND, 15, 110),
    ...openingSteps(KIND, TARGETS),
    {
      id: 'plate',
      duration: 6,
      camera: kneeCamera(KIND, 240, 0.1, 0.6),
      implants: plateAndScrews(KIND, PLATE),
    },
    closureStep(KIND),
  ],
  captionValues: (ctx) => kneeCaptionValues(ctx, KIND),
  warnings: (ctx) => kneePlan(ctx, KIND).warnings,
};

/** The picker lists the procedures by this number, lowest first. */
export const order = 7;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = dfoOpening;
