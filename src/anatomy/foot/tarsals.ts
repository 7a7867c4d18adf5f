/** The seven tarsal bones. Joint faces are carved from the neighbour's shape, GAP away. */
import type { Sdf, Vec3 } from '../sdf';
import { capsule, cross, ellipsoid, normalize, roundBox, roundCone, scale, add, smoothIntersect, smoothUnion, sub } from '../sdf';
import { GAP, M1, M2, M3, M4, M5 } from './layout';
import { m2Raw } from './lesserRays';
import { carve, clearOf, cutPlane, dirFrom } from './util';

const UP: Vec3 = [0, 1, 0];
/** Horizontal unit vector perpendicular to a direction, pointing medially. */
const medialOf = (w: Vec3): Vec3 => normalize(cross(UP, w));

// ---------------- calcaneus ----------------
const calcAxis = dirFrom(-20, 0);
const calcU = medialOf(calcAxis);
export const calcaneusRaw: Sdf = (() => {
  const tuberosity = ellipsoid([0, 25, 15], [14, 21, 15]);
  const processes = ellipsoid([0.5, 9, 21], [15.5, 9, 13]);
  const body = roundBox([-10, 25, 47], [12.5, 14, 22], 6, calcU, UP);
  const anterior = roundBox([-26, 30, 72], [10.5, 10, 9], 4, calcU, UP);
  const postFacet = ellipsoid([-5, 39, 40], [11, 5, 11]);
  const sustentaculum = ellipsoid([12, 36, 50], [8.5, 4, 9]);
  let f = smoothUnion(5, tuberosity, processes, body, anterior, postFacet);
  f = smoothUnion(3, f, sustentaculum);
  // Sinus tarsi / calcaneal sulcus between the posterior facet and the sustentaculum.
  f = carve(2, f, capsule([-26, 42, 60], [6, 41.5, 49], 4));
  // Plantar surface rising forwards (calcaneal pitch 20°) from the tuberosity processes.
  const s = Math.sin(20 * (Math.PI / 180));
  const c = Math.cos(20 * (Math.PI / 180));
  return smoothIntersect(3, f, (x, y, z) => -y * c + (z - 22) * s);
})();

// ---------------- talus ----------------
const neckA: Vec3 = [6, 49, 60];
const neckB: Vec3 = [13, 43, 82];
export const TALUS_HEAD: Vec3 = [14, 41, 87];
const headAxis = normalize(sub(TALUS_HEAD, neckA));
const headU0 = normalize(cross(UP, headAxis));
const headV0 = cross(headAxis, headU0);
const tilt = 30 * (Math.PI / 180);
const headU = add(scale(headU0, Math.cos(tilt)), scale(headV0, -Math.sin(tilt)));
const headV = cross(headAxis, headU);
export const talusHeadRaw: Sdf = ellipsoid(TALUS_HEAD, [15, 11, 12], headU, headV);
export const talusRaw: Sdf = (() => {
  const body = ellipsoid([3, 47, 45], [14, 15.5, 19]);
  const posterior = ellipsoid([1, 44, 27], [6, 5, 6]);
  const lateral = ellipsoid([-10, 41, 45], [4, 8, 8]);
  const neck = roundCone(neckA, neckB, 10, 9);
  return smoothUnion(3, body, posterior, lateral, neck, talusHeadRaw);
})();
export const talus: Sdf = clearOf(talusRaw, GAP, 1, calcaneusRaw);

// ---------------- navicular ----------------
export const NAVICULAR_C: Vec3 = [13, 40, 107];
export const navicularRaw: Sdf = smoothUnion(
  3,
  ellipsoid(NAVICULAR_C, [19, 11, 8.5], [1, -0.3, 0.12], UP),
  ellipsoid([31, 35, 105], [6, 6.5, 7]),
);
export const navicular: Sdf = clearOf(navicularRaw, GAP, 1, talusRaw);

// ---------------- cuneiforms ----------------
const face = (r: typeof M1): Vec3 => add(r.base, scale(r.dir, -GAP));
const m1u = medialOf(M1.dir);
export const CUN_MED_C: Vec3 = [18.3, 30, 129.5];
export const cunMedRaw: Sdf = cutPlane(roundBox(CUN_MED_C, [8.5, 14, 13], 3.5, m1u, UP), face(M1), M1.dir);
export const cuneiformMedial: Sdf = clearOf(cunMedRaw, GAP, 1, navicularRaw, m2Raw);

export const CUN_INT_C: Vec3 = [2, 27, 127];
export const cunIntRaw: Sdf = cutPlane(roundBox(CUN_INT_C, [6.3, 10.5, 9.5], 3), face(M2), M2.dir);
export const cuneiformIntermediate: Sdf = clearOf(cunIntRaw, GAP, 1, navicularRaw, cunMedRaw);

export const CUN_LAT_C: Vec3 = [-11.8, 24, 128.5];
export const cunLatRaw: Sdf = cutPlane(roundBox(CUN_LAT_C, [6.5, 10, 10.5], 3), face(M3), M3.dir);

// ---------------- cuboid ----------------
const cubW = dirFrom(-14, -20);
const cubU = medialOf(cubW);
const cubV = cross(cubW, cubU);
export const CUBOID_C: Vec3 = [-31, 22, 102];
export const cuboidRaw: Sdf = cutPlane(
  cutPlane(roundBox(CUBOID_C, [11.5, 10, 22], 4, cubU, cubV), face(M4), M4.dir),
  face(M5),
  M5.dir,
);
export const cuboid: Sdf = clearOf(cuboidRaw, GAP, 1, calcaneusRaw, navicularRaw);
export const cuneiformLateral: Sdf = clearOf(cunLatRaw, GAP, 1, navicularRaw, cunIntRaw, cuboidRaw, m2Raw);
