import { describe, expect, it } from 'vitest';
import type { KneeAngles } from '../../src/anatomy/deformity';
import { landmark, type RegionLandmarks } from '../../src/anatomy/landmarks';
import type { Vec3 } from '../../src/anatomy/vec';
import { measureKnee } from '../../src/clinical/knee-alignment';
import { planOsteotomy } from '../../src/clinical/knee-planning';
import { turnAbout } from '../../src/clinical/knee-cut-geometry';
import { applyCorrection } from '../../src/clinical/knee-correction';
import {
  alignmentArcs,
  arcPoint,
  coronalDirection,
  loadLine,
  mechanicalAxes,
  plateauRuler,
  rulerPoint,
  targetZone,
  WBL_TARGET_ZONE,
  type AngleArc,
} from '../../src/clinical/load-line';
import { DEFAULT_KNEE, DEFAULT_VALGUS_KNEE, kneeCase } from '../../scripts/models/knee-case';

const KNEES: KneeAngles[] = [
  DEFAULT_KNEE,
  DEFAULT_VALGUS_KNEE,
  { hka: 180, mpta: 87, ldfa: 87 },
  { hka: 165, mpta: 78, ldfa: 90 },
  { hka: 176, mpta: 85, ldfa: 89 },
  { hka: 192, mpta: 88, ldfa: 78 },
];

/** Twice the signed area of p, a, b in the coronal plane: zero when p lies on the line a–b. */
const offLine = (p: Vec3, a: Vec3, b: Vec3) =>
  ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) / Math.hypot(b[0] - a[0], b[1] - a[1]);

/** Unsigned difference of two directions, degrees. */
const turnBetween = (a: number, b: number) => Math.abs(((((b - a) % 360) + 540) % 360) - 180);

describe('load line', () => {
  it('crosses the plateau where measureKnee puts the WBL, on the hip–ankle line', async () => {
    for (const angles of KNEES) {
      const { landmarks } = await kneeCase(angles);
      const line = loadLine(landmarks);
      const m = measureKnee(landmarks);
      expect(Math.abs(line.wbl - m.wbl), JSON.stringify(angles)).toBeLessThan(0.01);
      expect(line.hip).toEqual(landmark(landmarks, 'femur', 'hipCentre'));
      expect(line.ankle).toEqual(landmark(landmarks, 'talus', 'ankleCentre'));
      // The marker's dot, drawn in front of the plateau, sits on the load line seen from the front.
      const dot = rulerPoint(plateauRuler(landmarks, 6), line.wbl);
      expect(Math.abs(offLine(dot, line.hip, line.ankle))).toBeLessThan(1e-6);
    }
  });

  it('a varus knee loads the medial side; a valgus one the lateral', async () => {
    expect(loadLine((await kneeCase(DEFAULT_KNEE)).landmarks).wbl).toBeLessThan(30);
    expect(loadLine((await kneeCase(DEFAULT_VALGUS_KNEE)).landmarks).wbl).toBeGreaterThan(60);
  });

  it('follows the distal leg as an opening HTO turns it, to the planned point at the end', async () => {
    const { landmarks, gauge } = await kneeCase(DEFAULT_KNEE);
    const plan = planOsteotomy(landmarks, { site: 'tibia', approach: 'opening', targetWbl: 62.5 }, gauge);
    const pre = loadLine(landmarks).wbl;
    let last = pre;
    for (const f of [0.25, 0.5, 0.75, 1]) {
      const moved = applyCorrection(landmarks, plan, f);
      const now = loadLine(moved);
      // The hip stays, the ankle end swings laterally (−X), and the crossing follows it.
      expect(now.hip).toEqual(landmark(landmarks, 'femur', 'hipCentre'));
      expect(now.ankle[0]).toBeLessThan(landmark(landmarks, 'talus', 'ankleCentre')[0]);
      expect(now.wbl).toBeGreaterThan(last + 5);
      expect(Math.abs(now.wbl - measureKnee(moved).wbl)).toBeLessThan(0.01);
      last = now.wbl;
    }
    expect(last).toBeCloseTo(62.5, 6);
    expect(last).toBeGreaterThanOrEqual(WBL_TARGET_ZONE[0]);
    expect(last).toBeLessThanOrEqual(WBL_TARGET_ZONE[1]);
  });

  it('moves when only the ankle is turned about the knee', async () => {
    const { landmarks } = await kneeCase(DEFAULT_KNEE);
    const pivot = landmark(landmarks, 'tibia', 'kneeCentre');
    const turned: RegionLandmarks = {
      ...landmarks,
      talus: {
        ...landmarks.talus,
        ankleCentre: turnAbout(landmark(landmarks, 'talus', 'ankleCentre'), pivot, -3),
      },
    };
    // Turning the leg clockwise swings the ankle laterally (−X), and the crossing with it.
    expect(loadLine(turned).wbl).toBeGreaterThan(loadLine(landmarks).wbl + 5);
    expect(loadLine(turned).wbl).toBeCloseTo(measureKnee(turned).wbl, 6);
  });
});

describe('WBL ruler', () => {
  it('spans the plateau, in front of it, with the target zone at 60–70 % of its width', async () => {
    const { landmarks } = await kneeCase(DEFAULT_KNEE);
    const platM = landmark(landmarks, 'tibia', 'plateauMedial');
    const platL = landmark(landmarks, 'tibia', 'plateauLateral');
    const r = plateauRuler(landmarks, 8);
    expect(r.medial).toEqual([platM[0], platM[1], platM[2] + 8]);
    expect(r.lateral).toEqual([platL[0], platL[1], platL[2] + 8]);
    const width = Math.hypot(platL[0] - platM[0], platL[1] - platM[1]);
    const [a, b] = targetZone(r);
    const along = (p: Vec3) => Math.hypot(p[0] - r.medial[0], p[1] - r.medial[1]) / width;
    expect(along(a)).toBeCloseTo(0.6, 9);
    expect(along(b)).toBeCloseTo(0.7, 9);
    // On the plateau line, lateral of the medial edge.
    expect(Math.abs(offLine(a, platM, platL))).toBeLessThan(1e-9);
    expect(Math.abs(offLine(b, platM, platL))).toBeLessThan(1e-9);
    expect(a[0]).toBeLessThan(platM[0]);
    expect(b[0]).toBeLessThan(a[0]);
  });
});

describe('angle arcs', () => {
  /** The arc's end at fraction f points from its centre along direction `dir`. */
  const endsAlong = (arc: AngleArc, f: number, dir: number) =>
    turnBetween(coronalDirection(arc.centre, arcPoint(arc, f)), dir);

  it('sweep exactly the measured HKA, mMPTA and mLDFA, between the right lines', async () => {
    for (const angles of KNEES) {
      const { landmarks } = await kneeCase(angles);
      const m = measureKnee(landmarks);
      const arcs = alignmentArcs(landmarks);
      const label = JSON.stringify(angles);
      expect(Math.abs(arcs.hka.sweep - m.hka), label).toBeLessThan(0.01);
      expect(Math.abs(arcs.mpta.sweep - m.mpta), label).toBeLessThan(0.01);
      expect(Math.abs(arcs.ldfa.sweep - m.ldfa), label).toBeLessThan(0.01);

      const hip = landmark(landmarks, 'femur', 'hipCentre');
      const femKnee = landmark(landmarks, 'femur', 'kneeCentre');
      const tibKnee = landmark(landmarks, 'tibia', 'kneeCentre');
      const ankle = landmark(landmarks, 'talus', 'ankleCentre');
      const platM = landmark(landmarks, 'tibia', 'plateauMedial');
      const platL = landmark(landmarks, 'tibia', 'plateauLateral');
      const condM = landmark(landmarks, 'femur', 'condyleMedial');
      const condL = landmark(landmarks, 'femur', 'condyleLateral');

      // HKA: from the tibial axis (down) round the medial side to the femoral axis (up).
      expect(endsAlong(arcs.hka, 0, coronalDirection(tibKnee, ankle))).toBeLessThan(1e-6);
      expect(endsAlong(arcs.hka, 1, coronalDirection(femKnee, hip))).toBeLessThan(1e-6);
      expect(arcPoint(arcs.hka, 0.5)[0]).toBeGreaterThan(arcs.hka.centre[0] + arcs.hka.radius * 0.9);

      // mMPTA: vertex on both the tibial axis and the plateau line; the arc below, medial of the axis.
      expect(Math.abs(offLine(arcs.mpta.centre, tibKnee, ankle))).toBeLessThan(1e-6);
      expect(Math.abs(offLine(arcs.mpta.centre, platM, platL))).toBeLessThan(1e-6);
      expect(endsAlong(arcs.mpta, 0, coronalDirection(tibKnee, ankle))).toBeLessThan(1e-6);
      expect(endsAlong(arcs.mpta, 1, coronalDirection(platL, platM))).toBeLessThan(1e-6);
      const mid = arcPoint(arcs.mpta, 0.5);
      expect(mid[0]).toBeGreaterThan(arcs.mpta.centre[0]);
      expect(mid[1]).toBeLessThan(arcs.mpta.centre[1]);

      // mLDFA: vertex on the femoral axis and the condylar line; the arc above, lateral of the axis.
      expect(Math.abs(offLine(arcs.ldfa.centre, hip, femKnee))).toBeLessThan(1e-6);
      expect(Math.abs(offLine(arcs.ldfa.centre, condM, condL))).toBeLessThan(1e-6);
      expect(endsAlong(arcs.ldfa, 0, coronalDirection(femKnee, hip))).toBeLessThan(1e-6);
      expect(endsAlong(arcs.ldfa, 1, coronalDirection(condM, condL))).toBeLessThan(1e-6);
      const top = arcPoint(arcs.ldfa, 0.5);
      expect(top[0]).toBeLessThan(arcs.ldfa.centre[0]);
      expect(top[1]).toBeGreaterThan(arcs.ldfa.centre[1]);
    }
  });

  it('follow the moved landmarks: after an opening HTO the arcs read the post-operative angles', async () => {
    const { landmarks, gauge } = await kneeCase(DEFAULT_KNEE);
    const plan = planOsteotomy(landmarks, { site: 'tibia', approach: 'opening', targetWbl: 62.5 }, gauge);
    const after = applyCorrection(landmarks, plan);
    const arcs = alignmentArcs(after);
    const post = measureKnee(after);
    expect(Math.abs(arcs.hka.sweep - post.hka)).toBeLessThan(0.01);
    expect(Math.abs(arcs.mpta.sweep - post.mpta)).toBeLessThan(0.01);
    expect(Math.abs(arcs.ldfa.sweep - post.ldfa)).toBeLessThan(0.01);
    // A varus knee corrected past neutral: HKA from 172 to just over 180.
    expect(arcs.hka.sweep).toBeGreaterThan(180);
    expect(alignmentArcs(landmarks).hka.sweep).toBeCloseTo(172, 1);
  });

  it('the axes run hip → femoral knee centre and tibial knee centre → ankle', async () => {
    const { landmarks } = await kneeCase(DEFAULT_KNEE);
    const axes = mechanicalAxes(landmarks);
    expect(axes.femoral).toEqual([
      landmark(landmarks, 'femur', 'hipCentre'),
      landmark(landmarks, 'femur', 'kneeCentre'),
    ]);
    expect(axes.tibial).toEqual([
      landmark(landmarks, 'tibia', 'kneeCentre'),
      landmark(landmarks, 'talus', 'ankleCentre'),
    ]);
  });
});
