import type { BufferGeometry } from 'three';
import {
  catalogueEntry,
  instrumentSize,
  mergeGeometries,
  type InstrumentKind,
  type InstrumentOptions,
  type MaterialKind,
  type PartMotion,
} from '../../engine/instruments';

/** One separately drawn piece of an instrument (a saw's blade moves, its hand-piece does not). */
export interface InstrumentPart {
  readonly geometry: BufferGeometry;
  readonly material: MaterialKind;
  readonly motion?: PartMotion;
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
  const spec = catalogueEntry(kind);
  const size = instrumentSize(kind, options);
  const key = spec.size ? `${kind}:${size.join(',')}` : kind;
  let e = cache.get(key);
  if (e) {
    cache.delete(key);
    cache.set(key, e);
  } else {
    if (cache.size >= CACHE_SIZE) evictOldest();
    const parts = spec.build(size).map((p): InstrumentPart => ({
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
  e.merged ??= e.parts.length === 1 ? e.parts[0]!.geometry : mergeGeometries(e.parts.map((p) => p.geometry));
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
