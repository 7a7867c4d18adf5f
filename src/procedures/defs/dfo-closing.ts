/**
 * Medial closing-wedge distal femoral osteotomy (CLINICAL §2.3) for a valgus knee: two pairs of
 * guide wires converging on a hinge inside the lateral cortex, the two cuts, the wedge (base
 * medial) taken out, the gap closed, a medial (subvastus) locking plate.
 */
import { kneeIndication } from '../knee/aftercare';
import { distalFemoralOsteotomy } from '../knee/distal-femur';
import { femurStation } from '../knee/steps';
import type { ProcedureDef } from '../types';

export const dfoClosing: ProcedureDef = distalFemoralOsteotomy(
  {
    id: 'dfo-closing',
    approach: 'closing',
    icon: 'M8 2h8v8l-3 3 3 3v6H8v-6l3-3-3-3zM11 13h2',
    source: [61, 'PMC8252853 (medial closing wedge DFO)'],
    // The wires and saw end at the lateral hinge above the condyles; the second saw pass's tip
    // beside the oblique face of the shaft's fragment, whose slice there lies to one side.
    hingeAbove: 41,
    alsoTargets: { secondSaw: { part: 'femur', station: femurStation(41, 8) } },
    plateAbove: 23,
    screwsAbove: [30, 38, 40, 62, 75, 90, 104],
  },
  // CLINICAL §2.3: a valgus knee is corrected at the femur; the quiz's case quotes the default valgus knee.
  { indication: kneeIndication('femur', { id: 'valgusKnee', quotes: { hka: 188, ldfa: 80 } }) },
);

/** The picker lists the procedures by this number, lowest first. */
export const order = 8;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = dfoClosing;
