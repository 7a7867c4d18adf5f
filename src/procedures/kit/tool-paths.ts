/**
 * Tool paths a step names instead of writing: strokes played one after another, a share of the
 * step, a wire or screw driven along its line.
 */
import { add, scale, type Vec3 } from '../../anatomy/vec';
import type { StepContext, ToolPose } from '../types';

/** Where a tool is at step progress p (0–1) (see InstrumentUse.path). */
export type ToolPath = (ctx: StepContext, p: number) => ToolPose;

/** Paths played one after another, each over an equal share of the step (its own p from 0 to 1). */
export function inTurn(...paths: readonly ToolPath[]): ToolPath {
  const n = paths.length;
  return (ctx, p) => {
    const i = Math.min(n - 1, Math.floor(p * n));
    return paths[i]!(ctx, p * n - i);
  };
}

/** The part of the step from `from` to `to` (fractions of it) as 0–1: 0 before it, 1 after it. */
export const during =
  (from: number, to: number) =>
  (p: number): number =>
    Math.min(1, Math.max(0, (p - from) / (to - from)));

/** A straight line a tool is driven along: its entry, unit direction and length (mm). */
export interface DriveLine {
  readonly entry: Vec3;
  readonly dir: Vec3;
  readonly length: number;
}

/** A wire, screw or needle driven in along its line, `depth(p)` (0–1) of its length in. */
export function driven(lineOf: (ctx: StepContext) => DriveLine, depth: (p: number) => number): ToolPath {
  return (ctx, p) => {
    const s = lineOf(ctx);
    return { tip: add(s.entry, scale(s.dir, s.length * depth(p))), direction: s.dir };
  };
}
