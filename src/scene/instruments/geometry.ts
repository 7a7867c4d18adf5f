import type { BufferGeometry } from 'three';
import type { InstrumentKind } from '../../procedures/types';
import { bandageDesign } from './bandage';
import { burrDesign } from './burr';
import { cementBolusDesign } from './cement-bolus';
import { graftWedgeDesign } from './graft-wedge';
import { kwireDesign, markerDesign, scalpelDesign, stapleDesign } from './hand-tools';
import { mergeGeometries } from './mesh-builder';
import { chiselDesign, spreaderDesign } from './osteotomy-tools';
import type { MaterialKind, PartDesign, PartMotion } from './part';
import { plateDesign, plateHoleFrames, type PlateHoleFrame } from './plate';
import { postOpShoeDesign } from './post-op-shoe';
import { drillDesign, sawDesign } from './power-tools';
import { cannulatedScrewDesign, headlessScrewDesign, lockingScrewDesign } from './screws';
import { trocarDesign } from './trocar';

export type { MaterialKind, PartMotion } from './part';
export type { PlateHoleFrame } from './plate';

/**
 * Every instrument is built in its own frame: the tip at the origin, pointing along +Z (the body
 * extends towards −Z), "up" along +Y; millimetres.
 */
export interface InstrumentOptions {
  /**
   * Overall length of a screw, tip to back end, mm; default 26 (cannulated), 22 (headless) or 40
   * (locking), clamped to SCREW_LENGTH_RANGE. Other kinds ignore it.
   */
  readonly length?: number;
  /**
   * Made-to-measure sizes, mm (mL for the cement), each rounded to 0.1; other kinds ignore it.
   * Missing or invalid: the kind's DEFAULT_SHAPE.
   * - plate: [z0, y0, z1, y1, …], at least two stations with z increasing from 0 at the proximal
   *   end: the bone-facing surface's centre line passes through (0, y_i, −z_i) in the tool frame, and
   *   the plate is 4.5 mm thick from there towards +Y (away from the bone). The plate must be at
   *   least 40 mm long.
   * - graftWedge: [L, W, h0, h1]: z from −L to 0, x from −W/2 to W/2, symmetric about y = 0, h0
   *   high at z = 0 (the hinge end; 0 is a sharp edge) growing linearly to h1 at z = −L.
   * - staple: [bridge, legs, wire diameter].
   * - trocar: [D, L]: a cannula D mm across (1.5–5; 10–13 G are 3.4, 3.0, 2.8, 2.4) with its sharp
   *   tip at the origin, L mm (60–200) from the tip to the front face of its handle (at z = −L).
   * - cement: [V]: a closed blob enclosing V mL (0.05–60; 1 mL = 1000 mm³) with its centroid at
   *   the origin — the one kind not drawn tip-first.
   * - bandage: [W, H, L]: the forefoot's section, an ellipse W mm across (X, 40–140) and H mm high
   *   (Y, 15–80) centred on the Z axis, wrapped from z = −L to 0 (L 20–120; the toes towards +Z,
   *   dorsal +Y). 3–5 overlapping turns 1.3 mm thick lie 1 mm outside the ellipse, every other one
   *   on top of its neighbours: the cloth reaches 3.6 mm outside it (W + 7.2 across, H + 7.2 high).
   * - shoe: [L, W, H]: a post-op shoe whose foot bed (y = 0) is L mm long (150–320) from the heel
   *   at z = −L to the toe end at z = 0 and W mm wide (60–140, centred on X); its sole is 25 mm
   *   thick (down to y = −25). Its straps' inner faces arch up to H mm (30–120, the foot's height)
   *   above the foot bed, so the shoe's top is H + 2.
   */
  readonly shape?: readonly number[];
}

/** One separately drawn piece of an instrument (a saw's blade moves, its hand-piece does not). */
export interface InstrumentPart {
  readonly geometry: BufferGeometry;
  readonly material: MaterialKind;
  readonly motion?: PartMotion;
}

/** The material an instrument is mostly made of (its moving or working part). */
export const INSTRUMENT_MATERIAL_KIND: Readonly<Record<InstrumentKind, MaterialKind>> = {
  marker: 'plastic',
  scalpel: 'steel',
  saw: 'steel',
  kwire: 'steel',
  drill: 'steel',
  cannulatedScrew: 'titanium',
  headlessScrew: 'titanium',
  lockingScrew: 'titanium',
  staple: 'titanium',
  plate: 'titanium',
  graftWedge: 'graft',
  chisel: 'steel',
  spreader: 'steel',
  burr: 'steel',
  trocar: 'steel',
  cement: 'cement',
  bandage: 'fabric',
  shoe: 'plastic',
};

/** Default screw lengths, mm. */
export const DEFAULT_SCREW_LENGTH = { cannulatedScrew: 26, headlessScrew: 22, lockingScrew: 40 } as const;
/** Screw lengths are clamped to this range and rounded to 0.1 mm, mm. */
export const SCREW_LENGTH_RANGE = { min: 8, max: 90 } as const;
/** Sizes of the made-to-measure implants when none are given, mm (see InstrumentOptions.shape). */
export const DEFAULT_SHAPE = {
  plate: [0, 0, 115, 0],
  graftWedge: [40, 20, 1, 10],
  // A forefoot staple: bridge, legs, wire diameter.
  staple: [15, 12, 1.2],
  // An 11 G bone-access needle, 120 mm to the handle.
  trocar: [3, 120],
  // Cement volume, mL.
  cement: [1],
  // An adult forefoot: 100 mm across the metatarsal heads, 45 mm thick, wrapped over 80 mm.
  bandage: [100, 45, 80],
  // A medium post-op shoe (EU 40–42) for a foot 70 mm high at the instep.
  shoe: [270, 105, 70],
} as const;
/** Shortest plate, mm. */
const MIN_PLATE_LENGTH = 40;

type ScrewKind = keyof typeof DEFAULT_SCREW_LENGTH;
type ShapedKind = keyof typeof DEFAULT_SHAPE;

const hasLength = (kind: InstrumentKind): kind is ScrewKind => kind in DEFAULT_SCREW_LENGTH;
const hasShape = (kind: InstrumentKind): kind is ShapedKind => kind in DEFAULT_SHAPE;

function screwLength(kind: ScrewKind, length: number | undefined): number {
  const l = length !== undefined && Number.isFinite(length) ? length : DEFAULT_SCREW_LENGTH[kind];
  return Math.round(Math.min(SCREW_LENGTH_RANGE.max, Math.max(SCREW_LENGTH_RANGE.min, l)) * 10) / 10;
}

/** Is each of v's numbers within its [min, max]? */
const within = (v: readonly number[], ...ranges: readonly (readonly [number, number])[]): boolean =>
  ranges.every(([min, max], i) => v[i]! >= min && v[i]! <= max);

const validShape: Readonly<Record<ShapedKind, (v: readonly number[]) => boolean>> = {
  plate: (v) =>
    v.length >= 4 &&
    v.length % 2 === 0 &&
    v.every((x, i) => i % 2 === 1 || i === 0 || x > v[i - 2]!) &&
    v[v.length - 2]! - v[0]! >= MIN_PLATE_LENGTH,
  staple: (v) => v.length === 3 && v[2]! > 0 && v[0]! > 4 * v[2]! && v[1]! > 4 * v[2]!,
  graftWedge: (v) =>
    v.length === 4 && v[0]! > 0 && v[1]! > 0 && v[2]! >= 0 && v[3]! >= 0 && v[2]! + v[3]! > 0,
  trocar: (v) => v.length === 2 && v[0]! >= 1.5 && v[0]! <= 5 && v[1]! >= 60 && v[1]! <= 200,
  cement: (v) => v.length === 1 && v[0]! >= 0.05 && v[0]! <= 60,
  bandage: (v) => v.length === 3 && within(v, [40, 140], [15, 80], [20, 120]),
  shoe: (v) => v.length === 3 && within(v, [150, 320], [60, 140], [30, 120]),
};

/** The shape numbers a kind is built from: rounded to 0.1 (mm or mL), or the default if unusable. */
function shapeOf(kind: ShapedKind, shape: readonly number[] | undefined): readonly number[] {
  const v = shape?.map((x) => Math.round(x * 10) / 10);
  return v && v.every(Number.isFinite) && validShape[kind](v) ? v : DEFAULT_SHAPE[kind];
}

/** Where the holes of a plate built from `shape` are (tool frame), for placing its screws. */
export function plateHoles(shape?: readonly number[]): PlateHoleFrame[] {
  return plateHoleFrames(shapeOf('plate', shape));
}

function design(kind: InstrumentKind, length: number, shape: readonly number[]): PartDesign[] {
  switch (kind) {
    case 'marker':
      return markerDesign();
    case 'scalpel':
      return scalpelDesign();
    case 'saw':
      return sawDesign();
    case 'kwire':
      return kwireDesign();
    case 'drill':
      return drillDesign();
    case 'cannulatedScrew':
      return cannulatedScrewDesign(length);
    case 'headlessScrew':
      return headlessScrewDesign(length);
    case 'lockingScrew':
      return lockingScrewDesign(length);
    case 'staple':
      return stapleDesign(shape[0], shape[1], shape[2]);
    case 'plate':
      return plateDesign(shape);
    case 'graftWedge':
      return graftWedgeDesign(shape[0]!, shape[1]!, shape[2]!, shape[3]!);
    case 'chisel':
      return chiselDesign();
    case 'spreader':
      return spreaderDesign();
    case 'burr':
      return burrDesign();
    case 'trocar':
      return trocarDesign(shape[0]!, shape[1]!);
    case 'cement':
      return cementBolusDesign(shape[0]!);
    case 'bandage':
      return bandageDesign(shape[0]!, shape[1]!, shape[2]!);
    case 'shoe':
      return postOpShoeDesign(shape[0]!, shape[1]!, shape[2]!);
  }
}

interface CacheEntry {
  parts: readonly InstrumentPart[];
  merged?: BufferGeometry;
}

/**
 * Built instruments by kind and size, the most recently used last. Sizes follow the patient and the
 * parameters (a screw's length, a plate's bend, a cement volume), so the cache is bounded: the
 * least recently used is dropped and its GPU buffers freed (one still on screen is simply uploaded
 * again on its next frame).
 */
const cache = new Map<string, CacheEntry>();
/** Enough for every tool of a few procedures at once. */
const CACHE_SIZE = 96;

function evictOldest(): void {
  const [key, oldest] = cache.entries().next().value!;
  cache.delete(key);
  for (const p of oldest.parts) p.geometry.dispose();
  oldest.merged?.dispose();
}

function entry(kind: InstrumentKind, options?: InstrumentOptions): CacheEntry {
  const length = hasLength(kind) ? screwLength(kind, options?.length) : 0;
  const shape = hasShape(kind) ? shapeOf(kind, options?.shape) : [];
  const key = hasLength(kind) ? `${kind}:${length}` : hasShape(kind) ? `${kind}:${shape.join(',')}` : kind;
  let e = cache.get(key);
  if (e) {
    cache.delete(key);
    cache.set(key, e);
  } else {
    if (cache.size >= CACHE_SIZE) evictOldest();
    const parts = design(kind, length, shape).map((p): InstrumentPart => ({
      geometry: p.mesh.toGeometry(),
      material: p.material,
      ...(p.motion ? { motion: p.motion } : {}),
    }));
    for (const p of parts) p.geometry.name = `instrument:${key}`;
    e = { parts };
    cache.set(key, e);
  }
  return e;
}

/**
 * The pieces of an instrument, each with its material and, for the saw blade, drill bit, burr,
 * K-wire and screws, how it moves. Built once per kind (and screw length or shape) and shared: do not
 * dispose (the cache does, for sizes long unused).
 */
export function instrumentParts(
  kind: InstrumentKind,
  options?: InstrumentOptions,
): readonly InstrumentPart[] {
  return entry(kind, options).parts;
}

/** The whole instrument as one geometry (tool frame), built once per kind and screw length or shape, and shared. */
export function instrumentGeometry(kind: InstrumentKind, options?: InstrumentOptions): BufferGeometry {
  const e = entry(kind, options);
  if (!e.merged) {
    e.merged = e.parts.length === 1 ? e.parts[0]!.geometry : mergeGeometries(e.parts.map((p) => p.geometry));
  }
  return e.merged;
}

/** Frees every instrument geometry built so far; later calls build them afresh. */
export function disposeInstrumentGeometries(): void {
  const all = new Set<BufferGeometry>();
  for (const e of cache.values()) {
    for (const p of e.parts) all.add(p.geometry);
    if (e.merged) all.add(e.merged);
  }
  for (const g of all) g.dispose();
  cache.clear();
}
