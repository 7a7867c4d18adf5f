/**
 * Right patella: triangular with the apex down, its articular (posterior) face shaped by the femoral
 * trochlea it rests on, 1.5 mm clear of it.
 */
import { ellipsoid, roundCone, type Sdf, type Vec3 } from '../sdf';
import { bounded, smin, ssub } from './prims';
import { femurSdf } from './femur';

export const PATELLA_CENTRE: Vec3 = [-2, 41, 45];
const GAP = 1.5;

const base = ellipsoid([-2, 45, 45], [22.5, 17, 11]);
const apex = roundCone([-2, 40, 45.5], [-1.5, 23, 46.5], 16, 7);

const femurNear = bounded(femurSdf, [-50, 0, 0], [50, 90, 45], 4);

export const patellaSdf: Sdf = (x, y, z) => {
  const d = smin(6, base(x, y, z), apex(x, y, z));
  if (d > 4) return d;
  return ssub(1.5, d, femurNear(x, y, z) - GAP);
};

export const PATELLA_BOUNDS = { min: [-28, 12, 28] as Vec3, max: [24, 66, 64] as Vec3 };
