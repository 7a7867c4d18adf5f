import type { RegionLandmarks } from './landmarks';
import { landmark } from './landmarks';
import type { PartPose, PoseOp } from './pose';
import { posePoint } from './pose';
import { sub, type Vec3 } from './vec';

/** Hallux valgus angles, degrees (CLINICAL.md §1). */
export type FootAngles = {
  readonly hva: number;
  readonly ima: number;
  readonly dmaa: number;
  readonly hvia: number;
};

/** Coronal alignment of the lower limb, degrees (CLINICAL.md §2). */
export type KneeAngles = {
  readonly hka: number;
  readonly mpta: number;
  readonly ldfa: number;
};

export interface PosedRegion {
  /** Operations per part id; parts not listed stay at rest. */
  readonly poses: Readonly<Record<string, PartPose>>;
  /** Every landmark moved with its part. */
  readonly landmarks: RegionLandmarks;
}

const UP: Vec3 = [0, 1, 0];
const ANTERIOR: Vec3 = [0, 0, 1];
/** Rest prominence of the modelled bunion beyond the head's medial surface, mm. */
const REST_EMINENCE_MM = 4;

function poseLandmarks(rest: RegionLandmarks, poses: Record<string, PartPose>): RegionLandmarks {
  const out: Record<string, Record<string, Vec3>> = {};
  for (const [part, points] of Object.entries(rest)) {
    const ops = poses[part] ?? [];
    out[part] = Object.fromEntries(Object.entries(points).map(([k, p]) => [k, posePoint(ops, p)]));
  }
  return out;
}

/**
 * How far the bunion stands proud for a deformity, mm: it grows with the hallux valgus and the
 * metatarsus primus varus that push the head against the shoe.
 */
export function eminenceProminence(d: FootAngles): number {
  return Math.min(6, Math.max(0.5, 1 + (d.hva - 15) * 0.15 + (d.ima - 9) * 0.2));
}

/**
 * Poses the first ray of a rest foot to a patient's angles. Transverse-plane rotations about the
 * vertical axis (the AP radiograph's plane): metatarsal 1 about its base (IMA), its head's articular
 * surface about the head centre (DMAA), the hallux about the head centre (HVA), the distal phalanx
 * about the interphalangeal joint (HVIA). `restAngles` are the rest model's own measured angles.
 */
export function poseFoot(rest: RegionLandmarks, restAngles: FootAngles, target: FootAngles): PosedRegion {
  const base = landmark(rest, 'metatarsal1', 'base');
  const head = landmark(rest, 'metatarsal1', 'head');
  const axis = sub(head, base);
  const len = Math.hypot(axis[0], axis[1], axis[2]);
  const dir: Vec3 = [axis[0] / len, axis[1] / len, axis[2] / len];

  const ray: PoseOp = { kind: 'rotate', pivot: base, axis: UP, angle: target.ima - restAngles.ima };
  const articular: PoseOp = {
    kind: 'rotate',
    pivot: head,
    axis: UP,
    angle: restAngles.dmaa - target.dmaa,
    blend: { origin: base, dir, from: len * 0.72, to: len * 0.9 },
  };
  const emRest = landmark(rest, 'eminence', 'centre');
  const medial = sub(emRest, head);
  const reach = Math.hypot(medial[0], medial[1], medial[2]);
  const stretch: PoseOp = {
    kind: 'stretch',
    pivot: head,
    dir: medial,
    factor: (reach - REST_EMINENCE_MM + eminenceProminence(target)) / reach,
  };
  const m1: PartPose = [articular, ray];
  const headPosed = posePoint(m1, head);
  const hallux: PoseOp = { kind: 'rotate', pivot: headPosed, axis: UP, angle: restAngles.hva - target.hva };
  const p1: PartPose = [ray, hallux];
  const ipJoint = posePoint(p1, landmark(rest, 'proximalPhalanx1', 'head'));
  const interphalangeal: PoseOp = {
    kind: 'rotate',
    pivot: ipJoint,
    axis: UP,
    angle: restAngles.hvia - target.hvia,
  };

  const poses: Record<string, PartPose> = {
    metatarsal1: m1,
    eminence: [stretch, articular, ray],
    proximalPhalanx1: p1,
    distalPhalanx1: [ray, hallux, interphalangeal],
  };
  return { poses, landmarks: poseLandmarks(rest, poses) };
}

/**
 * Poses the lower limb to a patient's coronal alignment. The femur's distal metaphysis bends about
 * the knee centre (mLDFA), the tibial shaft bends below the plateau (mMPTA), and the whole leg below
 * the joint turns about the knee centre by what is left (the joint-line convergence angle), so that
 * HKA = 180 − (mLDFA − mMPTA) − JLCA.
 */
export function poseKnee(rest: RegionLandmarks, restAngles: KneeAngles, target: KneeAngles): PosedRegion {
  const knee = landmark(rest, 'femur', 'kneeCentre');
  const restJlca = 180 - restAngles.hka - (restAngles.ldfa - restAngles.mpta);
  const jlca = 180 - target.hka - (target.ldfa - target.mpta);
  const femoralTurn = target.ldfa - restAngles.ldfa;
  const femur: PoseOp = {
    kind: 'rotate',
    pivot: knee,
    axis: ANTERIOR,
    angle: femoralTurn,
    blend: { origin: knee, dir: [0, -1, 0], from: -110, to: -45 },
  };
  const tibialBend: PoseOp = {
    kind: 'rotate',
    pivot: knee,
    axis: ANTERIOR,
    angle: restAngles.mpta - target.mpta,
    blend: { origin: knee, dir: [0, -1, 0], from: 45, to: 110 },
  };
  const leg: PoseOp = { kind: 'rotate', pivot: knee, axis: ANTERIOR, angle: femoralTurn + jlca - restJlca };
  const below: PartPose = [tibialBend, leg];
  const poses: Record<string, PartPose> = {
    femur: [femur],
    patella: [femur],
    tibia: below,
    fibula: below,
    talus: below,
  };
  return { poses, landmarks: poseLandmarks(rest, poses) };
}
