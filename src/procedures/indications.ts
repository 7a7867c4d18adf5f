/**
 * The study quiz's "which operation?" cases, derived from what each operation declares it is for
 * (`indication`, CLINICAL §1–3): a case is the typical patient one operation declares; the wrong
 * options are the operations that patient's numbers rule out, its region's first.
 */
import type { ProcedureDef } from './types';

/** A "which operation?" case: its id (its texts' keys), the operation it is answered by, three it rules out. */
export interface QuizCase {
  readonly id: string;
  readonly answer: string;
  readonly wrong: readonly string[];
}

/** Options a question shows besides the right one. */
export const WRONG_OPTIONS = 3;

/** Whether an operation suits a patient of `region` quoted by these numbers: each measure it names, in range. */
export function fits(p: ProcedureDef, region: string, quotes: Readonly<Record<string, number>>): boolean {
  const suits = p.indication?.suits;
  if (p.region !== region || !suits || Object.keys(suits).length === 0) return false;
  return Object.entries(suits).every(([id, [low, high]]) => {
    const x = quotes[id];
    return x !== undefined && x >= low && x <= high;
  });
}

/**
 * The operations a case's patient rules out, in the picker's order: its region's first (the close
 * calls), then the others. An operation that also fits is neither right nor wrong: it is left out.
 */
export function ruledOut(procedures: readonly ProcedureDef[], answer: ProcedureDef): ProcedureDef[] {
  const quotes = answer.indication?.case?.quotes ?? {};
  const out = procedures.filter((p) => p.id !== answer.id && !fits(p, answer.region, quotes));
  return [...out.filter((p) => p.region === answer.region), ...out.filter((p) => p.region !== answer.region)];
}

/** Every case the operations declare, in the picker's order, with its answer and its wrong options. */
export function quizCases(procedures: readonly ProcedureDef[]): QuizCase[] {
  return procedures.flatMap((p) => {
    const id = p.indication?.case?.id;
    if (!id) return [];
    const wrong = ruledOut(procedures, p).map((w) => w.id);
    return wrong.length >= WRONG_OPTIONS ? [{ id, answer: p.id, wrong: wrong.slice(0, WRONG_OPTIONS) }] : [];
  });
}
