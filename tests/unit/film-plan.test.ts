import { describe, expect, it } from 'vitest';
import { measureFilm, type FilmPoint } from '../../src/clinical/film-measures';
import { NOMINAL_PLATEAU_MM, planOnFilm, type FilmPlanInput } from '../../src/clinical/film-plan';
import { hernigouGap } from '../../src/clinical/knee-correction';
import { planFootOnFilm } from '../../src/clinical/film-plan-foot';

const RAD = Math.PI / 180;
/** Film scale, mm per pixel (a 0.15 mm detector). */
const MM = 0.15;
const px = (mm: number) => mm / MM;
/** A point `len` px from `from`, `deg` clockwise from straight up (image y runs down). */
const along = (from: FilmPoint, deg: number, len: number): FilmPoint => [
  from[0] + Math.sin(deg * RAD) * len,
  from[1] - Math.cos(deg * RAD) * len,
];
/** Mirrors the film left–right, as a left leg shows. */
const mirror = (p: FilmPoint): FilmPoint => [3000 - p[0], p[1]];

/**
 * A right long leg at known angles on a film (medial to the viewer's right): femur 450 mm,
 * tibia 380 mm, plateau 76 mm wide, 8 mm below the knee centre.
 */
function leg(a: { hka: number; mpta: number; ldfa: number }): FilmPoint[] {
  const varus = 180 - a.hka;
  const knee: FilmPoint = [1500, 3500];
  const femDir = -3;
  const hip = along(knee, femDir, px(450));
  const ankle = along(knee, femDir + 180 - varus, px(380));
  const rim = [200, 270, 340].map((t) => along(hip, t, px(24)));
  const condDir = femDir - a.ldfa;
  const tibDown = femDir + 180 - varus;
  const platDir = tibDown - a.mpta;
  const platK = along(knee, 180, px(8));
  return [
    rim[0]!,
    rim[1]!,
    rim[2]!,
    knee,
    ankle,
    along(knee, condDir + 180, px(40)),
    along(knee, condDir, px(40)),
    along(platK, platDir, px(38)),
    along(platK, platDir + 180, px(38)),
  ];
}

/** Distance of p from the infinite line through a and b, px. */
function offLine(p: FilmPoint, [a, b]: readonly [FilmPoint, FilmPoint]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  return Math.abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / Math.hypot(dx, dy);
}
const dist = (a: FilmPoint, b: FilmPoint) => Math.hypot(a[0] - b[0], a[1] - b[1]);
/** The angle at `c` from a to b, degrees, unsigned. */
const angleAt = (c: FilmPoint, a: FilmPoint, b: FilmPoint) => {
  const u = Math.atan2(a[1] - c[1], a[0] - c[0]);
  const v = Math.atan2(b[1] - c[1], b[0] - c[0]);
  return Math.abs((((v - u) / RAD + 540) % 360) - 180);
};

const VARUS = { hka: 172, mpta: 82, ldfa: 88 };
const VALGUS = { hka: 188, mpta: 88, ldfa: 80 };
const HTO_OPEN: FilmPlanInput = { site: 'tibia', approach: 'opening', targetWbl: 62.5 };

describe('the knee plan on the film', () => {
  const cases = [
    ['HTO opening', VARUS, HTO_OPEN],
    ['HTO closing', VARUS, { site: 'tibia', approach: 'closing', targetWbl: 62.5 }],
    ['DFO opening', VALGUS, { site: 'femur', approach: 'opening', targetWbl: 50 }],
    ['DFO closing', VALGUS, { site: 'femur', approach: 'closing', targetWbl: 50 }],
  ] as const;
  for (const [name, angles, input] of cases) {
    for (const side of ['right', 'left'] as const) {
      it(`${name}, ${side} leg: the new load line crosses the plateau at the target`, () => {
        const points = side === 'right' ? leg(angles) : leg(angles).map(mirror);
        const plan = planOnFilm(points, input, MM)!;
        expect(plan).toBeDefined();
        expect(plan.calibrated).toBe(true);
        // The target lies on the plateau line at its %; the new load line runs through it.
        expect(dist(plan.target, points[7]!) / dist(points[7]!, points[8]!)).toBeCloseTo(
          input.targetWbl / 100,
          9,
        );
        expect(offLine(plan.target, plan.newLoadLine)).toBeLessThan(0.5);
        expect(offLine(plan.target, plan.miniaci)).toBeLessThan(0.5);
        // The moving end turned about the hinge by the correction, keeping its distance.
        const from = input.site === 'tibia' ? points[4]! : plan.hip;
        expect(dist(plan.hinge, plan.movedTo)).toBeCloseTo(dist(plan.hinge, from), 6);
        expect(angleAt(plan.hinge, from, plan.movedTo)).toBeCloseTo(Math.abs(plan.correction), 6);
        // The film's own WBL after the plan is the target.
        const after =
          input.site === 'tibia'
            ? measureFilm('knee', [...points.slice(0, 4), plan.movedTo, ...points.slice(5)])
            : undefined;
        if (after) expect(after.wbl!).toBeCloseTo(input.targetWbl, 1);
        // A varus knee is corrected (+), a valgus one the other way.
        expect(Math.sign(plan.correction)).toBe(input.site === 'tibia' ? 1 : -1);
        // The gap is Hernigou's for the cut's length measured on the film.
        const cutMm = dist(plan.cut[0], plan.cut[1]) * MM;
        expect(Math.abs(plan.gapMm - hernigouGap(cutMm, plan.correction))).toBeLessThan(0.5);
        expect(plan.gapPx * MM).toBeCloseTo(plan.gapMm, 9);
        // The wedge's two edges meet at the hinge, their near ends apart by about the gap.
        expect(plan.wedge[0][1]).toEqual(plan.hinge);
        expect(plan.wedge[1][1]).toEqual(plan.hinge);
        expect(Math.abs(dist(plan.wedge[0][0], plan.wedge[1][0]) - plan.gapPx)).toBeLessThan(
          0.02 * plan.gapPx + 1,
        );
      });
    }
  }

  it('corrects an 8° varus HTO by about 10° with a ~13 mm gap over a plateau-wide cut', () => {
    const plan = planOnFilm(leg(VARUS), HTO_OPEN, MM)!;
    expect(plan.correction).toBeGreaterThan(8);
    expect(plan.correction).toBeLessThan(13);
    // The cut runs from the medial cortex (viewer's right on a right leg) up to a lateral hinge.
    expect(plan.cut[0][0]).toBeGreaterThan(plan.hinge[0]);
    expect(plan.cut[0][1]).toBeGreaterThan(plan.hinge[1]);
    expect(plan.predictedWbl).toBeCloseTo(62.5, 1);
  });

  it('gives the same angle and millimetres on the mirror film and at another scale', () => {
    const right = planOnFilm(leg(VARUS), HTO_OPEN, MM)!;
    const left = planOnFilm(leg(VARUS).map(mirror), HTO_OPEN, MM)!;
    expect(left.correction).toBeCloseTo(right.correction, 9);
    expect(left.gapMm).toBeCloseTo(right.gapMm, 9);
    expect(left.hinge[0]).toBeCloseTo(3000 - right.hinge[0], 6);
    const half = leg(VARUS).map((p): FilmPoint => [p[0] / 2, p[1] / 2]);
    const small = planOnFilm(half, HTO_OPEN, MM * 2)!;
    expect(small.gapMm).toBeCloseTo(right.gapMm, 6);
  });

  it('follows the surgeon’s own angle and hinge', () => {
    const plan = planOnFilm(leg(VARUS), { ...HTO_OPEN, angle: 6, hingeInset: 5 }, MM)!;
    expect(plan.correction).toBe(6);
    const deeper = planOnFilm(leg(VARUS), { ...HTO_OPEN, angle: 6, hingeInset: 15 }, MM)!;
    expect(dist(plan.cut[0], plan.cut[1])).toBeGreaterThan(dist(deeper.cut[0], deeper.cut[1]));
  });

  it('without a calibration says so and works at a nominal plateau width', () => {
    const points = leg(VARUS);
    const plan = planOnFilm(points, HTO_OPEN)!;
    expect(plan.calibrated).toBe(false);
    expect(plan.mmPerPixel * dist(points[7]!, points[8]!)).toBeCloseTo(NOMINAL_PLATEAU_MM, 9);
    expect(plan.gapPx * plan.mmPerPixel).toBeCloseTo(plan.gapMm, 9);
    expect(offLine(plan.target, plan.newLoadLine)).toBeLessThan(0.5);
  });

  it('waits for all nine points and a real hip circle', () => {
    const points = leg(VARUS);
    expect(planOnFilm(points.slice(0, 8), HTO_OPEN, MM)).toBeUndefined();
    const inLine: FilmPoint[] = [[0, 0], [1, 1], [2, 2], ...points.slice(3)];
    expect(planOnFilm(inLine, HTO_OPEN, MM)).toBeUndefined();
  });
});

/** A right forefoot at known angles (as film-measures.test draws it): medial to the viewer's right. */
function foot(a: { hva: number; ima: number; dmaa: number; hvia: number }): FilmPoint[] {
  const m1Dir = 5;
  const m1b: FilmPoint = [1000, 1400];
  const m1h = along(m1b, m1Dir, 600);
  const m2b: FilmPoint = [880, 1390];
  const m2h = along(m2b, m1Dir - a.ima, 650);
  const p1b = along(m1h, m1Dir - a.hva, 40);
  const p1h = along(p1b, m1Dir - a.hva, 300);
  const p2b = along(p1h, m1Dir - a.hva - a.hvia, 30);
  const p2t = along(p2b, m1Dir - a.hva - a.hvia, 200);
  const art = m1Dir + 90 - a.dmaa;
  return [m1b, m1h, p1b, p1h, m2b, m2h, along(m1h, art, 80), along(m1h, art + 180, 80), p2b, p2t];
}

describe('the bunion plan on the film', () => {
  const BUNION = { hva: 32, ima: 14, dmaa: 8, hvia: 8 };
  for (const side of ['right', 'left'] as const) {
    it(`${side} foot: the planned axes measure the planned HVA and IMA, the head moves laterally`, () => {
      const points = side === 'right' ? foot(BUNION) : foot(BUNION).map(mirror);
      const plan = planFootOnFilm(points, { ima: 6, hva: 20 }, 0.1)!;
      const after = [plan.m1[0], plan.m1[1], plan.p1[0], plan.p1[1], ...points.slice(4)];
      const got = measureFilm('foot', after);
      expect(got.ima!).toBeCloseTo(BUNION.ima - 6, 6);
      expect(got.hva!).toBeCloseTo(BUNION.hva - 20, 6);
      expect(plan.hva).toBeCloseTo(BUNION.hva - 20, 6);
      expect(plan.ima).toBeCloseTo(BUNION.ima - 6, 6);
      // The base stays; the head moves towards the second metatarsal by ~ length · sin(ΔIMA).
      expect(plan.m1[0]).toEqual(points[0]);
      expect(plan.shiftPx).toBeCloseTo(2 * 600 * Math.sin((3 * Math.PI) / 180), 6);
      expect(plan.shiftMm!).toBeCloseTo(plan.shiftPx * 0.1, 9);
      const towardsM2 = side === 'right' ? -1 : 1;
      expect(Math.sign(plan.head[1][0] - plan.head[0][0])).toBe(towardsM2);
      // The phalanx's base still sits against the moved head.
      expect(dist(plan.p1[0], plan.head[1])).toBeCloseTo(dist(points[2]!, points[1]!), 6);
    });
  }

  it('has no millimetres without a calibration, and waits for points 1–6', () => {
    expect(planFootOnFilm(foot(BUNION), { ima: 6, hva: 20 })!.shiftMm).toBeUndefined();
    expect(planFootOnFilm(foot(BUNION).slice(0, 5), { ima: 6, hva: 20 })).toBeUndefined();
  });
});
