import { MeshBuilder } from './mesh-builder';
import type { PartDesign } from './part';

type Vec3 = readonly [number, number, number];

/** Stations per turn: a multiple of 4, so the ellipse's ends across and up/down are vertices. */
const SEGMENTS = 48;
/** Gap between the wrapped ellipse and the first layer of cloth, mm. */
const GAP = 1;
/** Thickness of one layer of crepe bandage, mm. */
const THICKNESS = 1.3;
/** A turn is this many times as wide as the advance from one turn to the next (~40 % overlap). */
const OVERLAP = 1.6;
/** How far a turn's top edge is shifted along Z from its sides, per mm of half-height (~10°). */
const TILT = 0.18;

const offset = (p: Vec3, d: Vec3, k: number): Vec3 => [p[0] + d[0] * k, p[1] + d[1] * k, p[2] + d[2] * k];
const cross = (p: Vec3, q: Vec3): Vec3 => [
  p[1] * q[2] - p[2] * q[1],
  p[2] * q[0] - p[0] * q[2],
  p[0] * q[1] - p[1] * q[0],
];
const dot = (p: Vec3, q: Vec3): number => p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
const neg = (p: Vec3): Vec3 => [-p[0], -p[1], -p[2]];

/** One station along a ribbon. */
export interface RibbonStation {
  /** The middle of the ribbon's inner face here. */
  readonly at: Vec3;
  /** Unit normal of the surface the ribbon lies on, away from it: the ribbon's thickness goes this way. */
  readonly normal: Vec3;
  /** Width of the ribbon here, measured along `across`, mm. */
  readonly width: number;
}

/**
 * A flat band of cloth laid on a surface (a bandage turn, a shoe's strap): a rectangular section
 * `thickness` thick along each station's normal and its width along `across`, swept through the
 * stations. A closed ribbon joins its last station to its first; an open one gets flat end caps.
 */
export function ribbon(
  b: MeshBuilder,
  stations: readonly RibbonStation[],
  across: Vec3,
  thickness: number,
  closed: boolean,
): void {
  const n = stations.length;
  const station = (i: number) => stations[closed ? (i + n) % n : Math.min(n - 1, Math.max(0, i))]!;
  const tangent = (i: number): Vec3 => offset(station(i + 1).at, station(i - 1).at, -1);
  // Four faces (inner, outer, the two edges), each a strip of two vertices per station.
  const strips: number[][] = [[], [], [], []];
  const corners: Vec3[][] = [];
  stations.forEach((s, i) => {
    let side = cross(tangent(i), s.normal);
    if (dot(side, across) < 0) side = neg(side);
    const lo = offset(s.at, across, -s.width / 2);
    const hi = offset(s.at, across, s.width / 2);
    const loOut = offset(lo, s.normal, thickness);
    const hiOut = offset(hi, s.normal, thickness);
    for (const [strip, p, q, nrm] of [
      [0, lo, hi, neg(s.normal)],
      [1, loOut, hiOut, s.normal],
      [2, hi, hiOut, side],
      [3, lo, loOut, neg(side)],
    ] as const)
      strips[strip]!.push(b.vertex(...p, ...nrm), b.vertex(...q, ...nrm));
    corners.push([lo, hi, hiOut, loOut]);
  });
  for (const strip of strips)
    for (let i = 0; i < (closed ? n : n - 1); i++) {
      const j = (i + 1) % n;
      b.quad(strip[2 * i]!, strip[2 * i + 1]!, strip[2 * j + 1]!, strip[2 * j]!);
    }
  if (closed) return;
  for (const [i, sign] of [
    [0, -1],
    [n - 1, 1],
  ] as const) {
    const t = sign > 0 ? tangent(i) : neg(tangent(i));
    const ids = corners[i]!.map((p) => b.vertex(...p, ...t));
    b.quad(ids[0]!, ids[1]!, ids[2]!, ids[3]!);
  }
}

/**
 * Functional bandage wrapped round the forefoot after percutaneous bunion surgery: 3–5 overlapping
 * turns of crepe over an ellipse `width` mm across (X) and `height` mm high (Y) centred on the Z
 * axis, covering z from −length to 0. Each turn is a closed band lying 1 mm outside the ellipse,
 * tilted the other way from its neighbours as a reverse-spiral wrap is; every other turn lies on
 * top of the two it overlaps, so the outermost cloth is 1 + 2 × 1.3 mm outside the ellipse.
 */
export function bandageDesign(width: number, height: number, length: number): PartDesign[] {
  const b = new MeshBuilder();
  const turns = length < 45 ? 3 : length < 85 ? 4 : 5;
  const a = width / 2;
  const c = height / 2;
  // The top edge's shift along Z, kept small enough for neighbouring turns to still overlap at
  // the top and bottom, where their tilts pull them apart.
  const shift = Math.min(TILT * c, (0.3 * length) / (turns - 1 + OVERLAP + 0.6));
  const bandWidth = (OVERLAP * (length - 2 * shift)) / (turns - 1 + OVERLAP);
  const advance = bandWidth / OVERLAP;
  for (let t = 0; t < turns; t++) {
    // The first turn's edge touches z = 0 at its top, the last's touches z = −length at its top or bottom.
    const zc = -(bandWidth / 2 + shift) - t * advance;
    const tilt = t % 2 === 0 ? shift : -shift;
    const lift = GAP + (t % 2) * THICKNESS;
    const stations = Array.from({ length: SEGMENTS }, (_, k): RibbonStation => {
      const angle = (2 * Math.PI * k) / SEGMENTS;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const nx = cos / a;
      const ny = sin / c;
      const l = Math.hypot(nx, ny);
      const normal: Vec3 = [nx / l, ny / l, 0];
      return {
        at: [a * cos + normal[0] * lift, c * sin + normal[1] * lift, zc + tilt * sin],
        normal,
        width: bandWidth,
      };
    });
    ribbon(b, stations, [0, 0, 1], THICKNESS, true);
  }
  return [{ mesh: b, material: 'fabric' }];
}
