import { describe, expect, it } from 'vitest';
import {
  FILM_LANDMARKS,
  FILM_MEASURES,
  circleCentre,
  filmDistanceMm,
  measureFilm,
  mmPerPixelFromRuler,
  type FilmPoint,
} from '../../src/clinical/film-measures';

const RAD = Math.PI / 180;
/** A unit direction on the film, `deg` clockwise from straight up (image y runs down). */
const dir = (deg: number): FilmPoint => [Math.sin(deg * RAD), -Math.cos(deg * RAD)];
const along = (from: FilmPoint, deg: number, len: number): FilmPoint => {
  const d = dir(deg);
  return [from[0] + d[0] * len, from[1] + d[1] * len];
};
/** Mirrors a film left–right about x = 1000, as a left limb (or a flipped film) shows. */
const mirror = (p: FilmPoint): FilmPoint => [2000 - p[0], p[1]];
/** Rotates a film about (1000, 1000) by `deg`. */
const rotate =
  (deg: number) =>
  (p: FilmPoint): FilmPoint => {
    const c = Math.cos(deg * RAD);
    const s = Math.sin(deg * RAD);
    const x = p[0] - 1000;
    const y = p[1] - 1000;
    return [1000 + c * x - s * y, 1000 + s * x + c * y];
  };

/**
 * A right forefoot drawn from known angles: on a right foot's AP film medial is to the viewer's
 * right (+x), so a valgus toe (turned laterally) points up and to the left.
 */
function foot(a: { hva: number; ima: number; dmaa: number; hvia: number }): FilmPoint[] {
  const m1Dir = 5; // degrees clockwise from up = towards medial
  const m1b: FilmPoint = [1000, 1400];
  const m1h = along(m1b, m1Dir, 600);
  const m2b: FilmPoint = [880, 1390];
  const m2h = along(m2b, m1Dir - a.ima, 650);
  const p1b = along(m1h, m1Dir - a.hva, 40);
  const p1h = along(p1b, m1Dir - a.hva, 300);
  const p2b = along(p1h, m1Dir - a.hva - a.hvia, 30);
  const p2t = along(p2b, m1Dir - a.hva - a.hvia, 200);
  // The articular line, lateral → medial, is the axis's perpendicular turned back by the DMAA.
  const art = m1Dir + 90 - a.dmaa;
  const artM = along(m1h, art, 80);
  const artL = along(m1h, art + 180, 80);
  return [m1b, m1h, p1b, p1h, m2b, m2h, artM, artL, p2b, p2t];
}

/** A right long leg drawn from known angles (medial to the viewer's right, +x). */
function leg(a: { hka: number; mpta: number; ldfa: number }, hipRadius = 160): FilmPoint[] {
  const varus = 180 - a.hka;
  const knee: FilmPoint = [1000, 1000];
  const femDir = -3; // knee → hip, degrees clockwise from up: the hip lies a little lateral
  const hip = along(knee, femDir, 2900);
  // Varus turns the tibia's distal end medially: towards +x, counter-clockwise from straight down.
  const ankle = along(knee, femDir + 180 - varus, 2500);
  const rim = [200, 270, 340].map((t) => along(hip, t, hipRadius));
  // The condylar line, medial → lateral, makes the LDFA (lateral angle) with knee → hip.
  const condDir = femDir - a.ldfa;
  const condM = along(knee, condDir + 180, 300);
  const condL = along(knee, condDir, 300);
  // The plateau line, lateral → medial, makes the MPTA (medial angle) with knee → ankle.
  const tibDown = femDir + 180 - varus;
  const platDir = tibDown - a.mpta;
  const platK = along(knee, 180, 40);
  const platM = along(platK, platDir, 320);
  const platL = along(platK, platDir + 180, 320);
  return [rim[0]!, rim[1]!, rim[2]!, knee, ankle, condM, condL, platM, platL];
}

function expectAngles(got: Partial<Record<string, number>>, want: Record<string, number>, digits = 6) {
  for (const [k, v] of Object.entries(want)) {
    expect(got[k], k).toBeDefined();
    expect(got[k]!, k).toBeCloseTo(v, digits);
  }
}

describe('film landmarks and measures', () => {
  it('lists the points in the placement order of issue 20 and the measures each film gives', () => {
    expect(FILM_LANDMARKS.foot).toHaveLength(10);
    expect(FILM_LANDMARKS.knee).toHaveLength(9);
    expect(FILM_MEASURES.foot).toEqual(['hva', 'ima', 'dmaa', 'hvia']);
    expect(FILM_MEASURES.knee).toEqual(['hka', 'mpta', 'ldfa', 'jlca', 'wbl']);
  });

  const FOOT_CASES = [
    { hva: 32, ima: 14, dmaa: 8, hvia: 8 },
    { hva: 10, ima: 6, dmaa: 3, hvia: 4 },
    { hva: -5, ima: -2, dmaa: -6, hvia: -3 },
    { hva: 45, ima: 20, dmaa: 20, hvia: 15 },
  ];
  it.each(FOOT_CASES)(
    'measures a right forefoot drawn at HVA $hva, IMA $ima, DMAA $dmaa, HVIA $hvia',
    (a) => {
      expectAngles(measureFilm('foot', foot(a)), a);
    },
  );

  it.each(FOOT_CASES)(
    'gives the same angles on the left foot, and on a film rotated on the box ($hva)',
    (a) => {
      expectAngles(measureFilm('foot', foot(a).map(mirror)), a);
      expectAngles(measureFilm('foot', foot(a).map(rotate(25))), a);
      expectAngles(measureFilm('foot', foot(a).map(mirror).map(rotate(-170))), a);
    },
  );

  const KNEE_CASES = [
    { hka: 172, mpta: 82, ldfa: 88, jlca: 2 },
    { hka: 180, mpta: 87, ldfa: 87, jlca: 0 },
    { hka: 188, mpta: 90, ldfa: 80, jlca: 2 },
    { hka: 174, mpta: 85, ldfa: 90, jlca: 1 },
  ];
  it.each(KNEE_CASES)('measures a right long leg drawn at HKA $hka, mMPTA $mpta, mLDFA $ldfa', (a) => {
    const got = measureFilm('knee', leg(a));
    // HKA = 180 − (mLDFA − mMPTA) − JLCA (the identity the 3D model keeps, pose-measure.test.ts).
    expectAngles(got, a);
  });

  it.each(KNEE_CASES)('gives the same knee angles on a left leg and on a turned film ($hka)', (a) => {
    const right = measureFilm('knee', leg(a));
    for (const film of [leg(a).map(mirror), leg(a).map(rotate(8)), leg(a).map(mirror).map(rotate(180))])
      expectAngles(measureFilm('knee', film), right as Record<string, number>);
  });

  it('puts a varus knee’s load line medially and a valgus one laterally (WBL % from the medial edge)', () => {
    const varus = measureFilm('knee', leg({ hka: 172, mpta: 82, ldfa: 88 })).wbl!;
    const straight = measureFilm('knee', leg({ hka: 180, mpta: 87, ldfa: 87 })).wbl!;
    const valgus = measureFilm('knee', leg({ hka: 188, mpta: 90, ldfa: 80 })).wbl!;
    expect(varus).toBeLessThan(30);
    expect(straight).toBeGreaterThan(40);
    expect(straight).toBeLessThan(60);
    expect(valgus).toBeGreaterThan(70);
    // Left leg: the same percentage, since it counts from the plateau's own medial edge.
    expect(measureFilm('knee', leg({ hka: 172, mpta: 82, ldfa: 88 }).map(mirror)).wbl).toBeCloseTo(varus, 9);
  });

  it('computes WBL where hip → ankle crosses the plateau', () => {
    // Hip straight above the ankle at x = 1000; plateau from 900 (medial) to 1300 (lateral).
    const pts: (FilmPoint | undefined)[] = [
      [900, 100],
      [1000, 0],
      [1100, 100],
      [1010, 1000],
      [1000, 2000],
      [880, 990],
      [1320, 990],
      [900, 1000],
      [1300, 1000],
    ];
    expect(measureFilm('knee', pts).wbl).toBeCloseTo(25, 9);
  });
});

describe('partial point sets give partial measures', () => {
  const full = foot({ hva: 32, ima: 14, dmaa: 8, hvia: 8 });
  const only = (pts: readonly FilmPoint[], keep: number[]) =>
    pts.map((p, i) => (keep.includes(i) ? p : undefined));

  it('gives nothing for no points, and no angle without a medial cue', () => {
    expect(measureFilm('foot', [])).toEqual({});
    expect(measureFilm('knee', [])).toEqual({});
    // M1 and P1 alone: the angle's size is there, but not whether the toe turns in or out.
    expect(measureFilm('foot', only(full, [0, 1, 2, 3]))).toEqual({});
  });

  it('gives HVA and IMA once the second metatarsal is placed, DMAA after the head, HVIA last', () => {
    expect(Object.keys(measureFilm('foot', only(full, [0, 1, 2, 3, 4, 5])))).toEqual(['hva', 'ima']);
    expect(Object.keys(measureFilm('foot', only(full, [0, 1, 2, 3, 4, 5, 6, 7])))).toEqual([
      'hva',
      'ima',
      'dmaa',
    ]);
    expect(Object.keys(measureFilm('foot', full))).toEqual(['hva', 'ima', 'dmaa', 'hvia']);
    // The articular ends alone tell medial too.
    expectAngles(measureFilm('foot', only(full, [0, 1, 2, 3, 6, 7])), { hva: 32, dmaa: 8 });
  });

  it('gives the knee measures as their points arrive', () => {
    const pts = leg({ hka: 172, mpta: 82, ldfa: 88 });
    expect(measureFilm('knee', only(pts, [0, 1, 2, 3, 4]))).toEqual({});
    expect(Object.keys(measureFilm('knee', only(pts, [0, 1, 2, 3, 4, 5, 6])))).toEqual(['hka', 'ldfa']);
    expect(Object.keys(measureFilm('knee', only(pts, [3, 4, 7, 8])))).toEqual(['mpta']);
    expect(Object.keys(measureFilm('knee', only(pts, [5, 6, 7, 8])))).toEqual(['jlca']);
    expectAngles(measureFilm('knee', only(pts, [5, 6, 7, 8])), { jlca: 2 });
    expect(Object.keys(measureFilm('knee', pts))).toEqual(['hka', 'mpta', 'ldfa', 'jlca', 'wbl']);
  });

  it('gives no hip centre, and so no HKA, for three rim points in a line', () => {
    const pts = leg({ hka: 172, mpta: 82, ldfa: 88 });
    const line: FilmPoint[] = [
      [0, 0],
      [10, 10],
      [20, 20],
    ];
    const got = measureFilm('knee', [...line, ...pts.slice(3)]);
    expect(got.hka).toBeUndefined();
    expect(got.wbl).toBeUndefined();
    expect(got.mpta).toBeDefined();
  });
});

describe('film geometry helpers', () => {
  it('finds the centre of the circle through three rim points', () => {
    const c = circleCentre([1, 5], [4, 2], [7, 5])!;
    expect(c[0]).toBeCloseTo(4, 9);
    expect(c[1]).toBeCloseTo(5, 9);
    const [x, y] = circleCentre(
      ...([30, 140, 250].map((t) => along([512, 300], t, 87)) as [FilmPoint, FilmPoint, FilmPoint]),
    )!;
    expect(x).toBeCloseTo(512, 6);
    expect(y).toBeCloseTo(300, 6);
    expect(circleCentre([0, 0], [5, 5], [9, 9])).toBeUndefined();
    expect(circleCentre([3, 3], [3, 3], [3, 3])).toBeUndefined();
  });

  it('calibrates from a ruler and measures in mm', () => {
    // A 25 mm ball drawn 200 px wide: 0.125 mm/px.
    const k = mmPerPixelFromRuler([100, 100], [220, 260], 25);
    expect(k).toBeCloseTo(0.125, 12);
    expect(filmDistanceMm([0, 0], [300, 400], k)).toBeCloseTo(62.5, 9);
    expect(mmPerPixelFromRuler([5, 5], [5, 5], 25)).toBeNaN();
    expect(mmPerPixelFromRuler([5, 5], [6, 5], 0)).toBeNaN();
  });
});
