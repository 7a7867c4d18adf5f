/**
 * Right femur. Region frame: +X medial, +Y up, +Z anterior, knee joint centre at the origin,
 * femoral head centre (hip centre) at (0, 435, 0), mechanical axis vertical.
 */
import { capsule, ellipsoid, roundBox, roundCone, sphere, type Sdf } from '../sdf';
import { normalize, type Vec3 } from '../vec';
import { bounded, domedCondyle, smin, ssub, tube } from './prims';

export const HIP_CENTRE: Vec3 = [0, 435, 0];
export const HEAD_RADIUS = 23.8;

/** Tilt of the distal joint line: the medial condyle lies 2.3 mm lower than the lateral (mLDFA 87°). */
const MED_LOW = 0.35;
const LAT_LOW = 2.65;

// Neck axis: 127° to the shaft, 12° anteversion; points from the neck base towards the head.
const NECK_DIR = normalize([0.715, 0.682, 0.152]);
const NECK_BASE: Vec3 = [-41.5, 395.4, -8.8];

const head = sphere(HIP_CENTRE, HEAD_RADIUS);
const neckShape: Sdf = (() => {
  const mid: Vec3 = [
    (HIP_CENTRE[0] + NECK_BASE[0]) / 2,
    (HIP_CENTRE[1] + NECK_BASE[1]) / 2,
    (HIP_CENTRE[2] + NECK_BASE[2]) / 2,
  ];
  // Narrow waist (flattened antero-posteriorly), flaring at the base.
  const waist = ellipsoid(mid, [34, 16.5, 13.5], NECK_DIR, [0, 1, 0]);
  const base = ellipsoid(NECK_BASE, [16, 22, 17], NECK_DIR, [0, 1, 0]);
  return (x, y, z) => smin(8, waist(x, y, z), base(x, y, z));
})();

const greaterTrochanter: Sdf = (() => {
  const body = ellipsoid([-59, 396, -9], [12.5, 30, 17]);
  const tip = ellipsoid([-64, 417, -12], [9, 11, 11]);
  return (x, y, z) => smin(6, body(x, y, z), tip(x, y, z));
})();

const lesserTrochanter = ellipsoid([-25, 352, -20], [9, 10, 8], normalize([0.5, 0, -0.85]), [0, 1, 0]);
const interTrochantericCrest = capsule([-56, 395, -21], [-28, 355, -19], 5);

const shaft = tube(
  [
    [-41, 402, -7],
    [-36, 345, -4],
    [-27, 250, 2],
    [-17, 150, 4],
    [-9, 90, 2],
    [-4, 55, 0],
  ],
  [17.5, 16, 14.5, 14.5, 17, 22],
);
// Linea aspera: a low posterior ridge along the middle of the shaft.
const lineaAspera = capsule([-33, 320, -16], [-15, 120, -11], 4);

const proximal: Sdf = bounded(
  (x, y, z) => {
    let d = head(x, y, z);
    d = smin(6, d, neckShape(x, y, z));
    d = smin(12, d, greaterTrochanter(x, y, z));
    d = smin(5, d, interTrochantericCrest(x, y, z));
    d = smin(5, d, lesserTrochanter(x, y, z));
    return d;
  },
  [-80, 330, -40],
  [26, 462, 28],
  12,
);

// ---- distal femur ----
// Condyles: sagittal ellipses extruded medio-laterally with domed side faces.
// Each condyle's sagittal plane turns outwards posteriorly (the condyles diverge behind the notch).
const DIVERGE = 0.16;
const medialCondyleBlock = domedCondyle([0, MED_LOW + 24, -3], 24, 27, 9.5, 37, 7, 3);
const lateralCondyleBlock = domedCondyle([0, LAT_LOW + 23, -2], 23, 28, -39.5, -9.5, 7, 3);
const medialCondyle: Sdf = (x, y, z) => medialCondyleBlock(x + DIVERGE * (z + 3), y, z);
const lateralCondyle: Sdf = (x, y, z) => lateralCondyleBlock(x - DIVERGE * (z + 2), y, z);
// Patellar surface: lateral and medial ridges (lateral higher and more prominent), a groove between.
const lateralRidge = roundCone([-19, 62, 19], [-23, 26, 17], 12, 18);
const medialRidge = roundCone([13, 56, 18], [21, 26, 15], 11, 16);
const grooveFill = roundCone([-2, 68, 9], [0, 28, 9], 14, 18);
// Trochlear groove: a shallow V between the facets, running down into the intercondylar notch.
const trochlearGroove = roundCone([-2.5, 72, 34], [0, 22, 33.5], 7, 8);
const metaphysis = ellipsoid([-3, 55, 0], [34, 34, 20]);
const medialEpicondyle = sphere([35, 30, -5], 8);
const lateralEpicondyle = sphere([-35.5, 29, -4], 7.5);
const adductorTubercle = sphere([31, 47, -9], 4.5);
// Intercondylar notch: opens distally and posteriorly, roof slanting up posteriorly (Blumensaat).
const notch = roundBox([0.5, 6, -22], [10, 24, 26], 7, [1, 0, 0], normalize([0, 1, 0.5]));

const distal: Sdf = bounded(
  (x, y, z) => {
    let d = smin(5, medialCondyle(x, y, z), lateralCondyle(x, y, z));
    d = smin(8, d, lateralRidge(x, y, z));
    d = smin(8, d, medialRidge(x, y, z));
    d = smin(10, d, grooveFill(x, y, z));
    d = smin(12, d, metaphysis(x, y, z));
    d = smin(6, d, medialEpicondyle(x, y, z));
    d = smin(6, d, lateralEpicondyle(x, y, z));
    d = smin(8, d, adductorTubercle(x, y, z));
    d = ssub(6, d, trochlearGroove(x, y, z));
    d = ssub(3, d, notch(x, y, z));
    return d;
  },
  [-46, -2, -36],
  [46, 92, 40],
  16,
);

export const femurSdf: Sdf = (x, y, z) => {
  let d = shaft(x, y, z);
  d = smin(6, d, lineaAspera(x, y, z));
  d = smin(10, d, proximal(x, y, z));
  d = smin(14, d, distal(x, y, z));
  return d;
};

export const FEMUR_BOUNDS = { min: [-80, -3, -34] as Vec3, max: [48, 462, 39] as Vec3 };
