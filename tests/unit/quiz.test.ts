import { describe, expect, it } from 'vitest';
import { en, it as it_ } from '../locale-strings';
import {
  ANGLE_SPREAD,
  makeQuiz,
  STEPS_TO_ORDER,
  type ChoiceQuestion,
  type OrderQuestion,
  type QuizText,
} from '../../src/engine/quiz';
import { planOsteotomy, planWarnings } from '../../src/clinical/knee-planning';
import type { KneeAlignment } from '../../src/clinical/knee-alignment';
import { procedureById } from '../../src/procedures/registry';
import { kneeCase } from '../../scripts/models/knee-case';

/** Every key a quiz text uses, its nested texts' too. */
function keys(text: QuizText): string[] {
  return [
    text.key,
    ...Object.values(text.values ?? {}).flatMap((v) => (typeof v === 'object' && 'key' in v ? keys(v) : [])),
  ];
}

const lookup = (strings: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], strings);

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);
/** Every question of a 10-question round (two of each kind) over many seeds. */
const ALL = SEEDS.flatMap((seed) => makeQuiz(seed, 10));
const choices = (kind: ChoiceQuestion['kind']) => ALL.filter((q): q is ChoiceQuestion => q.kind === kind);
const orderings = ALL.filter((q): q is OrderQuestion => q.kind === 'order-steps');

/** The procedure a step title belongs to: proc.<procedure>.step.<step>.title */
const procOf = (text: QuizText) => text.key.split('.')[1]!;

describe('quiz', () => {
  it('the same seed gives the same quiz, another seed another', () => {
    expect(makeQuiz(7, 10)).toEqual(makeQuiz(7, 10));
    expect(makeQuiz(8, 10)).not.toEqual(makeQuiz(7, 10));
  });

  it('asks every kind, each made the same way from the same seed', () => {
    const kinds = new Set(makeQuiz(3, 10).map((q) => q.kind));
    expect([...kinds].sort()).toEqual([
      'choose-procedure',
      'correction-angle',
      'name-cut',
      'next-step',
      'order-steps',
    ]);
    for (const seed of [1, 2, 99]) {
      const a = makeQuiz(seed, 10);
      const b = makeQuiz(seed, 10);
      for (const kind of kinds)
        expect(a.filter((q) => q.kind === kind)).toEqual(b.filter((q) => q.kind === kind));
    }
  });

  it('every text exists in both languages', () => {
    for (const q of ALL)
      for (const text of [q.prompt, q.explanation, ...q.options.map((o) => o.label)])
        for (const key of keys(text)) {
          expect(typeof lookup(en, key), `en ${key}`).toBe('string');
          expect(typeof lookup(it_, key), `it ${key}`).toBe('string');
        }
    // The ordering's own controls.
    for (const key of ['yourOrder', 'nothingPicked', 'undo', 'check'])
      for (const strings of [en, it_]) expect(typeof lookup(strings, `quiz.${key}`)).toBe('string');
  });

  it('every choice question has four distinct options, one right', () => {
    for (const q of ALL.filter((x): x is ChoiceQuestion => x.kind !== 'order-steps')) {
      expect(new Set(q.options.map((o) => o.id)).size).toBe(4);
      expect(q.answer).toBeGreaterThanOrEqual(0);
      expect(q.answer).toBeLessThan(4);
    }
  });

  it('the right answers are right: the step after, the operation behind the cut', () => {
    for (const q of ALL) {
      if (q.kind === 'order-steps') continue;
      const right = q.options[q.answer]!;
      if (q.kind === 'next-step') {
        const step = q.prompt.values!.step as QuizText;
        const steps = procedureById(procOf(step))!.steps;
        const i = steps.findIndex((s) => s.id === step.key.split('.')[3]);
        expect(right.id).toBe(steps[i + 1]!.id);
      }
      if (q.kind === 'name-cut') expect(procedureById(right.id)!.icon).toBe(q.icon);
      if (q.kind === 'choose-procedure') expect(q.explanation.key).toMatch(/^quiz\.case\./);
    }
  });

  it("choosing the operation for a knee: the planner's rules accept the answer's bone and refuse each wrong osteotomy's", () => {
    // CLINICAL §2: a varus knee (HKA 172) is corrected at the tibia, a valgus one (HKA 188) at the femur.
    const caseHka: Record<string, number> = { varusKnee: 172, valgusKnee: 188 };
    const fits = (id: string, hka: number) =>
      !planWarnings(
        id.startsWith('hto') ? 'tibia' : 'femur',
        'opening',
        { hka } as KneeAlignment,
        { mpta: 90 } as KneeAlignment,
        0,
        0,
      ).includes('warn.knee.otherProcedure');
    const knee = choices('choose-procedure').filter((q) => q.prompt.key.split('.')[2]! in caseHka);
    expect(knee.length).toBeGreaterThan(0);
    for (const q of knee) {
      const hka = caseHka[q.prompt.key.split('.')[2]!]!;
      expect(fits(q.options[q.answer]!.id, hka), q.prompt.key).toBe(true);
      for (const [i, o] of q.options.entries())
        if (i !== q.answer && /^(hto|dfo)-/.test(o.id))
          expect(fits(o.id, hka), `${q.prompt.key} ${o.id}`).toBe(false);
    }
  });

  it("ordering: some of a procedure's steps, shuffled; the right order is the procedure's own", () => {
    const questions = orderings;
    expect(questions.length).toBe(2 * SEEDS.length);
    for (const q of questions) {
      const proc = procedureById(procOf(q.options[0]!.label))!;
      expect(q.options.length).toBe(STEPS_TO_ORDER);
      expect([...q.order].sort()).toEqual(q.options.map((o) => o.id).sort());
      // The steps' real order in the procedure's data.
      const real = proc.steps.map((s) => s.id).filter((id) => q.order.includes(id));
      expect(q.order).toEqual(real);
      // Shown out of order, each with its own title.
      expect(q.options.map((o) => o.id)).not.toEqual(q.order);
      for (const o of q.options) expect(o.label.key).toBe(`proc.${proc.id}.step.${o.id}.title`);
      expect(new Set(q.options.map((o) => lookup(en, o.label.key))).size).toBe(STEPS_TO_ORDER);
    }
    // Several procedures take their turn.
    expect(new Set(questions.map((q) => procOf(q.options[0]!.label))).size).toBeGreaterThan(4);
  });

  it("correction angle: the right option is the planner's on the knee model's meshes, the others ≥ 2° away", async () => {
    const questions = choices('correction-angle');
    expect(questions.length).toBe(2 * SEEDS.length);
    const cases = new Map<number, Awaited<ReturnType<typeof kneeCase>>>();
    for (const q of questions) {
      const c = q.knee!;
      expect(c.angles.hka).toBeGreaterThanOrEqual(170);
      expect(c.angles.hka).toBeLessThanOrEqual(176);
      expect(c.targetWbl).toBeGreaterThanOrEqual(55);
      expect(c.targetWbl).toBeLessThanOrEqual(65);
      let k = cases.get(c.angles.hka);
      if (!k) cases.set(c.angles.hka, (k = await kneeCase(c.angles)));
      // The app's own plan for this patient (its meshes measure the tibia and find the fibula).
      const plan = planOsteotomy(
        k.landmarks,
        { site: 'tibia', approach: 'opening', targetWbl: c.targetWbl },
        k.gauge,
      );
      expect(k.patient.measured.hka).toBeCloseTo(c.angles.hka, 1);
      const values = q.options.map((o) => o.value!);
      const right = values[q.answer]!;
      expect(Math.abs(right - plan.correction)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(plan.predictedWbl - c.targetWbl)).toBeLessThan(0.5);
      for (let i = 0; i < 4; i++)
        for (let j = i + 1; j < 4; j++)
          expect(Math.abs(values[i]! - values[j]!), `${values.join(', ')}`).toBeGreaterThanOrEqual(
            ANGLE_SPREAD - 1e-9,
          );
      for (const v of values) {
        expect(v).toBeGreaterThan(0);
        expect(v).toBeLessThanOrEqual(25);
      }
      // The explanation's numbers: the target point on the plateau and Hernigou's gap from its width.
      const why = q.explanation.values!;
      const n = (id: string) => (why[id] as { value: number }).value;
      expect(n('angle')).toBe(right);
      expect(n('point')).toBeCloseTo((c.plateau * c.targetWbl) / 100, 6);
      expect(n('gap')).toBeCloseTo(c.plateau * Math.tan((c.correction * Math.PI) / 180), 6);
      expect(c.plateau).toBeGreaterThan(66);
      expect(c.plateau).toBeLessThan(83);
      expect(n('hkaAfter')).toBeCloseTo(plan.predictedHka, 0);
    }
  });
});
