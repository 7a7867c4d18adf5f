import { useLayoutEffect } from 'react';
import type { RegionModel } from '../../anatomy/mesh';
import { useSession } from '../../state/store';
import { usePosedPatient } from '../../state/patient';
import { CArm } from '../overlays/CArm';
import { FootAxes } from '../overlays/FootAxes';
import { KneeOverlays } from '../overlays/KneeOverlays';
import { SkinMarks } from '../overlays/SkinMarks';
import { usePane } from '../pane';
import { usePlanOf } from '../../state/procedure-plan';
import { usePanePlay } from '../use-pane-plan';
import { FragmentMesh } from './FragmentMesh';
import { ProcedureDriver } from './ProcedureDriver';
import { ToolSlots } from './ToolSlots';
import { useCutStages } from './use-cut-stages';

/** What a procedure adds to the anatomy: fragments of the cut bones, tools and implants, and the clock. */
export function ProcedureLayer({ model }: { readonly model: RegionModel }) {
  const plays = usePanePlay();
  const state = usePlanOf(plays.procedure, plays.params);
  const patient = usePosedPatient();
  const study = useSession((s) => s.mode === 'study');
  const { byPart: stages, settled } = useCutStages(state, model);
  const pane = usePane();
  // Settled once every bone the procedure cuts has the fragments of the cut asked now; on screen
  // once a frame shows them.
  useLayoutEffect(() => {
    pane.settle(plays, settled);
    pane.changed();
  }, [pane, plays, settled, state, stages]);
  // The driver mounts first so its useFrame runs before the tool slots read its frame.
  return (
    <>
      <ProcedureDriver state={state} stages={stages} model={model} />
      {[...stages].flatMap(([part, partStages]) =>
        partStages.flatMap((stage, i) =>
          Object.entries(stage.fragments).map(([id, fragment]) => (
            <FragmentMesh
              key={`${part}/${i}/${id}`}
              part={part}
              stage={i}
              id={id}
              fragment={fragment}
              seeThrough={state?.plan.proc.seeThrough?.includes(part)}
            />
          )),
        ),
      )}
      {/* Keyed by procedure: another one's slots (a plate of the same id) never keep its sizes. */}
      {state && <ToolSlots key={state.plan.proc.id} plan={state.plan} />}
      {patient.region === 'foot' && study && <FootAxes plan={state?.plan} pre={patient.landmarks} />}
      {patient.region === 'knee' && !state?.plan.proc.keepsAlignment && (
        <KneeOverlays plan={state?.plan} pre={patient.landmarks} />
      )}
      {state?.plan.proc.skinMarks && <SkinMarks plan={state.plan} />}
      {state?.plan.proc.steps.some((s) => s.fluoro) && <CArm plan={state.plan} />}
    </>
  );
}
