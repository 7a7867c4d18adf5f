import type { Region } from '../anatomy/types';

type Vec3 = readonly [number, number, number];

/** Where the camera looks from and at, region frame (mm), for the right side at man size. */
export const DEFAULT_VIEW: Record<Region, { position: Vec3; target: Vec3 }> = {
  // From above, in front and a little medial: the whole foot with the first ray towards the viewer.
  foot: { position: [210, 250, 330], target: [0, 20, 135] },
  // The whole limb from the front, as on a full-length standing radiograph.
  knee: { position: [260, 120, 1350], target: [0, 20, 0] },
};
