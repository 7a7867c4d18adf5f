import { useLayoutEffect } from 'react';
import { REGION_PARTS, SOFT_PARTS } from '../anatomy/parts';
import { SEX_SCALE } from '../anatomy/sizes';
import { usePosedPatient } from '../state/patient';
import { useSession } from '../state/store';
import { BonePart } from './BonePart';
import { usePane } from './pane';
import { LoadedProcedureLayer } from './procedure-layer-chunk';

import type { RegionModel } from '../anatomy/mesh';

interface Props {
  readonly model: RegionModel;
}

/** Every part of the region, posed to the patient; the left side is the right one mirrored here. */
export function RegionBones({ model }: Props) {
  const patient = usePosedPatient();
  const side = useSession((s) => s.side);
  const sex = useSession((s) => s.sex);
  const s = SEX_SCALE[patient.region][sex];
  // New bones (this region's) are not on screen until a frame shows them.
  const pane = usePane();
  useLayoutEffect(() => pane.changed(), [pane, model]);
  return (
    <group scale={[side === 'left' ? -s : s, s, s]}>
      {REGION_PARTS[patient.region].map((id) => {
        const rest = model.get(id);
        if (!rest) return null;
        const soft = SOFT_PARTS.has(id);
        return <BonePart key={id} id={id} rest={rest} pose={patient.poses[id]} soft={soft} />;
      })}
      {/* Loaded by now (as a rule): the layer mounts with the bones, not a render after them. */}
      <LoadedProcedureLayer model={model} />
    </group>
  );
}
