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

/** The knee deformity an operation corrects: a bow leg (varus) or a knock knee (valgus). */
export type KneeDeformity = 'varus' | 'valgus';

/** Whether a knee has that deformity: its HKA under straight (varus) or over it (valgus). */
export function kneeHas(deformity: KneeDeformity, knee: KneeAngles): boolean {
  return deformity === 'varus' ? knee.hka < 180 : knee.hka > 180;
}

/** Beyond this joint-line convergence the three knee angles describe no real knee. */
export const JLCA_PLAUSIBLE = 8;

export function defaults<K extends string>(spec: Record<K, RangeSpec>): Record<K, number> {
  return Object.fromEntries(Object.entries<RangeSpec>(spec).map(([k, v]) => [k, v.default])) as Record<
    K,
    number
  >;
}

export type Severity = 'mild' | 'moderate' | 'severe';

/**
 * A typical patient of each severity, to start from when the X-ray's angles are not at hand. Foot:
 * HVA and IMA inside CLINICAL's mild / moderate / severe bands (moderate is the default case). Knee:
 * about 5°, 8° (the default case) and 13° of varus, or of valgus for a knock knee, the deformity in
 * the tibia for varus and in the femur for valgus.
 */
export const FOOT_PRESETS: Record<Severity, FootAngles> = {
  mild: { hva: 18, ima: 10, dmaa: 6, hvia: 6 },
  moderate: { hva: 32, ima: 14, dmaa: 8, hvia: 8 },
  severe: { hva: 44, ima: 19, dmaa: 12, hvia: 10 },
};
export const KNEE_PRESETS: Record<'varus' | 'valgus', Record<Severity, KneeAngles>> = {
  varus: {
    mild: { hka: 175, mpta: 84, ldfa: 88 },
    moderate: { hka: 172, mpta: 82, ldfa: 88 },
    severe: { hka: 167, mpta: 79, ldfa: 89 },
  },
  valgus: {
    mild: { hka: 185, mpta: 87, ldfa: 83 },
    moderate: { hka: 188, mpta: 87, ldfa: 80 },
    severe: { hka: 192, mpta: 88, ldfa: 77 },
  },
};

/**
 * The typical knee of each deformity: CLINICAL §2's default case (varus, HKA 172°) and its default
 * valgus case for a DFO (HKA 188°, mLDFA 80°).
 */
export const TYPICAL_KNEE: Record<KneeDeformity, KneeAngles> = {
  varus: KNEE_PRESETS.varus.moderate,
  valgus: KNEE_PRESETS.valgus.moderate,
};
