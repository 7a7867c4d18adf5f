import type { FootAngles } from '../anatomy/deformity';
import { landmark, type RegionLandmarks } from '../anatomy/landmarks';
import { add, normalize, scale, sub, type Vec3 } from '../anatomy/vec';
import { measureFoot } from '../clinical/foot-angles';
import {
  alignmentArcs,
  arcPoint,
  condylarLine,
  loadLine,
  mechanicalAxes,
  plateauRuler,
  type AlignmentArcs,
  type LoadLine,
  type PlateauRuler,
} from '../clinical/load-line';

export {
  FUJISAWA_POINT,
  WBL_NEUTRAL,
  WBL_TARGET_ZONE,
  type AlignmentArcs,
  type AngleArc,
} from '../clinical/load-line';
export { overlayTrack, type OverlayTrack } from './overlay-track';

/** The knee angles the study view draws as arcs. */
export const KNEE_ARC_ANGLES = ['hka', 'mpta', 'ldfa'] as const;
export type KneeArcAngle = (typeof KNEE_ARC_ANGLES)[number];

/** How far in front of the plateau landmarks the WBL ruler is drawn, mm. */
const RULER_ANTERIOR = 4;
/**
 * Each arc's label sits at the middle of its sweep, this far outside it, mm (the HKA arc's far end
 * lies near the hip, out of the knee's view).
 */
const LABEL_OUT = 5;

/** What the knee's overlays draw: the load lines, the WBL ruler, the mechanical axes and angle arcs. */
export interface KneeOverlay {
  /** The hip–ankle line before surgery, and where it runs now. */
  readonly before: LoadLine;
  readonly now: LoadLine;
  /** Across the plateau from its medial to its lateral edge, slightly in front of it. */
  readonly ruler: PlateauRuler;
  readonly femoralAxis: readonly [Vec3, Vec3];
  readonly tibialAxis: readonly [Vec3, Vec3];
  readonly condylarLine: readonly [Vec3, Vec3];
  readonly arcs: AlignmentArcs;
  /** Where each angle's label is pinned. */
  readonly labelAt: Readonly<Record<KneeArcAngle, Vec3>>;
}

/** The knee's overlay measures on the bones as they lie. */
export function kneeOverlay(now: RegionLandmarks, pre: RegionLandmarks): KneeOverlay {
  const axes = mechanicalAxes(now);
  const arcs = alignmentArcs(now);
  return {
    before: loadLine(pre),
    now: loadLine(now),
    ruler: plateauRuler(now, RULER_ANTERIOR),
    femoralAxis: axes.femoral,
    tibialAxis: axes.tibial,
    condylarLine: condylarLine(now),
    arcs,
    labelAt: {
      hka: arcPoint(arcs.hka, 0.5, LABEL_OUT),
      mpta: arcPoint(arcs.mpta, 0.5, LABEL_OUT),
      ldfa: arcPoint(arcs.ldfa, 0.5, LABEL_OUT),
    },
  };
}

/** The bones whose axes the hallux valgus angles are measured between. */
export const FOOT_AXES = ['metatarsal1', 'metatarsal2', 'proximalPhalanx1'] as const;
export type FootAxis = (typeof FOOT_AXES)[number];
/** The foot angles the study view labels. */
export const FOOT_LABELS = ['hva', 'ima'] as const;
export type FootLabel = (typeof FOOT_LABELS)[number];

/** How far each axis is drawn past its bone, so the lines meet where the angle is read, mm. */
const OVERRUN: Record<FootAxis, { proximal: number; distal: number }> = {
  metatarsal1: { proximal: 10, distal: 30 },
  metatarsal2: { proximal: 10, distal: 5 },
  proximalPhalanx1: { proximal: 30, distal: 5 },
};

/** What the foot's study overlay draws: the axes of the first ray and the angles between them. */
export interface FootOverlay {
  /** Each axis from the centre of its base to the centre of its head, run past both ends. */
  readonly axes: Readonly<Record<FootAxis, readonly [Vec3, Vec3]>>;
  readonly angles: FootAngles;
  /** HVA at the joint between the metatarsal and the phalanx; IMA between the metatarsal bases. */
  readonly labelAt: Readonly<Record<FootLabel, Vec3>>;
}

function axisOf(lm: RegionLandmarks, bone: FootAxis): readonly [Vec3, Vec3] {
  const base = landmark(lm, bone, 'base');
  const head = landmark(lm, bone, 'head');
  const d = normalize(sub(head, base));
  return [sub(base, scale(d, OVERRUN[bone].proximal)), add(head, scale(d, OVERRUN[bone].distal))];
}

/** The foot's overlay measures on the bones as they lie. */
export function footOverlay(now: RegionLandmarks): FootOverlay {
  return {
    axes: {
      metatarsal1: axisOf(now, 'metatarsal1'),
      metatarsal2: axisOf(now, 'metatarsal2'),
      proximalPhalanx1: axisOf(now, 'proximalPhalanx1'),
    },
    angles: measureFoot(now),
    labelAt: {
      hva: landmark(now, 'metatarsal1', 'head'),
      ima: scale(add(landmark(now, 'metatarsal1', 'base'), landmark(now, 'metatarsal2', 'base')), 0.5),
    },
  };
}
