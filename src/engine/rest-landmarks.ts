import type { RegionLandmarks } from '../anatomy/landmarks';
import type { Region } from '../anatomy/types';
import landmarksJson from '../../models/landmarks.json';

/**
 * Rest landmarks of both regions, as written by `npm run models` next to the meshes: the one place
 * the app reads `models/landmarks.json` (the JSON's number arrays are typed as Vec3 tuples here).
 */
export const REST_LANDMARKS = landmarksJson as unknown as Readonly<Record<Region, RegionLandmarks>>;
