import type { BoneDef } from '../types';
import { roundCone, smoothUnion, sphere } from '../sdf';

export const FOOT_BONES: readonly BoneDef[] = [
  {
    id: 'metatarsal1',
    sdf: smoothUnion(3, roundCone([20, 22, 140], [24, 12, 195], 8, 6), sphere([24, 12, 195], 8)),
    bounds: { min: [8, 0, 128], max: [36, 34, 206] },
    maxTriangles: 6000,
    edge: 0.9,
    landmarks: { base: [20, 22, 134], head: [24, 12, 195] },
  },
];
