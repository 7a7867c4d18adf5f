/**
 * The first ray: metatarsal 1 (with sesamoid grooves and crista), the medial eminence (bunion) as a
 * separate body, the two sesamoids and the hallux phalanges.
 */
import type { Sdf } from '../sdf';
import type { Vec3 } from '../vec';
import { ellipsoid, roundBox, smoothUnion, sphere } from '../sdf';
import { add, cross, normalize, scale } from '../vec';
import { D1_1, GAP, M1, M1_HEAD_R, P1_1 } from './layout';
import { phalanxLocal } from './longbones';
import { clearOf, DEG, frame, inFrame, loft, surfacePoint } from './util';

export const m1Frame = frame(M1.base, M1.dir);
const HZ = M1.length - M1_HEAD_R; // 48.7: head centre along the axis

/** Metatarsal 1 in its own frame, before the sesamoid grooves. */
const m1Local: Sdf = (() => {
  // Kidney-shaped base, tall dorso-plantarly, with the plantar-lateral tubercle (peroneus longus).
  const base = roundBox([0, 0.5, 6], [8.2, 13, 6], 5.2);
  const tubercle = ellipsoid([-3.5, -9.5, 6], [4.5, 4.5, 6.5]);
  const shaft = loft([
    { z: 9, a: 7.2, b: 11, cy: 0 },
    { z: 19, a: 5.8, b: 8, cy: -0.3 },
    { z: 29, a: 5.3, b: 7, cy: -0.5 },
    { z: 39.5, a: 6.95, b: 7.3, cy: -0.4 },
    { z: 46, a: 7.3, b: 7.8, cy: -0.5 },
  ]);
  const head = sphere([0, 0, HZ], M1_HEAD_R);
  // Plantar condyles: the head is deeper than wide on its plantar side.
  const condyles = ellipsoid([0, -3.2, HZ - 2.2], [7.2, 6.4, 6.4]);
  const body = smoothUnion(3, base, tubercle, shaft, condyles, head);
  return (x, y, z) => Math.max(body(x, y, z), -z);
})();

export const m1Raw: Sdf = inFrame(m1Frame, m1Local);
export const M1_HEAD: Vec3 = M1.head;

// ---- sesamoids: under the head, medial one a little larger ----
const mlDir = normalize(cross([0, 1, 0], M1.dir)); // horizontal, medial
const fwd = normalize(cross(mlDir, [0, 1, 0])); // horizontal along the first ray
const sesCentre = (side: number, y: number): Vec3 =>
  add([M1.head[0], y, M1.head[2]], add(scale(mlDir, side), scale(fwd, -2.5)));
const sesUp = normalize(add([0, 1, 0], scale(fwd, Math.tan(12 * DEG))));
const sesAxisX = mlDir;
export const SES_MED_C = sesCentre(5.4, 3.4);
export const SES_LAT_C = sesCentre(-5.2, 3.3);
export const sesMedRaw: Sdf = ellipsoid(SES_MED_C, [4.4, 3.2, 6], sesAxisX, sesUp);
export const sesLatRaw: Sdf = ellipsoid(SES_LAT_C, [3.9, 3.0, 5.2], sesAxisX, sesUp);

/** Metatarsal 1 with the two sesamoid grooves (impressions of the sesamoids, GAP away). */
export const m1: Sdf = clearOf(m1Raw, GAP, 1.2, sesMedRaw, sesLatRaw);

// ---- landmarks of the head ----
const headCentre = M1.head;
// Articular surface faces 5° lateral of the axis (DMAA 5°): its rim in the transverse plane.
const DMAA = 5;
const rot = (a: number): Vec3 => {
  // rotate the axis in the transverse (horizontal) plane by a degrees towards medial
  const c = Math.cos(a * DEG);
  const s = Math.sin(a * DEG);
  return normalize(add(scale(fwd, c), scale(mlDir, s)));
};
const rimMed = rot(90 - DMAA);
const rimLat = rot(-90 - DMAA);
export const ARTICULAR_MEDIAL = add(surfacePoint(m1, headCentre, rimMed), scale(rimMed, -0.3));
export const ARTICULAR_LATERAL = add(surfacePoint(m1, headCentre, rimLat), scale(rimLat, -0.3));

// ---- the medial eminence: a low bump on the medial face of the head, half embedded ----
const emFrom: Vec3 = add(add(headCentre, scale(M1.dir, -2.5)), scale(m1Frame.v, 1.2));
export const EMINENCE_CENTRE = surfacePoint(m1Raw, emFrom, mlDir);
export const eminence: Sdf = ellipsoid(EMINENCE_CENTRE, [4, 5, 7], mlDir, m1Frame.v);

export const SESAMOID_GROOVE: Vec3 = (() => {
  const m = scale(add(SES_MED_C, SES_LAT_C), 0.5);
  const from: Vec3 = [m[0], headCentre[1], m[2]];
  return add(surfacePoint(m1, from, [0, -1, 0]), [0, 0.3, 0]);
})();

// ---- hallux ----
export const p1Frame = frame(P1_1.base, P1_1.dir);
export const p1Raw: Sdf = inFrame(
  p1Frame,
  phalanxLocal(P1_1, M1_HEAD_R, { base: [9.3, 7.2, 4.2], waist: [5.8, 4.6], head: [7.2, 4.9] }),
);
export const p1: Sdf = clearOf(p1Raw, GAP, 0.6, m1Raw);

export const d1Frame = frame(D1_1.base, D1_1.dir);
export const d1Raw: Sdf = inFrame(
  d1Frame,
  phalanxLocal(D1_1, P1_1.headR, {
    base: [7.8, 5.4, 3.4],
    waist: [4.4, 3.2],
    head: [6.2, 3.0],
    distal: true,
  }),
);
export const d1: Sdf = clearOf(d1Raw, GAP, 0.6, p1Raw);
