import type { FootAngles, KneeAngles } from '../anatomy/deformity';
import type { RegionModel } from '../anatomy/mesh';
import { applyPose } from '../anatomy/pose';
import type { Region } from '../anatomy/types';
import { meshGauge, type BoneGauge } from '../clinical/bone-gauge';
import { posedFoot, posedKnee, type PosedFoot, type PosedKnee } from '../clinical/patient';
import { keyedMemo } from '../procedures/kit/memo';
import { resolveProcedure } from '../procedures/registry';
import type { Params } from '../procedures/types';
import { outcomeOf, type Outcome } from './outcome';
import { makePlan, type Plan } from './plan';
import { REST_LANDMARKS } from './rest-landmarks';

/** The patient's bones posed to their angles, with the angles measured back on them. */
export type PosedPatient = ({ region: 'foot' } & PosedFoot) | ({ region: 'knee' } & PosedKnee);

/** The patient's meshes and the gauge measuring them: shared by every plan on this patient. */
export interface PatientBones {
  /** A part's vertices posed to the patient (posed on first asking, then kept). */
  readonly positionsOf: (part: string) => Float32Array | undefined;
  readonly gauge: BoneGauge;
  /** A key for the patient's pose: cuts are cached by it. */
  readonly poseKey: string;
}

/** A procedure planned on one patient: the plan, the meshes it cuts, the measures before and after. */
export interface Case extends Outcome, PatientBones {
  readonly plan: Plan;
  /** The measures (angles, WBL %) of the patient before surgery. */
  readonly pre: Readonly<Record<string, number>>;
}

/** What a case is planned from: the region's model, the patient's angles, a procedure and its parameters. */
export interface CaseInput {
  readonly model: RegionModel | undefined;
  readonly region: Region;
  readonly foot: FootAngles;
  readonly knee: KneeAngles;
  readonly procedure: string | null;
  readonly params: Params;
}

/** The house's one memo (procedures/kit/memo): each result kept while the objects it is keyed by live. */
const feet = keyedMemo<PosedPatient & { region: 'foot' }>();
const knees = keyedMemo<PosedPatient & { region: 'knee' }>();
const bonesMemo = keyedMemo<PatientBones>();
const cases = keyedMemo<Case | undefined>();

/** The patient's foot posed to its angles and measured back; one object per angles object. */
export const posedFootPatient = (foot: FootAngles): PosedPatient & { region: 'foot' } =>
  feet([foot], () => ({ region: 'foot', ...posedFoot(REST_LANDMARKS.foot, foot) }));

/** The patient's knee posed to its angles and measured back; one object per angles object. */
export const posedKneePatient = (knee: KneeAngles): PosedPatient & { region: 'knee' } =>
  knees([knee], () => ({ region: 'knee', ...posedKnee(REST_LANDMARKS.knee, knee) }));

/** The patient of `region` posed to its angles; one object per input, shared by every caller. */
export function posedPatient(region: Region, foot: FootAngles, knee: KneeAngles): PosedPatient {
  return region === 'foot' ? posedFootPatient(foot) : posedKneePatient(knee);
}

/**
 * The patient's posed meshes and their gauge, one per (model, patient): a new parameter value
 * re-plans on the same meshes, and the gauge keeps its answers.
 */
export function patientBones(model: RegionModel, patient: PosedPatient): PatientBones {
  return bonesMemo([model, patient], () => {
    const posed = new Map<string, Float32Array>();
    const positionsOf = (part: string): Float32Array | undefined => {
      const known = posed.get(part);
      if (known) return known;
      const rest = model.get(part);
      if (!rest) return undefined;
      const positions = rest.positions.slice();
      const ops = patient.poses[part];
      if (ops) applyPose(ops, positions);
      posed.set(part, positions);
      return positions;
    };
    return { positionsOf, gauge: meshGauge(positionsOf), poseKey: JSON.stringify(patient.measured) };
  });
}

/**
 * A procedure planned on a posed patient (undefined with no procedure, no model yet, or a procedure
 * of the other region). One case per input: the open procedure, a compared one and the compare
 * panel share theirs (kept while the patient, the model and the parameters object live).
 */
export function planCase(
  procedure: string | null,
  params: Params,
  patient: PosedPatient,
  model: RegionModel | undefined,
): Case | undefined {
  if (!procedure || !model) return undefined;
  return cases([patient, model, params, procedure], () => {
    const proc = resolveProcedure(procedure, params);
    if (!proc || proc.region !== patient.region) return undefined;
    const bones = patientBones(model, patient);
    const plan = makePlan(proc, { landmarks: patient.landmarks, params, gauge: bones.gauge });
    const pre: Readonly<Record<string, number>> = { ...patient.measured };
    return { ...bones, ...outcomeOf(plan, patient.region, patient.landmarks), plan, pre };
  });
}

/** The case for these inputs: the patient posed to their angles, then the procedure planned on them. */
export function caseOf(input: CaseInput): Case | undefined {
  const patient = posedPatient(input.region, input.foot, input.knee);
  return planCase(input.procedure, input.params, patient, input.model);
}
