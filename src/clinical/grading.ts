import type { MeasureId } from './measures';

/** A severity word, an i18n key under `grade.` */
export type Grade =
  'normal' | 'mild' | 'moderate' | 'severe' | 'raised' | 'varus' | 'valgus' | 'medial' | 'lateral';

/** Lower bounds of each grade, from CLINICAL.md's tables [1][2][3][33–35]. */
export function grade(id: MeasureId, value: number): Grade {
  switch (id) {
    case 'hva':
      return value < 15 ? 'normal' : value < 21 ? 'mild' : value < 40 ? 'moderate' : 'severe';
    case 'ima':
      return value < 9 ? 'normal' : value < 12 ? 'mild' : value < 18 ? 'moderate' : 'severe';
    case 'dmaa':
    case 'hvia':
      return value < 10 ? 'normal' : 'raised';
    case 'hka':
      return value < 177 ? 'varus' : value > 183 ? 'valgus' : 'normal';
    case 'mpta':
      return value < 85 ? 'varus' : value > 90 ? 'valgus' : 'normal';
    case 'ldfa':
      return value > 90 ? 'varus' : value < 85 ? 'valgus' : 'normal';
    case 'wbl':
      return value < 40 ? 'medial' : value > 50 ? 'lateral' : 'normal';
  }
}
