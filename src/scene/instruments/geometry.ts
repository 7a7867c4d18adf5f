import type { BufferGeometry } from 'three';
import type { InstrumentKind } from '../../procedures/types';
import { kwireDesign, markerDesign, scalpelDesign, stapleDesign } from './hand-tools';
import { mergeGeometries } from './mesh-builder';
import type { MaterialKind, PartDesign, PartMotion } from './part';
import { drillDesign, sawDesign } from './power-tools';
import { cannulatedScrewDesign, headlessScrewDesign } from './screws';

export type { MaterialKind, PartMotion } from './part';

/**
 * Every instrument is built in its own frame: the tip at the origin, pointing along +Z (the body
 * extends towards −Z), "up" along +Y; millimetres.
 */
export interface InstrumentOptions {
  /** Overall length of a screw, tip to back end, mm; default 26 (cannulated) or 22 (headless). Other kinds ignore it. */
  readonly length?: number;
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
  staple: 'titanium',
};

/** Default screw lengths, mm. */
export const DEFAULT_SCREW_LENGTH = { cannulatedScrew: 26, headlessScrew: 22 } as const;
/** Screw lengths are clamped to this range and rounded to 0.1 mm, mm. */
export const SCREW_LENGTH_RANGE = { min: 8, max: 80 } as const;

const hasLength = (kind: InstrumentKind): kind is keyof typeof DEFAULT_SCREW_LENGTH =>
  kind === 'cannulatedScrew' || kind === 'headlessScrew';

function screwLength(kind: keyof typeof DEFAULT_SCREW_LENGTH, length: number | undefined): number {
  const l = length !== undefined && Number.isFinite(length) ? length : DEFAULT_SCREW_LENGTH[kind];
  return Math.round(Math.min(SCREW_LENGTH_RANGE.max, Math.max(SCREW_LENGTH_RANGE.min, l)) * 10) / 10;
}

function design(kind: InstrumentKind, length: number): PartDesign[] {
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
    case 'staple':
      return stapleDesign();
  }
}

interface CacheEntry {
  parts: readonly InstrumentPart[];
  merged?: BufferGeometry;
}

const cache = new Map<string, CacheEntry>();

function entry(kind: InstrumentKind, options?: InstrumentOptions): CacheEntry {
  const length = hasLength(kind) ? screwLength(kind, options?.length) : 0;
  const key = hasLength(kind) ? `${kind}:${length}` : kind;
  let e = cache.get(key);
  if (!e) {
    const parts = design(kind, length).map((p): InstrumentPart => ({
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
 * The pieces of an instrument, each with its material and, for the saw blade, drill bit, K-wire
 * and screws, how it moves. Built once per kind (and screw length) and shared: do not dispose.
 */
export function instrumentParts(
  kind: InstrumentKind,
  options?: InstrumentOptions,
): readonly InstrumentPart[] {
  return entry(kind, options).parts;
}

/** The whole instrument as one geometry (tool frame), built once per kind and screw length and shared. */
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
