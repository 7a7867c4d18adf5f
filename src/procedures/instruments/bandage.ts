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
 * Where the big toe lies in the bandage's frame, as fractions of the forefoot's section (W across,
 * H high) and of the bandage's length L: after the correction the toe's axis runs on from the first
 * metatarsal head about 0.18 W in from the section's medial edge, a little above its middle, turned
 * ~10° laterally; its section about 0.21 W across and 0.54 H high; taped over the last 0.3 L, from
 * the joint (z = −0.3 L) to the tip (z = 0).
 */
export const HALLUX = {
  inset: 0.18,
  rise: 0.07,
  across: 0.21,
  high: 0.54,
  share: 0.3,
  turnDeg: -10,
} as const;
/** Stations round the toe for one loop of tape (a multiple of 4). */
const LOOP_SEGMENTS = 24;
/** Zinc-oxide tape: this wide and thick, mm. */
const TAPE = { width: 10, thickness: 0.6 } as const;
/** The rolled gauze in the first web space: its radius and length (dorsal to plantar), mm. */
const GAUZE = { radius: 3.5, length: 16 } as const;

/** The big toe's frame: its axis's origin at the joint, the unit axis, its section's half-axes, the taped length. */
function halluxFrame(width: number, height: number, length: number) {
  const t = (HALLUX.turnDeg * Math.PI) / 180;
  const taped = HALLUX.share * length;
  const side = (HALLUX.across * width) / 2 + GAP + TAPE.thickness;
  return {
    origin: [width / 2 - HALLUX.inset * width, HALLUX.rise * height, -taped] as Vec3,
    // +X medial: a negative turn takes the toe's tip laterally.
    axis: [Math.sin(t), 0, Math.cos(t)] as Vec3,
    a: (HALLUX.across * width) / 2,
    c: (HALLUX.high * height) / 2,
    length: taped,
    // Where along its axis the tape may run: the toe being turned, a loop's side reaches further
    // back and forth than its middle, and must keep beyond the joint and short of the tip.
    from: side * Math.abs(Math.tan(t)),
    reach: (taped - side * Math.abs(Math.sin(t))) / Math.cos(t),
  };
}

/** A closed band of tape `width` mm wide round the toe at `along` mm from the joint, just off its skin. */
function toeLoop(b: MeshBuilder, toe: ReturnType<typeof halluxFrame>, along: number, width: number): void {
  const lateral: Vec3 = [-toe.axis[2], 0, toe.axis[0]];
  const centre = offset(toe.origin, toe.axis, along);
  const stations = Array.from({ length: LOOP_SEGMENTS }, (_, k): RibbonStation => {
    const angle = (2 * Math.PI * k) / LOOP_SEGMENTS;
    const nx = Math.cos(angle) / toe.a;
    const ny = Math.sin(angle) / toe.c;
    const l = Math.hypot(nx, ny);
    const normal: Vec3 = [(lateral[0] * nx) / l, ny / l, (lateral[2] * nx) / l];
    const onSkin = offset(
      offset(centre, lateral, toe.a * Math.cos(angle)),
      [0, 1, 0],
      toe.c * Math.sin(angle),
    );
    return { at: offset(onSkin, normal, GAP), normal, width };
  });
  ribbon(b, stations, toe.axis, TAPE.thickness, true);
}

/**
 * The strip that holds the toe in slight varus: from the loops' medial side back along the medial
 * border of the forefoot over the wrap, pulling the toe towards the midline.
 */
function varusStrip(
  b: MeshBuilder,
  toe: ReturnType<typeof halluxFrame>,
  wrapX: number,
  wrapped: number,
): void {
  const lift = GAP + 2 * THICKNESS + TAPE.thickness;
  const end = offset(toe.origin, toe.axis, toe.reach - TAPE.width / 2);
  const toeSide = end[0] + toe.a + lift;
  const onWrap = wrapX + lift;
  const n = 12;
  const stations = Array.from({ length: n }, (_, k): RibbonStation => {
    const f = k / (n - 1);
    // Along the toe's medial side to the joint (rising onto the wrap's medial face there), then
    // back along the wrap to its middle.
    const toToe = Math.min(1, f * 2);
    const z = f < 0.5 ? end[2] + (toe.origin[2] - end[2]) * toToe : toe.origin[2] - (f - 0.5) * wrapped;
    const x = toeSide + (onWrap - toeSide) * Math.min(1, f * 2);
    return { at: [x, toe.origin[1], z], normal: [1, 0, 0], width: TAPE.width };
  });
  ribbon(b, stations, [0, 1, 0], TAPE.thickness, false);
}

/** A roll of gauze standing dorsal to plantar in the first web space, beside the toe's lateral side. */
function webGauze(b: MeshBuilder, toe: ReturnType<typeof halluxFrame>): void {
  const lateral: Vec3 = [-toe.axis[2], 0, toe.axis[0]];
  // Halfway along the taped length (on a short toe, a thinner roll), beside the toe.
  const r = Math.min(GAUZE.radius, toe.length / 5);
  const out = toe.a + GAUZE.radius;
  const along = (toe.length / 2 - out * lateral[2]) / toe.axis[2];
  const centre = offset(offset(toe.origin, toe.axis, along), lateral, out);
  const rings = [-GAUZE.length / 2, GAUZE.length / 2].map((y) =>
    Array.from({ length: 16 }, (_, k) => {
      const angle = (2 * Math.PI * k) / 16;
      const n: Vec3 = [Math.cos(angle), 0, Math.sin(angle)];
      return { p: offset(offset(centre, [0, 1, 0], y), n, r), n };
    }),
  );
  const side = rings.map((ring) => ring.map(({ p, n }) => b.vertex(...p, ...n)));
  for (let k = 0; k < 16; k++) {
    const j = (k + 1) % 16;
    b.quad(side[0]![k]!, side[0]![j]!, side[1]![j]!, side[1]![k]!);
  }
  for (const [i, ny] of [
    [0, -1],
    [1, 1],
  ] as const) {
    const cap = rings[i]!.map(({ p }) => b.vertex(...p, 0, ny, 0));
    const mid = b.vertex(...offset(centre, [0, 1, 0], ny * (GAUZE.length / 2)), 0, ny, 0);
    for (let k = 0; k < 16; k++) b.triangle(mid, cap[k]!, cap[(k + 1) % 16]!);
  }
}

/**
 * The semi-rigid functional bandage of percutaneous bunion surgery (CLINICAL §1.4): taping, gauze and
 * a cohesive wrap holding the big toe in its corrected place. The wrap: 3–5 overlapping turns over
 * an ellipse `width` mm across (X) and `height` mm high (Y) centred on the Z axis. Each turn is a closed band
 * lying 1 mm outside the ellipse, tilted the other way from its neighbours as a reverse-spiral wrap
 * is; every other turn lies on top of the two it overlaps, so the outermost cloth is 1 + 2 × 1.3 mm
 * outside the ellipse. The wrap covers z from −length to the first metatarsophalangeal joint
 * (−0.3 length); beyond it, where HALLUX puts the big toe: loops of tape round it, each passing
 * through the first web space, a roll of gauze in that space, and a strip of tape from the loops back
 * along the medial border onto the wrap, holding the toe in slight varus.
 */
export function bandageDesign(width: number, height: number, length: number): PartDesign[] {
  const b = new MeshBuilder();
  const toe = halluxFrame(width, height, length);
  // The wrap covers the forefoot, from −length to the joint (z = −toe.length).
  const wrapped = length - toe.length;
  const turns = wrapped < 45 ? 3 : wrapped < 85 ? 4 : 5;
  const a = width / 2;
  const c = height / 2;
  // The top edge's shift along Z, kept small enough for neighbouring turns to still overlap at
  // the top and bottom, where their tilts pull them apart.
  const shift = Math.min(TILT * c, (0.3 * wrapped) / (turns - 1 + OVERLAP + 0.6));
  const bandWidth = (OVERLAP * (wrapped - 2 * shift)) / (turns - 1 + OVERLAP);
  const advance = bandWidth / OVERLAP;
  for (let t = 0; t < turns; t++) {
    // The first turn's edge touches the joint at its top, the last's touches z = −length at its top or bottom.
    const zc = -toe.length - (bandWidth / 2 + shift) - t * advance;
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
  // Loops side by side along the toe, overlapping a little, the last one's far edge just reaching
  // z = 0 (the tip).
  // (On a toe shorter than a tape's width, one narrower loop.)
  const tape = Math.min(TAPE.width, toe.reach - toe.from);
  const span = toe.reach - toe.from - tape;
  const loops = Math.max(1, Math.ceil((toe.reach - toe.from) / tape - 1e-9));
  for (let k = 0; k < loops; k++)
    toeLoop(b, toe, toe.from + tape / 2 + (loops > 1 ? (k * span) / (loops - 1) : 0), tape);
  webGauze(b, toe);
  varusStrip(b, toe, a, wrapped);
  return [{ mesh: b, material: 'fabric' }];
}
