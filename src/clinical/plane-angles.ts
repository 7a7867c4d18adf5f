import type { Vec3 } from '../anatomy/vec';

const DEG = 180 / Math.PI;

/**
 * Direction of a line in the transverse plane (the foot's AP radiograph), degrees from anterior,
 * positive towards medial (+X).
 */
export function transverseDirection(from: Vec3, to: Vec3): number {
  return Math.atan2(to[0] - from[0], to[2] - from[2]) * DEG;
}

/** Signed angle in the coronal plane (X medial, Y up) turning vector a into b, degrees. */
export function coronalTurn(a: Vec3, b: Vec3): number {
  return Math.atan2(a[0] * b[1] - a[1] * b[0], a[0] * b[0] + a[1] * b[1]) * DEG;
}

/** Unsigned angle between two vectors projected on the coronal plane, degrees. */
export function coronalAngle(a: Vec3, b: Vec3): number {
  return Math.abs(coronalTurn(a, b));
}

/** Wraps an angle to (−180, 180]. */
export function wrap180(a: number): number {
  const r = ((((a + 180) % 360) + 360) % 360) - 180;
  return r === -180 ? 180 : r;
}
