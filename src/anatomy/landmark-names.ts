import type { FootPart, KneePart } from './parts';
import type { Region } from './types';

/** A long bone's ends: where its shaft starts and where its head (or the far end) is. */
const ENDS = ['base', 'head'] as const;
/** A short bone, or the skin: one point at its middle. */
const CENTRE = ['centre'] as const;

/**
 * The named points of each part of a region, as the bones define them and the model generator
 * writes them to models/landmarks.json (a test compares the two): what a procedure may name in a
 * fragment's `holds` or a tool's station.
 */
export const LANDMARK_NAMES = {
  foot: {
    calcaneus: CENTRE,
    talus: CENTRE,
    navicular: CENTRE,
    cuboid: CENTRE,
    cuneiformMedial: CENTRE,
    cuneiformIntermediate: CENTRE,
    cuneiformLateral: CENTRE,
    metatarsal1: [...ENDS, 'articularMedial', 'articularLateral', 'eminence', 'sesamoidGroove'],
    metatarsal2: ENDS,
    metatarsal3: ENDS,
    metatarsal4: ENDS,
    metatarsal5: ENDS,
    proximalPhalanx1: ENDS,
    proximalPhalanx2: ENDS,
    proximalPhalanx3: ENDS,
    proximalPhalanx4: ENDS,
    proximalPhalanx5: ENDS,
    middlePhalanx2: ENDS,
    middlePhalanx3: ENDS,
    middlePhalanx4: ENDS,
    middlePhalanx5: ENDS,
    distalPhalanx1: ENDS,
    distalPhalanx2: ENDS,
    distalPhalanx3: ENDS,
    distalPhalanx4: ENDS,
    distalPhalanx5: ENDS,
    sesamoidMedial: CENTRE,
    sesamoidLateral: CENTRE,
    eminence: CENTRE,
    skinFoot: CENTRE,
  },
  knee: {
    femur: ['hipCentre', 'kneeCentre', 'condyleMedial', 'condyleLateral', 'trochanterTip', 'centre'],
    patella: CENTRE,
    tibia: [
      'kneeCentre',
      'plateauMedial',
      'plateauLateral',
      'tuberosity',
      'plafondCentre',
      'medialMalleolus',
      'centre',
    ],
    fibula: ['head', 'lateralMalleolus', 'centre'],
    talus: ['ankleCentre', 'centre'],
    skinKnee: CENTRE,
  },
} as const satisfies {
  readonly foot: Readonly<Record<FootPart, readonly string[]>>;
  readonly knee: Readonly<Record<KneePart, readonly string[]>>;
};

/** The landmark names of a part of a region ([] for a part the region does not have). */
export function landmarkNames(region: Region, part: string): readonly string[] {
  const names: Readonly<Record<string, readonly string[]>> = LANDMARK_NAMES[region];
  return names[part] ?? [];
}
