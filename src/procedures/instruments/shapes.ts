import { ShapeUtils, Vector2 } from 'three';
import type { MeshBuilder } from './mesh-builder';

/** A point of a lathe profile: radius from the Z axis and position along it, mm. */
export type ProfilePoint = readonly [r: number, z: number];
/** A 2D point of a flat outline, mm. */
export type Point2 = readonly [number, number];
type Vec3 = readonly [number, number, number];

const TAU = Math.PI * 2;

/** Points of an arc about (cu, cv), from angle a0 to a1 (degrees), ends included. */
export function arc(cu: number, cv: number, r: number, a0: number, a1: number, steps: number): Point2[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = ((a0 + ((a1 - a0) * i) / steps) * Math.PI) / 180;
    return [cu + r * Math.cos(a), cv + r * Math.sin(a)] as const;
  });
}

/**
 * Surface of revolution about Z. The profile is walked with the solid on its right in the (r, z)
 * plane — from the tip backwards along the outside, forwards along a bore — so each band's normal
 * is (−dz, dr). Bands meet at creases unless `smooth`, which shares normals between bands (rounded
 * caps, domes).
 */
export function lathe(
  b: MeshBuilder,
  profile: readonly ProfilePoint[],
  segments: number,
  smooth = false,
  phase = 0,
): void {
  const bandNormal = (i: number): readonly [number, number] => {
    const p = profile[i]!;
    const q = profile[i + 1]!;
    const nr = -(q[1] - p[1]);
    const nz = q[0] - p[0];
    const l = Math.hypot(nr, nz) || 1;
    return [nr / l, nz / l];
  };
  const ring = (pt: ProfilePoint, n: readonly [number, number]): number => {
    const first = b.vertexCount;
    for (let k = 0; k <= segments; k++) {
      const a = phase + (TAU * k) / segments;
      const c = Math.cos(a);
      const s = Math.sin(a);
      b.vertex(pt[0] * c, pt[0] * s, pt[1], n[0] * c, n[0] * s, n[1]);
    }
    return first;
  };
  const pointNormal = (i: number, band: number): readonly [number, number] => {
    if (!smooth) return bandNormal(band);
    const before = i > 0 ? bandNormal(i - 1) : bandNormal(i);
    const after = i < profile.length - 1 ? bandNormal(i) : bandNormal(i - 1);
    return [before[0] + after[0], before[1] + after[1]];
  };
  for (let i = 0; i < profile.length - 1; i++) {
    const r0 = ring(profile[i]!, pointNormal(i, i));
    const r1 = ring(profile[i + 1]!, pointNormal(i + 1, i));
    for (let k = 0; k < segments; k++) b.quad(r0 + k, r0 + k + 1, r1 + k + 1, r1 + k);
  }
}

/** Flat disc or annulus at height z facing ±Z, matching a lathe ring of the same segment count. */
export function disc(
  b: MeshBuilder,
  z: number,
  rOuter: number,
  rInner: number,
  segments: number,
  nz: 1 | -1,
): void {
  const outer = b.vertexCount;
  for (let k = 0; k < segments; k++) {
    const a = (TAU * k) / segments;
    b.vertex(rOuter * Math.cos(a), rOuter * Math.sin(a), z, 0, 0, nz);
  }
  if (rInner <= 0) {
    const centre = b.vertex(0, 0, z, 0, 0, nz);
    for (let k = 0; k < segments; k++) b.triangle(centre, outer + k, outer + ((k + 1) % segments));
    return;
  }
  const inner = b.vertexCount;
  for (let k = 0; k < segments; k++) {
    const a = (TAU * k) / segments;
    b.vertex(rInner * Math.cos(a), rInner * Math.sin(a), z, 0, 0, nz);
  }
  for (let k = 0; k < segments; k++) {
    const k1 = (k + 1) % segments;
    b.quad(outer + k, outer + k1, inner + k1, inner + k);
  }
}

/** Which plane a flat outline lies in: (u, v) map to (z, y) or (z, x); the slab is thick along the third axis. */
export type SlabPlane = 'zy' | 'zx';

const slabPoint = (plane: SlabPlane, u: number, v: number, w: number): Vec3 =>
  plane === 'zy' ? [w, v, u] : [v, w, u];

function signedArea(outline: readonly Point2[]): number {
  let a = 0;
  for (let i = 0; i < outline.length; i++) {
    const p = outline[i]!;
    const q = outline[(i + 1) % outline.length]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

/**
 * A flat plate: `outline` (a simple polygon, either winding) extruded from w0 to w1 across its plane.
 * Side walls are creased where the outline turns by more than `creaseDeg`, smooth elsewhere, so a
 * finely sampled rounded end shades round and a corner stays sharp.
 */
export function slab(
  b: MeshBuilder,
  outline: readonly Point2[],
  w0: number,
  w1: number,
  plane: SlabPlane,
  creaseDeg = 35,
): void {
  const n = outline.length;
  const contour = outline.map(([u, v]) => new Vector2(u, v));
  const tris = ShapeUtils.triangulateShape(contour, []);
  for (const [w, sign] of [
    [w0, -1],
    [w1, 1],
  ] as const) {
    const first = b.vertexCount;
    const nrm = slabPoint(plane, 0, 0, sign);
    for (const [u, v] of outline) {
      const p = slabPoint(plane, u, v, w);
      b.vertex(p[0], p[1], p[2], nrm[0], nrm[1], nrm[2]);
    }
    for (const t of tris) b.triangle(first + t[0]!, first + t[1]!, first + t[2]!);
  }
  const ccw = signedArea(outline) > 0 ? 1 : -1;
  const edgeNormal = (i: number): Point2 => {
    const p = outline[((i % n) + n) % n]!;
    const q = outline[(((i + 1) % n) + n) % n]!;
    const du = q[0] - p[0];
    const dv = q[1] - p[1];
    const l = Math.hypot(du, dv) || 1;
    return [(ccw * dv) / l, (-ccw * du) / l];
  };
  const cosCrease = Math.cos((creaseDeg * Math.PI) / 180);
  const vertexNormal = (i: number, edge: number): Point2 => {
    const a = edgeNormal(i - 1);
    const c = edgeNormal(i);
    if (a[0] * c[0] + a[1] * c[1] < cosCrease) return edgeNormal(edge);
    return [a[0] + c[0], a[1] + c[1]];
  };
  for (let i = 0; i < n; i++) {
    const ids: number[] = [];
    for (const [j, w] of [
      [i, w0],
      [i + 1, w0],
      [i + 1, w1],
      [i, w1],
    ] as const) {
      const [u, v] = outline[j % n]!;
      const nn = vertexNormal(j, i);
      const p = slabPoint(plane, u, v, w);
      const q = slabPoint(plane, nn[0], nn[1], 0);
      ids.push(b.vertex(p[0], p[1], p[2], q[0], q[1], q[2]));
    }
    b.quad(ids[0]!, ids[1]!, ids[2]!, ids[3]!);
  }
}

/**
 * A round rod of radius `r` ending in a three-facet trocar point at the origin, `tipLength` long
 * (a K-wire, a bone needle's stylet). Its round wall runs back to `zBack` and is left open there;
 * its last ring matches a lathe ring of `samples` segments (a multiple of 6).
 */
export function trocarPoint(
  b: MeshBuilder,
  r: number,
  tipLength: number,
  zBack: number,
  samples: number,
): void {
  const facets = [0, 1, 2].map((k) => (TAU * k) / 3);
  // Each facet is a plane through the tip; on the rod's surface the lowest of the three planes at
  // each angle is where the point ends and the round rod begins.
  const edgeZ = (a: number) => -tipLength * Math.max(...facets.map((f) => Math.cos(a - f)));
  const angle = (j: number) => (TAU * j) / samples;
  const tanA = r / tipLength;
  const cosA = 1 / Math.hypot(1, tanA);
  const sinA = tanA * cosA;
  const perFacet = samples / 3;
  facets.forEach((f, k) => {
    const nx = Math.cos(f) * cosA;
    const ny = Math.sin(f) * cosA;
    const apex = b.vertex(0, 0, 0, nx, ny, sinA);
    const ids: number[] = [];
    for (let j = perFacet * k - perFacet / 2; j <= perFacet * k + perFacet / 2; j++) {
      const a = angle(j);
      ids.push(b.vertex(r * Math.cos(a), r * Math.sin(a), edgeZ(a), nx, ny, sinA));
    }
    for (let i = 0; i < ids.length - 1; i++) b.triangle(apex, ids[i]!, ids[i + 1]!);
  });
  const front = b.vertexCount;
  for (let j = 0; j <= samples; j++) {
    const a = angle(j);
    b.vertex(r * Math.cos(a), r * Math.sin(a), edgeZ(a), Math.cos(a), Math.sin(a), 0);
  }
  const back = b.vertexCount;
  for (let j = 0; j <= samples; j++) {
    const a = angle(j);
    b.vertex(r * Math.cos(a), r * Math.sin(a), zBack, Math.cos(a), Math.sin(a), 0);
  }
  for (let j = 0; j < samples; j++) b.quad(front + j, front + j + 1, back + j + 1, back + j);
}

/** A station of a swept tube: centre and radius (0 closes the tube to a point). */
export interface TubeStation {
  readonly at: Vec3;
  readonly r: number;
}

/**
 * A round wire swept along a path that lies in the plane normal to `planeNormal` (a staple). Open
 * ends with a radius above zero get flat caps.
 */
export function tube(
  b: MeshBuilder,
  path: readonly TubeStation[],
  segments: number,
  planeNormal: Vec3,
): void {
  const rings: number[] = [];
  const side = (i: number): Vec3 => {
    const p = path[Math.max(0, i - 1)]!.at;
    const q = path[Math.min(path.length - 1, i + 1)]!.at;
    const t = [q[0] - p[0], q[1] - p[1], q[2] - p[2]];
    const u = planeNormal;
    const s = [
      t[1]! * u[2] - t[2]! * u[1],
      t[2]! * u[0] - t[0]! * u[2],
      t[0]! * u[1] - t[1]! * u[0],
    ] as const;
    const l = Math.hypot(s[0], s[1], s[2]) || 1;
    return [s[0] / l, s[1] / l, s[2] / l];
  };
  path.forEach((st, i) => {
    const s = side(i);
    const u = planeNormal;
    rings.push(b.vertexCount);
    for (let k = 0; k <= segments; k++) {
      const a = (TAU * k) / segments;
      const nx = Math.cos(a) * u[0] + Math.sin(a) * s[0];
      const ny = Math.cos(a) * u[1] + Math.sin(a) * s[1];
      const nz = Math.cos(a) * u[2] + Math.sin(a) * s[2];
      b.vertex(st.at[0] + st.r * nx, st.at[1] + st.r * ny, st.at[2] + st.r * nz, nx, ny, nz);
    }
  });
  for (let i = 0; i < path.length - 1; i++)
    for (let k = 0; k < segments; k++)
      b.quad(rings[i]! + k, rings[i]! + k + 1, rings[i + 1]! + k + 1, rings[i + 1]! + k);
  for (const [end, next] of [
    [0, 1],
    [path.length - 1, path.length - 2],
  ] as const) {
    const st = path[end]!;
    if (st.r <= 0) continue;
    const o = path[next]!.at;
    const d = [st.at[0] - o[0], st.at[1] - o[1], st.at[2] - o[2]] as const;
    const centre = b.vertex(st.at[0], st.at[1], st.at[2], d[0], d[1], d[2]);
    const first = b.vertexCount;
    for (let k = 0; k < segments; k++) {
      const i = 3 * (rings[end]! + k);
      b.vertex(b.positions[i]!, b.positions[i + 1]!, b.positions[i + 2]!, d[0], d[1], d[2]);
    }
    for (let k = 0; k < segments; k++) b.triangle(centre, first + k, first + ((k + 1) % segments));
  }
}
