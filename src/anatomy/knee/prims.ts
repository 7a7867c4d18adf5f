/**
 * Extra SDF helpers for the lower-limb bones (millimetres, negative inside).
 */
import { roundCone, type Sdf } from '../sdf';
import { type Vec3 } from '../vec';

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

/** Smooth minimum of two distances (same polynomial blend as sdf.ts smoothUnion). */
export function smin(k: number, a: number, b: number): number {
  const h = clamp01(0.5 + (0.5 * (b - a)) / k);
  return b + (a - b) * h - k * h * (1 - h);
}

/** Smooth subtraction of distance b (the cutter) from distance a (the base). */
export function ssub(k: number, a: number, b: number): number {
  return smax(k, a, -b);
}

/** Smooth intersection of two distances. */
export function smax(k: number, a: number, b: number): number {
  const h = clamp01(0.5 - (0.5 * (b - a)) / k);
  return b + (a - b) * h + k * h * (1 - h);
}

/** Distance from a point to an axis-aligned box (0 inside). */
function boxDistance(x: number, y: number, z: number, min: Vec3, max: Vec3): number {
  const dx = Math.max(min[0] - x, 0, x - max[0]);
  const dy = Math.max(min[1] - y, 0, y - max[1]);
  const dz = Math.max(min[2] - z, 0, z - max[2]);
  return Math.hypot(dx, dy, dz);
}

/**
 * Evaluates `f` only near the axis-aligned box that encloses its shape; farther away it returns the
 * distance to the box plus `pad` (a lower bound that keeps the sign right), which saves time.
 */
export function bounded(f: Sdf, min: Vec3, max: Vec3, pad = 4): Sdf {
  const lo: Vec3 = [min[0] - pad, min[1] - pad, min[2] - pad];
  const hi: Vec3 = [max[0] + pad, max[1] + pad, max[2] + pad];
  return (x, y, z) => {
    const d = boxDistance(x, y, z, lo, hi);
    return d > 0 ? d + pad : f(x, y, z);
  };
}

/** A tube along a polyline with radii at its points: a chain of round cones. */
export function tube(points: readonly Vec3[], radii: readonly number[]): Sdf {
  const parts: Sdf[] = [];
  for (let i = 0; i + 1 < points.length; i++)
    parts.push(roundCone(points[i]!, points[i + 1]!, radii[i]!, radii[i + 1]!));
  return (x, y, z) => {
    let d = Infinity;
    for (const f of parts) d = Math.min(d, f(x, y, z));
    return d;
  };
}

/** Approximate distance to a 2-D ellipse with semi-axes a, b (a bound, like sdf.ts ellipsoid). */
export function ellipse2(p: number, q: number, a: number, b: number): number {
  const k0 = Math.hypot(p / a, q / b);
  const k1 = Math.hypot(p / (a * a), q / (b * b));
  return k1 === 0 ? -Math.min(a, b) : (k0 * (k0 - 1)) / k1;
}

/** An ellipse extruded from lo to hi, shrunk by `round` so that rounding its edges restores its size. */
function inset(ra: number, rb: number, lo: number, hi: number, round: number) {
  return { mid: (lo + hi) / 2, half: (hi - lo) / 2 - round, a: ra - round, b: rb - round };
}

/** The distance to an extrusion from the distances to its outline (de) and its end planes (dt), edges rounded. */
function roundedExtrusion(de: number, dt: number, round: number): number {
  return Math.hypot(Math.max(de, 0), Math.max(dt, 0)) + Math.min(Math.max(de, dt), 0) - round;
}

/**
 * An elliptic cylinder: an ellipse (semi-axes ra, rb) in the plane of the two axes other than `axis`,
 * extruded from lo to hi along `axis`, all edges rounded by `round`.
 * Axis 'x': ellipse in (y, z); 'y': ellipse in (x, z); 'z': ellipse in (x, y).
 */
export function ellipticCylinder(
  axis: 'x' | 'y' | 'z',
  c: Vec3,
  ra: number,
  rb: number,
  lo: number,
  hi: number,
  round: number,
): Sdf {
  const { mid, half, a, b } = inset(ra, rb, lo, hi, round);
  return (x, y, z) => {
    let p: number, q: number, t: number;
    if (axis === 'x') {
      p = y - c[1];
      q = z - c[2];
      t = x;
    } else if (axis === 'y') {
      p = x - c[0];
      q = z - c[2];
      t = y;
    } else {
      p = x - c[0];
      q = y - c[1];
      t = z;
    }
    return roundedExtrusion(ellipse2(p, q, a, b), Math.abs(t - mid) - half, round);
  };
}

/**
 * A condyle-like block: an ellipse (semi-axes ra along Y, rb along Z) extruded along X from lo to
 * hi, whose two side faces are domed (the half-width shrinks by `dome` towards the ellipse rim), with
 * edges rounded by `round`.
 */
export function domedCondyle(
  c: Vec3,
  ra: number,
  rb: number,
  lo: number,
  hi: number,
  round: number,
  dome: number,
): Sdf {
  const { mid, half, a, b } = inset(ra, rb, lo, hi, round);
  return (x, y, z) => {
    const p = y - c[1];
    const q = z - c[2];
    const rho2 = Math.min((p * p) / (a * a) + (q * q) / (b * b), 1.5);
    return roundedExtrusion(ellipse2(p, q, a, b), Math.abs(x - mid) - (half - dome * rho2), round);
  };
}

/** Grows (r > 0) or shrinks a shape by r mm. */
export const dilate =
  (f: Sdf, r: number): Sdf =>
  (x, y, z) =>
    f(x, y, z) - r;

/**
 * The first surface crossing along a ray from `start` (outside) in direction `dir` (unit), up to
 * `maxT` mm, refined by bisection. Used to put surface landmarks exactly on the bone.
 */
export function surfaceAlong(f: Sdf, start: Vec3, dir: Vec3, maxT: number, step = 0.5): Vec3 {
  let t0 = 0;
  for (let t = step; t <= maxT; t += step) {
    const v = f(start[0] + dir[0] * t, start[1] + dir[1] * t, start[2] + dir[2] * t);
    if (v < 0) {
      let a = t0;
      let b = t;
      for (let i = 0; i < 30; i++) {
        const m = (a + b) / 2;
        if (f(start[0] + dir[0] * m, start[1] + dir[1] * m, start[2] + dir[2] * m) < 0) b = m;
        else a = m;
      }
      // A hair inside, so the landmark is on or in the bone.
      const s = b + 0.05;
      return [start[0] + dir[0] * s, start[1] + dir[1] * s, start[2] + dir[2] * s];
    }
    t0 = t;
  }
  throw new Error(`surfaceAlong: no surface from ${start.join(',')}`);
}

/**
 * The lowest (or highest, with dir = +1) surface point over a grid of vertical rays covering the
 * rectangle x0..x1 × z0..z1, starting from height y0.
 */
export function extremeY(
  f: Sdf,
  x0: number,
  x1: number,
  z0: number,
  z1: number,
  y0: number,
  dir: 1 | -1,
  n = 16,
): Vec3 {
  let best: Vec3 | null = null;
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= n; j++) {
      const x = x0 + ((x1 - x0) * i) / n;
      const z = z0 + ((z1 - z0) * j) / n;
      if (f(x, y0, z) < 0) continue;
      let p: Vec3;
      try {
        p = surfaceAlong(f, [x, y0, z], [0, -dir, 0], 200, 0.5);
      } catch {
        continue;
      }
      if (!best || (dir === -1 ? p[1] < best[1] : p[1] > best[1])) best = p;
    }
  if (!best) throw new Error('extremeY: none');
  return best;
}

export const round2 = (p: Vec3): Vec3 => [
  Math.round(p[0] * 100) / 100,
  Math.round(p[1] * 100) / 100,
  Math.round(p[2] * 100) / 100,
];

/** Hermite smoothstep of t between e0 and e1 (0 below e0, 1 above e1). */
export function smoothstep(e0: number, e1: number, t: number): number {
  const s = clamp01((t - e0) / (e1 - e0));
  return s * s * (3 - 2 * s);
}
