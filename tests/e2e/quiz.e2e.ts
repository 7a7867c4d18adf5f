/**
 * The study quiz in the browser: a choice answered right with a pointer, the steps put in order with
 * the keyboard alone (right), a correction angle picked wrong, each scored and explained; in Italian
 * a wrong order by pointer and the angle's numbers with a decimal comma.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { makeQuiz, type ChoiceQuestion, type OrderQuestion } from '../../src/engine/quiz';
import en from '../../src/i18n/locales/en.texts.json';
import { pagePerTest, READY_STAGE, READY_TIMEOUT_MS } from './helpers';
import { expectClean, waitStep } from './expectations';

const open = pagePerTest();
const SEED = 7;

const title = (key: string): string =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], en) as string;

const scoreOf = async (quiz: Locator) => {
  const score = quiz.locator('[data-testid="quiz-score"]');
  return [await score.getAttribute('data-right'), await score.getAttribute('data-answered')];
};

describe('quiz', () => {
  test('orders the steps by keyboard (right), picks a wrong angle, and explains both', async () => {
    const [first, order, angle] = makeQuiz(SEED, 3) as [ChoiceQuestion, OrderQuestion, ChoiceQuestion];
    expect(order.kind).toBe('order-steps');
    expect(angle.kind).toBe('correction-angle');
    const app = await open(`?p=chevron&mode=study&seed=${SEED}`);
    await waitStep(app, 1);
    const { page } = app;
    // Clicks wait for still frames: let the scene settle first.
    await page.locator(READY_STAGE).waitFor({ timeout: READY_TIMEOUT_MS });
    const quiz = page.locator('[data-testid="quiz"]');
    await quiz.waitFor();
    await quiz.locator(`[data-testid="quiz-option-${first.options[first.answer]!.id}"]`).click();
    await quiz.locator('[data-testid="quiz-feedback"][data-result="right"]').waitFor();
    expect(await scoreOf(quiz)).toEqual(['1', '1']);
    await quiz.locator('[data-testid="quiz-next"]').click();
    await page.locator('[data-testid="quiz"][data-question="2"]').waitFor();

    // Keyboard only from here: the new question takes the focus at its first step; Tab / Shift+Tab and Enter.
    const shown = order.options.map((o) => o.id);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      `quiz-step-${shown[0]}`,
    );
    let at = 0;
    for (const [i, id] of order.order.entries()) {
      const to = shown.indexOf(id);
      for (; at < to; at++) await page.keyboard.press('Tab');
      for (; at > to; at--) await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      expect(await quiz.locator(`[data-testid="quiz-step-${id}"]`).getAttribute('data-place')).toBe(
        String(i + 1),
      );
      // One wrong press, taken back with "Undo" from the keyboard, changes nothing.
      if (i === 1) {
        const other = shown.find((s) => !order.order.slice(0, 2).includes(s))!;
        await quiz.locator(`[data-testid="quiz-step-${other}"]`).press('Enter');
        expect(await quiz.locator(`[data-testid="quiz-step-${other}"]`).getAttribute('data-place')).toBe('3');
        await quiz.locator('[data-testid="quiz-undo"]').press('Enter');
        expect(await quiz.locator(`[data-testid="quiz-step-${other}"]`).getAttribute('data-place')).toBe(
          null,
        );
        await quiz.locator(`[data-testid="quiz-step-${id}"]`).focus();
        at = to;
      }
    }
    // The last step placed, the keyboard is on "Check".
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('quiz-check');
    await page.keyboard.press('Enter');
    const feedback = quiz.locator('[data-testid="quiz-feedback"]');
    await quiz.locator('[data-testid="quiz-feedback"][data-result="right"]').waitFor();
    expect(await scoreOf(quiz)).toEqual(['2', '2']);
    const titles = order.order.map((id) => title(order.options.find((o) => o.id === id)!.label.key));
    expect(await quiz.locator('[data-testid="quiz-right-order"] li').allTextContents()).toEqual(titles);
    for (const id of shown)
      expect(await quiz.locator(`[data-testid="quiz-step-${id}"]`).getAttribute('data-correct')).toBe('true');

    // On to the angle: the keyboard is on "Next question".
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('quiz-next');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="quiz"][data-question="3"]').waitFor();
    const values = angle.options.map((o) => o.value!);
    const right = values[angle.answer]!;
    const wrong = angle.options.find((_, i) => i !== angle.answer)!;
    expect(await quiz.locator(`[data-testid="quiz-option-${wrong.id}"]`).textContent()).toBe(
      `${wrong.value!.toFixed(1)}°`,
    );
    await quiz.locator(`[data-testid="quiz-option-${wrong.id}"]`).click();
    await quiz.locator('[data-testid="quiz-feedback"][data-result="wrong"]').waitFor();
    expect(await scoreOf(quiz)).toEqual(['2', '3']);
    const rightId = angle.options[angle.answer]!.id;
    expect(await quiz.locator(`[data-testid="quiz-option-${rightId}"]`).getAttribute('data-correct')).toBe(
      'true',
    );
    // The explanation gives the planning rule with the case's numbers.
    const why = (await feedback.textContent())!;
    const c = angle.knee!;
    for (const part of [
      `${right.toFixed(1)}°`,
      `${c.plateau.toFixed(1)}\u00a0mm`,
      `${((c.plateau * c.targetWbl) / 100).toFixed(1)}\u00a0mm`,
      `≈ ${c.gap.toFixed(1)}\u00a0mm`,
      'hip centre',
      'hinge',
    ])
      expect(why).toContain(part);

    expectClean(app);
  });

  test('in Italian the angle and its explanation use a decimal comma; steps ordered by pointer', async () => {
    const [first, order, angle] = makeQuiz(SEED, 3) as [ChoiceQuestion, OrderQuestion, ChoiceQuestion];
    const app = await open(`?p=chevron&mode=study&seed=${SEED}&lang=it`);
    await waitStep(app, 1);
    await app.page.locator(READY_STAGE).waitFor({ timeout: READY_TIMEOUT_MS });
    const quiz = app.page.locator('[data-testid="quiz"]');
    await quiz.waitFor();
    await quiz.locator(`[data-testid="quiz-option-${first.options[first.answer]!.id}"]`).click();
    await quiz.locator('[data-testid="quiz-next"]').click();
    await app.page.locator('[data-testid="quiz"][data-question="2"]').waitFor();
    // A wrong order: the first two swapped.
    const wrongOrder = [order.order[1]!, order.order[0]!, ...order.order.slice(2)];
    for (const id of wrongOrder) await quiz.locator(`[data-testid="quiz-step-${id}"]`).click();
    await quiz.locator('[data-testid="quiz-check"]').click();
    await quiz.locator('[data-testid="quiz-feedback"][data-result="wrong"]').waitFor();
    expect(await scoreOf(quiz)).toEqual(['1', '2']);
    expect(
      await quiz.locator(`[data-testid="quiz-step-${order.order[0]}"]`).getAttribute('data-correct'),
    ).toBe('false');
    await quiz.locator('[data-testid="quiz-next"]').click();
    await app.page.locator('[data-testid="quiz"][data-question="3"]').waitFor();
    const right = angle.options[angle.answer]!;
    const comma = (x: number) => x.toFixed(1).replace('.', ',');
    expect(await quiz.locator(`[data-testid="quiz-option-${right.id}"]`).textContent()).toBe(
      `${comma(right.value!)}°`,
    );
    await quiz.locator(`[data-testid="quiz-option-${right.id}"]`).click();
    const why = (await quiz.locator('[data-testid="quiz-feedback"][data-result="right"]').textContent())!;
    expect(why).toContain(`${comma(angle.knee!.plateau)}\u00a0mm`);
    expect(why).toContain('cerniera');
    expect(await scoreOf(quiz)).toEqual(['2', '3']);
    expectClean(app);
  });
});
