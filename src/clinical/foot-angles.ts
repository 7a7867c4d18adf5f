import type { FootAngles } from '../anatomy/deformity';
import { landmark, type RegionLandmarks } from '../anatomy/landmarks';
import { transverseDirection, wrap180 } from './plane-angles';

function axisDirection(lm: RegionLandmarks, bone: string): number {
  return transverseDirection(landmark(lm, bone, 'base'), landmark(lm, bone, 'head'));
}

/**
 * The hallux valgus angles as a radiologist draws them on the AP view: each bone's axis runs from
 * the centre of its base to the centre of its head, projected on the transverse plane.
 */
export function measureFoot(lm: RegionLandmarks): FootAngles {
  const m1 = axisDirection(lm, 'metatarsal1');
  const m2 = axisDirection(lm, 'metatarsal2');
  const p1 = axisDirection(lm, 'proximalPhalanx1');
  const p2 = axisDirection(lm, 'distalPhalanx1');
  const articular = transverseDirection(
    landmark(lm, 'metatarsal1', 'articularLateral'),
    landmark(lm, 'metatarsal1', 'articularMedial'),
  );
  return {
    hva: wrap180(m1 - p1),
    ima: wrap180(m1 - m2),
    // The articular line against the perpendicular to the axis; positive when it faces laterally.
    dmaa: wrap180(90 - (articular - m1)),
    hvia: wrap180(p1 - p2),
  };
}
