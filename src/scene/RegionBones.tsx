import { lazy, Suspense, useLayoutEffect, useState } from 'react';
import { REGION_PARTS, SOFT_PARTS } from '../anatomy/parts';
import { SEX_SCALE } from '../anatomy/sizes';
import { usePosedPatient } from '../state/patient';
import { useSession } from '../state/store';
import { BonePart } from './BonePart';
import { usePane } from './pane';

import type { RegionModel } from '../anatomy/mesh';
import type { ProcedureLayer } from './procedure/ProcedureLayer';

/**
 * Fragments, tools, overlays and the clock: their own chunk, out of the initial JS. Every view mounts
 * them with the bones, so the app fetches them while the model downloads (see main.tsx): fetched
 * only once the bones render, they came a few frames after them (~0.5 s later in software WebGL).
 * A failed fetch is forgotten, so a view mounted again (its retry) fetches afresh.
 */
export const preloadProcedureLayer = () =>
  (pendingLayer ??= import('./procedure/ProcedureLayer').then(
    (m) => (procedureLayer = m.ProcedureLayer),
    (error: unknown) => {
      pendingLayer = undefined;
      throw error;
    },
  ));
let pendingLayer: Promise<typeof ProcedureLayer> | undefined;
let procedureLayer: typeof ProcedureLayer | undefined;
const lazyProcedureLayer = () => lazy(() => preloadProcedureLayer().then((layer) => ({ default: layer })));

interface Props {
  readonly model: RegionModel;
}

/** Every part of the region, posed to the patient; the left side is the right one mirrored here. */
export function RegionBones({ model }: Props) {
  const patient = usePosedPatient();
  const side = useSession((s) => s.side);
  const sex = useSession((s) => s.sex);
  const s = SEX_SCALE[patient.region][sex];
  // Loaded by now (as a rule), the layer mounts with the bones, not a render after them. Chosen once:
  // another component type later would mount the layer again, its cuts made afresh.
  const [Layer] = useState(() => procedureLayer ?? lazyProcedureLayer());
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
      <Suspense fallback={null}>
        <Layer model={model} />
      </Suspense>
    </group>
  );
}
