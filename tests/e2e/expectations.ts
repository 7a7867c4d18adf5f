/** Assertions the browser tests share. */
import { expect } from 'vitest';
import { describeProblems, type AppPage } from './helpers';

/** No console errors, no uncaught exceptions, nothing fetched from another origin. */
export function expectClean(app: AppPage): void {
  const problems = describeProblems(app);
  expect(app.consoleErrors, problems).toEqual([]);
  expect(app.pageErrors, problems).toEqual([]);
  expect(app.foreignRequests, problems).toEqual([]);
}

/** The step caption's 1-based step. */
export const stepOf = (app: AppPage): Promise<number> =>
  app.page.locator('[data-step]').getAttribute('data-step').then(Number);

/** The caption follows the clock on the next drawn frame: wait for it. */
export const waitStep = (app: AppPage, n: number, timeout = 30_000) =>
  app.page.waitForFunction(
    (want) => document.querySelector('[data-step]')?.getAttribute('data-step') === want,
    String(n),
    { timeout },
  );
