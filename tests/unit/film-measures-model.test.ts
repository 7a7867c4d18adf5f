import { describe, expect, it } from 'vitest';
import type { RegionLandmarks } from '../../src/anatomy/landmarks';
import type { Vec3 } from '../../src/anatomy/vec';
import { random, randomFoot, randomKnee } from './random-cases';
import { measureFilm, type FilmPoint } from '../../src/clinical/film-measures';
import { modelFilmPoints } from '../../src/engine/film-points';
import { posedFoot, posedKnee } from '../../src/clinical/patient';
import { REST_LANDMARKS } from '../../src/engine/rest-landmarks';

/**
 * The proof that a film's angles mean what the model's do: the app's own landmarks, posed to known
 * angles, are projected on the film as an X-ray would (orthographically, on the foot's transverse
 * plane or the leg's coronal plane), and measureFilm must give back what the 3D measures give.
 */

/** Film scale, px per mm, as on a 0.14 mm detector (long leg) or 0.1 mm (foot). */
const KNEE_PX = 1 / 0.14;
const FOOT_PX = 10;

/**
 * An AP film of a right limb shows its medial side (+X) to the viewer's right; a left limb is the
 * mirror image. `second` is the axis that runs up the film (Z, anterior, on the foot; Y on the leg).
 */
function project(side: 'right' | 'left', pxPerMm: number, second: 1 | 2) {
  const sx = side === 'right' ? 1 : -1;
  return (p: Vec3): FilmPoint => [2000 + sx * p[0] * pxPerMm, 4000 - p[second] * pxPerMm];
}

const footFilm = (lm: RegionLandmarks, side: 'right' | 'left'): FilmPoint[] =>
  modelFilmPoints('foot', lm).map(project(side, FOOT_PX, 2));

const kneeFilm = (lm: RegionLandmarks, side: 'right' | 'left'): FilmPoint[] =>
  modelFilmPoints('knee', lm).map(project(side, KNEE_PX, 1));

describe('a film of the posed model measures as the model does', () => {
  it('gives the default foot case (HVA 32, IMA 14, DMAA 8, HVIA 8) on a right and a left film', () => {
    const target = { hva: 32, ima: 14, dmaa: 8, hvia: 8 };
    const { landmarks } = posedFoot(REST_LANDMARKS.foot, target);
    for (const side of ['right', 'left'] as const) {
      const got = measureFilm('foot', footFilm(landmarks, side));
      for (const k of ['hva', 'ima', 'dmaa', 'hvia'] as const)
        expect(Math.abs(got[k]! - target[k]), `${side} ${k}`).toBeLessThan(1);
    }
  });

  it('gives the default knee case (HKA 172, mMPTA 82, mLDFA 88) and its WBL % on both sides', () => {
    const target = { hka: 172, mpta: 82, ldfa: 88 };
    const { landmarks, measured } = posedKnee(REST_LANDMARKS.knee, target);
    for (const side of ['right', 'left'] as const) {
      const got = measureFilm('knee', kneeFilm(landmarks, side));
      for (const k of ['hka', 'mpta', 'ldfa', 'jlca'] as const)
        expect(Math.abs(got[k]! - measured[k]), `${side} ${k}`).toBeLessThan(1);
      expect(Math.abs(got.wbl! - measured.wbl), `${side} wbl`).toBeLessThan(1);
    }
  });

  it('agrees with the 3D measures on 100 random feet, right and left', () => {
    const r = random(20);
    for (let i = 0; i < 100; i++) {
      const target = randomFoot(r);
      const { landmarks, measured } = posedFoot(REST_LANDMARKS.foot, target);
      const side = i % 2 ? 'left' : 'right';
      const got = measureFilm('foot', footFilm(landmarks, side));
      for (const k of ['hva', 'ima', 'dmaa', 'hvia'] as const)
        expect(Math.abs(got[k]! - measured[k]), `${i} ${side} ${k}`).toBeLessThan(1);
    }
  });

  it('agrees with the 3D measures on 100 random legs, right and left', () => {
    const r = random(21);
    for (let n = 0; n < 100; n++) {
      const target = randomKnee(r);
      const { landmarks, measured } = posedKnee(REST_LANDMARKS.knee, target);
      const side = n % 2 ? 'left' : 'right';
      const got = measureFilm('knee', kneeFilm(landmarks, side));
      for (const k of ['hka', 'mpta', 'ldfa', 'jlca', 'wbl'] as const)
        expect(Math.abs(got[k]! - measured[k]), `${n} ${side} ${k}`).toBeLessThan(1);
    }
  });
});
