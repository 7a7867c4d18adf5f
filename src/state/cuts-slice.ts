import type { SliceAccess } from './store';

/** How the geometry worker is doing, for the small notices over the stage (never in the URL). */
export interface CutStatus {
  /** Cuts being redone in a new worker after the previous one died. */
  readonly recomputing: number;
  /** Parts whose last cut could not be computed (they are shown whole). */
  readonly failed: readonly string[];
  dismissFailed(): void;
}

/** The cut worker's news, as a slice of the app's store. */
export function cutsSlice({ set }: SliceAccess<CutStatus>): CutStatus {
  return { recomputing: 0, failed: [], dismissFailed: () => set({ failed: [] }) };
}
