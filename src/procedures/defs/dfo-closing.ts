/**
 * Medial closing-wedge distal femoral osteotomy (CLINICAL §2.3) for a valgus knee: two pairs of
 * guide wires converging on a hinge inside the lateral cortex, the two cuts, the wedge (base
 * medial) taken out, the gap closed, a medial locking plate.
 */
import { closingSteps, KNEE_READOUTS, kneeCut, kneeFollows, kneeMotions } from '../knee-definition';
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

const KIND: KneeKind = { site: 'femur', approach: 'closing' };

/** Where the technique puts the tools (CLINICAL §2.3): wires and saw at the lateral hinge above the condyles. */
const TARGETS: KneeTargets = {
  wires: { part: 'femur', side: 'lateral', station: femurStation(41, 6) },
  saw: { part: 'femur', side: 'lateral', station: femurStation(41, 8) },
  // Its tip beside the oblique face of the shaft's fragment, whose slice there lies to one side.
  secondSaw: { part: 'femur', station: femurStation(41, 8) },
};

/** A medial distal-femur locking plate: three screws above the notch, four in the shaft above the cut. */
const PLATE: PlateLayout = distalFemurPlate('medial', 23, [30, 38, 40, 62, 75, 90, 104]);

export const dfoClosing: ProcedureDef = {
  id: 'dfo-closing',
  treats: 'valgus',
  region: 'knee',
  ...kneeAftercare(57, 58, 59, 61),
  // CLINICAL §2.3: a valgus knee is corrected at the femur.
  quiz: { answers: 'valgusKnee', wrongFor: ['varusKnee'] },
  icon: 'M8 2h8v8l-3 3 3 3v6H8v-6l3-3-3-3zM11 13h2',
  params: kneeParams(KIND.site),
  readouts: KNEE_READOUTS,
  cuts: [kneeCut(KIND)],
  motions: kneeMotions(KIND),
  follows: kneeFollows(KIND),
  steps: [
    // Medial (subvastus), over the distal femur.
    incisionStep(KIND, 15, 110),
    ...closingSteps(KIND, TARGETS),
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
export const order = 8;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = dfoClosing;
