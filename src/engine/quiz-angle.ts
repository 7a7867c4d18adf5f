/**
 * The quiz's "which correction angle?" question: a varus knee planned by src/clinical (Miniaci) for
 * a medial opening-wedge HTO, the right angle among the slips a student makes.
 */
import type { KneeAngles } from '../anatomy/deformity';
import { landmark, type RegionLandmarks } from '../anatomy/landmarks';
import type { BoneGauge } from '../clinical/bone-gauge';
import { planOsteotomy, type OsteotomyPlan } from '../clinical/knee-planning';
import { HINGE_INSET } from '../clinical/knee-cut-geometry';
import { hernigouGap } from '../clinical/knee-correction';
import {
  asked,
  num,
  pick,
  shuffle,
  withOptions,
  type ChoiceQuestion,
  type KneeCase,
  type QuizOption,
} from './quiz-kit';
import { posedKneePatient } from './case';

/** Quiz cases: HKA 170–176° (CLINICAL §2: < 177 varus), targets in the 55–65 % some aim for. */
const CASE_HKA = [170, 171, 172, 173, 174, 175, 176] as const;
const CASE_TARGETS = [55, 57.5, 60, 62.5, 65] as const;
/** The case's deformity lies in the tibia (mMPTA = HKA − 90), the femur normal (mLDFA 88, JLCA 2). */
const caseAngles = (hka: number): KneeAngles => ({ hka, mpta: hka - 90, ldfa: 88 });

const plateauWidth = (lm: RegionLandmarks): number => {
  const m = landmark(lm, 'tibia', 'plateauMedial');
  const l = landmark(lm, 'tibia', 'plateauLateral');
  return Math.hypot(m[0] - l[0], m[1] - l[1]);
};

/**
 * The tibia as wide as its plateau at every level, the fibula not found: what a student measures
 * on the film. The planner then places the hinge at its own default depth (15 mm below the lateral
 * plateau, 10 mm inside the cortex); on the knee model's meshes it lies within ~1 mm of that, and
 * the angle within 0.05° (the unit test compares the two).
 */
function plateauGauge(width: number): BoneGauge {
  return {
    width: (bone) => (bone === 'tibia' ? width : 0),
    span: (bone) => (bone === 'tibia' ? [-width / 2, width / 2] : [0, 0]),
    reach: (bone) => (bone === 'tibia' ? width / 2 : 0),
  };
}

/** A medial opening-wedge HTO planned by src/clinical (Miniaci) for a varus knee and a target WBL. */
export function planKneeCase(hka: number, targetWbl: number): KneeCase {
  const angles = caseAngles(hka);
  const patient = posedKneePatient(angles);
  const plateau = plateauWidth(patient.landmarks);
  const plan: OsteotomyPlan = planOsteotomy(
    patient.landmarks,
    { site: 'tibia', approach: 'opening', targetWbl },
    plateauGauge(plateau),
  );
  return {
    angles,
    targetWbl,
    plateau,
    wbl: plan.pre.wbl,
    correction: plan.correction,
    hkaAfter: plan.predictedHka,
    // A student's D: the tibia's width on the film, about its plateau's (CLINICAL §2).
    gap: hernigouGap(plateau, plan.correction),
  };
}

/** Wrong angles are at least this far from the right one and from each other, degrees. */
export const ANGLE_SPREAD = 2;
const tenth = (x: number): number => Math.round(x * 10) / 10;

/**
 * "Which correction puts the load line at the target?" The wrong options are the slips a student
 * makes: the varus alone (straight, not overcorrected), the target counted from the lateral edge,
 * the gap in millimetres taken for degrees; then angles a few degrees either side.
 */
export function correctionAngle(rnd: () => number): ChoiceQuestion {
  const c = planKneeCase(pick(rnd, CASE_HKA), pick(rnd, CASE_TARGETS));
  const right = tenth(c.correction);
  const slips = shuffle(rnd, [
    180 - c.angles.hka,
    planKneeCase(c.angles.hka, 100 - c.targetWbl).correction,
    c.gap,
  ]);
  // The right one takes any rank among the four, so neither the middle nor an end gives it away.
  const rank = Math.floor(rnd() * 4);
  const jitter = [0, 1, 2, 3].map(() => (rnd() - 0.5) / 2);
  const side = (sign: 1 | -1) =>
    [
      ...slips.filter((x) => sign * (x - right) > 0),
      ...[2.5, 5, 7.5, 10].map((d, i) => right + sign * (d + jitter[i]!)),
    ].map(tenth);
  const chosen: number[] = [];
  const take = (sign: 1 | -1, upTo: number) => {
    for (const x of side(sign)) {
      if (chosen.length >= upTo) return;
      const apart = [right, ...chosen].every((y) => Math.abs(x - y) >= ANGLE_SPREAD);
      if (x >= 2.5 && x <= 25 && apart) chosen.push(x);
    }
  };
  take(-1, rank);
  take(1, 3);
  // Too little room above (a large correction): the rest below.
  take(-1, 3);
  const option = (deg: number): QuizOption => ({
    id: `deg-${Math.round(deg * 10)}`,
    label: { key: 'quiz.degrees', values: { value: num(deg, 1) } },
    value: deg,
  });
  const picked = withOptions(rnd, option(right), chosen.map(option));
  const values = {
    hka: num(c.angles.hka),
    mpta: num(c.angles.mpta),
    plateau: num(c.plateau, 1),
    wbl: num(c.wbl, 0),
    target: num(c.targetWbl),
    point: num((c.plateau * c.targetWbl) / 100, 1),
    inset: num(HINGE_INSET),
    angle: num(right, 1),
    hkaAfter: num(c.hkaAfter, 1),
    gap: num(c.gap, 1),
  };
  return {
    ...asked('correction-angle', { prompt: 'quiz.angle.prompt', why: 'quiz.angle.why' }, values, picked),
    knee: c,
  };
}
