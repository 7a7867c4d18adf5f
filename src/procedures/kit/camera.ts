/**
 * Cameras a step names instead of writing: a surgeon's view of a long bone from its medial side,
 * aimed at a point of the case and tilted towards the dorsum and the head by set amounts.
 */
import { add, scale, type Vec3 } from '../../anatomy/vec';
import type { PlanContext, StepContext, StepDef } from '../types';
import type { BoneFrame } from './bone-frame';

/** A step's camera: where it looks, from which direction, how far (see StepDef.camera). */
export type Camera = StepDef['camera'];

/** How far the camera's direction leans from straight medial, per unit medial: up, and towards the head. */
export interface Tilt {
  readonly dorsal?: number;
  readonly distal?: number;
}

/** What a medial view aims at: a point worked out from the case and the bone's frame. */
export type Aim = (ctx: StepContext, f: BoneFrame) => Vec3;

/** Aim at a station of the bone's own frame: `fromHead` mm along its axis from the head, `dorsal` mm up. */
export const station =
  (fromHead: number, dorsal?: number): Aim =>
  (_ctx, f) =>
    f.at(fromHead, dorsal);

/**
 * A view of the bone `frameOf` gives from its medial side, aimed at `aim`, looking along medial +
 * dorsal·`tilt.dorsal` + axis·`tilt.distal` of the bone's frame from `distance` mm.
 */
export function medialView(
  frameOf: (ctx: PlanContext) => BoneFrame,
  aim: Aim,
  tilt: Tilt,
  distance: number,
): Camera {
  return (ctx) => {
    const f = frameOf(ctx);
    return {
      target: aim(ctx, f),
      from: add(add(f.medial, scale(f.dorsal, tilt.dorsal ?? 0)), scale(f.axis, tilt.distal ?? 0)),
      distance,
    };
  };
}

/**
 * A view from the side `sideOf` gives (a unit direction of the region frame), lifted by `tilt.up`
 * and brought forward by `tilt.front` (the region's +Y and +Z), aimed at `targetOf`, from `distance`
 * mm: the surgeon's view over a wound on that side of a limb.
 */
export function sideView(
  targetOf: (ctx: PlanContext) => Vec3,
  sideOf: (ctx: PlanContext) => Vec3,
  tilt: { readonly up: number; readonly front: number },
  distance: number,
): Camera {
  return (ctx) => ({
    target: targetOf(ctx),
    from: add(add(sideOf(ctx), [0, tilt.up, 0]), [0, 0, tilt.front]),
    distance,
  });
}
