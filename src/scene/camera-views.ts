import type { Region } from '../anatomy/types';

type Vec3 = readonly [number, number, number];

/** Where the camera looks from and at, region frame (mm), for the right side at man size. */
export const DEFAULT_VIEW: Record<Region, { position: Vec3; target: Vec3 }> = {
  // As the patient looks down at their own foot: from above and behind, a little medial, so the
  // toes point up the screen and the bunion shows on the medial side.
  foot: { position: [150, 430, -150], target: [0, 10, 130] },
  // The whole limb from the front, as on a full-length standing radiograph.
  knee: { position: [330, 80, 1900], target: [0, 25, 0] },
};

/** The width to height of the views the step cameras and the default views were composed in. */
export const COMPOSED_ASPECT = 4 / 3;

/**
 * Where to put the camera so that a view narrower than the composed one (a phone, a kiosk's tall
 * screen) sees as much across, at the target, as a composed view would: it moves back along its line
 * of sight by the ratio of the two aspects (a view's width at a distance is that distance times the
 * vertical field's tangent times its aspect). The bones are whole, smaller; a wider view is as
 * composed.
 */
export function framedFor(aspect: number, position: Vec3, target: Vec3): Vec3 {
  if (!(aspect > 0) || aspect >= COMPOSED_ASPECT) return position;
  const back = COMPOSED_ASPECT / aspect;
  return [
    target[0] + (position[0] - target[0]) * back,
    target[1] + (position[1] - target[1]) * back,
    target[2] + (position[2] - target[2]) * back,
  ];
}
