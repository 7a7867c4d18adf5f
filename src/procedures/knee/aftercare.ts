import type { ProcedureDef } from '../types';

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

/** A knee osteotomy's recovery, and its sources: the planning ones and its own (CLINICAL numbers). */
export function kneeAftercare(...own: number[]): Pick<ProcedureDef, 'recovery' | 'references'> {
  return { recovery: KNEE_RECOVERY, references: [...KNEE_PLANNING_REFERENCES, ...own] };
}
