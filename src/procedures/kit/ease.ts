/** Smooth start and stop for motions and tool paths (cubic ease-in-out): 0 → 0, 1 → 1. */
export function ease(p: number): number {
  return p < 0.5 ? 4 * p * p * p : 1 - (-2 * p + 2) ** 3 / 2;
}
