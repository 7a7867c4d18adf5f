/**
 * The long texts (captions, info, quiz) are fetched after the first view. A failed fetch of their
 * chunk (a network blip, a kiosk briefly offline) is tried again by itself, 1 s, 2 s, 4 s … apart,
 * until the texts come; changing the language stops the tries for the language before.
 */
import type { Route } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { en, it } from '../locale-strings';
import { retryDelay } from '../../src/i18n/retry';
import { describeProblems, pagePerTest, waitForReady, type AppPage, reach } from './helpers';

const open = pagePerTest();

/** The long texts' chunk of a language, as Vite names it (en.texts-<hash>.js). */
const chunk = (lang: string) => new RegExp(`/${lang}\\.texts-[\\w-]+\\.js(\\?.*)?$`);

/** When each request for a chunk came, in ms since the first; the first `failures` are aborted. */
function flaky(failures: number) {
  const at: number[] = [];
  const handle = (route: Route) => {
    at.push(Date.now());
    return at.length <= failures ? route.abort() : route.continue();
  };
  return { at, handle, gaps: () => at.slice(1).map((t, i) => t - at[i]!) };
}

/** The browser logs each aborted request as an error; nothing else may reach the console. */
function expectOnlyFailedLoads(app: AppPage, aborted: number): void {
  const failed = app.consoleErrors.filter((e) => /Failed to load resource: net::ERR_FAILED/.test(e));
  const others = app.consoleErrors.filter((e) => !failed.includes(e));
  expect(others, describeProblems(app)).toEqual([]);
  expect(failed.length, describeProblems(app)).toBeLessThanOrEqual(aborted);
  expect(app.pageErrors, describeProblems(app)).toEqual([]);
  expect(app.foreignRequests, describeProblems(app)).toEqual([]);
}

const caption = (app: AppPage) => app.page.locator('[data-testid="caption"][data-step="1"] h2');

describe('the long texts after failed fetches', () => {
  test('come by themselves: the caption shows and the stage gets ready', async () => {
    const texts = flaky(2);
    const app = await open('?p=chevron&step=1', {
      prepare: (context) => context.route(chunk('en'), texts.handle),
    });
    await waitForReady(app);
    expect((await caption(app).textContent())?.trim()).toBe(en.proc.chevron.step.incision.title);
    expect(texts.at).toHaveLength(3);
    // Not hammered: 1 s, then 2 s between the tries (a little slack for the timers).
    const [first, second] = texts.gaps();
    expect(first).toBeGreaterThanOrEqual(900);
    expect(second).toBeGreaterThanOrEqual(1900);
    // Once in, nobody asks again.
    await app.page.waitForTimeout(2500);
    expect(texts.at).toHaveLength(3);
    expectOnlyFailedLoads(app, 2);
  });

  test('a language change stops the tries for the language before', async () => {
    const english = flaky(Infinity);
    const italian = flaky(0);
    const app = await open('?p=chevron&step=1', {
      prepare: async (context) => {
        await context.route(chunk('en'), english.handle);
        await context.route(chunk('it'), italian.handle);
      },
    });
    // The first view comes, without captions: the English texts keep failing.
    await app.page.locator('[data-testid="lang-toggle"]').waitFor({ state: 'attached' });
    await expect.poll(() => english.at.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(await caption(app).count()).toBe(0);
    await (await reach(app.page, 'lang-toggle')).click();
    await waitForReady(app);
    expect((await caption(app).textContent())?.trim()).toBe(it.proc.chevron.step.incision.title);
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('it');
    expect(italian.at).toHaveLength(1);
    // The switch asks for the Italian texts. A live English timer would try again within its wait
    // after the last try: wait past that, and no English try may have come since the switch.
    const tries = english.at.length;
    await app.page.waitForTimeout(Math.max(0, english.at[tries - 1]! + retryDelay(tries) + 500 - Date.now()));
    expect(english.at.filter((t) => t > italian.at[0]!)).toEqual([]);
    const tried = english.at.length;
    expectOnlyFailedLoads(app, tried);
  });
});
