import { Triangle, Vector3 } from 'three';
import type { Vec3 } from './vec';

/** A closed triangle mesh: xyz per vertex, three vertex indices per triangle. */
export interface TriangleMesh {
  readonly positions: ArrayLike<number>;
  readonly indices: ArrayLike<number>;
}

/** A direction no mesh edge is likely to be parallel to, so a ray rarely grazes an edge. */
const RAY: Vec3 = [0.5773, 0.5774, 0.5775];

/** Whether a point lies inside a closed mesh (ray parity). */
export function containsPoint(mesh: TriangleMesh, p: Vec3): boolean {
  const { positions: v, indices: f } = mesh;
  let crossings = 0;
  for (let t = 0; t < f.length; t += 3) {
    const a = f[t]! * 3;
    const b = f[t + 1]! * 3;
    const c = f[t + 2]! * 3;
    const e1x = v[b]! - v[a]!, e1y = v[b + 1]! - v[a + 1]!, e1z = v[b + 2]! - v[a + 2]!; // prettier-ignore
    const e2x = v[c]! - v[a]!, e2y = v[c + 1]! - v[a + 1]!, e2z = v[c + 2]! - v[a + 2]!; // prettier-ignore
    const px = RAY[1] * e2z - RAY[2] * e2y;
    const py = RAY[2] * e2x - RAY[0] * e2z;
    const pz = RAY[0] * e2y - RAY[1] * e2x;
    const det = e1x * px + e1y * py + e1z * pz;
    if (Math.abs(det) < 1e-12) continue;
    const tx = p[0] - v[a]!, ty = p[1] - v[a + 1]!, tz = p[2] - v[a + 2]!; // prettier-ignore
    const u = (tx * px + ty * py + tz * pz) / det;
    if (u < 0 || u > 1) continue;
    const qx = ty * e1z - tz * e1y;
    const qy = tz * e1x - tx * e1z;
    const qz = tx * e1y - ty * e1x;
    const w = (RAY[0] * qx + RAY[1] * qy + RAY[2] * qz) / det;
    if (w < 0 || u + w > 1) continue;
    if ((e2x * qx + e2y * qy + e2z * qz) / det > 0) crossings++;
  }
  return crossings % 2 === 1;
}

const tri = new Triangle();
const point = new Vector3();
const closest = new Vector3();

/** Distance from a point to a mesh's surface (its nearest triangle, so a large flat cut face counts), mm. */
export function distanceToSurface(mesh: TriangleMesh, p: Vec3): number {
  const { positions: v, indices: f } = mesh;
  point.set(p[0], p[1], p[2]);
  let best = Infinity;
  for (let t = 0; t < f.length; t += 3) {
    const a = f[t]! * 3;
    const b = f[t + 1]! * 3;
    const c = f[t + 2]! * 3;
    tri.a.set(v[a]!, v[a + 1]!, v[a + 2]!);
    tri.b.set(v[b]!, v[b + 1]!, v[b + 2]!);
    tri.c.set(v[c]!, v[c + 1]!, v[c + 2]!);
    const d = tri.closestPointToPoint(point, closest).distanceToSquared(point);
    if (d < best) best = d;
  }
  return Math.sqrt(best);
}
