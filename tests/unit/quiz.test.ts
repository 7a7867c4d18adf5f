import { describe, expect, it } from 'vitest';
import { en, it as it_ } from '../locale-strings';
import { makeQuiz, type QuizText } from '../../src/engine/quiz';
import { procedureById } from '../../src/procedures/registry';

/** Every key a quiz text uses, its nested texts' too. */
function keys(text: QuizText): string[] {
  return [
    text.key,
    ...Object.values(text.values ?? {}).flatMap((v) => (typeof v === 'object' ? keys(v) : [])),
  ];
}

const lookup = (strings: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], strings);

describe('quiz', () => {
  it('the same seed gives the same quiz, another seed another', () => {
    expect(makeQuiz(7, 9)).toEqual(makeQuiz(7, 9));
    expect(makeQuiz(8, 9)).not.toEqual(makeQuiz(7, 9));
  });

  it('every question has four distinct options, one right, and every text exists in both languages', () => {
    for (let seed = 1; seed <= 60; seed++)
      for (const q of makeQuiz(seed, 6)) {
        expect(new Set(q.options.map((o) => o.id)).size).toBe(4);
        expect(q.answer).toBeGreaterThanOrEqual(0);
        expect(q.answer).toBeLessThan(4);
        for (const text of [q.prompt, q.explanation, ...q.options.map((o) => o.label)])
          for (const key of keys(text)) {
            expect(typeof lookup(en, key), `en ${key}`).toBe('string');
            expect(typeof lookup(it_, key), `it ${key}`).toBe('string');
          }
      }
  });

  it('the right answers are right: the step after, the operation behind the cut', () => {
    for (let seed = 1; seed <= 60; seed++)
      for (const q of makeQuiz(seed, 6)) {
        const right = q.options[q.answer]!;
        if (q.kind === 'next-step') {
          // proc.<procedure>.step.<step>.title
          const [, procId, , stepId] = (q.prompt.values!.step as QuizText).key.split('.');
          const steps = procedureById(procId)!.steps;
          const i = steps.findIndex((s) => s.id === stepId);
          expect(right.id).toBe(steps[i + 1]!.id);
        }
        if (q.kind === 'name-cut') expect(procedureById(right.id)!.icon).toBe(q.icon);
        if (q.kind === 'choose-procedure') expect(q.explanation.key).toMatch(/^quiz\.case\./);
      }
  });
});
