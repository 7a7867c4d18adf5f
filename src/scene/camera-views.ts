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
