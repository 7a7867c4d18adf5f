/**
 * Quiz questions for the study view, generated from the procedure data: which step comes next, the
 * order of a procedure's steps, which operation makes a given cut, the correction angle that moves a
 * varus knee's load line to a target (planned by src/clinical), which operation suits a given
 * deformity (CLINICAL §1–3). Pure and seeded: the same seed gives the same quiz; texts are i18n keys
 * the interface translates, numbers are formatted by it in the reader's language.
 */
import type { KneeAngles } from '../anatomy/deformity';
import { landmark, type RegionLandmarks } from '../anatomy/landmarks';
import { HINGE_INSET, hernigouGap, planOsteotomy, type OsteotomyPlan } from '../clinical/knee-planning';
import { posedKnee } from '../clinical/patient';
import { PROCEDURES, procedureById } from '../procedures/registry';
import type { BoneGauge } from '../procedures/types';
import { REST_LANDMARKS } from './rest-landmarks';

/** A number the interface formats in the reader's language, with this many decimals. */
export interface QuizNumber {
  readonly value: number;
  readonly digits: number;
}

/** A text to translate: an i18n key and its values, which may themselves be texts or numbers. */
export interface QuizText {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | QuizNumber | QuizText>>;
}

export interface QuizOption {
  /** Stable id (a procedure, a step, an angle in tenths of a degree), for the page and the tests. */
  readonly id: string;
  readonly label: QuizText;
  /** The option's number, degrees, when it is an angle. */
  readonly value?: number;
}

/** A question answered by picking one option. */
export interface ChoiceQuestion {
  readonly kind: 'next-step' | 'name-cut' | 'choose-procedure' | 'correction-angle';
  readonly prompt: QuizText;
  /** The cut's picture (an SVG path in a 24 × 24 box) for "name the cut". */
  readonly icon?: string;
  readonly options: readonly QuizOption[];
  /** Index of the right option. */
  readonly answer: number;
  readonly explanation: QuizText;
  /** "Correction angle": the knee case the question was planned on. */
  readonly knee?: KneeCase;
}

/** A question answered by putting every option in order. */
export interface OrderQuestion {
  readonly kind: 'order-steps';
  readonly prompt: QuizText;
  /** The steps, shuffled (never already in order). */
  readonly options: readonly QuizOption[];
  /** The options' ids in the right order. */
  readonly order: readonly string[];
  readonly explanation: QuizText;
}

export type QuizQuestion = ChoiceQuestion | OrderQuestion;

/** A varus knee to plan a medial opening-wedge HTO on, and what the plan gives. */
export interface KneeCase {
  readonly angles: KneeAngles;
  /** Where the load line should cross the plateau, % of its width from the medial edge. */
  readonly targetWbl: number;
  /** Tibial plateau width of the knee model, mm. */
  readonly plateau: number;
  /** Where the load line crosses the plateau before surgery, %. */
  readonly wbl: number;
  /** The planned correction α, degrees. */
  readonly correction: number;
  /** HKA after the correction, degrees. */
  readonly hkaAfter: number;
  /** Opening at the medial cortex by Hernigou's rule with D ≈ the plateau width, mm. */
  readonly gap: number;
}

/**
 * Deformities and the operation that suits each (CLINICAL: chevron up to IMA ~15–16, scarf IMA
 * ~12–23, Akin for the toe's own deviation, HTO for a tibial varus, DFO for a femoral valgus,
 * cementoplasty for a painful lytic lesion); the wrong options are ones the same facts rule out.
 */
const CASES = [
  { id: 'mildBunion', answer: 'chevron', wrong: ['akin', 'hto-opening', 'cementoplasty'] },
  { id: 'moderateBunion', answer: 'scarf', wrong: ['chevron', 'akin', 'dfo-opening'] },
  { id: 'toeDeviation', answer: 'akin', wrong: ['scarf', 'chevron', 'hto-closing'] },
  { id: 'varusKnee', answer: 'hto-opening', wrong: ['dfo-opening', 'dfo-closing', 'cementoplasty'] },
  { id: 'valgusKnee', answer: 'dfo-closing', wrong: ['hto-opening', 'hto-closing', 'cementoplasty'] },
  { id: 'lyticLesion', answer: 'cementoplasty', wrong: ['hto-opening', 'dfo-opening', 'mis-bunion'] },
] as const;

/** A small seeded generator (mulberry32): the same seed, the same quiz. */
function random(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

function shuffle<T>(rnd: () => number, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const procName = (id: string): QuizText => ({ key: `proc.${id}.name` });
const stepTitle = (procedure: string, step: string): QuizText => ({
  key: `proc.${procedure}.step.${step}.title`,
});
const num = (value: number, digits = Number.isInteger(value) ? 0 : 1): QuizNumber => ({ value, digits });

/** The right option among the wrong ones, shuffled; the question records where it landed. */
function withOptions(
  rnd: () => number,
  right: QuizOption,
  wrong: readonly QuizOption[],
): { options: QuizOption[]; answer: number } {
  const options = shuffle(rnd, [right, ...wrong]);
  return { options, answer: options.findIndex((o) => o.id === right.id) };
}

/** A choice question whose prompt and explanation share their values. */
function asked(
  kind: ChoiceQuestion['kind'],
  keys: { prompt: string; why: string },
  values: QuizText['values'],
  picked: { options: QuizOption[]; answer: number },
): ChoiceQuestion {
  return { kind, prompt: { key: keys.prompt, values }, ...picked, explanation: { key: keys.why, values } };
}

function nextStep(rnd: () => number): ChoiceQuestion {
  const proc = pick(
    rnd,
    PROCEDURES.filter((p) => p.steps.length >= 5),
  );
  const i = Math.floor(rnd() * (proc.steps.length - 1));
  const title = (id: string): QuizText => stepTitle(proc.id, id);
  const next = proc.steps[i + 1]!;
  const others = shuffle(
    rnd,
    proc.steps.filter((_, k) => k !== i && k !== i + 1),
  ).slice(0, 3);
  const values = { procedure: procName(proc.id), step: title(proc.steps[i]!.id), next: title(next.id) };
  return asked(
    'next-step',
    { prompt: 'quiz.nextStep', why: 'quiz.explainNextStep' },
    values,
    withOptions(
      rnd,
      { id: next.id, label: title(next.id) },
      others.map((s) => ({ id: s.id, label: title(s.id) })),
    ),
  );
}

/** Steps to put in order in one question. */
export const STEPS_TO_ORDER = 4;

/** A procedure's steps, some of them, shown shuffled: the student puts them back in order. */
function orderSteps(rnd: () => number): OrderQuestion {
  const proc = pick(
    rnd,
    PROCEDURES.filter((p) => p.steps.length >= STEPS_TO_ORDER + 2),
  );
  // A few steps spread over the whole operation, in their real order.
  const kept = shuffle(
    rnd,
    proc.steps.map((_, i) => i),
  )
    .slice(0, STEPS_TO_ORDER)
    .sort((a, b) => a - b)
    .map((i) => proc.steps[i]!);
  const options = kept.map((s) => ({ id: s.id, label: stepTitle(proc.id, s.id) }));
  let shown = shuffle(rnd, options);
  // Never already in order: one more turn of the same generator moves them.
  while (shown.every((o, i) => o.id === kept[i]!.id)) shown = shuffle(rnd, options);
  return {
    kind: 'order-steps',
    prompt: { key: 'quiz.orderSteps', values: { procedure: procName(proc.id) } },
    options: shown,
    order: kept.map((s) => s.id),
    explanation: { key: 'quiz.explainOrder', values: { procedure: procName(proc.id) } },
  };
}

function nameCut(rnd: () => number): ChoiceQuestion {
  const proc = pick(
    rnd,
    PROCEDURES.filter((p) => p.icon),
  );
  const others = shuffle(
    rnd,
    PROCEDURES.filter((p) => p.id !== proc.id && p.icon !== proc.icon),
  ).slice(0, 3);
  const { options, answer } = withOptions(
    rnd,
    { id: proc.id, label: procName(proc.id) },
    others.map((p) => ({ id: p.id, label: procName(p.id) })),
  );
  return {
    kind: 'name-cut',
    prompt: { key: 'quiz.nameCut' },
    icon: proc.icon,
    options,
    answer,
    explanation: {
      key: 'quiz.explainNameCut',
      values: { procedure: procName(proc.id), summary: { key: `proc.${proc.id}.summary` } },
    },
  };
}

function chooseProcedure(rnd: () => number): ChoiceQuestion {
  const c = pick(
    rnd,
    CASES.filter((k) => [k.answer, ...k.wrong].every((id) => procedureById(id))),
  );
  const { options, answer } = withOptions(
    rnd,
    { id: c.answer, label: procName(c.answer) },
    c.wrong.map((id) => ({ id, label: procName(id) })),
  );
  return {
    kind: 'choose-procedure',
    prompt: { key: `quiz.case.${c.id}.prompt` },
    options,
    answer,
    explanation: { key: `quiz.case.${c.id}.why` },
  };
}

/** The knee model's rest landmarks (written by `npm run models`). */
const KNEE_REST = REST_LANDMARKS.knee;

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
  const patient = posedKnee(KNEE_REST, angles);
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
function correctionAngle(rnd: () => number): ChoiceQuestion {
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

const KINDS = [nextStep, orderSteps, correctionAngle, nameCut, chooseProcedure] as const;

/** `count` questions from `seed`, the kinds taken in turn. */
export function makeQuiz(seed: number, count: number): QuizQuestion[] {
  const rnd = random(seed);
  return Array.from({ length: count }, (_, i) => KINDS[i % KINDS.length]!(rnd));
}
