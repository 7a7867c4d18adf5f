/**
 * Right tibia. Plateau at the joint line (y ≈ −1.5, tilted 3° medial-down for mMPTA 87°, 4° posterior
 * slope), mechanical axis vertical down to the ankle centre (0, −385, 0). Kept clear of the fibula
 * (proximal and distal tibiofibular joints) and of the talus (plafond, medial malleolus).
 */
import { capsule, ellipsoid, halfSpace, roundCone, sphere, type Sdf, type Vec3 } from '../sdf';
import { bounded, ellipticCylinder, smax, smin, ssub, tube } from './prims';
import { fibulaSdf } from './fibula';
import { talusSdf } from './talus';

const GAP = 1.7;
/** Plateau height at (x, z): −1.5 at the centre, 3° lower medially, 4° lower posteriorly. */
export const plateauY = (x: number, z: number): number => -1.5 - 0.0524 * x + 0.07 * z;

const medialCondyle = ellipsoid([19.5, -7, -2], [21, 22, 25.5]);
const lateralCondyle = ellipsoid([-19, -6, -3], [21, 20, 23.5]);
const anteriorArea = ellipsoid([-2, -12, 9], [16, 22, 14]);
const plateauPlane = halfSpace([0, -1.5, 0], [0.0524, 1, -0.07]);
const medialDish = ellipsoid([19.5, 1.4, -2], [15, 5.5, 19]);
const posteriorFossa = capsule([0, -14, -33], [0, 10, -31], 8);
const medialSpine = roundCone([5.5, -9, -1], [4.5, 3.2, -1.5], 7, 3);
const lateralSpine = roundCone([-5.5, -9, -2.5], [-4.5, 2.2, -3], 7, 3);
const tuberosity = ellipsoid([-5, -34, 21], [11, 16, 6]);
const eminence = ellipsoid([0, -4, -2], [9, 5.5, 15]);
const gerdy = sphere([-27, -14, 11], 6);

const metaphysis = roundCone([0, -22, -4], [1, -105, 1], 24, 14);
const shaft = tube(
  [
    [1, -100, 1],
    [1.5, -200, 0],
    [2, -300, -1],
    [1.5, -345, -1],
  ],
  [14, 12.5, 11, 13],
);
const anteriorCrest = tube(
  [
    [-3, -48, 22],
    [-0.5, -120, 17],
    [1.5, -220, 13.5],
    [2.5, -300, 10],
  ],
  [4, 3, 2.6, 2.6],
);
const interosseousBorder = capsule([-12.5, -80, -5], [-11.5, -310, -4], 2.8);
const distalFlare = roundCone([2, -300, -1], [1, -358, 0], 11, 18);
const distalEnd = ellipticCylinder('y', [1, 0, 0], 20.5, 17.5, -389, -356, 6);
const medialMalleolus = ellipsoid([20.5, -379, 3], [7.5, 17, 11]);

const proximal: Sdf = bounded(
  (x, y, z) => {
    let d = smin(6, medialCondyle(x, y, z), lateralCondyle(x, y, z));
    d = smin(8, d, anteriorArea(x, y, z));
    d = smin(12, d, metaphysis(x, y, z));
    d = smin(10, d, tuberosity(x, y, z));
    d = smin(6, d, gerdy(x, y, z));
    d = ssub(5, d, posteriorFossa(x, y, z));
    d = smax(3, d, plateauPlane(x, y, z));
    d = ssub(3, d, medialDish(x, y, z));
    d = smin(3, d, eminence(x, y, z));
    d = smin(3, d, medialSpine(x, y, z));
    d = smin(3, d, lateralSpine(x, y, z));
    return d;
  },
  [-42, -110, -32],
  [43, 8, 32],
  14,
);

const distal: Sdf = bounded(
  (x, y, z) => {
    let d = smin(10, distalFlare(x, y, z), distalEnd(x, y, z));
    d = smin(6, d, medialMalleolus(x, y, z));
    return d;
  },
  [-22, -398, -20],
  [30, -290, 20],
  12,
);

const tibiaRaw: Sdf = (x, y, z) => {
  let d = shaft(x, y, z);
  d = smin(8, d, anteriorCrest(x, y, z));
  d = smin(6, d, interosseousBorder(x, y, z));
  d = smin(12, d, proximal(x, y, z));
  d = smin(10, d, distal(x, y, z));
  return d;
};

const fibulaNear = bounded(fibulaSdf, [-58, -410, -36], [-12, -8, 6], 4);
const talusNear = bounded(talusSdf, [-30, -425, -35], [30, -370, 45], 4);

export const tibiaSdf: Sdf = (x, y, z) => {
  let d = tibiaRaw(x, y, z);
  if (d > 6) return d;
  if (x < 0 && (y > -70 || y < -320)) d = ssub(1.5, d, fibulaNear(x, y, z) - GAP);
  if (y < -360) d = ssub(1.5, d, talusNear(x, y, z) - GAP);
  return d;
};


export const TIBIA_BOUNDS = { min: [-46, -400, -36] as Vec3, max: [46, 9, 36] as Vec3 };
