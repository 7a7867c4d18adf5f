import { useDeferredValue, useMemo } from 'react';
import type { RegionModel } from '../anatomy/mesh';
import { applyPose } from '../anatomy/pose';
import { meshGauge } from '../clinical/bone-gauge';
import type { BoneGauge } from '../procedures/types';
import { makePlan, type Plan } from '../engine/plan';
import { outcomeOf, type Outcome } from '../engine/outcome';
import { resolveProcedure } from '../procedures/registry';
import { usePosedPatient, type PosedPatient } from './patient';
import { useSession } from './session-store';
import { useView } from './view-store';

/** The patient's bones as posed meshes, computed on demand and kept per patient. */
export function posedPositions(model: RegionModel, patient: PosedPatient) {
  const cache = new Map<string, Float32Array>();
  return (part: string): Float32Array | undefined => {
    let p = cache.get(part);
    if (!p) {
      const rest = model.get(part);
      if (!rest) return undefined;
      p = rest.positions.slice();
      const ops = patient.poses[part];
      if (ops) applyPose(ops, p);
      cache.set(part, p);
    }
    return p;
  };
}

const measured = new WeakMap<
  PosedPatient,
  WeakMap<RegionModel, { positionsOf: (part: string) => Float32Array | undefined; gauge: BoneGauge }>
>();

/**
 * The patient's posed meshes and the gauge measuring them, one pair per patient and model: a new
 * parameter value re-plans on the same meshes, and the gauge keeps its answers.
 */
function measuredPatient(model: RegionModel, patient: PosedPatient) {
  let byModel = measured.get(patient);
  if (!byModel) measured.set(patient, (byModel = new WeakMap()));
  let entry = byModel.get(model);
  if (!entry) {
    const positionsOf = posedPositions(model, patient);
    byModel.set(model, (entry = { positionsOf, gauge: meshGauge(positionsOf) }));
  }
  return entry;
}

export interface ProcedureState extends Outcome {
  readonly plan: Plan;
  readonly positionsOf: (part: string) => Float32Array | undefined;
  /** A key for the patient's pose: cuts are cached by it. */
  readonly poseKey: string;
}

/** Plans kept for the views on show (the open procedure, a compared one, the panels' own). */
const recent: { inputs: readonly unknown[]; state: ProcedureState | undefined }[] = [];
const KEPT_PLANS = 4;

/**
 * A procedure planned on the session's patient with these parameters (undefined when none). Every
 * view and panel asking for the same inputs shares one plan: it is recomputed only when an input
 * changes.
 */
export function usePlanOf(
  procedure: string | null,
  params: Readonly<Record<string, number | string>>,
): ProcedureState | undefined {
  const patient = usePosedPatient();
  const model = useView((s) => s.models[patient.region]);
  return useMemo(() => sharedPlan(procedure, params, patient, model), [procedure, params, patient, model]);
}

/** The open procedure planned on this patient with the session's parameters. */
export function useProcedurePlan(): ProcedureState | undefined {
  const procedure = useSession((s) => s.procedure);
  // Deferred: a slider drag re-plans in a background render React can interrupt, so the drag
  // itself stays a short task.
  const params = useDeferredValue(useSession((s) => s.params));
  return usePlanOf(procedure, params);
}

function sharedPlan(...inputs: Parameters<typeof planFor>): ProcedureState | undefined {
  const at = recent.findIndex((r) => r.inputs.every((v, i) => v === inputs[i]));
  const entry = at >= 0 ? recent.splice(at, 1)[0]! : { inputs, state: planFor(...inputs) };
  recent.unshift(entry);
  recent.length = Math.min(recent.length, KEPT_PLANS);
  return entry.state;
}

function planFor(
  procedure: string | null,
  params: Readonly<Record<string, number | string>>,
  patient: PosedPatient,
  model: RegionModel | undefined,
): ProcedureState | undefined {
  const proc = resolveProcedure(procedure, params);
  if (!proc || !model || proc.region !== patient.region) return undefined;
  const { positionsOf, gauge } = measuredPatient(model, patient);
  const plan = makePlan(proc, { landmarks: patient.landmarks, params, gauge });
  const outcome = outcomeOf(plan, patient.region, patient.landmarks);
  return { plan, positionsOf, poseKey: JSON.stringify(patient.measured), ...outcome };
}
