import type { Point2 } from './shapes';

type Vec3 = readonly [number, number, number];

const lerp2 = (p: Point2, q: Point2, f: number): Point2 => [
  p[0] + (q[0] - p[0]) * f,
  p[1] + (q[1] - p[1]) * f,
];

/**
 * Replaces each corner of a (z, y) polyline by a short quadratic curve that still passes through
 * the corner point, so a bent plate bends smoothly yet touches every station it was given. The
 * curve starts and ends at most `reach` mm (and under half a segment) either side of the corner.
 */
export function roundCorners(points: readonly Point2[], reach: number, steps: number): Point2[] {
  const out: Point2[] = [points[0]!];
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i - 1]!;
    const c = points[i]!;
    const n = points[i + 1]!;
    const l0 = Math.hypot(c[0] - p[0], c[1] - p[1]);
    const l1 = Math.hypot(n[0] - c[0], n[1] - c[1]);
    const cross = (c[0] - p[0]) * (n[1] - c[1]) - (c[1] - p[1]) * (n[0] - c[0]);
    if (Math.abs(cross) < 1e-3 * l0 * l1) {
      out.push(c);
      continue;
    }
    const r = Math.min(reach, 0.45 * l0, 0.45 * l1);
    const a = lerp2(c, p, r / l0);
    const b = lerp2(c, n, r / l1);
    // The control point that puts the curve's midpoint on the corner itself.
    const q: Point2 = [2 * c[0] - (a[0] + b[0]) / 2, 2 * c[1] - (a[1] + b[1]) / 2];
    for (let j = 0; j <= steps; j++) {
      const f = j / steps;
      const g = 1 - f;
      out.push([
        g * g * a[0] + 2 * f * g * q[0] + f * f * b[0],
        g * g * a[1] + 2 * f * g * q[1] + f * f * b[1],
      ]);
    }
  }
  out.push(points[points.length - 1]!);
  return out;
}

/**
 * The bone-facing centre line of a bent strip (a plate) in the tool frame's ZY plane, walked from
 * its proximal end towards −Z. `s` is arc length along it, `x` the distance across the strip and
 * `d` the distance away from the bone, mm. Offsets follow mitred normals, interpolated between
 * the polyline's vertices, so the strip is exactly as thick across a bend as along a straight part.
 */
export class CentreLine {
  /** Arc length at each vertex, mm. */
  readonly s: readonly number[];
  private readonly points: readonly Point2[];
  private readonly miters: readonly Point2[];
  private readonly tangents: readonly Point2[];

  /** `points` are (z, y) pairs, tool frame, mm, with z decreasing. */
  constructor(points: readonly Point2[]) {
    this.points = points;
    const s = [0];
    const segTangent: Point2[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const dz = points[i + 1]![0] - points[i]![0];
      const dy = points[i + 1]![1] - points[i]![1];
      const l = Math.hypot(dz, dy);
      s.push(s[i]! + l);
      segTangent.push([dz / l, dy / l]);
    }
    this.s = s;
    // Away from the bone: +Y for a strip running towards −Z.
    const normalOf = (t: Point2): Point2 => [t[1], -t[0]];
    const miters: Point2[] = [];
    const tangents: Point2[] = [];
    for (let i = 0; i < points.length; i++) {
      const t0 = segTangent[Math.max(0, i - 1)]!;
      const t1 = segTangent[Math.min(segTangent.length - 1, i)]!;
      const n0 = normalOf(t0);
      const n1 = normalOf(t1);
      const k = 1 + n0[0] * n1[0] + n0[1] * n1[1];
      miters.push([(n0[0] + n1[0]) / k, (n0[1] + n1[1]) / k]);
      const tz = t0[0] + t1[0];
      const ty = t0[1] + t1[1];
      const l = Math.hypot(tz, ty);
      tangents.push([tz / l, ty / l]);
    }
    this.miters = miters;
    this.tangents = tangents;
  }

  /** Arc length at the vertex nearest to p (a station the rounded line passes through). */
  arcLengthAt(p: Point2): number {
    let best = 0;
    let bestD = Infinity;
    this.points.forEach((q, i) => {
      const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
      if (d < bestD) [best, bestD] = [i, d];
    });
    return this.s[best]!;
  }

  get length(): number {
    return this.s[this.s.length - 1]!;
  }

  private locate(s: number): readonly [number, number] {
    let k = 0;
    while (k < this.s.length - 2 && s > this.s[k + 1]!) k++;
    const s0 = this.s[k]!;
    return [k, Math.min(1, Math.max(0, (s - s0) / (this.s[k + 1]! - s0)))];
  }

  /** Tool-frame point at arc length s, x across the strip, d away from the bone. */
  point(s: number, x: number, d: number): Vec3 {
    const [k, f] = this.locate(s);
    const c = lerp2(this.points[k]!, this.points[k + 1]!, f);
    const m = lerp2(this.miters[k]!, this.miters[k + 1]!, f);
    return [x, c[1] + d * m[1], c[0] + d * m[0]];
  }

  /** Unit normal away from the bone at s (x, y, z), smooth across bends. */
  normal(s: number): Vec3 {
    const [k, f] = this.locate(s);
    const m = lerp2(this.miters[k]!, this.miters[k + 1]!, f);
    const l = Math.hypot(m[0], m[1]);
    return [0, m[1] / l, m[0] / l];
  }

  /** Unit tangent at s towards the distal end (x, y, z), smooth across bends. */
  tangent(s: number): Vec3 {
    const [k, f] = this.locate(s);
    const t = lerp2(this.tangents[k]!, this.tangents[k + 1]!, f);
    const l = Math.hypot(t[0], t[1]);
    return [0, t[1] / l, t[0] / l];
  }
}
