/**
 * Medial closing-wedge distal femoral osteotomy (CLINICAL §2.3) for a valgus knee: two pairs of
 * guide wires converging on a hinge inside the lateral cortex, the two cuts, the wedge (base
 * medial) taken out, the gap closed, a medial locking plate.
 */
import { kneeIndication } from '../knee/aftercare';
import { kneeOsteotomy } from '../knee/definition';
import { distalFemurPlate } from '../knee/plate';
import { femurStation } from '../knee/steps';
import type { ProcedureDef } from '../types';

export const dfoClosing: ProcedureDef = kneeOsteotomy(
  {
    id: 'dfo-closing',
    kind: { site: 'femur', approach: 'closing' },
    references: [57, 58, 59, 61],
    // The sources only this operation cites (the shared ones: clinical/references.ts).
    sources: {
      61: 'PMC8252853 (medial closing wedge DFO)',
    },
    icon: 'M8 2h8v8l-3 3 3 3v6H8v-6l3-3-3-3zM11 13h2',
    // Medial (subvastus), over the distal femur.
    incision: [15, 110],
    // Where the technique puts the tools (CLINICAL §2.3): wires and saw at the lateral hinge above the condyles.
    targets: {
      wires: { part: 'femur', side: 'lateral', station: femurStation(41, 6) },
      saw: { part: 'femur', side: 'lateral', station: femurStation(41, 8) },
      // Its tip beside the oblique face of the shaft's fragment, whose slice there lies to one side.
      secondSaw: { part: 'femur', station: femurStation(41, 8) },
    },
    // A medial distal-femur locking plate: three screws above the notch, four in the shaft above the cut.
    plate: distalFemurPlate('medial', 23, [30, 38, 40, 62, 75, 90, 104]),
    plateView: 240,
  },
  // CLINICAL §2.3: a valgus knee is corrected at the femur; the quiz's case quotes the default valgus knee.
  { indication: kneeIndication('femur', { id: 'valgusKnee', quotes: { hka: 188, ldfa: 80 } }) },
);

/** The picker lists the procedures by this number, lowest first. */
export const order = 8;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = dfoClosing;
