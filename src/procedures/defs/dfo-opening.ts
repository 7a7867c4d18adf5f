/**
 * Lateral opening-wedge distal femoral osteotomy (CLINICAL §2.3) for a valgus knee: one cut from
 * the lateral cortex above the condyles down to a hinge inside the medial cortex, opened to the
 * planned angle, a graft wedge, a lateral locking plate. The same steps as the opening HTO on the
 * other bone and side ("femoral osteotomies use the same technique").
 */
import { distalFemoralOsteotomy } from '../knee/distal-femur';
import { femurStation } from '../knee/steps';
import type { ProcedureDef } from '../types';

export const dfoOpening: ProcedureDef = distalFemoralOsteotomy({
  id: 'dfo-opening',
  approach: 'opening',
  icon: 'M8 2h8v9l-1 11H9L8 11zM16 15l-8-3',
  source: [60, 'PMC7528581 (lateral opening wedge DFO pearls)'],
  // The wires and saw end at the medial hinge above the condyles; the chisels and graft open the cut.
  hingeAbove: 31,
  alsoTargets: {
    chisels: { part: 'femur', station: femurStation(45, 12) },
    graft: { part: 'femur', station: femurStation(45, 12) },
  },
  plateAbove: 27,
  screwsAbove: [27, 35, 43, 78, 88, 100, 112],
});

/** The picker lists the procedures by this number, lowest first. */
export const order = 7;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = dfoOpening;
