/**
 * Lateral opening-wedge distal femoral osteotomy (CLINICAL §2.3) for a valgus knee: one cut from
 * the lateral cortex above the condyles down to a hinge inside the medial cortex, opened to the
 * planned angle, a graft wedge, a lateral locking plate. The same steps as the opening HTO on the
 * other bone and side ("femoral osteotomies use the same technique").
 */
import { kneeOsteotomy } from '../knee/definition';
import { distalFemurPlate } from '../knee/plate';
import { femurStation } from '../knee/steps';
import type { ProcedureDef } from '../types';

export const dfoOpening: ProcedureDef = kneeOsteotomy({
  id: 'dfo-opening',
  kind: { site: 'femur', approach: 'opening' },
  references: [57, 58, 59, 60],
  // The sources only this operation cites (the shared ones: clinical/references.ts).
  sources: {
    60: 'PMC7528581 (lateral opening wedge DFO pearls)',
  },
  icon: 'M8 2h8v9l-1 11H9L8 11zM16 15l-8-3',
  // Lateral, over the distal femur, from above the condyles up past the cut.
  incision: [15, 110],
  // Where the technique puts the tools (CLINICAL §2.3): wires and saw at the medial hinge above the condyles.
  targets: {
    wires: { part: 'femur', side: 'medial', station: femurStation(31, 6) },
    saw: { part: 'femur', side: 'medial', station: femurStation(31, 8) },
    chisels: { part: 'femur', station: femurStation(45, 12) },
    graft: { part: 'femur', station: femurStation(45, 12) },
  },
  // A lateral distal-femur locking plate: three screws above the notch, four in the shaft above the cut.
  plate: distalFemurPlate('lateral', 27, [27, 35, 43, 78, 88, 100, 112]),
  plateView: 240,
});

/** The picker lists the procedures by this number, lowest first. */
export const order = 7;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = dfoOpening;
