/**
 * Where the rays of the right foot lie (region frame: +X medial, +Y up, +Z anterior, mm).
 * Every long bone is described by the centre of its proximal articular surface (`base`), its axis and
 * its length; the joints are spherical about the head centre of the proximal bone.
 */
import type { Vec3 } from '../vec';
import { add, scale } from '../vec';
import { DEG, dirFrom } from './util';

/** Joint space between articulating bones, mm. */
export const GAP = 1.5;

export interface Ray {
  /** Centre of the proximal articular surface. */
  readonly base: Vec3;
  /** Unit axis, base → head. */
  readonly dir: Vec3;
  /** Extent along the axis from the base surface to the distal tip. */
  readonly length: number;
  /** Axial radius of the distal head (its centre lies length − headR from the base). */
  readonly headR: number;
  readonly head: Vec3;
}

function ray(base: Vec3, dir: Vec3, length: number, headR: number): Ray {
  return { base, dir, length, headR, head: add(base, scale(dir, length - headR)) };
}

/** The next bone of a ray: its base sits GAP beyond the sphere of the previous head, along its own axis. */
function next(prev: Ray, dir: Vec3, length: number, headR: number, headRprev = prev.headR): Ray {
  return ray(add(prev.head, scale(dir, headRprev + GAP)), dir, length, headR);
}

// ---- first ray: IMA 8°, M1 declination 21°, HVA 10°, IPA 5° ----
export const IMA = 8;
export const HVA = 10;
export const M1_HEAD_R = 7.7;
const m1Dir = dirFrom(IMA, -21);
const m1Head: Vec3 = [26.3, 13, 184];
export const M1: Ray = ray(add(m1Head, scale(m1Dir, -(56.4 - M1_HEAD_R))), m1Dir, 56.4, M1_HEAD_R);
export const P1_1: Ray = next(M1, dirFrom(IMA - HVA, -4), 27, 5);
export const D1_1: Ray = next(P1_1, dirFrom(IMA - HVA - 5, -9), 22, 4.5);

// ---- lesser metatarsals ----
export const M2: Ray = ray([2, 8 + 56 * Math.sin(15 * DEG), 133], dirFrom(0, -15), 62, 6);
export const M3: Ray = ray([-12, 7.5 + 50.5 * Math.sin(13 * DEG), 136], dirFrom(-6, -13), 56, 5.5);
export const M4: Ray = ray([-26, 7 + 51.5 * Math.sin(9 * DEG), 124], dirFrom(-11, -9), 57, 5.5);
export const M5: Ray = ray([-40, 6.5 + 50.5 * Math.sin(5 * DEG), 120], dirFrom(-18, -5), 56, 5.5);

export interface Toe {
  readonly prox: Ray;
  readonly midd: Ray;
  readonly dist: Ray;
}

function toe(
  m: Ray,
  turn: number,
  lens: readonly [number, number, number],
  pitch: readonly [number, number, number],
): Toe {
  const t = (Math.atan2(m.dir[0], m.dir[2]) * 180) / Math.PI;
  const prox = next(m, dirFrom(t + turn, pitch[0]), lens[0], lens[0] * 0.15);
  const midd = next(prox, dirFrom(t + turn * 1.5, pitch[1]), lens[1], Math.min(3, lens[1] * 0.28));
  const dist = next(midd, dirFrom(t + turn * 1.8, pitch[2]), lens[2], 2.6);
  return { prox, midd, dist };
}

export const TOE2 = toe(M2, 0, [26, 12.5, 10], [8, -22, -14]);
export const TOE3 = toe(M3, 4, [23.5, 10.5, 9.5], [7, -22, -14]);
export const TOE4 = toe(M4, 7, [21.5, 9, 9], [6, -22, -14]);
export const TOE5 = toe(M5, 11, [18.5, 6.5, 8], [5, -20, -12]);
