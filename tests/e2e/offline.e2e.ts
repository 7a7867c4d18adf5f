/** The kiosk offline: after one visit the service worker serves everything, the network may go. */
import { describe, expect, test } from 'vitest';
import { PROCEDURES } from '../../src/procedures/registry';
import { pagePerTest } from './helpers';
import { expectClean } from './expectations';

const open = pagePerTest();

describe('offline kiosk', () => {
  test('with the network cut after the first visit, plays every procedure twice without an error', async () => {
    // A small screen: twenty procedures drawn in software take minutes, less with fewer pixels.
    const app = await open('?mode=kiosk&speed=8&langs=it,en', {
      serviceWorkers: 'allow',
      viewport: { width: 400, height: 250 },
    });
    // The first visit installs the service worker, which precaches the whole build.
    await app.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await app.context.setOffline(true);
    await app.page.reload({ waitUntil: 'load' });
    expect(await app.page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    const rounds = 2 * PROCEDURES.length;
    // Started the procedure after the last of two rounds: every one has played to its end twice.
    await app.page.waitForFunction(
      (n) => Number(document.querySelector('[data-kiosk-shown]')?.getAttribute('data-kiosk-shown')) > n,
      rounds,
      { timeout: 900_000, polling: 1000 },
    );
    expect(await app.page.locator('[data-testid="load-error"]').count()).toBe(0);
    expectClean(app);
  }, 1_000_000);
});
