import type { KneeAngles } from '../anatomy/deformity';
import {
  FOOT_DEFORMITY,
  KNEE_DEFORMITY,
  TYPICAL_KNEE,
  defaults,
  kneeHas,
  type KneeDeformity,
  type RangeSpec,
} from '../clinical/deformity-params';
import type { ProcedureDef } from '../procedures/types';

export type { RangeSpec };

/** The patient's angles a user (or a link) may set per region, degrees, with their ranges and defaults. */
export const ANGLE_RANGES = { foot: FOOT_DEFORMITY, knee: KNEE_DEFORMITY } as const;

/** The typical patient of each region (CLINICAL.md's default cases). */
export const DEFAULT_ANGLES = { foot: defaults(FOOT_DEFORMITY), knee: defaults(KNEE_DEFORMITY) } as const;

/** Whether `proc` would correct nothing on this knee: it treats a deformity the knee does not have. */
export function treatsOtherKnee(proc: ProcedureDef | undefined, knee: KneeAngles): boolean {
  return Boolean(proc?.treats && !kneeHas(proc.treats, knee));
}

/**
 * The knee a knee operation is shown on: the patient's, when it has the deformity the operation
 * corrects; otherwise the operation's typical case (a DFO on the default bow leg would correct
 * nothing), naming the deformity it shows instead.
 */
export function kneeShownFor(
  proc: ProcedureDef | undefined,
  knee: KneeAngles,
): { readonly knee: KneeAngles; readonly typical?: KneeDeformity } {
  if (!proc?.treats || !treatsOtherKnee(proc, knee)) return { knee };
  return { knee: TYPICAL_KNEE[proc.treats], typical: proc.treats };
}
