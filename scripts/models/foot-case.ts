import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { meshGauge } from '../../src/clinical/bone-gauge';
import { posedFoot } from '../../src/clinical/patient';
import type { FootAngles } from '../../src/anatomy/deformity';
import type { MeshData } from '../../src/geometry/cut';
import type { PlanContext, Params } from '../../src/procedures/types';
import type { Plan } from '../../src/engine/plan';
import { REST_LANDMARKS } from '../../src/engine/rest-landmarks';
import { modelIO } from './build-models';
import { decodeRegionGlb } from './model-measure';
import { posedMeshes } from './posed-meshes';

const MODELS = join(import.meta.dirname, '..', '..', 'models');

/** The committed foot model, decoded once per test file. */
let rest: Map<string, MeshData> | undefined;
export async function footMeshes(): Promise<Map<string, MeshData>> {
  rest ??= await decodeRegionGlb(await modelIO(), readFileSync(join(MODELS, 'foot.glb')));
  return rest;
}

export const DEFAULT_FOOT: FootAngles = { hva: 32, ima: 14, dmaa: 8, hvia: 8 };

/** A patient's posed foot: meshes, landmarks and a plan context for a procedure's parameters. */
export async function footCase(params: Params, angles: FootAngles = DEFAULT_FOOT) {
  const meshes = await footMeshes();
  const patient = posedFoot(REST_LANDMARKS.foot, angles);
  const posed = posedMeshes(meshes, patient.poses);
  const ctx: PlanContext = {
    landmarks: patient.landmarks,
    params,
    gauge: meshGauge((bone) => posed.get(bone)?.positions),
  };
  return { patient, posed, ctx };
}

/** The clock as the soft tissue starts closing (the step playing `rebalance`): every cut and shift done. */
export function beforeSoftTissue(plan: Plan): number {
  const step = plan.motions.find((m) => m.def.id === 'rebalance')!.step;
  return plan.timeline.spans[step]!.start;
}
