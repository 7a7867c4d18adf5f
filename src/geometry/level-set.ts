import type { BoneDef } from '../anatomy/types';
import { gradient } from '../anatomy/sdf';
import type { ManifoldToplevel } from './manifold-module';

/** An indexed, welded triangle mesh with smooth per-vertex normals (region frame, mm). */
export interface BoneMesh {
  readonly id: string;
  readonly positions: Float32Array;
  readonly normals: Float32Array;
  readonly indices: Uint32Array;
  /** Enclosed volume, mm³. */
  readonly volume: number;
  readonly genus: number;
  /** Number of separate closed shells: 1 for a proper bone. */
  readonly shells: number;
}

/**
 * Meshes a bone's SDF with manifold's levelSet (closed by construction), then simplifies it with
 * manifold's own simplifier (which keeps it closed) until it fits the bone's triangle budget.
 */
export function meshBone(wasm: ManifoldToplevel, bone: BoneDef): BoneMesh {
  const { Manifold } = wasm;
  const sdf = bone.sdf;
  const raw = Manifold.levelSet(
    (p) => -sdf(p[0], p[1], p[2]),
    { min: [...bone.bounds.min], max: [...bone.bounds.max] },
    bone.edge,
  );
  let m = raw;
  // Tolerances in mm: the smallest that meets the budget keeps the most shape.
  for (const tolerance of [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6]) {
    if (m.numTri() <= bone.maxTriangles) break;
    if (m !== raw) m.delete();
    m = raw.simplify(tolerance);
  }
  const mesh = m.getMesh();
  const volume = m.volume();
  const genus = m.genus();
  const parts = m.decompose();
  const shells = parts.length;
  for (const p of parts) p.delete();
  if (m !== raw) m.delete();
  raw.delete();

  const nv = mesh.numVert;
  const stride = mesh.numProp;
  const positions = new Float32Array(nv * 3);
  const normals = new Float32Array(nv * 3);
  for (let i = 0; i < nv; i++) {
    const x = mesh.vertProperties[i * stride]!;
    const y = mesh.vertProperties[i * stride + 1]!;
    const z = mesh.vertProperties[i * stride + 2]!;
    positions.set([x, y, z], i * 3);
    normals.set(gradient(sdf, x, y, z), i * 3);
  }
  return { id: bone.id, positions, normals, indices: new Uint32Array(mesh.triVerts), volume, genus, shells };
}
