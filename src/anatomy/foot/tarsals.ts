/**
 * The seven tarsal bones. Each is built from its main masses (lofts, planar hulls, ellipsoids); joint
 * faces are carved from the neighbour's shape GAP away, so facets are congruent (concave against convex).
 */
import type { Sdf } from '../sdf';
import type { Vec3 } from '../vec';
import { capsule, ellipsoid, roundCone, smoothIntersect, smoothUnion } from '../sdf';
import { add, cross, normalize, scale, sub } from '../vec';
import { GAP, M1, M2, M3, M4, M5 } from './layout';
import { m2Raw, m4Raw, m5Raw } from './lesserRays';
import { carve, clearOf, DEG, frame, inFrame, loft } from './util';

const UP: Vec3 = [0, 1, 0];

/** A plane as [point on it, outward normal]. */
type Plane = readonly [Vec3, Vec3];

/** The inside of several planes, edges rounded by a smooth maximum of about k mm (a convex block). */
function hull(k: number, planes: readonly Plane[]): Sdf {
  const ps = planes.map(([p, n]) => {
    const nn = normalize(n);
    return [p[0], p[1], p[2], nn[0], nn[1], nn[2]] as const;
  });
  return (x, y, z) => {
    let d = -Infinity;
    for (const [px, py, pz, nx, ny, nz] of ps) {
      const b = (x - px) * nx + (y - py) * ny + (z - pz) * nz;
      if (d === -Infinity) {
        d = b;
        continue;
      }
      const h = Math.max(0, Math.min(1, 0.5 - (0.5 * (b - d)) / k));
      d = b + (d - b) * h + k * h * (1 - h);
    }
    return d;
  };
}

/** Keeps the inside of extra planes (smoothly, never beyond the hard cut). */
const within = (k: number, f: Sdf, ...planes: Plane[]): Sdf => smoothIntersect(k, f, hull(k, planes));

/** The articular face of a metatarsal base (GAP proximal of it), as a plane facing the metatarsal. */
const mtFace = (r: typeof M1): Plane => [add(r.base, scale(r.dir, -GAP)), r.dir];

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

// ---------------- navicular ----------------
export const NAVICULAR_C: Vec3 = [12, 37.5, 103.5];
export const navicularRaw: Sdf = (() => {
  // Boat-shaped: a flattened disk, long axis down medially, the tuberosity at its medial-plantar end.
  const disk = ellipsoid(NAVICULAR_C, [22, 10, 12], [1, -0.28, 0.12], UP);
  const tuberosity = ellipsoid([31.5, 33.5, 100.5], [6.5, 6.5, 7.5]);
  const f = smoothUnion(4, disk, tuberosity);
  // Convex distal surface: three facets for the cuneiforms, meeting at soft ridges.
  return within(
    1.5,
    f,
    [
      [23, 35, 110.5],
      [0.45, -0.1, 0.89],
    ],
    [
      [8, 38, 111.5],
      [0, 0.05, 1],
    ],
    [
      [-4, 37, 110.5],
      [-0.4, 0.05, 0.92],
    ],
  );
})();
export const navicular: Sdf = clearOf(navicularRaw, GAP, 1, talusRaw);

// ---------------- cuneiforms ----------------
/**
 * A cuneiform lofted along +Z (round, gently convex dorsum) and trimmed by planes: its wedge sides and the
 * metatarsal face. Joint sides reach slightly past the neighbour's face; the neighbour is then carved
 * away GAP clear (clearOf), so the joint lines follow each other at exactly GAP.
 */
function cuneiformLoft(origin: Vec3, stations: Parameters<typeof loft>[0], planes: Plane[], k = 2): Sdf {
  return within(k, inFrame(frame(origin, [0, 0, 1]), loft(stations, 2.2)), ...planes);
}

/** A navicular facet plane (point, normal facing distally) moved `off` mm distally and turned to face it. */
const facingNavicular = (p: Vec3, n: Vec3, off: number): Plane => {
  const nn = normalize(n);
  return [add(p, scale(nn, off)), scale(nn, -1)];
};
const NAV_FACET_MED: Plane = [
  [23, 35, 110.5],
  [0.45, -0.1, 0.89],
];
const NAV_FACET_MID: Plane = [
  [8, 38, 111.5],
  [0, 0.05, 1],
];
const NAV_FACET_LAT: Plane = [
  [-4, 37, 110.5],
  [-0.4, 0.05, 0.92],
];
/** How far the cuneiforms' proximal planes reach past the navicular facets (the carve then leaves GAP). */
const REACH = 1.2;

// Medial: the largest, tall and kidney-shaped from the medial side (M1 base), broad plantarly.
export const CUN_MED_C: Vec3 = [19, 29, 124];
export const cunMedRaw: Sdf = (() => {
  const block = cuneiformLoft(
    [19.5, 31.5, 103],
    [
      { z: 0, a: 11, b: 11.5, cy: -0.5 },
      { z: 10, a: 11, b: 15, cy: -1.5 },
      { z: 22, a: 11, b: 17, cy: -2.5 },
      { z: 44, a: 11, b: 17.5, cy: -3.5 },
    ],
    [
      facingNavicular(...NAV_FACET_MED, REACH),
      mtFace(M1),
      [
        [28.5, 30, 0],
        [1, 0.12, 0],
      ],
      [
        [10.5, 30, 0],
        [-1, 0.1, 0],
      ],
    ],
  );
  // Plantar-medial tubercle (tibialis anterior insertion), giving the bean outline.
  const tubercle = ellipsoid([24.5, 15.5, 129], [4.5, 4.5, 6]);
  return smoothUnion(3, block, tubercle);
})();
export const cuneiformMedial: Sdf = clearOf(cunMedRaw, GAP, 1, navicularRaw, m2Raw);

// Intermediate: the smallest and shortest (the recessed keystone for M2), wide dorsally.
export const CUN_INT_C: Vec3 = [2, 28, 122];
export const cunIntRaw: Sdf = cuneiformLoft(
  [2, 29.5, 104],
  [
    { z: 0, a: 10, b: 12.5, cy: 3.5 },
    { z: 14, a: 10, b: 12, cy: 1.5 },
    { z: 36, a: 10, b: 10.5, cy: -0.5 },
  ],
  [
    facingNavicular(...NAV_FACET_MID, REACH),
    mtFace(M2),
    // Medial side reaching just past the medial cuneiform's lateral face (parallel to it).
    [
      [10.5 + REACH, 30, 0],
      [1, -0.1, 0],
    ],
    [
      [-5.5, 40, 0],
      [-1, -0.3, 0],
    ],
  ],
);
export const cuneiformIntermediate: Sdf = clearOf(cunIntRaw, GAP, 1, navicularRaw, cunMedRaw);

// Lateral: between the two in size, wide dorsally, overhanging the cuboid a little.
export const CUN_LAT_C: Vec3 = [-13.5, 26, 123];
export const cunLatRaw: Sdf = cuneiformLoft(
  [-13.5, 27, 104],
  [
    { z: 0, a: 10.5, b: 12, cy: 3 },
    { z: 16, a: 10.5, b: 11.5, cy: 1 },
    { z: 40, a: 10.5, b: 10.8, cy: -0.5 },
  ],
  [
    facingNavicular(...NAV_FACET_LAT, REACH),
    mtFace(M3),
    // Medial side reaching just past the intermediate's lateral face (parallel to it).
    [
      [-5.5 + REACH, 40, 0],
      [1, 0.3, 0],
    ],
    [
      [-21.5, 37, 0],
      [-1, -0.25, 0],
    ],
  ],
);

// ---------------- cuboid ----------------
export const CUBOID_C: Vec3 = [-31, 20, 102];
export const cuboidRaw: Sdf = (() => {
  // Cube-like: long medial side, short lateral side (wide proximally), dorsum sloping laterally down and
  // gently convex (a large sphere instead of a flat top). The metatarsal faces reach the bases and are then
  // carved GAP clear of them, so the joint lines follow the bases.
  const TOP_R = 70;
  const topN = normalize([-0.3, 1, -0.12]);
  const topC = sub([-30, 33, 102], scale(topN, TOP_R));
  const top: Sdf = (x, y, z) => Math.hypot(x - topC[0], y - topC[1], z - topC[2]) - TOP_R;
  const sides = hull(6.5, [
    [
      [-30, 7.5, 100],
      [0, -1, 0.12],
    ],
    [
      [-20, 20, 100],
      [1, 0, 0.04],
    ],
    [
      [-42, 20, 100],
      [-1, 0, 0.28],
    ],
    [
      [-30, 20, 82],
      [0, 0, -1],
    ],
    [M4.base, M4.dir],
    [M5.base, M5.dir],
  ]);
  const block = smoothIntersect(5, sides, top);
  // Tuberosity: an oblique plantar ridge, proximal to the peroneal groove.
  const tuberosity = capsule([-43, 8, 102], [-24, 6.5, 108], 3.8);
  let f = smoothUnion(2.5, block, tuberosity);
  // Peroneal (peroneus longus) groove: from the lateral border, obliquely forwards and medially under it.
  f = carve(1.5, f, capsule([-52, 8, 106], [-20, 2.5, 121], 3.4));
  return f;
})();
export const cuboid: Sdf = clearOf(cuboidRaw, GAP, 1, calcaneusRaw, navicularRaw, m4Raw, m5Raw);
export const cuneiformLateral: Sdf = clearOf(
  cunLatRaw,
  GAP,
  1,
  navicularRaw,
  cunIntRaw,
  cuboidRaw,
  m2Raw,
  m4Raw,
);
