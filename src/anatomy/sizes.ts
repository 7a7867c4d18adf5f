import type { Region } from './types';

/**
 * The models are an average man's. An average woman's are the same shapes scaled by the ratio of the
 * mean lengths in CLINICAL.md: 1st metatarsal 50.1 / 56.4 for the foot, femur 403 / 436 for the leg.
 */
export const SEX_SCALE: Record<Region, Record<'m' | 'f', number>> = {
  foot: { m: 1, f: 50.1 / 56.4 },
  knee: { m: 1, f: 403 / 436 },
};
