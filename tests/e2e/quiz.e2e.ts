/** The study quiz in the browser: a right and a wrong answer, each scored and explained. */
import { describe, expect, test } from 'vitest';
import { makeQuiz } from '../../src/engine/quiz';
import { pagePerTest } from './helpers';
import { expectClean, waitStep } from './expectations';

const open = pagePerTest();

describe('quiz', () => {
  test('scores a right answer and a wrong one, and shows the right option and why', async () => {
    const seed = 7;
    const [first, second] = makeQuiz(seed, 2);
    const app = await open(`?p=chevron&mode=study&seed=${seed}`);
    await waitStep(app, 1);
    const quiz = app.page.locator('[data-testid="quiz"]');
    await quiz.waitFor();
    await quiz.locator(`[data-testid="quiz-option-${first!.options[first!.answer]!.id}"]`).click();
    await quiz.locator('[data-testid="quiz-feedback"][data-result="right"]').waitFor();
    const score = quiz.locator('[data-testid="quiz-score"]');
    expect([await score.getAttribute('data-right'), await score.getAttribute('data-answered')]).toEqual([
      '1',
      '1',
    ]);

    await quiz.locator('[data-testid="quiz-next"]').click();
    await app.page.locator('[data-testid="quiz"][data-question="2"]').waitFor();
    const wrong = second!.options.find((_, i) => i !== second!.answer)!;
    await quiz.locator(`[data-testid="quiz-option-${wrong.id}"]`).click();
    await quiz.locator('[data-testid="quiz-feedback"][data-result="wrong"]').waitFor();
    expect([await score.getAttribute('data-right'), await score.getAttribute('data-answered')]).toEqual([
      '1',
      '2',
    ]);
    // The right option is shown as such.
    const right = second!.options[second!.answer]!.id;
    expect(await quiz.locator(`[data-testid="quiz-option-${right}"]`).getAttribute('data-correct')).toBe(
      'true',
    );
    expect((await quiz.locator('[data-testid="quiz-feedback"]').textContent())!.length).toBeGreaterThan(30);
    expectClean(app);
  });
});
