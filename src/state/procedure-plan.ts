import { useDeferredValue } from 'react';
import { planCase, type Case } from '../engine/case';
import type { Params } from '../procedures/types';
import { usePosedPatient } from './patient';
import { useSession, useView } from './store';

/**
 * A procedure planned on the session's patient with these parameters (undefined when none). Every
 * view and panel asking for the same inputs shares one case: the engine keeps each while its inputs
 * (the patient, the model, the parameters object) live.
 */
export function usePlanOf(procedure: string | null, params: Params): Case | undefined {
  const patient = usePosedPatient();
  const model = useView((s) => s.models[patient.region]);
  return planCase(procedure, params, patient, model);
}

/** The open procedure planned on this patient with the session's parameters. */
export function useProcedurePlan(): Case | undefined {
  const procedure = useSession((s) => s.procedure);
  // Deferred: a slider drag re-plans in a background render React can interrupt, so the drag
  // itself stays a short task.
  const params = useDeferredValue(useSession((s) => s.params));
  return usePlanOf(procedure, params);
}
