/**
 * The bones of an adult man's right foot as signed distance functions.
 * Region frame: +X medial, +Y up (sole on y = 0), +Z anterior (heel at z = 0), mm.
 */
import type { BoneDef } from '../types';
import type { Sdf, Vec3 } from '../sdf';
import { FOOT_PARTS, type FootPart } from '../parts';
import { D1_1, M1, M2, M3, M4, M5, P1_1, TOE2, TOE3, TOE4, TOE5, type Ray } from './layout';
import {
  ARTICULAR_LATERAL,
  ARTICULAR_MEDIAL,
  d1,
  EMINENCE_CENTRE,
  eminence,
  m1,
  p1,
  SES_LAT_C,
  SES_MED_C,
  SESAMOID_GROOVE,
  sesLatRaw,
  sesMedRaw,
} from './firstRay';
import { m2Raw, m3Raw, m4Raw, m5Raw, toe2, toe3, toe4, toe5 } from './lesserRays';
import {
  calcaneusRaw,
  CUBOID_C,
  cuboid,
  CUN_INT_C,
  CUN_LAT_C,
  CUN_MED_C,
  cuneiformIntermediate,
  cuneiformLateral,
  cuneiformMedial,
  NAVICULAR_C,
  navicular,
  talus,
} from './tarsals';
import { skinFoot } from './skin';
import { autoBounds, boxAround } from './util';

interface Spec {
  readonly sdf: Sdf;
  readonly search: { min: Vec3; max: Vec3 };
  readonly edge: number;
  readonly maxTriangles: number;
  readonly landmarks: Record<string, Vec3>;
  readonly soft?: boolean;
}

const longBone = (r: Ray, sdf: Sdf, edge: number, maxTriangles: number, pad = 12): Spec => ({
  sdf,
  search: boxAround([r.base, r.head], pad + r.headR),
  edge,
  maxTriangles,
  landmarks: { base: r.base, head: r.head },
});

const tarsal = (sdf: Sdf, centre: Vec3, min: Vec3, max: Vec3, edge = 1.0, maxTriangles = 3500): Spec => ({
  sdf,
  search: { min, max },
  edge,
  maxTriangles,
  landmarks: { centre },
});

const SPECS: Record<FootPart, Spec> = {
  calcaneus: tarsal(calcaneusRaw, [-8, 25, 40], [-45, -2, -3], [30, 52, 86], 1.1, 4000),
  talus: tarsal(talus, [4, 47, 50], [-20, 25, 15], [35, 68, 105], 1.0, 4000),
  navicular: tarsal(navicular, NAVICULAR_C, [-12, 22, 92], [42, 58, 122], 0.9),
  cuboid: tarsal(cuboid, CUBOID_C, [-50, 2, 76], [-10, 44, 130], 0.9),
  cuneiformMedial: tarsal(cuneiformMedial, CUN_MED_C, [4, 10, 110], [34, 50, 148], 0.9),
  cuneiformIntermediate: tarsal(cuneiformIntermediate, CUN_INT_C, [-8, 12, 112], [12, 42, 142], 0.8, 2500),
  cuneiformLateral: tarsal(cuneiformLateral, CUN_LAT_C, [-24, 10, 112], [0, 40, 144], 0.8, 2500),
  metatarsal1: {
    ...longBone(M1, m1, 0.6, 9000),
    landmarks: {
      base: M1.base,
      head: M1.head,
      articularMedial: ARTICULAR_MEDIAL,
      articularLateral: ARTICULAR_LATERAL,
      eminence: EMINENCE_CENTRE,
      sesamoidGroove: SESAMOID_GROOVE,
    },
  },
  metatarsal2: longBone(M2, m2Raw, 0.7, 3500),
  metatarsal3: longBone(M3, m3Raw, 0.7, 3500),
  metatarsal4: longBone(M4, m4Raw, 0.7, 3500),
  metatarsal5: longBone(M5, m5Raw, 0.7, 3500, 16),
  proximalPhalanx1: longBone(P1_1, p1, 0.55, 5000),
  proximalPhalanx2: longBone(TOE2.prox, toe2.prox, 0.6, 2500),
  proximalPhalanx3: longBone(TOE3.prox, toe3.prox, 0.6, 2500),
  proximalPhalanx4: longBone(TOE4.prox, toe4.prox, 0.6, 2500),
  proximalPhalanx5: longBone(TOE5.prox, toe5.prox, 0.6, 2500),
  middlePhalanx2: longBone(TOE2.midd, toe2.midd, 0.5, 2000, 8),
  middlePhalanx3: longBone(TOE3.midd, toe3.midd, 0.5, 2000, 8),
  middlePhalanx4: longBone(TOE4.midd, toe4.midd, 0.5, 2000, 8),
  middlePhalanx5: longBone(TOE5.midd, toe5.midd, 0.5, 1800, 8),
  distalPhalanx1: longBone(D1_1, d1, 0.55, 3000),
  distalPhalanx2: longBone(TOE2.dist, toe2.dist, 0.5, 1800, 8),
  distalPhalanx3: longBone(TOE3.dist, toe3.dist, 0.5, 1800, 8),
  distalPhalanx4: longBone(TOE4.dist, toe4.dist, 0.5, 1800, 8),
  distalPhalanx5: longBone(TOE5.dist, toe5.dist, 0.5, 1600, 8),
  sesamoidMedial: tarsal(sesMedRaw, SES_MED_C, [SES_MED_C[0] - 9, -3, SES_MED_C[2] - 9], [SES_MED_C[0] + 9, 10, SES_MED_C[2] + 9], 0.45, 1500),
  sesamoidLateral: tarsal(sesLatRaw, SES_LAT_C, [SES_LAT_C[0] - 9, -3, SES_LAT_C[2] - 9], [SES_LAT_C[0] + 9, 10, SES_LAT_C[2] + 9], 0.45, 1500),
  eminence: tarsal(eminence, EMINENCE_CENTRE, [EMINENCE_CENTRE[0] - 10, EMINENCE_CENTRE[1] - 10, EMINENCE_CENTRE[2] - 10], [EMINENCE_CENTRE[0] + 10, EMINENCE_CENTRE[1] + 10, EMINENCE_CENTRE[2] + 10], 0.5, 1500),
  skinFoot: {
    sdf: skinFoot,
    search: { min: [-85, -25, 110], max: [60, 50, 275] },
    edge: 2.5,
    maxTriangles: 8000,
    landmarks: { centre: [-10, 10, 195] },
    soft: true,
  },
};

export const FOOT_BONES: readonly BoneDef[] = FOOT_PARTS.map((id) => {
  const s = SPECS[id];
  return {
    id,
    sdf: s.sdf,
    bounds: autoBounds(s.sdf, s.search, 3.5, s.soft ? 2.5 : 1.2),
    maxTriangles: s.maxTriangles,
    edge: s.edge,
    landmarks: s.landmarks,
    ...(s.soft ? { soft: true } : {}),
  };
});
