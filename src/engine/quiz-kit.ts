/**
 * The study quiz's building blocks: its questions' shapes (texts are i18n keys the interface
 * translates, numbers are formatted by it in the reader's language), a seeded generator (the same
 * seed, the same quiz) and the helpers that shuffle options and put a question together.
 */
import type { KneeAngles } from '../anatomy/deformity';

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

/** A small seeded generator (mulberry32): the same seed, the same quiz. */
export function random(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

export function shuffle<T>(rnd: () => number, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const procName = (id: string): QuizText => ({ key: `proc.${id}.name` });
export const stepTitle = (procedure: string, step: string): QuizText => ({
  key: `proc.${procedure}.step.${step}.title`,
});
export const num = (value: number, digits = Number.isInteger(value) ? 0 : 1): QuizNumber => ({
  value,
  digits,
});

/** The right option among the wrong ones, shuffled; the question records where it landed. */
export function withOptions(
  rnd: () => number,
  right: QuizOption,
  wrong: readonly QuizOption[],
): { options: QuizOption[]; answer: number } {
  const options = shuffle(rnd, [right, ...wrong]);
  return { options, answer: options.findIndex((o) => o.id === right.id) };
}

/** A choice question whose prompt and explanation share their values. */
export function asked(
  kind: ChoiceQuestion['kind'],
  keys: { prompt: string; why: string },
  values: QuizText['values'],
  picked: { options: QuizOption[]; answer: number },
): ChoiceQuestion {
  return { kind, prompt: { key: keys.prompt, values }, ...picked, explanation: { key: keys.why, values } };
}
