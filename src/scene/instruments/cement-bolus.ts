import { MeshBuilder } from './mesh-builder';
import type { PartDesign } from './part';

type Vec3 = [number, number, number];

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

const normalise = (p: Vec3): Vec3 => {
  const l = Math.hypot(p[0], p[1], p[2]);
  return [p[0] / l, p[1] / l, p[2] / l];
};

/** Unit icosphere: shared vertices (so the surface is closed) and triangles. */
function icosphere(subdivisions: number): { points: Vec3[]; faces: [number, number, number][] } {
  const t = (1 + Math.sqrt(5)) / 2;
  const points: Vec3[] = (
    [
      [-1, t, 0],
      [1, t, 0],
      [-1, -t, 0],
      [1, -t, 0],
      [0, -1, t],
      [0, 1, t],
      [0, -1, -t],
      [0, 1, -t],
      [t, 0, -1],
      [t, 0, 1],
      [-t, 0, -1],
      [-t, 0, 1],
    ] as Vec3[]
  ).map(normalise);
  let faces: [number, number, number][] = [
    [0, 11, 5],
    [0, 5, 1],
    [0, 1, 7],
    [0, 7, 10],
    [0, 10, 11],
    [1, 5, 9],
    [5, 11, 4],
    [11, 10, 2],
    [10, 7, 6],
    [7, 1, 8],
    [3, 9, 4],
    [3, 4, 2],
    [3, 2, 6],
    [3, 6, 8],
    [3, 8, 9],
    [4, 9, 5],
    [2, 4, 11],
    [6, 2, 10],
    [8, 6, 7],
    [9, 8, 1],
  ];
  for (let s = 0; s < subdivisions; s++) {
    const midpoints = new Map<string, number>();
    const mid = (a: number, b: number): number => {
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      let i = midpoints.get(key);
      if (i === undefined) {
        const p = points[a]!;
        const q = points[b]!;
        i = points.push(normalise([p[0] + q[0], p[1] + q[1], p[2] + q[2]])) - 1;
        midpoints.set(key, i);
      }
      return i;
    };
    faces = faces.flatMap(([a, b, c]) => {
      const ab = mid(a, b);
      const bc = mid(b, c);
      const ca = mid(c, a);
      return [
        [a, ab, ca],
        [b, bc, ab],
        [c, ca, bc],
        [ab, bc, ca],
      ] as [number, number, number][];
    });
  }
  return { points, faces };
}

/** Signed volume (mm³) and centroid of a closed surface wound counter-clockwise seen from outside. */
function volumeAndCentroid(points: readonly Vec3[], faces: readonly (readonly number[])[]) {
  let volume = 0;
  const centroid: Vec3 = [0, 0, 0];
  for (const [i, j, k] of faces) {
    const a = points[i!]!;
    const b = points[j!]!;
    const c = points[k!]!;
    const v =
      (a[0] * (b[1] * c[2] - b[2] * c[1]) +
        a[1] * (b[2] * c[0] - b[0] * c[2]) +
        a[2] * (b[0] * c[1] - b[1] * c[0])) /
      6;
    volume += v;
    for (let d = 0; d < 3; d++) centroid[d] = centroid[d]! + (v * (a[d]! + b[d]! + c[d]!)) / 4;
  }
  return { volume, centroid: centroid.map((x) => x / volume) as Vec3 };
}

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
