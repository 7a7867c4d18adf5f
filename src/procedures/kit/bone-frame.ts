import { landmark, type RegionLandmarks } from '../../anatomy/landmarks';
import type { PlanContext } from '../types';
import { add, cross, dot, length, normalize, scale, sub, type Vec3 } from '../../anatomy/vec';

/** A long bone's own frame from its posed landmarks: where procedures place their cuts. */
export interface BoneFrame {
  readonly base: Vec3;
  readonly head: Vec3;
  /** Unit vector from base to head (distal). */
  readonly axis: Vec3;
  /** Unit vector perpendicular to the axis, towards the dorsum (up). */
  readonly dorsal: Vec3;
  /** Unit vector perpendicular to both, towards the midline of the body (+X side). */
  readonly medial: Vec3;
  /** Base-to-head distance, mm. */
  readonly length: number;
  /** A point given in this frame (along the axis from the head, dorsal, medial; mm) in the region frame. */
  at(fromHead: number, dorsal?: number, medial?: number): Vec3;
}

/** Each pose's frames, made once: tools ask for them every frame. */
const framesOf = new WeakMap<RegionLandmarks, Map<string, BoneFrame>>();

/** The bone's frame on these landmarks (the same object each time for the same landmarks). */
export function boneFrame(lm: RegionLandmarks, bone: string): BoneFrame {
  let frames = framesOf.get(lm);
  if (!frames) framesOf.set(lm, (frames = new Map()));
  let frame = frames.get(bone);
  if (!frame) frames.set(bone, (frame = makeBoneFrame(lm, bone)));
  return frame;
}

function makeBoneFrame(lm: RegionLandmarks, bone: string): BoneFrame {
  const base = landmark(lm, bone, 'base');
  const head = landmark(lm, bone, 'head');
  const d = sub(head, base);
  const axis = normalize(d);
  const up: Vec3 = [0, 1, 0];
  const dorsal = normalize(sub(up, scale(axis, dot(up, axis))));
  const medial = cross(dorsal, axis);
  return {
    base,
    head,
    axis,
    dorsal,
    medial,
    length: length(d),
    at: (fromHead, dor = 0, med = 0) =>
      add(add(add(head, scale(axis, fromHead)), scale(dorsal, dor)), scale(medial, med)),
  };
}

/** Direction that is `degrees` from a towards b (both unit, perpendicular). */
export function between(a: Vec3, b: Vec3, degrees: number): Vec3 {
  const r = (degrees * Math.PI) / 180;
  return normalize(add(scale(a, Math.cos(r)), scale(b, Math.sin(r))));
}

/** A direction of a bone's own frame by its anatomical name (the frame's axis runs base to head: distal). */
export type FrameDirection = 'medial' | 'lateral' | 'dorsal' | 'plantar' | 'distal' | 'proximal';

const FRAME_AXES = {
  medial: ['medial', 1],
  lateral: ['medial', -1],
  dorsal: ['dorsal', 1],
  plantar: ['dorsal', -1],
  distal: ['axis', 1],
  proximal: ['axis', -1],
} as const satisfies Record<FrameDirection, readonly ['medial' | 'dorsal' | 'axis', 1 | -1]>;

/** The named direction of the frame `frameOf` gives in each case (a motion's or a tool's). */
export function towards(
  frameOf: (ctx: PlanContext) => BoneFrame,
  name: FrameDirection,
): (ctx: PlanContext) => Vec3 {
  const [axis, sign] = FRAME_AXES[name];
  return (ctx) => {
    const v = frameOf(ctx)[axis];
    return sign === 1 ? v : scale(v, -1);
  };
}

/** A point of the frame `frameOf` gives (a fragment's probe): `fromHead` mm along its axis from the head. */
export const pointOf =
  (frameOf: (ctx: PlanContext) => BoneFrame, fromHead: number) =>
  (ctx: PlanContext): Vec3 =>
    frameOf(ctx).at(fromHead);

/** A point of the frame `frameOf` gives `mm` along its axis from the base. */
export const fromBase =
  (frameOf: (ctx: PlanContext) => BoneFrame, mm: number) =>
  (ctx: PlanContext): Vec3 => {
    const f = frameOf(ctx);
    return f.at(-f.length + mm);
  };
