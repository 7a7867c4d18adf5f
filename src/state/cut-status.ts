import { create } from 'zustand';

/** How the geometry worker is doing, for the small notices over the stage (never in the URL). */
interface CutStatus {
  /** Cuts being redone in a new worker after the previous one died. */
  recomputing: number;
  /** Parts whose last cut could not be computed (they are shown whole). */
  failed: readonly string[];
  dismissFailed(): void;
}

export const useCutStatus = create<CutStatus>()((set) => ({
  recomputing: 0,
  failed: [],
  dismissFailed: () => set({ failed: [] }),
}));
