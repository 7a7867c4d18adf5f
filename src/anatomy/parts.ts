import type { Region } from './types';

/** Every mesh of the foot model, in display order. `eminence` is the bunion, a part of metatarsal 1. */
export const FOOT_PARTS = [
  'calcaneus',
  'talus',
  'navicular',
  'cuboid',
  'cuneiformMedial',
  'cuneiformIntermediate',
  'cuneiformLateral',
  'metatarsal1',
  'metatarsal2',
  'metatarsal3',
  'metatarsal4',
  'metatarsal5',
  'proximalPhalanx1',
  'proximalPhalanx2',
  'proximalPhalanx3',
  'proximalPhalanx4',
  'proximalPhalanx5',
  'middlePhalanx2',
  'middlePhalanx3',
  'middlePhalanx4',
  'middlePhalanx5',
  'distalPhalanx1',
  'distalPhalanx2',
  'distalPhalanx3',
  'distalPhalanx4',
  'distalPhalanx5',
  'sesamoidMedial',
  'sesamoidLateral',
  'eminence',
  'skinFoot',
] as const;

/** Every mesh of the lower-limb (knee) model. */
export const KNEE_PARTS = ['femur', 'patella', 'tibia', 'fibula', 'talus', 'skinKnee'] as const;

export type FootPart = (typeof FOOT_PARTS)[number];
export type KneePart = (typeof KNEE_PARTS)[number];
export type PartId = FootPart | KneePart;

/** The skin of each region: soft tissue, drawn translucent, never cut or worked on by a tool. */
export const SOFT_PARTS: ReadonlySet<string> = new Set(['skinFoot', 'skinKnee']);

export const REGION_PARTS: Record<Region, readonly PartId[]> = { foot: FOOT_PARTS, knee: KNEE_PARTS };
