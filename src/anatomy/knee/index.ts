/**
 * The right lower limb (femur, patella, tibia, fibula, talus) and the knee's soft-tissue envelope.
 * Region frame: +X medial, +Y up, +Z anterior, knee joint centre at the origin, mm.
 */
import type { Vec3 } from '../vec';
import type { BoneDef } from '../types';
import { FEMUR_BOUNDS, femurSdf, HIP_CENTRE } from './femur';
import { FIBULA_BOUNDS, FIBULA_HEAD, fibulaSdf } from './fibula';
import { PATELLA_BOUNDS, PATELLA_CENTRE, patellaSdf } from './patella';
import { extremeY, round2, surfaceAlong } from './prims';
import { SKIN_BOUNDS, skinSdf } from './skin';
import { ANKLE_CENTRE, TALUS_BOUNDS, talusSdf } from './talus';
import { TIBIA_BOUNDS, tibiaSdf } from './tibia';

const KNEE_CENTRE: Vec3 = [0, 0, 0];

const femurLandmarks = {
  hipCentre: HIP_CENTRE,
  kneeCentre: KNEE_CENTRE,
  condyleMedial: round2(extremeY(femurSdf, 14, 34, -16, 12, -10, -1)),
  condyleLateral: round2(extremeY(femurSdf, -36, -14, -16, 12, -10, -1)),
  trochanterTip: round2(extremeY(femurSdf, -74, -52, -24, 4, 460, 1)),
  centre: [-22, 200, 3] as Vec3,
};

// Plateau rim points on the line through the two plateau centres (z = −2), 2 mm inside the edges.
const tibiaLandmarks = {
  kneeCentre: KNEE_CENTRE,
  plateauMedial: round2(surfaceAlong(tibiaSdf, [38, 20, -2], [0, -1, 0], 40, 0.25)),
  plateauLateral: round2(surfaceAlong(tibiaSdf, [-37.5, 20, -2], [0, -1, 0], 40, 0.25)),
  tuberosity: round2(surfaceAlong(tibiaSdf, [-5, -34, 60], [0, 0, -1], 60, 0.25)),
  plafondCentre: round2(surfaceAlong(tibiaSdf, [1, -383.5, 0], [0, 1, 0], 20, 0.1)),
  medialMalleolus: round2(extremeY(tibiaSdf, 12, 28, -8, 14, -410, -1)),
  centre: [1.5, -200, 0] as Vec3,
};

const fibulaLandmarks = {
  head: FIBULA_HEAD,
  lateralMalleolus: round2(extremeY(fibulaSdf, -38, -20, -22, 4, -420, -1)),
  centre: [-32, -230, -13] as Vec3,
};

export const KNEE_BONES: readonly BoneDef[] = [
  {
    id: 'femur',
    sdf: femurSdf,
    bounds: FEMUR_BOUNDS,
    maxTriangles: 15000,
    edge: 1.8,
    landmarks: femurLandmarks,
  },
  {
    id: 'patella',
    sdf: patellaSdf,
    bounds: PATELLA_BOUNDS,
    maxTriangles: 3000,
    edge: 1.2,
    landmarks: { centre: PATELLA_CENTRE },
  },
  {
    id: 'tibia',
    sdf: tibiaSdf,
    bounds: TIBIA_BOUNDS,
    maxTriangles: 15000,
    edge: 1.8,
    landmarks: tibiaLandmarks,
  },
  {
    id: 'fibula',
    sdf: fibulaSdf,
    bounds: FIBULA_BOUNDS,
    maxTriangles: 4000,
    edge: 1.5,
    landmarks: fibulaLandmarks,
  },
  {
    id: 'talus',
    sdf: talusSdf,
    bounds: TALUS_BOUNDS,
    maxTriangles: 4000,
    edge: 1.2,
    landmarks: { ankleCentre: ANKLE_CENTRE, centre: [2, -402, 2] },
  },
  {
    id: 'skinKnee',
    sdf: skinSdf,
    bounds: SKIN_BOUNDS,
    maxTriangles: 8000,
    edge: 3.5,
    landmarks: { centre: [0, 0, 0] },
    soft: true,
  },
];
