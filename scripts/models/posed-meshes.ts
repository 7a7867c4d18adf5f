import { applyPose } from '../../src/anatomy/pose';
import type { MeshData } from '../../src/geometry/cut';

/** The rest meshes posed to a patient: each part's positions moved by its pose (copies; rest kept). */
export function posedMeshes(
  meshes: ReadonlyMap<string, MeshData>,
  poses: Readonly<Record<string, Parameters<typeof applyPose>[0] | undefined>>,
): Map<string, MeshData> {
  const posed = new Map<string, MeshData>();
  for (const [id, m] of meshes) {
    const positions = m.positions.slice();
    const ops = poses[id];
    if (ops) applyPose(ops, positions);
    posed.set(id, { positions, indices: m.indices });
  }
  return posed;
}
