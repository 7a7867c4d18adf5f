/**
 * Small helpers for the foot bones: local bone frames, a lofted elliptical rod, joint cutting,
 * automatic bounds and surface probing. Millimetres, negative inside.
 */
import type { Sdf } from '../sdf';
import type { Vec3 } from '../vec';
import { smoothIntersect } from '../sdf';
import { add, cross, dot, normalize, scale, sub } from '../vec';

export const DEG = Math.PI / 180;

/** Unit direction from a transverse angle (positive = medial, +X) and a pitch (positive = up). */
export function dirFrom(transverseDeg: number, pitchDeg: number): Vec3 {
  const t = transverseDeg * DEG;
  const p = pitchDeg * DEG;
  return [Math.cos(p) * Math.sin(t), Math.sin(p), Math.cos(p) * Math.cos(t)];
}

/** Orthonormal bone frame: w along the bone, u medial-ish (horizontal), v dorsal-ish. */
export interface Frame {
  readonly o: Vec3;
  readonly u: Vec3;
  readonly v: Vec3;
  readonly w: Vec3;
}

export function frame(o: Vec3, axis: Vec3, up: Vec3 = [0, 1, 0]): Frame {
  const w = normalize(axis);
  const u = normalize(cross(up, w));
  const v = cross(w, u);
  return { o, u, v, w };
}

/** Local (x medial, y dorsal, z along the bone) to region coordinates. */
export function toWorld(f: Frame, p: Vec3): Vec3 {
  return add(f.o, add(scale(f.u, p[0]), add(scale(f.v, p[1]), scale(f.w, p[2]))));
}

/** Evaluates a local-frame SDF in region coordinates (the frame is orthonormal, so distances hold). */
export function inFrame(f: Frame, g: Sdf): Sdf {
  const [ox, oy, oz] = f.o;
  const [ux, uy, uz] = f.u;
  const [vx, vy, vz] = f.v;
  const [wx, wy, wz] = f.w;
  return (x, y, z) => {
    const px = x - ox;
    const py = y - oy;
    const pz = z - oz;
    return g(px * ux + py * uy + pz * uz, px * vx + py * vy + pz * vz, px * wx + py * wy + pz * wz);
  };
}

/** One cross-section of a loft: at axial position z, an ellipse of half-widths a (x) and b (y) centred at (cx, cy). */
export interface Station {
  readonly z: number;
  readonly a: number;
  readonly b: number;
  readonly cy?: number;
  readonly cx?: number;
}

/**
 * A rod along local z whose elliptical section is interpolated (smoothly) between stations; flat ends.
 * Distance is a bound good enough for smooth unions and meshing.
 */
export function loft(stations: readonly Station[], n = 2): Sdf {
  const st = [...stations].sort((p, q) => p.z - q.z);
  const z0 = st[0]!.z;
  const zn = st[st.length - 1]!.z;
  return (x, y, z) => {
    const zc = z < z0 ? z0 : z > zn ? zn : z;
    let i = 0;
    while (i < st.length - 2 && zc > st[i + 1]!.z) i++;
    const s0 = st[i]!;
    const s1 = st[i + 1]!;
    const sp = st[i - 1] ?? s0;
    const sn = st[i + 2] ?? s1;
    const t = (zc - s0.z) / (s1.z - s0.z || 1);
    // Catmull-Rom through the stations (smooth, no flat spots at the stations).
    const cr = (p0: number, p1: number, p2: number, p3: number): number =>
      p1 + 0.5 * t * (p2 - p0 + t * (2 * p0 - 5 * p1 + 4 * p2 - p3 + t * (3 * (p1 - p2) + p3 - p0)));
    const a = cr(sp.a, s0.a, s1.a, sn.a);
    const b = cr(sp.b, s0.b, s1.b, sn.b);
    const cx = cr(sp.cx ?? 0, s0.cx ?? 0, s1.cx ?? 0, sn.cx ?? 0);
    const cy = cr(sp.cy ?? 0, s0.cy ?? 0, s1.cy ?? 0, sn.cy ?? 0);
    const qx = Math.abs(x - cx) / a;
    const qy = Math.abs(y - cy) / b;
    const k = n === 2 ? Math.hypot(qx, qy) : Math.pow(Math.pow(qx, n) + Math.pow(qy, n), 1 / n);
    const dE = (k - 1) * Math.min(a, b);
    const dz = Math.max(z0 - z, z - zn);
    if (dz > 0) return Math.hypot(Math.max(dE, 0), dz);
    return Math.max(dE, dz);
  };
}

/**
 * Removes `cutter` from `base` with a fillet of about k mm: the smooth maximum of base and −cutter
 * (written here because this is what the joints and grooves need: never more than the hard cut).
 */
export function carve(k: number, base: Sdf, cutter: Sdf): Sdf {
  return smoothIntersect(k, base, (x, y, z) => -cutter(x, y, z));
}

/** Keeps `gap` mm clear of each neighbour: removes from `base` everything within gap of them. */
export function clearOf(base: Sdf, gap: number, k: number, ...neighbours: Sdf[]): Sdf {
  let f = base;
  for (const n of neighbours) f = carve(k, f, (x, y, z) => n(x, y, z) - gap);
  const carved = f;
  // Where the bone itself is clearly outside, carving cannot change the sign: skip the neighbours.
  return (x, y, z) => {
    const a = base(x, y, z);
    return a > 2 + k ? a : carved(x, y, z);
  };
}

/** Keeps the side of a plane opposite to its normal n, with a face at p (hard cut). */
export function cutPlane(base: Sdf, p: Vec3, n: Vec3): Sdf {
  const nn = normalize(n);
  return (x, y, z) => Math.max(base(x, y, z), (x - p[0]) * nn[0] + (y - p[1]) * nn[1] + (z - p[2]) * nn[2]);
}

/** The surface point of `f` on the ray from an inside point `from` along `dir` (bisection). */
export function surfacePoint(f: Sdf, from: Vec3, dir: Vec3, maxDist = 60): Vec3 {
  const d = normalize(dir);
  let lo = 0;
  let hi = 0;
  const at = (t: number) => add(from, scale(d, t));
  for (let t = 0.05; t <= maxDist; t += 0.05) {
    const q = at(t);
    if (f(q[0], q[1], q[2]) > 0) {
      hi = t;
      break;
    }
    lo = t;
  }
  if (hi === 0) return at(lo);
  for (let i = 0; i < 30; i++) {
    const m = (lo + hi) / 2;
    const q = at(m);
    if (f(q[0], q[1], q[2]) > 0) hi = m;
    else lo = m;
  }
  return at(lo);
}

/** Box around the inside of `f`, found on a coarse grid inside `search`, grown by `margin`. */
export function autoBounds(
  f: Sdf,
  search: { min: Vec3; max: Vec3 },
  margin = 3.5,
  step = 1,
): { min: Vec3; max: Vec3 } {
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let x = search.min[0]; x <= search.max[0]; x += step)
    for (let y = search.min[1]; y <= search.max[1]; y += step)
      for (let z = search.min[2]; z <= search.max[2]; z += step) {
        if (f(x, y, z) > 0.5 * step) continue;
        const p = [x, y, z];
        for (let i = 0; i < 3; i++) {
          lo[i] = Math.min(lo[i]!, p[i]!);
          hi[i] = Math.max(hi[i]!, p[i]!);
        }
      }
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    min: [r(lo[0]! - margin), r(lo[1]! - margin), r(lo[2]! - margin)],
    max: [r(hi[0]! + margin), r(hi[1]! + margin), r(hi[2]! + margin)],
  };
}

/** Bounding box of points, grown by r (a cheap search box for autoBounds). */
export function boxAround(points: readonly Vec3[], r: number): { min: Vec3; max: Vec3 } {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const p of points)
    for (let i = 0; i < 3; i++) {
      min[i] = Math.min(min[i]!, p[i]! - r);
      max[i] = Math.max(max[i]!, p[i]! + r);
    }
  return { min, max };
}

export const mid = (a: Vec3, b: Vec3): Vec3 => scale(add(a, b), 0.5);
export const along = (p: Vec3, d: Vec3, t: number): Vec3 => add(p, scale(normalize(d), t));
export const distAlong = (p: Vec3, o: Vec3, d: Vec3): number => dot(sub(p, o), normalize(d));

/**
 * Speeds up meshing: far from the bone (more than `margin` outside a cheap enclosing shape whose
 * distance is a lower bound of the bone's) the cheap distance is returned instead of the exact one.
 * Near the surface the exact SDF is used, so the mesh is unchanged.
 */
export function culled(f: Sdf, enclosing: Sdf, margin = 2): Sdf {
  return (x, y, z) => {
    const r = enclosing(x, y, z);
    return r > margin ? r : f(x, y, z);
  };
}

/** Distance to an axis-aligned box (exact outside, negative inside). */
export function boxSdf(min: Vec3, max: Vec3): Sdf {
  const c = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
  const h = [(max[0] - min[0]) / 2, (max[1] - min[1]) / 2, (max[2] - min[2]) / 2];
  return (x, y, z) => {
    const qx = Math.abs(x - c[0]!) - h[0]!;
    const qy = Math.abs(y - c[1]!) - h[1]!;
    const qz = Math.abs(z - c[2]!) - h[2]!;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0), Math.max(qz, 0)) + Math.min(Math.max(qx, qy, qz), 0);
  };
}

/** Largest distance from the segment a–b of the points inside f (grid sampled), for an enclosing capsule. */
export function capsuleRadius(f: Sdf, a: Vec3, b: Vec3, box: { min: Vec3; max: Vec3 }, step = 0.8): number {
  const ab = sub(b, a);
  const l2 = dot(ab, ab);
  let r = 0;
  for (let x = box.min[0]; x <= box.max[0]; x += step)
    for (let y = box.min[1]; y <= box.max[1]; y += step)
      for (let z = box.min[2]; z <= box.max[2]; z += step) {
        if (f(x, y, z) > 0) continue;
        const p: Vec3 = [x, y, z];
        const t = Math.max(0, Math.min(1, dot(sub(p, a), ab) / l2));
        const q = add(a, scale(ab, t));
        r = Math.max(r, Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]));
      }
  return r;
}
