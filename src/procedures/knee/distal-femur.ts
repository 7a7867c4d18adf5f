/**
 * A distal femoral osteotomy (CLINICAL §2.3) for a valgus knee: the opening wedge from the lateral
 * side, hinged medially, or the closing wedge from the medial side, hinged laterally. Both are cut
 * above the condyles from a 15–110 mm incision, fixed by a distal-femur locking plate on the near
 * side, and cite the DFO sources [57][58][59]; a definition file gives what is its own.
 */
import type { ProcedureDef } from '../types';
import { kneeOsteotomy } from './definition';
import type { KneeKind } from './plan';
import { distalFemurPlate } from './plate';
import { femurStation, type KneeTargets } from './steps';

/** What one distal femoral osteotomy has of its own. */
export interface DistalFemurSpec {
  readonly id: string;
  readonly approach: KneeKind['approach'];
  /** The picker's picture (see ProcedureDef.icon). */
  readonly icon: string;
  /** The one CLINICAL source only this operation cites: its number and citation. */
  readonly source: readonly [number, string];
  /** How far above the knee centre the hinge lies, where the wires and the saw end, mm. */
  readonly hingeAbove: number;
  /** Where the tools this approach adds work: the chisels and graft, or the second saw pass. */
  readonly alsoTargets: Partial<KneeTargets>;
  /** The plate's top above the knee centre, and where its screws go in, mm above it. */
  readonly plateAbove: number;
  readonly screwsAbove: readonly number[];
}

/** The DFO's own sources after the knee's planning ones. */
const DFO_REFERENCES = [57, 58, 59] as const;

/** A distal femoral osteotomy from what is its own; `extra` as kneeOsteotomy takes it (its quiz role). */
export function distalFemoralOsteotomy(
  spec: DistalFemurSpec,
  extra: Partial<ProcedureDef> = {},
): ProcedureDef {
  // The opening wedge comes from the lateral side and hinges medially; the closing wedge the reverse.
  const near = spec.approach === 'opening' ? 'lateral' : 'medial';
  const hinge = near === 'lateral' ? 'medial' : 'lateral';
  const [ownSource, citation] = spec.source;
  return kneeOsteotomy(
    {
      id: spec.id,
      kind: { site: 'femur', approach: spec.approach },
      references: [...DFO_REFERENCES, ownSource],
      // The sources only this operation cites (the shared ones: clinical/references.ts).
      sources: { [ownSource]: citation },
      icon: spec.icon,
      // Over the distal femur on the near side, from above the condyles up past the cut.
      incision: [15, 110],
      targets: {
        wires: { part: 'femur', side: hinge, station: femurStation(spec.hingeAbove, 6) },
        saw: { part: 'femur', side: hinge, station: femurStation(spec.hingeAbove, 8) },
        ...spec.alsoTargets,
      },
      // A distal-femur locking plate on the near side: three screws above the notch, four in the shaft above the cut.
      plate: distalFemurPlate(near, spec.plateAbove, spec.screwsAbove),
      plateView: 240,
    },
    extra,
  );
}
