import { landmark, type RegionLandmarks } from '../anatomy/landmarks';
import { dot, sub } from '../anatomy/vec';
import type { Region } from '../anatomy/types';
import { measureRegion } from '../clinical/measures';
import { footOutcomeWarnings } from '../clinical/toe-balance';
import { boneFrame } from '../procedures/kit/bone-frame';
import { transformsAt, type Plan } from './plan';
import { movedLandmarks } from './post-op';

/** What a planned operation leaves: the measures of the corrected model, its numbers and warnings. */
export interface Outcome {
  /** The measures (angles, WBL %) taken on the corrected model at the end of the procedure. */
  readonly post: Readonly<Record<string, number>>;
  /** Numbers for the technical captions and readouts, measured on this case. */
  readonly values: Readonly<Record<string, number>>;
  /** Plain-words warnings (i18n keys): the procedure's own, then what the result itself earns. */
  readonly warnings: readonly string[];
}

/** The result of a plan on the patient whose pre-operative landmarks are `pre`. */
export function outcomeOf(plan: Plan, region: Region, pre: RegionLandmarks): Outcome {
  const { proc } = plan;
  // The bodies where the last step leaves them (only they are measured: no tool is posed).
  const end = transformsAt(plan, proc.steps.length - 1, 1);
  const moved = movedLandmarks(proc, pre, end);
  const post = measureRegion(region, moved);
  const values: Record<string, number> = { ...(proc.captionValues?.(plan.ctx) ?? {}) };
  if (post.hva !== undefined) values.hvaPost = post.hva;
  // Implants left in the patient at the end (a count readout).
  values.implants = plan.implants.length;
  // How far each declared landmark actually travelled laterally, measured on the moved model.
  for (const [key, { part, landmark: name }] of Object.entries(proc.lateralShifts ?? {})) {
    const before = landmark(pre, part, name);
    values[key] = -dot(sub(landmark(moved, part, name), before), boneFrame(pre, part).medial);
  }
  const warnings = [
    ...(proc.warnings?.(plan.ctx) ?? []),
    ...(region === 'foot' ? footOutcomeWarnings(post) : []),
  ];
  return { post, values, warnings };
}
