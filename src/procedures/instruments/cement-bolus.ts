import type { Vec3 } from '../../anatomy/vec';
import { icosphere, volumeAndCentroid } from '../kit/icosphere';
import { MeshBuilder } from './mesh-builder';
import type { PartDesign } from './part';

/** Icosahedron subdivisions: 20 · 4³ = 1280 triangles at every volume. */
const SUBDIVISIONS = 3;

/**
 * Low-frequency lumps as a relative change of radius along a unit direction d: Σ amp · sin(k · d·dir
 * + phase). Fixed numbers, so a bolus looks the same on every run and only grows with its volume.
 */
const LUMPS = [
  { dir: [0.58, 0.62, 0.53], k: 3.4, phase: 0.4, amp: 0.07 },
  { dir: [-0.71, 0.18, 0.68], k: 4.1, phase: 1.7, amp: 0.05 },
  { dir: [0.12, -0.86, 0.49], k: 3.7, phase: 2.9, amp: 0.06 },
  { dir: [0.8, -0.3, -0.52], k: 4.6, phase: 0.9, amp: 0.04 },
] as const;

/**
 * A bolus of bone cement (PMMA) as it spreads in a bone cavity: a gently lumpy closed blob that
 * encloses `volumeMl` mL (1 mL = 1000 mm³) with its centroid at the origin.
 */
export function cementBolusDesign(volumeMl: number): PartDesign[] {
  const { points: directions, faces } = icosphere(SUBDIVISIONS);
  const lumpy = directions.map((d): Vec3 => {
    let r = 1;
    for (const l of LUMPS)
      r += l.amp * Math.sin(l.k * (d[0] * l.dir[0] + d[1] * l.dir[1] + d[2] * l.dir[2]) + l.phase);
    return [d[0] * r, d[1] * r, d[2] * r];
  });
  // Measure the lumpy shape, then scale it to the volume asked for and centre it.
  const { volume, centroid } = volumeAndCentroid(lumpy, faces);
  const scale = Math.cbrt((volumeMl * 1000) / Math.abs(volume));
  const b = new MeshBuilder();
  lumpy.forEach((p, i) => {
    const d = directions[i]!;
    b.vertex((p[0] - centroid[0]) * scale, (p[1] - centroid[1]) * scale, (p[2] - centroid[2]) * scale, ...d);
  });
  for (const [i, j, k] of faces) b.triangle(i, j, k);
  b.smoothNormals(0, 0);
  return [{ mesh: b, material: 'cement' }];
}
