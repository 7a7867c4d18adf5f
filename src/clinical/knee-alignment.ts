import type { KneeAngles } from '../anatomy/deformity';
import { landmark, type RegionLandmarks } from '../anatomy/landmarks';
import { sub, type Vec3 } from '../anatomy/vec';
import { coronalAngle, coronalTurn } from './plane-angles';

export interface KneeAlignment extends KneeAngles {
  /** Where the hip–ankle load line crosses the plateau, % of its width from the medial edge. */
  readonly wbl: number;
  /** Mechanical axis deviation: the load line's distance from the knee centre, mm, + = medial. */
  readonly mad: number;
  /** Joint-line convergence angle, degrees, + = opening laterally. */
  readonly jlca: number;
}

/**
 * Where the line through a and b crosses the line through c and d, as the fraction along c→d
 * (coronal plane).
 */
export function crossingFraction(a: Vec3, b: Vec3, c: Vec3, d: Vec3): number {
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const sx = d[0] - c[0];
  const sy = d[1] - c[1];
  return ((a[0] - c[0]) * ry - (a[1] - c[1]) * rx) / (sx * ry - sy * rx);
}

/** The points a full-length standing AP film is measured on. */
export function alignmentPoints(lm: RegionLandmarks) {
  return {
    hip: landmark(lm, 'femur', 'hipCentre'),
    femKnee: landmark(lm, 'femur', 'kneeCentre'),
    tibKnee: landmark(lm, 'tibia', 'kneeCentre'),
    ankle: landmark(lm, 'talus', 'ankleCentre'),
    condM: landmark(lm, 'femur', 'condyleMedial'),
    condL: landmark(lm, 'femur', 'condyleLateral'),
    platM: landmark(lm, 'tibia', 'plateauMedial'),
    platL: landmark(lm, 'tibia', 'plateauLateral'),
  };
}

/** Full-length standing AP measurements from the posed hip, knee and ankle landmarks. */
export function measureKnee(lm: RegionLandmarks): KneeAlignment {
  const { hip, femKnee, tibKnee, ankle, condM, condL, platM, platL } = alignmentPoints(lm);

  const femoralAxis = sub(femKnee, hip);
  const tibialAxis = sub(ankle, tibKnee);
  // Varus turns the tibial axis medially (+X) from the femoral one.
  const varus = coronalTurn(femoralAxis, tibialAxis);
  const ldfa = coronalAngle(sub(hip, femKnee), sub(condL, condM));
  const mpta = coronalAngle(tibialAxis, sub(platM, platL));
  const t = crossingFraction(hip, ankle, platM, platL);
  const u = crossingFraction(hip, ankle, [femKnee[0] - 50, femKnee[1], 0], [femKnee[0] + 50, femKnee[1], 0]);
  const hka = 180 - varus;
  return {
    hka,
    ldfa,
    mpta,
    wbl: t * 100,
    mad: (u - 0.5) * 100,
    jlca: coronalTurn(sub(condL, condM), sub(platL, platM)),
  };
}
