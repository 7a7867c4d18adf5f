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

/** A screw thread as one continuous helical ridge (right-handed), radii may vary along Z (a taper). */
export interface ThreadSpec {
  /** Z where the ridge starts (nearer the tip) and ends, mm; zFront > zBack. */
  readonly zFront: number;
  readonly zBack: number;
  /** Axial advance per turn, mm. */
  readonly pitch: number;
  /** Radius of the core the ridge stands on, and of the thread crest, at height z, mm. */
  readonly root: (z: number) => number;
  readonly crest: (z: number) => number;
  /** Axial width of the ridge at its root and at its crest, as fractions of the pitch. */
  readonly rootWidth?: number;
  readonly crestWidth?: number;
  /** Turns over which the ridge rises from the core at its start and sinks back at its end. */
  readonly runIn?: number;
  readonly runOut?: number;
  readonly stepsPerTurn: number;
}

const smoothstep = (x: number): number => {
  const t = Math.min(1, Math.max(0, x));
  return t * t * (3 - 2 * t);
};

/**
 * Sweeps a trapezoid profile along a helix. The ridge's root sits just inside the core so the two
 * never leave a slit; at both ends the ridge fades into the core, as a machined thread runs out.
 */
export function helicalRidge(b: MeshBuilder, spec: ThreadSpec): void {
  const bw = (spec.rootWidth ?? 0.8) * spec.pitch;
  const cw = (spec.crestWidth ?? 0.12) * spec.pitch;
  const span = spec.zFront - spec.zBack - bw;
  if (span <= 0) return;
  const turns = span / spec.pitch;
  const steps = Math.max(2, Math.ceil(turns * spec.stepsPerTurn));
  const runIn = spec.runIn ?? 0.75;
  const runOut = spec.runOut ?? 0.5;
  // Profile corners walked front to back over the crest, each as (root or crest, axial offset).
  const corners = [
    [0, bw / 2],
    [1, cw / 2],
    [1, -cw / 2],
    [0, -bw / 2],
  ] as const;
  const strips: number[][] = [[], [], []];
  for (let s = 0; s <= steps; s++) {
    const turn = (turns * s) / steps;
    const zc = spec.zFront - bw / 2 - turn * spec.pitch;
    // Right-handed: the helix climbs towards +Z while turning counter-clockwise about +Z.
    const angle = -TAU * turn;
    const c = Math.cos(angle);
    const sn = Math.sin(angle);
    const amount = Math.min(smoothstep(turn / runIn), smoothstep((turns - turn) / runOut));
    const root = spec.root(zc) - 0.03;
    const crest = root + 0.03 + amount * (spec.crest(zc) - spec.root(zc));
    const pts = corners.map(([k, dz]) => [k ? crest : root, zc + dz] as const);
    for (let e = 0; e < 3; e++) {
      const p = pts[e]!;
      const q = pts[e + 1]!;
      let nr = -(q[1] - p[1]);
      let nz = q[0] - p[0];
      if (Math.hypot(nr, nz) < 1e-9) [nr, nz] = [1, 0];
      strips[e]!.push(
        b.vertex(p[0] * c, p[0] * sn, p[1], nr * c, nr * sn, nz),
        b.vertex(q[0] * c, q[0] * sn, q[1], nr * c, nr * sn, nz),
      );
    }
  }
  for (const strip of strips)
    for (let s = 0; s < steps; s++) {
      const i = 2 * s;
      b.quad(strip[i]!, strip[i + 1]!, strip[i + 3]!, strip[i + 2]!);
    }
}

/**
 * A drive socket of any (simple, counter-clockwise) section opening towards −Z at z = zTop into a
 * head or screw end of radius `rim` (matching a lathe ring of `segments`), with the cannula of
 * radius `cannula` through its floor (0: a solid floor). The bore below the floor is left to the
 * caller's lathe.
 */
export function driveSocket(
  b: MeshBuilder,
  zTop: number,
  depth: number,
  section: readonly Point2[],
  rim: number,
  cannula: number,
  segments: number,
): void {
  const outline = section.map(([x, y]) => new Vector2(x, y));
  const circle = (r: number) =>
    Array.from({ length: segments }, (_, k) => {
      const a = (TAU * k) / segments;
      return new Vector2(r * Math.cos(a), r * Math.sin(a));
    });
  const face = (outer: Vector2[], holes: Vector2[][], z: number) => {
    const first = b.vertexCount;
    for (const p of [...outer, ...holes.flat()]) b.vertex(p.x, p.y, z, 0, 0, -1);
    for (const t of ShapeUtils.triangulateShape(outer, holes))
      b.triangle(first + t[0]!, first + t[1]!, first + t[2]!);
  };
  face(circle(rim), [outline.slice()], zTop);
  face(outline.slice(), cannula > 0 ? [circle(cannula)] : [], zTop + depth);
  outline.forEach((p, k) => {
    const q = outline[(k + 1) % outline.length]!;
    // The wall faces into the socket: left of each edge of a counter-clockwise section.
    const nx = -(q.y - p.y);
    const ny = q.x - p.x;
    b.quad(
      b.vertex(p.x, p.y, zTop, nx, ny, 0),
      b.vertex(q.x, q.y, zTop, nx, ny, 0),
      b.vertex(q.x, q.y, zTop + depth, nx, ny, 0),
      b.vertex(p.x, p.y, zTop + depth, nx, ny, 0),
    );
  });
}

/** A hexagonal drive socket (see driveSocket), `acrossFlats` mm wide. */
export function hexSocket(
  b: MeshBuilder,
  zTop: number,
  depth: number,
  acrossFlats: number,
  rim: number,
  cannula: number,
  segments: number,
): void {
  const rc = acrossFlats / Math.sqrt(3);
  const hex = Array.from({ length: 6 }, (_, k): Point2 => {
    const a = (TAU * k) / 6;
    return [rc * Math.cos(a), rc * Math.sin(a)];
  });
  driveSocket(b, zTop, depth, hex, rim, cannula, segments);
}

/** A six-lobed star drive socket (StarDrive/Torx-like, see driveSocket): rounded lobes out to rOuter. */
export function starSocket(
  b: MeshBuilder,
  zTop: number,
  depth: number,
  rOuter: number,
  rInner: number,
  rim: number,
  segments: number,
): void {
  const mid = (rOuter + rInner) / 2;
  const amp = (rOuter - rInner) / 2;
  const star = Array.from({ length: 24 }, (_, k): Point2 => {
    const a = (TAU * k) / 24;
    const r = mid + amp * Math.cos(6 * a);
    return [r * Math.cos(a), r * Math.sin(a)];
  });
  driveSocket(b, zTop, depth, star, rim, 0, segments);
}

/** A cross-section given in polar form: runs of (angle rad, radius mm), creased where runs meet. */
export type PolarRun = readonly (readonly [angle: number, r: number])[];

/** One station of a twisted prism: where it is, how far the section has turned, how radii are changed. */
export interface TwistStation {
  readonly z: number;
  readonly twist: number;
  readonly radius: (r: number) => number;
}

/**
 * A star-shaped section swept along −Z while turning (a fluted drill). Normals come from the
 * surface itself, since the helix tilts them out of the section plane.
 */
export function twistedPrism(
  b: MeshBuilder,
  runs: readonly PolarRun[],
  stations: readonly TwistStation[],
): void {
  const firstVertex = b.vertexCount;
  const firstIndex = b.indices.length;
  for (const run of runs) {
    const rows: number[] = [];
    for (const st of stations) {
      rows.push(b.vertexCount);
      for (const [a0, r0] of run) {
        const a = a0 + st.twist;
        const r = st.radius(r0);
        // Radial is close enough to orient the triangles: the section is star-shaped.
        b.vertex(r * Math.cos(a), r * Math.sin(a), st.z, Math.cos(a), Math.sin(a), 0);
      }
    }
    for (let i = 0; i < stations.length - 1; i++)
      for (let k = 0; k < run.length - 1; k++)
        b.quad(rows[i]! + k, rows[i]! + k + 1, rows[i + 1]! + k + 1, rows[i + 1]! + k);
  }
  b.smoothNormals(firstVertex, firstIndex);
}
