/**
 * Quiz questions for the study view, generated from the procedure data: which step comes next, the
 * order of a procedure's steps, which operation makes a given cut (its icon), the correction angle
 * that moves a varus knee's load line to a target (planned by src/clinical), which operation suits
 * a given deformity (derived from each procedure's `indication`, CLINICAL §1–3). Pure and seeded: the same seed gives the same quiz; texts are i18n keys
 * the interface translates, numbers are formatted by it in the reader's language.
 */
import { quizCases } from '../procedures/indications';
import { PROCEDURES } from '../procedures/registry';
import { correctionAngle } from './quiz-angle';
import {
  asked,
  pick,
  procName,
  random,
  shuffle,
  stepTitle,
  withOptions,
  type ChoiceQuestion,
  type OrderQuestion,
  type QuizQuestion,
  type QuizText,
} from './quiz-kit';

export type * from './quiz-kit';
export { ANGLE_SPREAD, planKneeCase } from './quiz-angle';

/** The "which operation?" cases, from what each operation declares it is for (its `indication`). */
const CASES = quizCases(PROCEDURES);

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
  const c = pick(rnd, CASES);
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

const KINDS = [nextStep, orderSteps, correctionAngle, nameCut, chooseProcedure] as const;

/** `count` questions from `seed`, the kinds taken in turn. */
export function makeQuiz(seed: number, count: number): QuizQuestion[] {
  const rnd = random(seed);
  return Array.from({ length: count }, (_, i) => KINDS[i % KINDS.length]!(rnd));
}
