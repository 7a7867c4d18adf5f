import type { OsteotomySite } from '../../clinical/knee-cut-geometry';
import type { Indication, ProcedureDef } from '../types';

/**
 * After a knee osteotomy (CLINICAL §2.1 "After", brief text D, which tells it of HTO; its femoral
 * osteotomies "use the same technique"): 2–4 days in hospital, a control X-ray at ~6 weeks,
 * rehabilitation ~12 weeks, full activity at 3–6 months. "Crutches for some weeks" has no figure.
 */
const KNEE_RECOVERY: NonNullable<ProcedureDef['recovery']> = [
  { at: 2, to: 4, unit: 'day', key: 'recovery.hospital' },
  { at: 6, unit: 'week', key: 'recovery.controlXray' },
  { at: 12, unit: 'week', key: 'recovery.rehab' },
  { at: 3, to: 6, unit: 'month', key: 'recovery.fullActivity' },
];

/** CLINICAL's sources for planning any knee osteotomy: target, Miniaci, Hernigou, the limits. */
const KNEE_PLANNING_REFERENCES = [40, 41, 42, 43, 44, 45, 46, 47, 48] as const;

/**
 * Whom a knee osteotomy is for (CLINICAL §2): at the tibia, a varus knee (HKA under 180°) whose
 * deformity is in the tibia (mMPTA under the normal 85–90°); at the femur, a valgus knee whose
 * deformity is in the femur (mLDFA under 85°) [57][58]. `quizCase`: the patient the quiz asks it for.
 */
export function kneeIndication(site: OsteotomySite, quizCase?: Indication['case']): Indication {
  const suits: Indication['suits'] =
    site === 'tibia' ? { hka: [160, 179], mpta: [70, 84] } : { hka: [181, 200], ldfa: [70, 84] };
  return quizCase ? { suits, case: quizCase } : { suits };
}

/** A knee osteotomy's recovery, whom it is for, and its sources: the planning ones and its own (CLINICAL numbers). */
export function kneeAftercare(
  site: OsteotomySite,
  ...own: number[]
): Pick<ProcedureDef, 'recovery' | 'references' | 'indication'> {
  return {
    recovery: KNEE_RECOVERY,
    references: [...KNEE_PLANNING_REFERENCES, ...own],
    indication: kneeIndication(site),
  };
}
