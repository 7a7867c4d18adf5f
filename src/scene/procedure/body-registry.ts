import type { Object3D } from 'three';

/** A drawn body: a whole part, or a fragment some cut left of it. */
export interface BodyEntry {
  readonly object: Object3D;
  readonly part: string;
  /** For fragments: the index of the cut (in the part's chain) that made it, and its id. */
  readonly stage?: number;
  readonly fragment?: string;
  readonly soft?: boolean;
}

const entries = new Set<BodyEntry>();

/** Adds a body for the driver to place each frame; returns the removal. */
export function registerBody(entry: BodyEntry): () => void {
  entries.add(entry);
  return () => entries.delete(entry);
}

export function registeredBodies(): ReadonlySet<BodyEntry> {
  return entries;
}
