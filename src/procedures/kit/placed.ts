/**
 * Tools that ride on a moving fragment: what the step reads from a body's placement (its final
 * one, see StepContext.placed) to carry a direction with it, or to take one back to the pre-op frame.
 */
import { add, dot, normalize, sub, type Vec3 } from '../../anatomy/vec';
import type { PlanContext, StepContext } from '../types';
import type { BoneFrame } from './bone-frame';
import type { ToolPath } from './tool-paths';

/** A direction of the pre-op frame carried by a body's final placement. */
export function placedDir(ctx: StepContext, body: string, at: Vec3, d: Vec3): Vec3 {
  return normalize(sub(ctx.placed(body, add(at, d)), ctx.placed(body, at)));
}

/** A direction of the final placement taken back to the body's pre-op frame (placements are rigid). */
export function unplacedDir(ctx: StepContext, body: string, at: Vec3, d: Vec3): Vec3 {
  const o = ctx.placed(body, at);
  const axes = (
    [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ] as const
  ).map((e) => sub(ctx.placed(body, add(at, e)), o));
  return normalize([dot(axes[0]!, d), dot(axes[1]!, d), dot(axes[2]!, d)]);
}

/**
 * A tool held in a bone's pre-op frame and carried with `body` as it moves (a scalpel over a
 * fragment that turns later in the sitting): its tip where `tipOf` puts it, pointing `intoOf`, its
 * back along the bone's axis.
 */
export function carriedWith(
  body: string,
  frameOf: (ctx: PlanContext) => BoneFrame,
  tipOf: (ctx: StepContext, f: BoneFrame, p: number) => Vec3,
  intoOf: (f: BoneFrame) => Vec3,
): ToolPath {
  return (ctx, p) => {
    const f = frameOf(ctx);
    const tip = tipOf(ctx, f, p);
    return {
      tip: ctx.placed(body, tip),
      direction: placedDir(ctx, body, tip, intoOf(f)),
      up: placedDir(ctx, body, tip, f.axis),
    };
  };
}
