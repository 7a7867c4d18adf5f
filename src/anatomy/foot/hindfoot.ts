/**
 * The hindfoot's tarsals: the calcaneus and the talus, built from their main masses (lofts, planar
 * hulls, ellipsoids); the talus is carved GAP clear of the calcaneus, so the subtalar facets are
 * congruent (concave against convex).
 */
import type { Sdf } from '../sdf';
import type { Vec3 } from '../vec';
import { capsule, ellipsoid, roundCone, smoothIntersect, smoothUnion } from '../sdf';
import { add, cross, normalize, scale, sub } from '../vec';
import { GAP } from './layout';
import { within } from './plane-hull';
import { carve, clearOf, DEG, loft } from './util';

const UP: Vec3 = [0, 1, 0];

/** A torus about the x axis (centre c, major radius R, tube radius r): a groove following a dome. */
const torusX =
  (c: Vec3, R: number, r: number): Sdf =>
  (x, y, z) =>
    Math.hypot(Math.hypot(y - c[1], z - c[2]) - R, x - c[0]) - r;

// ---------------- calcaneus ----------------
export const calcaneusRaw: Sdf = (() => {
  // Body lofted forwards, drifting laterally and rising to the anterior process (pitch ~20°).
  const body = loft(
    [
      { z: 12, a: 14, b: 15, cx: -1.5, cy: 25 },
      { z: 24, a: 15, b: 16, cx: -3, cy: 24 },
      { z: 38, a: 14, b: 14, cx: -6.5, cy: 25 },
      { z: 52, a: 13, b: 12.5, cx: -12, cy: 26 },
      { z: 66, a: 12.5, b: 11, cx: -19.5, cy: 26 },
      { z: 84, a: 12, b: 9.5, cx: -28, cy: 25.5 },
    ],
    2.6,
  );
  // Tuberosity (the heel): rounded posteriorly, its medial and lateral processes on the ground.
  const tuberosity = ellipsoid([-1.5, 25, 13], [15, 19.5, 13]);
  const processes = smoothUnion(3, ellipsoid([3, 8, 21], [9, 8, 11]), ellipsoid([-8, 8.5, 22], [7, 7, 10]));
  // Posterior talar facet (convex) and the sustentaculum tali (medial shelf under the talar neck).
  const postFacet = ellipsoid([-5, 37, 42], [11, 5.5, 12], [0.94, 0, -0.34], UP);
  // The sustentaculum stands out medially as a shelf (thick at its free medial edge).
  const sustentaculum = smoothUnion(
    2,
    ellipsoid([10, 35.5, 53], [11.5, 4.6, 9.5], [0.96, -0.1, 0.26], UP),
    ellipsoid([19, 34, 55.5], [3.5, 5.5, 8], [0.96, -0.1, 0.26], UP),
  );
  // Lateral wall flaring forwards to the peroneal trochlea; the anterior process rising to the cuboid.
  const peroneal = smoothUnion(
    6,
    ellipsoid([-23, 21, 61], [3.5, 4.5, 8]),
    ellipsoid([-21, 23, 58], [7, 9.5, 20], [0.94, 0, 0.34], UP),
    ellipsoid([-30, 27, 74], [6, 7, 9]),
  );
  let f = smoothUnion(5, body, tuberosity, processes);
  f = smoothUnion(3.5, f, postFacet);
  f = smoothUnion(2.5, f, sustentaculum, peroneal);
  // Flexor hallucis longus groove under the sustentaculum.
  f = carve(2, f, capsule([14, 28, 40], [16, 29.5, 66], 3.2));
  // Sinus tarsi / calcaneal sulcus between the posterior facet and the sustentaculum.
  f = carve(2.5, f, capsule([-32, 43, 63], [3, 41, 52], 4));
  // Superior border behind the talus: a gentle saddle down to the Achilles insertion.
  f = carve(4, f, ellipsoid([-2, 52, 20], [20, 9, 10]));
  // Plantar surface rising forwards from the processes (calcaneal pitch 20°).
  const s = Math.sin(20 * DEG);
  const c = Math.cos(20 * DEG);
  f = smoothIntersect(3, f, (x, y, z) => -y * c + (z - 24) * s);
  // Saddle-shaped cuboid facet: convex side to side, concave up and down.
  f = smoothIntersect(2, f, (x, y, z) => Math.hypot(x + 28, z - 24) - 61);
  return carve(2, f, (x, y, z) => Math.hypot(y - 25, z - 114) - 31);
})();

// ---------------- talus ----------------
const neckA: Vec3 = [6, 47, 61];
const neckB: Vec3 = [11, 44.5, 75];
export const TALUS_HEAD: Vec3 = [14, 42, 83];
const headAxis = normalize(sub(TALUS_HEAD, neckA));
const headU0 = normalize(cross(UP, headAxis));
const headV0 = cross(headAxis, headU0);
const tilt = 30 * DEG;
const headU = add(scale(headU0, Math.cos(tilt)), scale(headV0, -Math.sin(tilt)));
const headV = cross(headAxis, headU);
export const talusHeadRaw: Sdf = ellipsoid(TALUS_HEAD, [15, 11, 11], headU, headV);
export const talusRaw: Sdf = (() => {
  // Trochlea: a section of a cylinder about the transverse axis (convex front to back, radius ~29 mm),
  // wider in front, its anterior and posterior ends rolled off by an enclosing ellipsoid (no flat cuts).
  // The body is D-shaped from the side: the dome above, the subtalar facet (carved by the calcaneus) below.
  const DOME_C: Vec3 = [2.5, 33, 44];
  const DOME_R = 29;
  const cylinder: Sdf = (x, y, z) => Math.hypot(y - DOME_C[1], z - DOME_C[2]) - DOME_R;
  const envelope = ellipsoid([2, 40, 44], [15.5, 22, 22.5]);
  const trochlea = within(
    4,
    smoothIntersect(5, cylinder, envelope),
    [
      [15, 0, 45],
      [1, 0, -0.14],
    ],
    [
      [-11, 0, 45],
      [-1, 0, -0.1],
    ],
    [
      [0, 34, 0],
      [0, -1, 0],
    ],
  );
  // Central groove of the trochlea following the dome, 1 mm deep.
  const dome = carve(2.5, trochlea, torusX(DOME_C, DOME_R + 5 - 1.1, 5));
  const lower = ellipsoid([2, 39, 44], [12.5, 6, 17]);
  const lateralProcess = ellipsoid([-12, 38, 47], [4.5, 6, 7], [0.9, -0.44, 0], UP);
  const posterior = smoothUnion(
    1.5,
    ellipsoid([-3, 41, 23], [5, 4, 4.5]),
    ellipsoid([6.5, 40, 25], [3.2, 3.2, 3.5]),
  );
  const neck = roundCone(neckA, neckB, 8.5, 8);
  const body = smoothUnion(3, dome, lower, lateralProcess);
  return smoothUnion(3, body, posterior, neck, talusHeadRaw);
})();
export const talus: Sdf = clearOf(talusRaw, GAP, 1, calcaneusRaw);
