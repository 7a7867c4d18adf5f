import { poseFoot, poseKnee, type FootAngles, type KneeAngles, type PosedRegion } from '../anatomy/deformity';
import type { RegionLandmarks } from '../anatomy/landmarks';
import { measureFoot } from './foot-angles';
import { measureKnee, type KneeAlignment } from './knee-alignment';

export interface PosedFoot extends PosedRegion {
  readonly measured: FootAngles;
}
export interface PosedKnee extends PosedRegion {
  readonly measured: KneeAlignment;
}

/** Poses the rest foot to the patient's angles and measures the result back, as a radiologist would. */
export function posedFoot(rest: RegionLandmarks, angles: FootAngles): PosedFoot {
  const posed = poseFoot(rest, measureFoot(rest), angles);
  return { ...posed, measured: measureFoot(posed.landmarks) };
}

export function posedKnee(rest: RegionLandmarks, angles: KneeAngles): PosedKnee {
  const posed = poseKnee(rest, measureKnee(rest), angles);
  return { ...posed, measured: measureKnee(posed.landmarks) };
}
