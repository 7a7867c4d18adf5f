import { CentreLine, roundCorners } from './centre-line';
import { MeshBuilder } from './mesh-builder';
import type { PartDesign } from './part';
import { perforatedStrip, type HoleProfile, type StripHole } from './perforated-strip';
import type { Point2 } from './shapes';

type Vec3 = readonly [number, number, number];

/** Sizes of the medial proximal-tibia locking plate (TomoFix-like), mm. */
export const PLATE = {
  thickness: 4.5,
  headWidth: 22,
  shaftWidth: 16,
  /** Length of the full-width head, and of the taper from head to shaft, from the proximal end. */
  headLength: 30,
  taperLength: 10,
  /** Corner radius of the proximal end (in plan); the distal end is a half circle of the shaft. */
  headCorner: 6,
} as const;

/** Locking holes for 5.0 mm screws: a conical threaded seat for the screw head over a 6 mm bore. */
const HOLE: HoleProfile = {
  patch: 3.75,
  wall: [
    [3.5, PLATE.thickness],
    [3, 1.2],
    [3, 0],
  ],
  sides: 4,
};

/** A named hole of the plate: the head holes A–D, the shaft holes 1–4. */
export interface PlateHole extends StripHole {
  readonly name: string;
}

/**
 * Where the holes are, by arc length from the proximal end. A plate made to measure from a short
 * station list has one on its centre line at every station between its two ends (the surgeon's
 * screw positions); a long list only describes a smooth curve. A plain plate
 * has two rows of two in the head and up to four along the shaft, spread from mid-plate to 12 mm
 * short of the distal end, 10 mm apart at least.
 */
export function plateHoleLayout(line: CentreLine, stations: readonly number[] = []): PlateHole[] {
  const length = line.length;
  if (stations.length >= 6 && stations.length <= 2 * MAX_ROUNDED_STATIONS) {
    const holes: PlateHole[] = [];
    for (let i = 2; i + 2 < stations.length; i += 2) {
      const s = line.arcLengthAt([-stations[i]!, stations[i + 1]!]);
      holes.push({ name: String(holes.length + 1), s, x: 0 });
    }
    return holes;
  }
  const head: PlateHole[] = [
    { name: 'A', s: 9, x: -5.5 },
    { name: 'B', s: 9, x: 5.5 },
    { name: 'C', s: 21, x: -5.5 },
    { name: 'D', s: 21, x: 5.5 },
  ];
  const first = Math.max(PLATE.headLength + PLATE.taperLength + 8, length / 2);
  const last = length - 12;
  if (last < first) return head;
  const count = Math.min(4, Math.floor((last - first) / 10) + 1);
  const step = count > 1 ? (last - first) / (count - 1) : 0;
  return [
    ...head,
    ...Array.from({ length: count }, (_, i) => ({ name: String(i + 1), s: first + i * step, x: 0 })),
  ];
}

/** Half the plate's width at arc length s along a plate `length` mm long. */
function plateHalfWidth(s: number, length: number): number {
  const head = PLATE.headWidth / 2;
  const shaft = PLATE.shaftWidth / 2;
  const c = PLATE.headCorner;
  let w: number;
  if (s < c) w = head - c + Math.sqrt(Math.max(0, c * c - (c - s) ** 2));
  else if (s <= PLATE.headLength) w = head;
  else if (s < PLATE.headLength + PLATE.taperLength)
    w = shaft + ((head - shaft) * (1 + Math.cos((Math.PI * (s - PLATE.headLength)) / PLATE.taperLength))) / 2;
  else w = shaft;
  const fromEnd = length - s;
  return fromEnd < shaft ? Math.min(w, Math.sqrt(Math.max(0, shaft * shaft - (shaft - fromEnd) ** 2))) : w;
}

/** Arc lengths where the plate's rounded ends and taper are sampled. */
function outlineSamples(length: number): number[] {
  const c = PLATE.headCorner;
  const r = PLATE.shaftWidth / 2;
  const out: number[] = [];
  for (let i = 0; i <= 4; i++) {
    const a = (Math.PI / 2) * (i / 4);
    out.push(c - c * Math.cos(a), PLATE.headLength + (PLATE.taperLength * i) / 4);
  }
  for (let i = 0; i <= 6; i++) out.push(length - r + r * Math.sin((Math.PI / 2) * (i / 6)));
  return out;
}

/** A short station list has its bends rounded; a longer one is taken as already smooth. */
const MAX_ROUNDED_STATIONS = 12;
/** A longer station list is thinned to this many (first and last kept), to stay within budget. */
const MAX_STATIONS = 64;

/** The plate's bone-facing centre line through its stations [z0, y0, z1, y1, …], bends rounded. */
export function plateCentreLine(stations: readonly number[]): CentreLine {
  const all: Point2[] = [];
  for (let i = 0; i + 1 < stations.length; i += 2) all.push([-stations[i]!, stations[i + 1]!]);
  const n = Math.min(all.length, MAX_STATIONS);
  const points = Array.from({ length: n }, (_, i) => all[Math.round((i * (all.length - 1)) / (n - 1))]!);
  return new CentreLine(n <= MAX_ROUNDED_STATIONS ? roundCorners(points, 5, 4) : points);
}

/**
 * Medial proximal-tibia locking plate, made to measure: its bone-facing surface runs through the
 * stations [z0, y0, z1, y1, …] (tool frame z = −z_i, y = y_i), 4.5 mm thick towards +Y; a 22 mm
 * head over the first 30 mm tapering over 10 mm to a 16 mm shaft; a locking hole at each inner
 * station (or, with none, holes A–D and 1–4).
 */
export function plateDesign(stations: readonly number[]): PartDesign[] {
  const b = new MeshBuilder();
  const line = plateCentreLine(stations);
  const L = line.length;
  perforatedStrip(b, {
    line,
    thickness: PLATE.thickness,
    halfWidth: (s) => plateHalfWidth(s, L),
    samples: outlineSamples(L),
    holes: plateHoleLayout(line, stations),
    hole: HOLE,
  });
  return [{ mesh: b, material: 'titanium' }];
}

/** A plate hole in the tool frame: the centre of its opening on the outer face, and the way a screw in it points. */
export interface PlateHoleFrame {
  readonly name: string;
  readonly at: Vec3;
  /** Unit direction into the bone, normal to the plate (a locking screw's +Z). */
  readonly axis: Vec3;
}

/** Where each hole of the plate built from `stations` is, for placing its screws. */
export function plateHoleFrames(stations: readonly number[]): PlateHoleFrame[] {
  const line = plateCentreLine(stations);
  return plateHoleLayout(line, stations).map((h) => {
    const n = line.normal(h.s);
    return { name: h.name, at: line.point(h.s, h.x, PLATE.thickness), axis: [-n[0], -n[1], -n[2]] };
  });
}
