import type { ProcedureDef } from '../procedures/types';

/** The first part of a percutaneous step shows its fluoroscopy shot, as a fraction of the step. */
export const SHOT_FRACTION = 0.3;

/** The projection on screen at this point of the procedure: a shot opening a fluoroscopy step, or none. */
export function fluoroShot(proc: ProcedureDef, step: number, progress: number): 'ap' | 'lat' | null {
  const projection = proc.steps[step]?.fluoro;
  return projection && progress < SHOT_FRACTION ? projection : null;
}

/** How many fluoroscopy shots have been taken by the start of step `step` (0-based) inclusive. */
export function shotsTaken(proc: ProcedureDef, step: number): number {
  return proc.steps.slice(0, step + 1).filter((s) => s.fluoro).length;
}
