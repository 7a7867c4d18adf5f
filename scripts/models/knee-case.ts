import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { meshGauge } from '../../src/clinical/bone-gauge';
import { posedKnee } from '../../src/clinical/patient';
import type { KneeAngles } from '../../src/anatomy/deformity';
import type { MeshData } from '../../src/geometry/cut';
import { REST_LANDMARKS } from '../../src/engine/rest-landmarks';
import { modelIO } from './build-models';
import { decodeRegionGlb } from './model-measure';
import { posedMeshes } from './posed-meshes';

const MODELS = join(import.meta.dirname, '..', '..', 'models');

/** The committed knee model (hip to ankle), decoded once per test file. */
let rest: Map<string, MeshData> | undefined;
export async function kneeMeshes(): Promise<Map<string, MeshData>> {
  rest ??= await decodeRegionGlb(await modelIO(), readFileSync(join(MODELS, 'knee.glb')));
  return rest;
}

/** The default pre-operative varus knee (CLINICAL §2). */
export const DEFAULT_KNEE: KneeAngles = { hka: 172, mpta: 82, ldfa: 88 };
/** The default valgus knee, for a distal femoral osteotomy (CLINICAL §2). */
export const DEFAULT_VALGUS_KNEE: KneeAngles = { hka: 188, mpta: 87, ldfa: 80 };

/** A patient's posed knee: the posed meshes per part, landmarks and a width gauge over the meshes. */
export async function kneeCase(angles: KneeAngles = DEFAULT_KNEE) {
  const meshes = await kneeMeshes();
  const patient = posedKnee(REST_LANDMARKS.knee, angles);
  const posed = posedMeshes(meshes, patient.poses);
  const gauge = meshGauge((bone) => posed.get(bone)?.positions);
  return { patient, posed, landmarks: patient.landmarks, gauge };
}
