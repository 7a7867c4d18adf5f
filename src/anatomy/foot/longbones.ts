/**
 * Builders for the long bones of the foot (metatarsals 2–5 and phalanges) in their own frame:
 * local z runs from the centre of the base articular surface (z = 0) to the distal tip (z = length),
 * x is medial, y dorsal.
 */
import type { Sdf } from '../sdf';
import type { Vec3 } from '../vec';
import { ellipsoid, roundBox, smoothUnion, sphere } from '../sdf';
import { GAP, type Ray } from './layout';
import { carve, frame, inFrame, loft, type Frame } from './util';

export interface MetatarsalShape {
  /** Base block half sizes (x, y, z) and its centre height. */
  readonly baseHalf: Vec3;
  readonly baseY: number;
  /** Shaft half-widths (a, b) at mid-shaft, and just behind the head. */
  readonly mid: readonly [number, number];
  readonly neck: readonly [number, number];
  /** Head half-width (x) and half-height (y). */
  readonly headW: number;
  readonly headH: number;
}

export function metatarsalFrame(r: Ray): Frame {
  return frame(r.base, r.dir);
}

/** A lesser metatarsal in local coordinates (base face flat at z = 0). */
export function metatarsalLocal(r: Ray, s: MetatarsalShape, extra: Sdf[] = []): Sdf {
  const L = r.length;
  const hz = L - r.headR;
  const [bx, by, bz] = s.baseHalf;
  const base = roundBox([0, s.baseY, bz], [bx, by, bz], Math.min(bx, bz) * 0.8);
  const shaft = loft([
    { z: bz, a: bx * 0.75, b: by * 0.75, cy: s.baseY * 0.7 },
    { z: bz * 2 + 4, a: s.mid[0] * 1.15, b: s.mid[1] * 1.15, cy: s.baseY * 0.25 },
    { z: L * 0.55, a: s.mid[0], b: s.mid[1], cy: 0 },
    { z: hz - r.headR * 0.6, a: s.neck[0], b: s.neck[1], cy: -0.2 },
  ]);
  const head = ellipsoid([0, -0.2, hz], [s.headW, s.headH, r.headR]);
  const condyles = ellipsoid([0, -s.headH * 0.4, hz - 1.2], [s.headW * 0.9, s.headH * 0.75, r.headR * 0.85]);
  const body = smoothUnion(2.5, base, shaft, head, condyles, ...extra);
  // Flat base facet, lightly bevelled.
  return (x, y, z) => Math.max(body(x, y, z), -z);
}

export interface PhalanxShape {
  /** Base half-width, half-height, axial half-length. */
  readonly base: Vec3;
  /** Mid-shaft half-width and half-height. */
  readonly waist: readonly [number, number];
  /** Head (two condyles) half-width, half-height. For a distal phalanx: the tuft. */
  readonly head: readonly [number, number];
  readonly distal?: boolean;
}

/**
 * A phalanx: concave base (spherical about the proximal head centre, GAP away), waisted shaft,
 * bicondylar head, or a tuft for a distal phalanx.
 */
export function phalanxLocal(r: Ray, prevHeadR: number, s: PhalanxShape): Sdf {
  const L = r.length;
  const hz = L - r.headR;
  const [bw, bh, bl] = s.base;
  const [ww, wh] = s.waist;
  const [hw, hh] = s.head;
  const baseBlob = ellipsoid([0, 0, bl * 0.35], [bw, bh, bl]);
  const shaft = loft([
    { z: bl * 0.8, a: bw * 0.8, b: bh * 0.8 },
    { z: (bl + hz) * 0.5, a: ww, b: wh, cy: 0.1 },
    { z: hz - r.headR * 0.3, a: s.distal ? ww * 1.05 : hw * 0.8, b: s.distal ? wh * 0.95 : hh * 0.8 },
  ]);
  let headPart: Sdf;
  if (s.distal) {
    headPart = smoothUnion(
      1.5,
      ellipsoid([0, -hh * 0.15, hz], [hw, hh, r.headR]),
      ellipsoid([0, -hh * 0.45, hz - r.headR * 0.6], [hw * 0.75, hh * 0.7, r.headR * 0.8]),
    );
  } else {
    const c = hw * 0.45;
    headPart = smoothUnion(
      1.2,
      ellipsoid([c * 0.8, -0.15 * hh, hz], [hw * 0.62, hh, r.headR]),
      ellipsoid([-c * 0.8, -0.15 * hh, hz], [hw * 0.62, hh, r.headR]),
    );
  }
  const body = smoothUnion(Math.min(2, bw * 0.4), baseBlob, shaft, headPart);
  const R = prevHeadR + GAP;
  return carve(0.6, body, sphere([0, 0, -R], R));
}

export const local = inFrame;
