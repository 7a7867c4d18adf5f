import { useEffect } from 'react';
import type { RegionModel } from '../../anatomy/mesh';
import { cutChains } from '../../engine/fragments';
import { useView } from '../../state/view-store';
import { useProcedurePlan } from '../../state/procedure-plan';
import { FragmentMesh } from './FragmentMesh';
import { ProcedureDriver } from './ProcedureDriver';
import { ToolSlots } from './ToolSlots';
import { useCutStages } from './use-cut-stages';

/** What a procedure adds to the anatomy: fragments of the cut bones, tools and implants, and the clock. */
export function ProcedureLayer({ model }: { readonly model: RegionModel }) {
  const state = useProcedurePlan();
  const stages = useCutStages(state, model);
  useEffect(() => {
    useView.setState({ cutsReady: !state || cutChains(state.plan.proc).size <= stages.size });
  }, [state, stages]);
  // The driver mounts first so its useFrame runs before the tool slots read its frame.
  return (
    <>
      <ProcedureDriver state={state} stages={stages} />
      {[...stages].flatMap(([part, partStages]) =>
        partStages.flatMap((stage, i) =>
          Object.entries(stage.fragments).map(([id, fragment]) => (
            <FragmentMesh key={`${part}/${i}/${id}`} part={part} stage={i} id={id} fragment={fragment} />
          )),
        ),
      )}
      {state && <ToolSlots plan={state.plan} />}
    </>
  );
}
