/**
 * Signed distance functions for building bones offline. Millimetres; negative inside, positive outside
 * (the usual graphics convention; the mesher flips the sign for manifold's levelSet).
 */
import { cross, dot, normalize, sub, type Vec3 } from './vec';

export type Sdf = (x: number, y: number, z: number) => number;

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

export function sphere(c: Vec3, r: number): Sdf {
  return (x, y, z) => Math.hypot(x - c[0], y - c[1], z - c[2]) - r;
}

/** A cylinder of radius r from a to b with hemispherical ends. */
export function capsule(a: Vec3, b: Vec3, r: number): Sdf {
  return roundCone(a, b, r, r);
}

/** A cone from a (radius ra) to b (radius rb) with spherical ends: the workhorse for long bones. */
export function roundCone(a: Vec3, b: Vec3, ra: number, rb: number): Sdf {
  const ba = sub(b, a);
  const l2 = dot(ba, ba);
  const rr = ra - rb;
  const a2 = l2 - rr * rr;
  const il2 = 1 / l2;
  return (x, y, z) => {
    const pax = x - a[0];
    const pay = y - a[1];
    const paz = z - a[2];
    const yv = pax * ba[0] + pay * ba[1] + paz * ba[2];
    const zv = yv - l2;
    const qx = pax * l2 - ba[0] * yv;
    const qy = pay * l2 - ba[1] * yv;
    const qz = paz * l2 - ba[2] * yv;
    const x2 = qx * qx + qy * qy + qz * qz;
    const y2 = yv * yv * l2;
    const z2 = zv * zv * l2;
    const k = Math.sign(rr) * rr * rr * x2;
    if (Math.sign(zv) * a2 * z2 > k) return Math.sqrt(x2 + z2) * il2 - rb;
    if (Math.sign(yv) * a2 * y2 < k) return Math.sqrt(x2 + y2) * il2 - ra;
    return (Math.sqrt(x2 * a2 * il2) + yv * rr) * il2 - ra;
  };
}

/**
 * An ellipsoid centred at c with semi-axes r along the frame axes u, v, w (defaults: world x, y, z).
 * The distance is approximate (a bound), which is all smooth unions need.
 */
export function ellipsoid(c: Vec3, r: Vec3, u: Vec3 = [1, 0, 0], v: Vec3 = [0, 1, 0]): Sdf {
  const uu = normalize(u);
  const ww = normalize(cross(uu, v));
  const vv = cross(ww, uu);
  return (x, y, z) => {
    const px = x - c[0];
    const py = y - c[1];
    const pz = z - c[2];
    const lx = (px * uu[0] + py * uu[1] + pz * uu[2]) / r[0];
    const ly = (px * vv[0] + py * vv[1] + pz * vv[2]) / r[1];
    const lz = (px * ww[0] + py * ww[1] + pz * ww[2]) / r[2];
    const k0 = Math.hypot(lx, ly, lz);
    const k1 = Math.hypot(lx / r[0], ly / r[1], lz / r[2]);
    return k1 === 0 ? -Math.min(r[0], r[1], r[2]) : (k0 * (k0 - 1)) / k1;
  };
}

/** A box centred at c with half sizes h along frame axes u, v, w, edges rounded by radius round. */
export function roundBox(c: Vec3, h: Vec3, round: number, u: Vec3 = [1, 0, 0], v: Vec3 = [0, 1, 0]): Sdf {
  const uu = normalize(u);
  const ww = normalize(cross(uu, v));
  const vv = cross(ww, uu);
  return (x, y, z) => {
    const px = x - c[0];
    const py = y - c[1];
    const pz = z - c[2];
    const qx = Math.abs(px * uu[0] + py * uu[1] + pz * uu[2]) - h[0] + round;
    const qy = Math.abs(px * vv[0] + py * vv[1] + pz * vv[2]) - h[1] + round;
    const qz = Math.abs(px * ww[0] + py * ww[1] + pz * ww[2]) - h[2] + round;
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0), Math.max(qz, 0));
    return outside + Math.min(Math.max(qx, qy, qz), 0) - round;
  };
}

/** Half-space: negative on the side opposite the normal n through point p. */
export function halfSpace(p: Vec3, n: Vec3): Sdf {
  const nn = normalize(n);
  return (x, y, z) => (x - p[0]) * nn[0] + (y - p[1]) * nn[1] + (z - p[2]) * nn[2];
}

export function union(...parts: Sdf[]): Sdf {
  return (x, y, z) => {
    let d = Infinity;
    for (const f of parts) d = Math.min(d, f(x, y, z));
    return d;
  };
}

/** Polynomial smooth minimum: blends parts over a fillet of about k mm, as bone flares into bone. */
export function smoothUnion(k: number, ...parts: Sdf[]): Sdf {
  return (x, y, z) => {
    let d = Infinity;
    for (const f of parts) {
      const b = f(x, y, z);
      if (d === Infinity) {
        d = b;
        continue;
      }
      const h = clamp01(0.5 + (0.5 * (b - d)) / k);
      d = b + (d - b) * h - k * h * (1 - h);
    }
    return d;
  };
}

/** Removes `cutter` from `base` with a fillet of about k mm (grooves, notches, articular hollows). */
export function smoothSubtract(k: number, base: Sdf, cutter: Sdf): Sdf {
  return (x, y, z) => {
    const a = base(x, y, z);
    const b = -cutter(x, y, z);
    const h = clamp01(0.5 - (0.5 * (a - b)) / k);
    return a + (b - a) * h + k * h * (1 - h);
  };
}

export function smoothIntersect(k: number, a: Sdf, b: Sdf): Sdf {
  return (x, y, z) => {
    const da = a(x, y, z);
    const db = b(x, y, z);
    const h = clamp01(0.5 - (0.5 * (db - da)) / k);
    return db + (da - db) * h + k * h * (1 - h);
  };
}

/** Evaluates a central-difference gradient; used for smooth vertex normals. */
export function gradient(f: Sdf, x: number, y: number, z: number, eps = 0.05): Vec3 {
  const gx = f(x + eps, y, z) - f(x - eps, y, z);
  const gy = f(x, y + eps, z) - f(x, y - eps, z);
  const gz = f(x, y, z + eps) - f(x, y, z - eps);
  const l = Math.hypot(gx, gy, gz) || 1;
  return [gx / l, gy / l, gz / l];
}
