import type { RegionLandmarks } from '../anatomy/landmarks';
import type { Region } from '../anatomy/types';
import { measureFoot } from './foot-angles';
import { measureKnee } from './knee-alignment';

/** Every pre-operative measurement the app shows, per region, in display order. */
export const REGION_MEASURES = {
  foot: ['hva', 'ima', 'dmaa', 'hvia'],
  knee: ['hka', 'mpta', 'ldfa', 'wbl'],
} as const satisfies Record<Region, readonly string[]>;

export type MeasureId = (typeof REGION_MEASURES)[Region][number];

/** Unit shown after each measurement. */
export const MEASURE_UNIT: Record<MeasureId, '°' | '%'> = {
  hva: '°',
  ima: '°',
  dmaa: '°',
  hvia: '°',
  hka: '°',
  mpta: '°',
  ldfa: '°',
  wbl: '%',
};

/** Every measure of the region taken on these landmarks (the posed or the corrected model). */
export function measureRegion(region: Region, lm: RegionLandmarks): Readonly<Record<string, number>> {
  return { ...(region === 'foot' ? measureFoot(lm) : measureKnee(lm)) };
}
