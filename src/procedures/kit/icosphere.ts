import { add, cross, dot, normalize, scale, type Vec3 } from '../../anatomy/vec';

/** A closed triangle mesh: points and counter-clockwise (seen from outside) triangles. */
export interface TriangleSurface {
  readonly points: Vec3[];
  readonly faces: [number, number, number][];
}

/**
 * A unit icosphere: an icosahedron whose triangles are split in four `subdivisions` times, every
 * new vertex pushed onto the sphere; vertices are shared, so the surface is closed (20·4ⁿ faces).
 */
export function icosphere(subdivisions: number): TriangleSurface {
  const t = (1 + Math.sqrt(5)) / 2;
  const points = (
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
  ).map(normalize);
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
        i = points.push(normalize(scale(add(points[a]!, points[b]!), 0.5))) - 1;
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

/** Enclosed volume (mm³, from the winding) and volume centroid of a closed triangle surface. */
export function volumeAndCentroid(points: readonly Vec3[], faces: readonly (readonly number[])[]) {
  let volume = 0;
  const centroid = [0, 0, 0];
  for (const [i, j, k] of faces) {
    const a = points[i!]!;
    const b = points[j!]!;
    const c = points[k!]!;
    const v = dot(a, cross(b, c)) / 6;
    volume += v;
    for (let d = 0; d < 3; d++) centroid[d] = centroid[d]! + (v * (a[d]! + b[d]! + c[d]!)) / 4;
  }
  const c: Vec3 = [centroid[0]! / volume, centroid[1]! / volume, centroid[2]! / volume];
  return { volume, centroid: c };
}
