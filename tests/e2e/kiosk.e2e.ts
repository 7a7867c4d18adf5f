/** Browser tests of the waiting-room kiosk: the attract loop, a visitor's touch, the return to the loop. */
import { describe, expect, test } from 'vitest';
import { pagePerTest, reach } from './helpers';
import { expectClean } from './expectations';

const open = pagePerTest();

/** The procedure the page shows now, from its address (kept in step with the state). */
const shownProcedure = (app: Awaited<ReturnType<typeof open>>) =>
  app.page.evaluate(() => new URLSearchParams(window.location.search).get('p'));

describe('kiosk', () => {
  test('plays one procedure after another by itself, alternating the languages', async () => {
    const app = await open('?mode=kiosk&speed=4&langs=it,en&bogus=1');
    await app.page.locator('[data-kiosk="attract"]').waitFor();
    await app.page.locator('[data-testid="kiosk-invite"]').waitFor();
    const first = await shownProcedure(app);
    expect(first).toBe('chevron');
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('it');
    // It plays: the step moves on with nobody touching anything.
    await app.page.waitForFunction(
      () => Number(document.querySelector('[data-step]')?.getAttribute('data-step')) > 2,
      undefined,
      {
        timeout: 120_000,
      },
    );
    // At the end, the next procedure, in the next language.
    await app.page.waitForFunction(
      () => new URLSearchParams(window.location.search).get('p') !== 'chevron',
      undefined,
      { timeout: 180_000 },
    );
    expect(await shownProcedure(app)).toBe('scarf');
    await app.page.waitForFunction(() => document.documentElement.lang === 'en');
    // No notices, no leva, no raw errors on a kiosk.
    expect(await app.page.locator('[data-testid="notices"]').count()).toBe(0);
    expectClean(app);
  });

  test('a touch hands the screen to the visitor; after the idle time it plays by itself again', async () => {
    // Idle long enough for the clicks below on a loaded machine, short enough for a test.
    const app = await open('?mode=kiosk&idle=12&langs=en');
    await app.page.locator('[data-kiosk="attract"]').waitFor();
    await app.page.locator('[data-testid="stage"]').click({ position: { x: 50, y: 50 } });
    await app.page.locator('[data-kiosk="explore"]').waitFor();
    expect(await app.page.locator('[data-testid="kiosk-invite"]').count()).toBe(0);
    // The visitor picks the knee; the kiosk leaves them be while they use it.
    await (await reach(app.page, 'region-knee')).click();
    await app.page.locator('[data-kiosk="attract"]').waitFor({ timeout: 60_000 });
    expect(await shownProcedure(app)).toBe('scarf');
    expectClean(app);
  });

  test('loads that keep failing in a page its service worker serves: the kiosk starts afresh, and plays', async () => {
    const app = await open('?mode=kiosk&idle=600&langs=en', { serviceWorkers: 'allow' });
    await app.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await app.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await app.page.locator('[data-kiosk="attract"]').waitFor();
    // This page's network stack stuck (as a Chromium bug can leave a page): every fetch of it fails,
    // which no retry cures; a reload is a new page.
    await app.page.evaluate(() => {
      (window as unknown as { stuck?: boolean }).stuck = true;
      window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    });
    // A visitor asks for the knee, whose model is not loaded yet.
    await app.page.locator('[data-testid="stage"]').click({ position: { x: 50, y: 50 } });
    await app.page.locator('[data-kiosk="explore"]').waitFor();
    const reloaded = app.page.waitForEvent('load', { timeout: 90_000 });
    await (await reach(app.page, 'region-knee')).click();
    // A kiosk shows no error: it keeps saying it is loading while it tries again, 3 s apart.
    await app.page.waitForTimeout(5000);
    expect(await app.page.locator('[data-testid="loading"]').count()).toBe(1);
    expect(await app.page.locator('[data-testid="load-error"]').count()).toBe(0);
    // After a few tries, the reload: the loop plays again, with nothing failing.
    await reloaded;
    await app.page.locator('[data-kiosk="attract"]').waitFor({ timeout: 60_000 });
    await app.page
      .locator('[data-testid="stage"][data-ready="true"]')
      .waitFor({ state: 'attached', timeout: 90_000 });
    expect(await app.page.evaluate(() => (window as unknown as { stuck?: boolean }).stuck)).toBeUndefined();
    expect(await app.page.locator('[data-testid="load-error"]').count()).toBe(0);
    // Stuck again so soon: no second reload (a failure a reload does not cure must not loop), it
    // keeps trying and keeps saying it is loading.
    await app.page.evaluate(() => {
      window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    });
    await app.page.locator('[data-testid="stage"]').click({ position: { x: 50, y: 50 } });
    await app.page.locator('[data-kiosk="explore"]').waitFor();
    await (await reach(app.page, 'region-knee')).click();
    let again = false;
    app.page.once('load', () => (again = true));
    await app.page.waitForTimeout(25_000);
    expect(again).toBe(false);
    expect(await app.page.locator('[data-testid="loading"]').count()).toBe(1);
    expectClean(app);
  }, 300_000);
});
