import type { Vec3 } from './vec';

/** Named points of one part, region frame, mm. */
export type PartLandmarks = Readonly<Record<string, Vec3>>;
/** Landmarks of every part of a region, keyed by part id. */
export type RegionLandmarks = Readonly<Record<string, PartLandmarks>>;

/** Looks up a landmark, failing loudly: a missing landmark is a broken model, not a user error. */
export function landmark(lm: RegionLandmarks, part: string, name: string): Vec3 {
  const p = lm[part]?.[name];
  if (!p) throw new Error(`Landmark ${part}.${name} is missing from the model`);
  return p;
}
