/**
 * The midfoot's tarsals: the navicular, the three cuneiforms and the cuboid. Each is built from its
 * main masses (lofts, planar hulls, ellipsoids); joint faces are carved from the neighbour's shape GAP
 * away, so facets are congruent (concave against convex).
 */
import type { Sdf } from '../sdf';
import type { Vec3 } from '../vec';
import { capsule, ellipsoid, smoothIntersect, smoothUnion } from '../sdf';
import { add, normalize, scale, sub } from '../vec';
import { calcaneusRaw, talusRaw } from './hindfoot';
import { GAP, M1, M2, M3, M4, M5 } from './layout';
import { m2Raw, m4Raw, m5Raw } from './lesserRays';
import { hull, within, type Plane } from './plane-hull';
import { carve, clearOf, frame, inFrame, loft } from './util';

const UP: Vec3 = [0, 1, 0];

/** The articular face of a metatarsal base (GAP proximal of it), as a plane facing the metatarsal. */
const mtFace = (r: typeof M1): Plane => [add(r.base, scale(r.dir, -GAP)), r.dir];

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
