import { ShapeUtils, Vector2 } from 'three';
import type { MeshBuilder } from './mesh-builder';
import type { Point2 } from './shapes';

const TAU = Math.PI * 2;

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
