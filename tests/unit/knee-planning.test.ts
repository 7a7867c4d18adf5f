import { describe, expect, it } from 'vitest';
import type { KneeAngles } from '../../src/anatomy/deformity';
import { landmark, type RegionLandmarks } from '../../src/anatomy/landmarks';
import { dot, length, sub, type Vec3 } from '../../src/anatomy/vec';
import { measureKnee } from '../../src/clinical/knee-alignment';
import { planOsteotomy, type OsteotomyOptions, type OsteotomyPlan } from '../../src/clinical/knee-planning';
import {
  femoralFrame,
  HINGE_INSET,
  HTO_CLOSING_BELOW,
  HTO_CUT_BELOW,
  tibialFrame,
  turnAbout,
  type OsteotomyApproach,
  type OsteotomySite,
} from '../../src/clinical/knee-cut-geometry';
import { applyCorrection } from '../../src/clinical/knee-correction';
import { DEFAULT_KNEE, DEFAULT_VALGUS_KNEE, kneeCase } from '../../scripts/models/knee-case';

const DEG = Math.PI / 180;

/** Pre-operative varus knees for HTO: mLDFA 88–90, mMPTA set for a JLCA of −2, 0 or +2. */
const VARUS: KneeAngles[] = [];
for (const hka of [165, 168, 171, 172, 174, 176, 178]) {
  for (const jlca of [-2, 0, 2]) {
    const ldfa = hka < 170 ? 90 : 88;
    VARUS.push({ hka, ldfa, mpta: ldfa - (180 - hka) + jlca });
  }
}
/** Pre-operative valgus knees for DFO: low mLDFA. */
const VALGUS: KneeAngles[] = [
  { hka: 182, ldfa: 84, mpta: 87 },
  { hka: 185, ldfa: 82, mpta: 87 },
  { hka: 188, ldfa: 80, mpta: 87 },
  { hka: 190, ldfa: 79, mpta: 88 },
  { hka: 192, ldfa: 78, mpta: 88 },
];
const TARGETS = [50, 55, 62.5, 70];
const APPROACHES: OsteotomyApproach[] = ['opening', 'closing'];

const jlcaOf = (a: KneeAngles) => 180 - a.hka - (a.ldfa - a.mpta);

/** Distance of the hinge from the knee centre along the moving segment's mechanical axis, and its length. */
function leverArm(lm: RegionLandmarks, site: OsteotomySite, hinge: Vec3) {
  const knee = landmark(lm, site, 'kneeCentre');
  const end = site === 'tibia' ? landmark(lm, 'talus', 'ankleCentre') : landmark(lm, 'femur', 'hipCentre');
  const axis = sub(end, knee);
  const L = length(axis);
  return { h: dot(sub(hinge, knee), axis) / L, L };
}

/**
 * The bone's extent along unit direction `dir` (coronal) through point q, from the posed mesh
 * itself: vertices within 1 mm of the line, any depth. Returns [near side, far side] offsets.
 */
function meshExtent(positions: Float32Array, q: Vec3, dir: Vec3): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < positions.length; i += 3) {
    const dx = positions[i]! - q[0];
    const dy = positions[i + 1]! - q[1];
    const along = dx * dir[0] + dy * dir[1];
    const off = -dx * dir[1] + dy * dir[0];
    if (Math.abs(off) > 1) continue;
    lo = Math.min(lo, along);
    hi = Math.max(hi, along);
  }
  return [lo, hi];
}

async function plan(angles: KneeAngles, options: OsteotomyOptions) {
  const c = await kneeCase(angles);
  const p = planOsteotomy(c.landmarks, options, c.gauge);
  const after = applyCorrection(c.landmarks, p);
  return { ...c, plan: p, after, post: measureKnee(after), pre: measureKnee(c.landmarks) };
}

function checkPlan(
  label: string,
  lm: RegionLandmarks,
  p: OsteotomyPlan,
  pre: ReturnType<typeof measureKnee>,
  post: ReturnType<typeof measureKnee>,
  target: number,
) {
  // The measured post-operative load line crosses the plateau at the target.
  expect(Math.abs(post.wbl - target), `${label}: WBL ${post.wbl}`).toBeLessThan(0.5);
  expect(p.predictedWbl).toBeCloseTo(post.wbl, 6);
  expect(p.predictedHka).toBeCloseTo(post.hka, 6);
  // HKA changes by α less the hinge's lever arm: the mechanical axis starts at the knee centre, not
  // at the hinge, so ΔHKA ≈ α·(1 − h/L); within 0.3° of α itself while α is small.
  const dHka = post.hka - pre.hka;
  const { h, L } = leverArm(lm, p.site, p.hinge);
  expect(
    Math.abs(dHka - p.correction * (1 - h / L)),
    `${label}: ΔHKA ${dHka} α ${p.correction}`,
  ).toBeLessThan(0.3);
  if (Math.abs(p.correction * h) / L < 0.2) expect(Math.abs(dHka - p.correction), label).toBeLessThan(0.3);
  expect(Math.sign(dHka)).toBe(Math.sign(p.correction));
  // Hernigou: gap = D·tan α.
  const D = length(sub(p.hinge, p.cutStart));
  expect(p.cutLength).toBeCloseTo(D, 9);
  expect(Math.abs(p.gap - D * Math.tan(Math.abs(p.correction) * DEG))).toBeLessThan(0.1);
}

describe('knee osteotomy planning: Miniaci angle reaches the target', () => {
  it('HTO (opening and closing) on varus knees, targets 50–70 %', async () => {
    let n = 0;
    for (const angles of VARUS) {
      expect(Math.abs(jlcaOf(angles))).toBeLessThanOrEqual(3);
      for (const approach of APPROACHES) {
        const c = await kneeCase(angles);
        const pre = measureKnee(c.landmarks);
        for (const targetWbl of TARGETS) {
          const p = planOsteotomy(c.landmarks, { site: 'tibia', approach, targetWbl }, c.gauge);
          const post = measureKnee(applyCorrection(c.landmarks, p));
          const label = `HTO ${approach} ${JSON.stringify(angles)} → ${targetWbl}`;
          checkPlan(label, c.landmarks, p, pre, post, targetWbl);
          // A varus knee to a lateral target: positive (varus-correcting) α.
          expect(p.correction, label).toBeGreaterThan(0);
          // The joint lines do not move against each other; the plateau gains α of mMPTA (less the lever).
          expect(post.jlca).toBeCloseTo(pre.jlca, 6);
          expect(post.ldfa).toBeCloseTo(pre.ldfa, 6);
          expect(post.mpta - pre.mpta).toBeCloseTo(post.hka - pre.hka, 6);
          n++;
        }
      }
    }
    expect(n).toBe(VARUS.length * APPROACHES.length * TARGETS.length);
  });

  it('DFO (lateral opening, medial closing) on valgus knees with low mLDFA', async () => {
    for (const angles of VALGUS) {
      for (const approach of APPROACHES) {
        const c = await kneeCase(angles);
        const pre = measureKnee(c.landmarks);
        for (const targetWbl of TARGETS) {
          if (targetWbl >= pre.wbl) continue; // a valgus knee already past the target needs no DFO
          const p = planOsteotomy(c.landmarks, { site: 'femur', approach, targetWbl }, c.gauge);
          const post = measureKnee(applyCorrection(c.landmarks, p));
          const label = `DFO ${approach} ${JSON.stringify(angles)} → ${targetWbl}`;
          checkPlan(label, c.landmarks, p, pre, post, targetWbl);
          // Valgus-correcting: negative α; the femoral joint angle takes the change, the tibia none.
          expect(p.correction, label).toBeLessThan(0);
          expect(post.mpta).toBeCloseTo(pre.mpta, 6);
          expect(post.jlca).toBeCloseTo(pre.jlca, 6);
          expect(post.ldfa - pre.ldfa).toBeCloseTo(pre.hka - post.hka, 6);
        }
      }
    }
  });
});

describe('hinge and cut placement', () => {
  it('HTO opening: medial entry 37.5 mm below the plateau, lateral hinge 10 mm inside the cortex at the fibular tip', async () => {
    for (const angles of [DEFAULT_KNEE, VARUS[0]!, VARUS[VARUS.length - 1]!]) {
      const {
        landmarks,
        posed,
        plan: p,
      } = await plan(angles, { site: 'tibia', approach: 'opening', targetWbl: 62.5 });
      const f = tibialFrame(landmarks);
      const tibia = posed.get('tibia')!.positions;
      // Entry on the medial cortex (within 1.5 mm of the mesh), 37.5 mm below the medial plateau.
      const [, entryFar] = meshExtent(tibia, p.cutStart, f.medial);
      expect(Math.abs(entryFar)).toBeLessThan(1.5);
      const platM = landmark(landmarks, 'tibia', 'plateauMedial');
      expect(dot(sub(p.cutStart, platM), f.axis)).toBeCloseTo(HTO_CUT_BELOW, 6);
      // Hinge: 10 ± 1.5 mm inside the lateral cortex.
      const [lateral] = meshExtent(tibia, p.hinge, f.medial);
      expect(Math.abs(-lateral - HINGE_INSET)).toBeLessThan(1.5);
      // At the level of the fibular head's tip (within 2 mm).
      const fib = posed.get('fibula')!.positions;
      let tip = -Infinity;
      for (let i = 0; i < fib.length; i += 3) {
        tip = Math.max(
          tip,
          dot(sub([fib[i]!, fib[i + 1]!, fib[i + 2]!], f.origin), [-f.axis[0], -f.axis[1], -f.axis[2]]),
        );
      }
      expect(Math.abs(-dot(sub(p.hinge, f.origin), f.axis) - tip)).toBeLessThan(2);
      // The cut rises from medial to the lateral hinge.
      expect(dot(sub(p.hinge, p.cutStart), f.axis)).toBeLessThan(-15);
      expect(p.secondCutStart).toBeUndefined();
    }
  });

  it('HTO closing: upper cut 20 mm below the plateau, medial hinge, second cut α below it', async () => {
    const {
      landmarks,
      posed,
      plan: p,
    } = await plan(DEFAULT_KNEE, { site: 'tibia', approach: 'closing', targetWbl: 62.5 });
    const f = tibialFrame(landmarks);
    const tibia = posed.get('tibia')!.positions;
    const platM = landmark(landmarks, 'tibia', 'plateauMedial');
    const platL = landmark(landmarks, 'tibia', 'plateauLateral');
    const mid: Vec3 = [(platM[0] + platL[0]) / 2, (platM[1] + platL[1]) / 2, platM[2]];
    // Default case: the plateau is level, so the upper cut is too.
    expect(mid[1] - p.hinge[1]).toBeCloseTo(HTO_CLOSING_BELOW, 1);
    expect(p.hinge[1]).toBeCloseTo(p.cutStart[1], 1);
    const [, medial] = meshExtent(tibia, p.hinge, f.medial);
    expect(Math.abs(medial - HINGE_INSET)).toBeLessThan(1.5);
    const [lateral] = meshExtent(tibia, p.cutStart, f.medial);
    expect(Math.abs(lateral)).toBeLessThan(1.5);
    // The second cut leaves the hinge α below the first (its entry a chord 2·D·sin(α/2) away), and
    // closing the wedge brings it onto the first.
    const s = p.secondCutStart!;
    expect(s[1]).toBeLessThan(p.cutStart[1]);
    expect(length(sub(s, p.cutStart))).toBeCloseTo(2 * p.cutLength * Math.sin((p.correction * DEG) / 2), 6);
    const closed = turnAbout(s, p.transform.pivot, p.transform.angle);
    expect(length(sub(closed, p.cutStart))).toBeLessThan(1e-9);
  });

  it('DFO: cut from the near cortex 50 mm above the joint down to a hinge 10 mm inside the far cortex, 35 mm up', async () => {
    for (const approach of APPROACHES) {
      const {
        landmarks,
        posed,
        plan: p,
      } = await plan(DEFAULT_VALGUS_KNEE, { site: 'femur', approach, targetWbl: 50 });
      const f = femoralFrame(landmarks);
      const femur = posed.get('femur')!.positions;
      const [lat, med] = meshExtent(femur, p.hinge, f.medial);
      // Lateral opening: hinge medial; medial closing: hinge lateral (within 3 mm of the intended depth).
      if (approach === 'opening') expect(Math.abs(med - HINGE_INSET)).toBeLessThan(3);
      else expect(Math.abs(-lat - HINGE_INSET)).toBeLessThan(3);
      const [sLat, sMed] = meshExtent(femur, p.cutStart, f.medial);
      expect(Math.abs(approach === 'opening' ? sLat : sMed)).toBeLessThan(3);
      // The cut runs down (distally) from the near cortex to the hinge.
      expect(dot(sub(p.hinge, p.cutStart), f.axis)).toBeLessThan(-10);
      expect(p.secondCutStart !== undefined).toBe(approach === 'closing');
    }
  });
});

describe('applyCorrection', () => {
  it('turns the leg below a tibial cut about the hinge; the femur, plateau and knee centre stay', async () => {
    const {
      landmarks,
      plan: p,
      after,
    } = await plan(DEFAULT_KNEE, { site: 'tibia', approach: 'opening', targetWbl: 62.5 });
    expect(p.transform.axis).toEqual([0, 0, 1]);
    expect(p.transform.pivot).toEqual(p.hinge);
    expect(p.transform.angle).toBeCloseTo(-p.correction, 12);
    expect(p.transform.segment).toBe('distal');
    for (const k of ['hipCentre', 'kneeCentre', 'condyleMedial', 'condyleLateral'])
      expect(after['femur']![k]).toEqual(landmarks['femur']![k]);
    for (const k of ['kneeCentre', 'plateauMedial', 'plateauLateral'])
      expect(after['tibia']![k]).toEqual(landmarks['tibia']![k]);
    for (const [part, k] of [
      ['tibia', 'plafondCentre'],
      ['tibia', 'tuberosity'],
      ['talus', 'ankleCentre'],
      ['fibula', 'lateralMalleolus'],
    ] as const) {
      const a = landmarks[part]![k]!;
      const b = after[part]![k]!;
      // Rigid: the same distance from the hinge, turned by the transform's angle.
      expect(length(sub(b, p.hinge))).toBeCloseTo(length(sub(a, p.hinge)), 6);
      const turn =
        Math.atan2(
          (a[0] - p.hinge[0]) * (b[1] - p.hinge[1]) - (a[1] - p.hinge[1]) * (b[0] - p.hinge[0]),
          (a[0] - p.hinge[0]) * (b[0] - p.hinge[0]) + (a[1] - p.hinge[1]) * (b[1] - p.hinge[1]),
        ) / DEG;
      expect(turn).toBeCloseTo(p.transform.angle, 6);
    }
    // Part of the way, for the animation.
    expect(applyCorrection(landmarks, p, 0)).toEqual(landmarks);
    const half = measureKnee(applyCorrection(landmarks, p, 0.5));
    const pre = measureKnee(landmarks);
    expect(half.wbl).toBeGreaterThan(pre.wbl);
    expect(half.wbl).toBeLessThan(p.predictedWbl);
  });

  it('turns the femur above a femoral cut; everything below stays', async () => {
    const {
      landmarks,
      plan: p,
      after,
    } = await plan(DEFAULT_VALGUS_KNEE, { site: 'femur', approach: 'opening', targetWbl: 50 });
    expect(p.transform.angle).toBeCloseTo(p.correction, 12);
    expect(p.transform.segment).toBe('proximal');
    for (const k of ['kneeCentre', 'condyleMedial', 'condyleLateral'])
      expect(after['femur']![k]).toEqual(landmarks['femur']![k]);
    for (const part of ['tibia', 'fibula', 'talus', 'patella']) expect(after[part]).toEqual(landmarks[part]);
    for (const k of ['hipCentre', 'trochanterTip', 'centre'])
      expect(after['femur']![k]).not.toEqual(landmarks['femur']![k]);
  });
});

describe('angle override', () => {
  it('the planned angle as an override reproduces the plan; more angle moves the line laterally, smoothly', async () => {
    for (const [angles, site] of [
      [DEFAULT_KNEE, 'tibia'],
      [DEFAULT_VALGUS_KNEE, 'femur'],
    ] as const) {
      const c = await kneeCase(angles);
      const opts = { site, approach: 'opening', targetWbl: site === 'tibia' ? 62.5 : 50 } as const;
      const planned = planOsteotomy(c.landmarks, opts, c.gauge);
      const same = planOsteotomy(c.landmarks, { ...opts, angle: planned.correction }, c.gauge);
      expect(same.predictedWbl).toBeCloseTo(planned.predictedWbl, 9);
      expect(same.hinge).toEqual(planned.hinge);
      // Zero correction leaves the alignment as it was.
      const none = planOsteotomy(c.landmarks, { ...opts, angle: 0 }, c.gauge);
      expect(none.predictedWbl).toBeCloseTo(none.pre.wbl, 9);
      expect(none.gap).toBe(0);
      // WBL rises with α, and a degree either side moves it by the same amount (±0.3 %).
      const a0 = planned.correction;
      const wbl = (a: number) => planOsteotomy(c.landmarks, { ...opts, angle: a }, c.gauge).predictedWbl;
      let last = -Infinity;
      for (let a = a0 - 6; a <= a0 + 6; a += 1) {
        const w = wbl(a);
        expect(w).toBeGreaterThan(last);
        last = w;
      }
      const up = wbl(a0 + 2) - wbl(a0);
      const down = wbl(a0) - wbl(a0 - 2);
      expect(Math.abs(up - down)).toBeLessThan(0.3);
      expect(up).toBeGreaterThan(2); // several % of plateau per degree
      // The override changes the wedge: gap follows D·tan α.
      const bigger = planOsteotomy(c.landmarks, { ...opts, angle: a0 + 2 * Math.sign(a0) }, c.gauge);
      expect(bigger.gap).toBeCloseTo(bigger.cutLength * Math.tan(Math.abs(a0 + 2 * Math.sign(a0)) * DEG), 9);
      expect(bigger.gap).toBeGreaterThan(planned.gap);
    }
  });
});

describe('warnings', () => {
  const gapAngle = (p: OsteotomyPlan, gap: number) => Math.atan(gap / p.cutLength) / DEG;

  it('hinge fracture past an 11 mm gap', async () => {
    const c = await kneeCase(DEFAULT_KNEE);
    const opts = { site: 'tibia', approach: 'opening', targetWbl: 62.5 } as const;
    const base = planOsteotomy(c.landmarks, opts, c.gauge);
    const big = planOsteotomy(c.landmarks, { ...opts, angle: gapAngle(base, 16) }, c.gauge);
    expect(big.gap).toBeCloseTo(16, 6);
    expect(big.warnings).toContain('warn.knee.hingeFracture');
    const small = planOsteotomy(c.landmarks, { ...opts, angle: gapAngle(base, 9) }, c.gauge);
    expect(small.gap).toBeCloseTo(9, 6);
    expect(small.warnings).not.toContain('warn.knee.hingeFracture');
  });

  it('lateral overload past a post-operative mMPTA of 95, double level past 12.5° at the tibia', async () => {
    const c = await kneeCase({ hka: 172, mpta: 85, ldfa: 91 });
    const opts = { site: 'tibia', approach: 'opening', targetWbl: 62.5 } as const;
    const at = (angle: number) => planOsteotomy(c.landmarks, { ...opts, angle }, c.gauge);
    const over = at(12);
    expect(over.post.mpta).toBeGreaterThan(95);
    expect(over.warnings).toContain('warn.knee.lateralOverload');
    expect(over.warnings).not.toContain('warn.knee.doubleLevel');
    const under = at(8);
    expect(under.post.mpta).toBeLessThan(95);
    expect(under.warnings).not.toContain('warn.knee.lateralOverload');
    expect(at(13).warnings).toContain('warn.knee.doubleLevel');
    expect(at(12.4).warnings).not.toContain('warn.knee.doubleLevel');
    // Over the grid: each warning exactly when its measure passes the limit.
    for (const angles of VARUS) {
      const k = await kneeCase(angles);
      const p = planOsteotomy(k.landmarks, { site: 'tibia', approach: 'opening', targetWbl: 62.5 }, k.gauge);
      expect(p.warnings.includes('warn.knee.lateralOverload')).toBe(p.post.mpta > 95);
      expect(p.warnings.includes('warn.knee.doubleLevel')).toBe(p.correction > 12.5);
      expect(p.warnings.includes('warn.knee.hingeFracture')).toBe(p.gap > 11);
    }
    // A femoral correction of any size is not a double-level warning.
    const v = await kneeCase({ hka: 192, ldfa: 78, mpta: 88 });
    const dfo = planOsteotomy(v.landmarks, { site: 'femur', approach: 'closing', targetWbl: 50 }, v.gauge);
    expect(Math.abs(dfo.correction)).toBeGreaterThan(12.5);
    expect(dfo.warnings).not.toContain('warn.knee.doubleLevel');
  });

  it('other procedure: HTO on a valgus knee, DFO on a varus knee', async () => {
    const valgus = await kneeCase(DEFAULT_VALGUS_KNEE);
    const varus = await kneeCase(DEFAULT_KNEE);
    const hto = (lm: typeof valgus) =>
      planOsteotomy(lm.landmarks, { site: 'tibia', approach: 'opening', targetWbl: 50 }, lm.gauge).warnings;
    const dfo = (lm: typeof valgus) =>
      planOsteotomy(lm.landmarks, { site: 'femur', approach: 'opening', targetWbl: 50 }, lm.gauge).warnings;
    expect(hto(valgus)).toContain('warn.knee.otherProcedure');
    expect(dfo(varus)).toContain('warn.knee.otherProcedure');
    expect(hto(varus)).not.toContain('warn.knee.otherProcedure');
    expect(dfo(valgus)).not.toContain('warn.knee.otherProcedure');
    // Just inside the borders (HKA 183 / 177) no warning.
    const border = await kneeCase({ hka: 182.9, ldfa: 84, mpta: 87 });
    expect(hto(border)).not.toContain('warn.knee.otherProcedure');
    const border2 = await kneeCase({ hka: 177.1, ldfa: 88, mpta: 85 });
    expect(dfo(border2)).not.toContain('warn.knee.otherProcedure');
  });
});

describe('default case (HKA 172, mMPTA 82, mLDFA 88) to the Fujisawa point', () => {
  it('medial opening HTO: α, D and gap in the clinical range', async () => {
    const { plan: p, post } = await plan(DEFAULT_KNEE, {
      site: 'tibia',
      approach: 'opening',
      targetWbl: 62.5,
    });
    expect(post.wbl).toBeCloseTo(62.5, 6);
    expect(p.correction).toBeGreaterThan(10);
    expect(p.correction).toBeLessThan(12);
    expect(p.cutLength).toBeGreaterThan(50);
    expect(p.cutLength).toBeLessThan(65);
    expect(p.gap).toBeGreaterThan(9);
    expect(p.gap).toBeLessThan(13);
  });
});
