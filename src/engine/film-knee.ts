import type { FilmPlanInput } from '../clinical/film-plan';
import { kneePlanOptions } from '../procedures/knee/plan';
import { procedureById } from '../procedures/registry';

/**
 * What the open knee osteotomy gives the plan on the patient's film: its bone and wedge, and its
 * parameters read as the 3D plan reads them. Null for no procedure or one that is not a knee cut.
 */
export function filmKneeInput(
  procedure: string | null,
  params: Readonly<Record<string, unknown>>,
): FilmPlanInput | null {
  const kind = procedureById(procedure)?.kneeCut;
  return kind ? kneePlanOptions(params, kind) : null;
}
