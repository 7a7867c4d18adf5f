/** Metatarsals 2–5 and the phalanges of toes 2–5. */
import type { Sdf } from '../sdf';
import { ellipsoid } from '../sdf';
import { GAP, M2, M3, M4, M5, TOE2, TOE3, TOE4, TOE5, type Ray, type Toe } from './layout';
import {
  metatarsalFrame,
  metatarsalLocal,
  phalanxLocal,
  type MetatarsalShape,
  type PhalanxShape,
} from './longbones';
import { clearOf, frame, inFrame } from './util';

const mt = (r: Ray, s: MetatarsalShape, extra: Sdf[] = []): Sdf =>
  inFrame(metatarsalFrame(r), metatarsalLocal(r, s, extra));

export const m2Raw = mt(M2, {
  baseHalf: [6, 9.5, 6],
  baseY: 1.5,
  mid: [3.6, 4.4],
  neck: [4.2, 5.2],
  headW: 5.2,
  headH: 6.6,
});
export const m3Raw = mt(M3, {
  baseHalf: [6, 9, 5.5],
  baseY: 1.2,
  mid: [3.4, 4.2],
  neck: [4.0, 5.0],
  headW: 5.0,
  headH: 6.4,
});
export const m4Raw = mt(M4, {
  baseHalf: [6, 8, 5.5],
  baseY: 0.8,
  mid: [3.3, 4.0],
  neck: [3.9, 4.8],
  headW: 5.0,
  headH: 6.2,
});
// Metatarsal 5: the styloid process (tuberosity) flares laterally and plantarly behind the base.
const styloid = ellipsoid([-8.5, -3.2, 3], [6, 4.6, 8.5], [0.94, 0, -0.34], [0, 1, 0]);
export const m5Raw = mt(
  M5,
  { baseHalf: [7, 7.5, 5.5], baseY: 0.5, mid: [3.6, 3.7], neck: [3.9, 4.6], headW: 5.2, headH: 6.0 },
  [styloid],
);

const phal = (r: Ray, prev: Ray, s: PhalanxShape): Sdf =>
  inFrame(frame(r.base, r.dir), phalanxLocal(r, prev.headR, s));

interface ToeBones {
  readonly prox: Sdf;
  readonly midd: Sdf;
  readonly dist: Sdf;
}

function toeBones(t: Toe, m: Ray, mRaw: Sdf, k: number): ToeBones {
  const proxRaw = phal(t.prox, m, {
    base: [5.8 * k, 5 * k, 3],
    waist: [3.2 * k, 2.9 * k],
    head: [4.4 * k, 3.3 * k],
  });
  const middRaw = phal(t.midd, t.prox, {
    base: [4.6 * k, 3.6 * k, 2.2],
    waist: [3.3 * k, 2.6 * k],
    head: [3.9 * k, 2.8 * k],
  });
  const distRaw = phal(t.dist, t.midd, {
    base: [4.2 * k, 3.1 * k, 2],
    waist: [2.6 * k, 2.0 * k],
    head: [3.7 * k, 2.2 * k],
    distal: true,
  });
  return {
    prox: clearOf(proxRaw, GAP, 0.5, mRaw),
    midd: clearOf(middRaw, GAP, 0.5, proxRaw),
    dist: clearOf(distRaw, GAP, 0.5, middRaw),
  };
}

export const toe2 = toeBones(TOE2, M2, m2Raw, 1);
export const toe3 = toeBones(TOE3, M3, m3Raw, 0.97);
export const toe4 = toeBones(TOE4, M4, m4Raw, 0.94);
export const toe5 = toeBones(TOE5, M5, m5Raw, 0.92);
