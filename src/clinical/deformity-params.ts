import type { FootAngles, KneeAngles } from '../anatomy/deformity';

export interface RangeSpec {
  /** Default value: the typical case of CLINICAL.md, degrees. */
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/** The patient's pre-operative angles a user may set, with the defaults of CLINICAL.md. */
export const FOOT_DEFORMITY: Record<keyof FootAngles, RangeSpec> = {
  hva: { default: 32, min: 0, max: 60 },
  ima: { default: 14, min: 0, max: 25 },
  dmaa: { default: 8, min: 0, max: 30 },
  hvia: { default: 8, min: 0, max: 25 },
};

export const KNEE_DEFORMITY: Record<keyof KneeAngles, RangeSpec> = {
  hka: { default: 172, min: 160, max: 200 },
  mpta: { default: 82, min: 75, max: 100 },
  ldfa: { default: 88, min: 75, max: 100 },
};

/** Beyond this joint-line convergence the three knee angles describe no real knee. */
export const JLCA_PLAUSIBLE = 8;

export function defaults<K extends string>(spec: Record<K, RangeSpec>): Record<K, number> {
  return Object.fromEntries(Object.entries<RangeSpec>(spec).map(([k, v]) => [k, v.default])) as Record<
    K,
    number
  >;
}
