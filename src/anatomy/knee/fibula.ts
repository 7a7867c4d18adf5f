/**
 * Right fibula: lateral (−X) and posterior (−Z) of the tibia, head under the lateral tibial condyle,
 * lateral malleolus at the ankle. Kept 1.7 mm clear of the talus.
 */
import { ellipsoid, sphere, type Sdf } from '../sdf';
import { normalize, type Vec3 } from '../vec';
import { bounded, smin, ssub, tube } from './prims';
import { talusSdf } from './talus';

export const FIBULA_HEAD: Vec3 = [-38, -30, -18];
const GAP = 1.7;

const head = ellipsoid(FIBULA_HEAD, [12.5, 12, 12]);
const apex = sphere([-42.5, -22, -21], 6);
const shaft = tube(
  [
    [-37, -44, -18],
    [-35.5, -120, -16],
    [-32, -230, -13],
    [-28.5, -330, -10],
    [-26.5, -360, -9],
  ],
  [8.5, 7, 7, 6.5, 7.5],
);
// Lateral malleolus: flattened medio-laterally, tip at y ≈ −405, a little posterior.
const malleolus = ellipsoid(
  [-26.5, -379, -9],
  [8.5, 26, 12.5],
  normalize([1, -0.1, 0]),
  normalize([0.1, 1, 0.1]),
);
const malleolarFossa = sphere([-21, -391, -19], 4);

const fibulaRaw: Sdf = (x, y, z) => {
  let d = shaft(x, y, z);
  d = smin(8, d, head(x, y, z));
  d = smin(4, d, apex(x, y, z));
  d = smin(10, d, malleolus(x, y, z));
  d = ssub(2, d, malleolarFossa(x, y, z));
  return d;
};

const talusNear = bounded(talusSdf, [-30, -425, -35], [30, -370, 45], 4);

export const fibulaSdf: Sdf = (x, y, z) => {
  let d = fibulaRaw(x, y, z);
  if (y < -350) d = ssub(1.5, d, talusNear(x, y, z) - GAP);
  return d;
};

export const FIBULA_BOUNDS = { min: [-58, -410, -36] as Vec3, max: [-12, -8, 6] as Vec3 };
