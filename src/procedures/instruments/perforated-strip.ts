import { ShapeUtils, Vector2 } from 'three';
import type { CentreLine } from './centre-line';
import type { MeshBuilder } from './mesh-builder';
import type { Point2 } from './shapes';

/** Where a hole goes through a strip: arc length along its centre line and distance across, mm. */
export interface StripHole {
  readonly s: number;
  readonly x: number;
}

/** The shape of every hole of a strip. */
export interface HoleProfile {
  /** Half the side of the square patch of surface meshed around each hole, mm (> every radius). */
  readonly patch: number;
  /** The hole's wall from the outer face (d = thickness) to the bone face (d = 0): radius, depth d, mm. */
  readonly wall: readonly (readonly [r: number, d: number])[];
  /** Points along each side of the patch; the hole is a polygon of 4 × sides. */
  readonly sides: number;
}

export interface StripSpec {
  /** The bone face's centre line; the strip stands on it towards +d. */
  readonly line: CentreLine;
  /** Across the strip, from the bone face to the outer face, mm. */
  readonly thickness: number;
  /** Half the strip's width at arc length s, mm; 0 where an end comes to a point. */
  readonly halfWidth: (s: number) => number;
  /** Arc lengths where the outline must be sampled (rounded ends, tapers), mm. */
  readonly samples: readonly number[];
  /** Holes; those at the same s form one row, and rows must not overlap. */
  readonly holes: readonly StripHole[];
  readonly hole: HoleProfile;
}

interface Row {
  readonly s: number;
  readonly xs: readonly number[];
}

const EPS = 1e-6;

const sortedUnique = (values: readonly number[], tolerance: number): number[] => {
  const out: number[] = [];
  for (const v of [...values].sort((p, q) => p - q))
    if (out.length === 0 || v - out[out.length - 1]! > tolerance) out.push(v);
  return out;
};

/**
 * A strip bent along a centre line with holes through it, as one closed surface: the plan (s, x)
 * is cut into bands between sampled rows; a band holding a row of holes is split into square
 * patches, each meshed around its hole, and the plain cells between them. Neighbouring pieces share
 * every vertex along their common edges, so the surface has no cracks even where it bends.
 */
export function perforatedStrip(b: MeshBuilder, spec: StripSpec): void {
  const { line, thickness, halfWidth, hole } = spec;
  const a = hole.patch;
  const L = line.length;
  const holeRows = sortedUnique(
    spec.holes.map((h) => h.s),
    EPS,
  ).map((s) => ({
    s,
    xs: sortedUnique(
      spec.holes.filter((h) => Math.abs(h.s - s) <= EPS).map((h) => h.x),
      EPS,
    ),
  }));
  const insideHoleRow = (s: number) => holeRows.some((h) => Math.abs(s - h.s) < a - EPS);
  const edgeOf = (xc: number) =>
    Array.from({ length: hole.sides + 1 }, (_, j) => xc - a + (2 * a * j) / hole.sides);
  const boundaries = holeRows.flatMap((h) => [h.s - a, h.s + a]);
  const extra = [0, L, ...spec.samples, ...line.s].filter(
    (s) => s >= 0 && s <= L && !insideHoleRow(s) && boundaries.every((q) => Math.abs(q - s) > 0.05),
  );
  const rows: Row[] = sortedUnique([...boundaries, ...extra], 0.05).map((s) => {
    const w = halfWidth(s);
    const touching = holeRows.filter((h) => Math.abs(Math.abs(h.s - s) - a) <= EPS);
    return { s, xs: sortedUnique([-w, w, ...touching.flatMap((h) => h.xs.flatMap(edgeOf))], EPS) };
  });

  const place = (p: Point2, d: number, normal: readonly number[]): number => {
    const q = line.point(p[0], p[1], d);
    return b.vertex(q[0], q[1], q[2], normal[0]!, normal[1]!, normal[2]!);
  };
  /** Both faces of a plan polygon (s, x): the bone face and the outer face. */
  const faces = (poly: readonly Point2[]) => {
    const tris = ShapeUtils.triangulateShape(
      poly.map(([s, x]) => new Vector2(s, x)),
      [],
    );
    for (const [d, sign] of [
      [0, -1],
      [thickness, 1],
    ] as const) {
      const ids = poly.map((p) =>
        place(
          p,
          d,
          line.normal(p[0]).map((v) => sign * v),
        ),
      );
      for (const t of tris) b.triangle(ids[t[0]!]!, ids[t[1]!]!, ids[t[2]!]!);
    }
  };
  const onRow = (row: Row, x0: number, x1: number): Point2[] =>
    row.xs.filter((x) => x >= x0 - EPS && x <= x1 + EPS).map((x) => [row.s, x] as const);

  for (let i = 0; i < rows.length - 1; i++) {
    const lo = rows[i]!;
    const hi = rows[i + 1]!;
    const holeRow = holeRows.find((h) => Math.abs(h.s - a - lo.s) <= EPS);
    if (!holeRow) {
      faces([...onRow(lo, -Infinity, Infinity), ...onRow(hi, -Infinity, Infinity).reverse()]);
      continue;
    }
    const side = (x: number): Point2[] =>
      edgeOf(holeRow.s)
        .slice(1, -1)
        .map((s) => [s, x] as const);
    let left = { x: -Infinity, side: [] as Point2[] };
    for (const xc of holeRow.xs) {
      faces([
        ...onRow(lo, left.x, xc - a),
        ...side(xc - a),
        ...onRow(hi, left.x, xc - a).reverse(),
        ...left.side.slice().reverse(),
      ]);
      holePatch(b, spec, holeRow.s, xc, place);
      left = { x: xc + a, side: side(xc + a) };
    }
    faces([
      ...onRow(lo, left.x, Infinity),
      ...onRow(hi, left.x, Infinity).reverse(),
      ...left.side.slice().reverse(),
    ]);
  }
  stripEdges(b, spec, rows, place);
}

type Place = (p: Point2, d: number, normal: readonly number[]) => number;

/** The square of surface around one hole on both faces, and the hole's wall. */
function holePatch(b: MeshBuilder, spec: StripSpec, sc: number, xc: number, place: Place): void {
  const { line, hole } = spec;
  const a = hole.patch;
  const n = hole.sides;
  // Around the square's edge: along its low-x side, its high-s side, its high-x side, its low-s side.
  const square = Array.from({ length: 4 * n }, (_, j): Point2 => {
    const f = -a + (2 * a * (j % n)) / n;
    const corners: readonly Point2[] = [
      [f, -a],
      [a, f],
      [-f, a],
      [-a, -f],
    ];
    return corners[Math.floor(j / n)]!;
  });
  const angles = square.map(([u, v]) => Math.atan2(v, u));
  const ring = (r: number): Point2[] => angles.map((phi) => [sc + r * Math.cos(phi), xc + r * Math.sin(phi)]);
  const edge = square.map(([u, v]): Point2 => [sc + u, xc + v]);
  const up = line.normal(sc);
  const loop = (outer: readonly number[], inner: readonly number[]) => {
    for (let j = 0; j < outer.length; j++) {
      const k = (j + 1) % outer.length;
      b.quad(outer[j]!, outer[k]!, inner[k]!, inner[j]!);
    }
  };
  const wall = hole.wall;
  for (const [[r, d], sign] of [
    [wall[0]!, 1],
    [wall[wall.length - 1]!, -1],
  ] as const) {
    const normal = up.map((v) => sign * v);
    loop(
      edge.map((p) => place(p, d, normal)),
      ring(r).map((p) => place(p, d, normal)),
    );
  }
  const t = line.tangent(sc);
  for (let w = 0; w < wall.length - 1; w++) {
    const [r0, d0] = wall[w]!;
    const [r1, d1] = wall[w + 1]!;
    // Into the hole, tilted towards the outer face where the wall flares (a countersink).
    const inward = d1 - d0;
    const lift = r0 - r1;
    const normals = angles.map((phi) => {
      const c = Math.cos(phi);
      const s = Math.sin(phi);
      return [inward * s + lift * up[0], inward * c * t[1] + lift * up[1], inward * c * t[2] + lift * up[2]];
    });
    loop(
      ring(r0).map((p, j) => place(p, d0, normals[j]!)),
      ring(r1).map((p, j) => place(p, d1, normals[j]!)),
    );
  }
}

/** The strip's side walls and, where an end is not pointed, its end faces. */
function stripEdges(b: MeshBuilder, spec: StripSpec, rows: readonly Row[], place: Place): void {
  const { line, thickness } = spec;
  const wall = (p: Point2, q: Point2, np: readonly number[], nq: readonly number[]) =>
    b.quad(place(p, 0, np), place(q, 0, nq), place(q, thickness, nq), place(p, thickness, np));
  for (const sign of [1, -1] as const) {
    const plan = (i: number): Point2 => {
      const xs = rows[i]!.xs;
      return [rows[i]!.s, sign > 0 ? xs[xs.length - 1]! : xs[0]!];
    };
    // The outline's outward normal in plan (s, x), averaged over the edges either side of a row.
    const edgeNormal = (i: number): Point2 => {
      const p = plan(i);
      const q = plan(i + 1);
      const l = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
      return [(-sign * (q[1] - p[1])) / l, (sign * (q[0] - p[0])) / l];
    };
    const normals = rows.map((row, i) => {
      const e0 = edgeNormal(Math.max(0, i - 1));
      const e1 = edgeNormal(Math.min(rows.length - 2, i));
      const t = line.tangent(row.s);
      const ns = e0[0] + e1[0];
      return [e0[1] + e1[1], ns * t[1], ns * t[2]];
    });
    for (let i = 0; i < rows.length - 1; i++) wall(plan(i), plan(i + 1), normals[i]!, normals[i + 1]!);
  }
  for (const [row, sign] of [
    [rows[0]!, -1],
    [rows[rows.length - 1]!, 1],
  ] as const) {
    const normal = line.tangent(row.s).map((v) => sign * v);
    for (let j = 0; j < row.xs.length - 1; j++)
      wall([row.s, row.xs[j]!], [row.s, row.xs[j + 1]!], normal, normal);
  }
}
