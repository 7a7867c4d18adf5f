/**
 * Right patella: a rounded triangle, base up and apex down (about 45 wide, 46 tall, 21 thick), its
 * anterior face gently convex, its articular (posterior) face shaped by the femoral trochlea it
 * rests on — a vertical median ridge between a larger lateral and a smaller medial facet — 1.7 mm
 * clear of it. The lower pole (apex) is non-articular and recedes anteriorly.
 */
import { type Sdf } from '../sdf';
import { type Vec3 } from '../vec';
import { bounded, ellipse2, smax, smin, ssub } from './prims';
import { femurSdf } from './femur';

export const PATELLA_CENTRE: Vec3 = [-1.5, 38, 42];
const GAP = 1.7;
const [CX, CY, CZ] = PATELLA_CENTRE;

/** Exact 2-D distance to the triangle a, b, c (negative inside). */
function triangle2(
  px: number,
  py: number,
  a: readonly number[],
  b: readonly number[],
  c: readonly number[],
): number {
  const e = [
    [b[0]! - a[0]!, b[1]! - a[1]!, a[0]!, a[1]!],
    [c[0]! - b[0]!, c[1]! - b[1]!, b[0]!, b[1]!],
    [a[0]! - c[0]!, a[1]! - c[1]!, c[0]!, c[1]!],
  ];
  let d = Infinity;
  const orient = Math.sign(e[0]![0]! * e[2]![1]! - e[0]![1]! * e[2]![0]!);
  let inside = true;
  for (const [ex, ey, ox, oy] of e as number[][]) {
    const vx = px - ox!;
    const vy = py - oy!;
    const t = Math.min(Math.max((vx * ex! + vy * ey!) / (ex! * ex! + ey! * ey!), 0), 1);
    d = Math.min(d, Math.hypot(vx - ex! * t, vy - ey! * t));
    if (orient * (vx * ey! - vy * ex!) > 0) inside = false;
  }
  return (inside ? -1 : 1) * d;
}

/** Frontal outline: rounded triangle (apex down) with a broad, convex base. */
function outline(u: number, v: number): number {
  const tri = triangle2(u, v, [-15.5, 15], [15.5, 15], [0, -16]) - 7;
  const base = ellipse2(u, v - 9, 22.5, 13.5);
  return smin(6, tri, base);
}

const patellaRaw: Sdf = (x, y, z) => {
  const u = x - CX;
  const v = y - CY;
  // Anterior face: gently convex.
  const zFront = CZ + 9.5 - 0.004 * u * u - 0.004 * v * v;
  // Posterior face: median ridge (most posterior), facets sloping forward, apex receding.
  const ridge = Math.sqrt(u * u + 9) - 3;
  const zBack = CZ - 18 + 0.16 * ridge + 0.01 * v * v + 0.5 * Math.max(0, -v - 6);
  const slab = smax(5, z - zFront, zBack - z);
  return smax(8, outline(u, v), slab);
};

const femurNear = bounded(femurSdf, [-50, 0, 0], [50, 90, 45], 4);

export const patellaSdf: Sdf = (x, y, z) => {
  const d = patellaRaw(x, y, z);
  if (d > 4) return d;
  return ssub(1.5, d, femurNear(x, y, z) - GAP);
};

export const PATELLA_BOUNDS = { min: [-28, 10, 23] as Vec3, max: [25, 66, 58] as Vec3 };
