/**
 * A bunion operation planned on the patient's AP film (issue 20 item 5): the first metatarsal and
 * the proximal phalanx where the plan leaves them. The correction is the app's own plan on the 3D
 * model (how much it closes the IMA and the HVA); on the film the first metatarsal turns about its
 * base centre (the head moves laterally, the base stays) and the phalanx rides with the head, then
 * turns about the joint (the head's centre) to the planned HVA.
 */
import { measureFilm, mirrorSign, type FilmPoint } from './film-measures';

/** The plan's correction, degrees (pre − post on the model: positive closes the angle). */
export interface FootCorrection {
  readonly ima: number;
  readonly hva: number;
}

/** The post-operative axes in film pixels, and how far the head moves. */
export interface FilmFootPlan {
  readonly m1: readonly [FilmPoint, FilmPoint];
  readonly p1: readonly [FilmPoint, FilmPoint];
  /** The first metatarsal head's centre, before and after. */
  readonly head: readonly [FilmPoint, FilmPoint];
  readonly shiftPx: number;
  /** The head's shift in mm, undefined on an uncalibrated film. */
  readonly shiftMm: number | undefined;
  /** HVA and IMA measured on the planned axes, degrees. */
  readonly hva: number;
  readonly ima: number;
}

type Vec2 = readonly [number, number];

/**
 * Turns `p` about `c` so that its direction's transverse angle (atan2(medial, forward), the angle
 * the film's HVA and IMA are taken with) grows by `deg`, on a film of mirror sign `sx`.
 */
function turn(p: FilmPoint, c: FilmPoint, deg: number, sx: number): FilmPoint {
  const x = sx * (p[0] - c[0]);
  const z = -(p[1] - c[1]);
  const r = (deg * Math.PI) / 180;
  const x2 = x * Math.cos(r) + z * Math.sin(r);
  const z2 = -x * Math.sin(r) + z * Math.cos(r);
  return [c[0] + sx * x2, c[1] - z2];
}

const plus = (p: FilmPoint, d: Vec2): FilmPoint => [p[0] + d[0], p[1] + d[1]];

/**
 * The planned axes on the film, once points 1–6 are placed (the second metatarsal tells medial
 * from lateral); undefined before.
 */
export function planFootOnFilm(
  points: readonly (FilmPoint | undefined)[],
  correction: FootCorrection,
  mmPerPixel?: number,
): FilmFootPlan | undefined {
  const [m1b, m1h, p1b, p1h, m2b, m2h] = points;
  if (!m1b || !m1h || !p1b || !p1h || !m2b || !m2h) return undefined;
  const mid = (a: FilmPoint, b: FilmPoint): Vec2 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const [mx1, my1] = mid(m1b, m1h);
  const [mx2, my2] = mid(m2b, m2h);
  const sx = mirrorSign([mx1 - mx2, my1 - my2], [m1h[0] - m1b[0], m1h[1] - m1b[1]]);
  // Closing the IMA turns the first metatarsal's axis laterally: its angle falls by the correction.
  const head = turn(m1h, m1b, -correction.ima, sx);
  const moved: Vec2 = [head[0] - m1h[0], head[1] - m1h[1]];
  // HVA = m1 − p1: the phalanx's angle must change by (ΔHVA − ΔIMA) for the planned HVA.
  const toe = correction.hva - correction.ima;
  const p1 = [turn(plus(p1b, moved), head, toe, sx), turn(plus(p1h, moved), head, toe, sx)] as const;
  const shiftPx = Math.hypot(moved[0], moved[1]);
  const after = measureFilm('foot', [m1b, head, p1[0], p1[1], m2b, m2h]);
  const calibrated = mmPerPixel !== undefined && Number.isFinite(mmPerPixel) && mmPerPixel > 0;
  return {
    m1: [m1b, head],
    p1,
    head: [m1h, head],
    shiftPx,
    shiftMm: calibrated ? shiftPx * mmPerPixel : undefined,
    hva: after.hva ?? NaN,
    ima: after.ima ?? NaN,
  };
}
