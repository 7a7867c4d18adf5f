import type { BoneDef, Region } from './types';
import { FOOT_BONES } from './foot';
import { KNEE_BONES } from './knee';

/** The SDF definitions of a region's parts (used offline by the model generator and its tests). */
export function regionBones(region: Region): readonly BoneDef[] {
  return region === 'foot' ? FOOT_BONES : KNEE_BONES;
}
