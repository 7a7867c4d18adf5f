import type { RegionLandmarks } from '../../anatomy/landmarks';
import type { Plan } from '../../engine/plan';
import { useSession } from '../../state/store';
import { AngleArcs } from './AngleArcs';
import { LoadLines } from './LoadLines';
import { WblMarker } from './WblMarker';

interface Props {
  /** The open procedure's plan, or undefined for the anatomy alone. */
  readonly plan: Plan | undefined;
  /** The patient's pre-operative landmarks, region frame (mm). */
  readonly pre: RegionLandmarks;
}

/**
 * The knee's alignment drawn over the bones: load lines before and now, the WBL ruler on the
 * plateau and, in the study view, the mechanical axes with their angles. Mounted after the
 * procedure driver, so each frame it reads the landmarks where the driver has just moved them.
 */
export function KneeOverlays({ plan, pre }: Props) {
  const study = useSession((s) => s.mode === 'study');
  return (
    <group>
      <LoadLines plan={plan} pre={pre} />
      <WblMarker plan={plan} pre={pre} />
      {study && <AngleArcs plan={plan} pre={pre} />}
    </group>
  );
}
