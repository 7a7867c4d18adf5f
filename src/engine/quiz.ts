/**
 * Quiz questions for the study view, generated from the procedure data: which step comes next, which
 * operation makes a given cut, which operation suits a given deformity (CLINICAL §1–3). Pure and
 * seeded: the same seed gives the same quiz; texts are i18n keys the interface translates.
 */
import { PROCEDURES, procedureById } from '../procedures/registry';

/** A text to translate: an i18n key and its values, which may themselves be texts. */
export interface QuizText {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number | QuizText>>;
}

export interface QuizOption {
  /** Stable id (a procedure or a step), for the page and the tests. */
  readonly id: string;
  readonly label: QuizText;
}

export interface QuizQuestion {
  readonly kind: 'next-step' | 'name-cut' | 'choose-procedure';
  readonly prompt: QuizText;
  /** The cut's picture (an SVG path in a 24 × 24 box) for "name the cut". */
  readonly icon?: string;
  readonly options: readonly QuizOption[];
  /** Index of the right option. */
  readonly answer: number;
  readonly explanation: QuizText;
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

/** The right option among the wrong ones, shuffled; the question records where it landed. */
function withOptions(
  rnd: () => number,
  right: QuizOption,
  wrong: readonly QuizOption[],
): { options: QuizOption[]; answer: number } {
  const options = shuffle(rnd, [right, ...wrong]);
  return { options, answer: options.findIndex((o) => o.id === right.id) };
}

function nextStep(rnd: () => number): QuizQuestion {
  const proc = pick(
    rnd,
    PROCEDURES.filter((p) => p.steps.length >= 5),
  );
  const i = Math.floor(rnd() * (proc.steps.length - 1));
  const title = (id: string): QuizText => ({ key: `proc.${proc.id}.step.${id}.title` });
  const next = proc.steps[i + 1]!;
  const others = shuffle(
    rnd,
    proc.steps.filter((_, k) => k !== i && k !== i + 1),
  ).slice(0, 3);
  const { options, answer } = withOptions(
    rnd,
    { id: next.id, label: title(next.id) },
    others.map((s) => ({ id: s.id, label: title(s.id) })),
  );
  const values = { procedure: procName(proc.id), step: title(proc.steps[i]!.id), next: title(next.id) };
  return {
    kind: 'next-step',
    prompt: { key: 'quiz.nextStep', values },
    options,
    answer,
    explanation: { key: 'quiz.explainNextStep', values },
  };
}

function nameCut(rnd: () => number): QuizQuestion {
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

function chooseProcedure(rnd: () => number): QuizQuestion {
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

const KINDS = [nextStep, nameCut, chooseProcedure] as const;

/** `count` questions from `seed`, the kinds taken in turn. */
export function makeQuiz(seed: number, count: number): QuizQuestion[] {
  const rnd = random(seed);
  return Array.from({ length: count }, (_, i) => KINDS[i % KINDS.length]!(rnd));
}
