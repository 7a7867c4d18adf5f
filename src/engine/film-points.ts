import { landmark, type RegionLandmarks } from '../anatomy/landmarks';
import type { Vec3 } from '../anatomy/vec';
import type { FilmRegion } from '../clinical/film-measures';

/** Femoral head radius, mm (CLINICAL §2: 47.6 mm across in men). */
const HEAD_RADIUS = 23.8;
/** Where on the head's outline the three rim points go, degrees from medial, counter-clockwise. */
const RIM_DEGREES = [40, 100, 160] as const;

const FOOT_POINTS = [
  ['metatarsal1', 'base'],
  ['metatarsal1', 'head'],
  ['proximalPhalanx1', 'base'],
  ['proximalPhalanx1', 'head'],
  ['metatarsal2', 'base'],
  ['metatarsal2', 'head'],
  ['metatarsal1', 'articularMedial'],
  ['metatarsal1', 'articularLateral'],
  ['distalPhalanx1', 'base'],
  ['distalPhalanx1', 'head'],
] as const;

/**
 * The model's own points for a film's landmarks, in the placement order of FILM_LANDMARKS (region
 * frame, mm): where a surgeon would click them on an X-ray of this model. The foot's lie on its
 * bones; the knee's three hip points on the head's outline in the coronal plane, its knee centre
 * between the femur's and the tibia's. A film of the model (its projection on the foot's transverse
 * plane or the leg's coronal plane) must measure what the model measures.
 */
export function modelFilmPoints(region: FilmRegion, lm: RegionLandmarks): Vec3[] {
  if (region === 'foot') return FOOT_POINTS.map(([part, name]) => landmark(lm, part, name));
  const hip = landmark(lm, 'femur', 'hipCentre');
  const rim = RIM_DEGREES.map((deg): Vec3 => {
    const t = (deg * Math.PI) / 180;
    return [hip[0] + HEAD_RADIUS * Math.cos(t), hip[1] + HEAD_RADIUS * Math.sin(t), hip[2]];
  });
  const tibKnee = landmark(lm, 'tibia', 'kneeCentre');
  const femKnee = landmark(lm, 'femur', 'kneeCentre');
  return [
    ...rim,
    [(tibKnee[0] + femKnee[0]) / 2, (tibKnee[1] + femKnee[1]) / 2, (tibKnee[2] + femKnee[2]) / 2],
    landmark(lm, 'talus', 'ankleCentre'),
    landmark(lm, 'femur', 'condyleMedial'),
    landmark(lm, 'femur', 'condyleLateral'),
    landmark(lm, 'tibia', 'plateauMedial'),
    landmark(lm, 'tibia', 'plateauLateral'),
  ];
}
