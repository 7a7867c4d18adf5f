/**
 * Right tibia. Plateau at the joint line (y ≈ −1.5, tilted 3° medial-down for mMPTA 87°, 7° posterior
 * slope), mechanical axis vertical down to the ankle centre (0, −385, 0). Kept clear of the fibula
 * (proximal and distal tibiofibular joints) and of the talus (plafond, medial malleolus).
 */
import { capsule, ellipsoid, roundCone, type Sdf } from '../sdf';
import { type Vec3 } from '../vec';
import { bounded, ellipse2, ellipticCylinder, smax, smin, ssub, tube } from './prims';
import { fibulaSdf } from './fibula';
import { talusSdf } from './talus';

const GAP = 1.7;
/** Plateau height at (x, z): 3° lower medially (mMPTA 87°), 7° posterior slope, pivot at z = −2. */
export const plateauY = (x: number, z: number): number => -0.9 - 0.0524 * x + 0.1228 * (z + 2);

/**
 * Cross-section of the condyles at the joint (x, z): an oval, larger medial condyle, a rounder,
 * smaller lateral one, a flatter anterior border and the posterior intercondylar notch between them.
 */
function plateauOutline(x: number, z: number): number {
  const med = ellipse2(x - 19.5, z + 3, 20, 26);
  const lat = ellipse2(x + 19.5, z + 4, 19.5, 20.5);
  const ant = ellipse2(x + 0.5, z - 4, 28, 17);
  let d = smin(10, med, lat);
  d = smin(10, d, ant);
  // Posterior intercondylar notch (PCL fossa).
  d = ssub(6, d, Math.hypot(x - 1, z + 33) - 8);
  return d;
}
/** Cross-section of the proximal shaft: rounded triangle, crest anterior, flat posterior face. */
function shaftOutline(x: number, z: number): number {
  const body = ellipse2(x - 1, z - 0.5, 14.5, 13);
  const crest = ellipse2(x + 1, z - 9, 6, 7);
  return smin(6, body, crest);
}
/** Height below the plateau where the metaphyseal funnel begins and ends. */
const FUNNEL_TOP = -9;
const FUNNEL_BOTTOM = -88;
const EASE = 0.15;

/** Proximal tibia body: the condylar outline lofted down into the shaft like a trumpet bell. */
const condylarBody: Sdf = (x, y, z) => {
  // Eased start (C1) so the condylar margin turns smoothly into the funnel.
  const r = Math.max((FUNNEL_TOP - y) / (FUNNEL_TOP - FUNNEL_BOTTOM), 0);
  const s = Math.min(r < EASE ? (r * r) / (2 * EASE) : r - EASE / 2, 1);
  // Fast narrowing just under the overhanging condyles, then a slow taper (concave profile).
  const t = 1 - Math.pow(1 - s, 2.4);
  const dp = plateauOutline(x, z);
  const ds = shaftOutline(x, z);
  let d = dp + (ds - dp) * t;
  // Plateau surface: medial dish, lateral plateau gently convex; rims rounded.
  const rm = ((x - 20) / 14) ** 2 + ((z + 3) / 18) ** 2;
  const rl = ((x + 20) / 15) ** 2 + ((z + 3) / 16) ** 2;
  const dish = rm < 1 ? 1.6 * (1 - rm) ** 2 : 0;
  const dome = rl < 1 ? 0.5 * (1 - rl) ** 2 : 0;
  const top = (y - (plateauY(x, z) - dish + dome)) * 0.99;
  d = smax(8, d, top);
  const bottom = FUNNEL_BOTTOM - 12 - y;
  return smax(4, d, bottom);
};

// Intercondylar eminence: a low ridge with the medial and lateral tibial spines.
const eminence = ellipsoid([0, -3.5, -2], [9, 5, 14]);
const medialSpine = roundCone([6, -6, -1], [4.5, 5, -1.5], 5, 1.8);
const lateralSpine = roundCone([-6, -6, -3], [-4.5, 4.2, -3.5], 5, 1.8);
// Tibial tuberosity (patellar ligament insertion), a little lateral, 25–40 mm below the joint.
const tuberosity = ellipsoid([-4, -34, 19.5], [10.5, 11.5, 7.5]);
const tuberosityTop = ellipsoid([-3.5, -25.5, 17], [10, 5, 5]);
// Gerdy's tubercle (iliotibial band) anterolaterally on the lateral condyle.
const gerdy = ellipsoid([-29, -15, 9], [6, 6, 6.5]);
// Posterolateral boss under the lateral condyle that carries the fibular facet.
const fibularBoss = ellipsoid([-29, -21, -15], [7, 6, 7]);
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
    [-3.5, -46, 20],
    [-0.5, -120, 16],
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
    let d = condylarBody(x, y, z);
    d = smin(3, d, eminence(x, y, z));
    d = smin(3, d, medialSpine(x, y, z));
    d = smin(3, d, lateralSpine(x, y, z));
    d = smin(8, d, tuberosity(x, y, z));
    d = smin(6, d, tuberosityTop(x, y, z));
    d = smin(5, d, gerdy(x, y, z));
    d = smin(6, d, fibularBoss(x, y, z));
    return d;
  },
  [-42, -112, -36],
  [43, 8, 32],
  10,
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
