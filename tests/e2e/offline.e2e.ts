/**
 * The kiosk offline: after one visit the service worker serves everything, the network may go. Every
 * procedure then opens from a link at its last step and goes back to its first, in both of the
 * kiosk's languages, without an error (playing each to its end would take many minutes in software
 * WebGL and prove no more: the steps are the same data, the unit tests play every timeline).
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { PROCEDURES, defaultParams, resolveProcedure } from '../../src/procedures/registry';
import { VIEWPORT, pagePerTest, showsBone, stagePixelStats, waitForReady, type AppPage } from './helpers';
import { expectClean, waitStep } from './expectations';

const open = pagePerTest();

/** The page's language, as the document says it. */
const langOf = (app: AppPage) => app.page.evaluate(() => document.documentElement.lang);

/** Every file the service worker precaches (from its manifest) that its caches do not hold. */
const uncached = (app: AppPage) =>
  app.page.evaluate(async () => {
    const sw = await (await fetch('/sw.js')).text();
    const wanted = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => new URL(m[1]!, location.origin).pathname);
    const held = new Set<string>();
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys()) held.add(new URL(request.url).pathname);
    return { wanted: wanted.length, missing: wanted.filter((path) => !held.has(path)) };
  });

/**
 * Follows a link inside the page, as back or forward would (the page is not loaded again): waits for
 * the step it names (1-based) to show, with its own step id, in its language, drawn.
 */
async function followLink(app: AppPage, query: string, stepId: string, lang: string) {
  await app.page.evaluate((q) => {
    history.pushState(null, '', `${location.pathname}${q}`);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, query);
  const step = Number(new URLSearchParams(query).get('step'));
  await waitStep(app, step);
  await app.page.waitForFunction((want) => document.documentElement.lang === want, lang);
  expect(await app.page.locator(`[data-testid="step-${step}"]`).getAttribute('data-step-id'), query).toBe(
    stepId,
  );
  await waitForReady(app);
}

/**
 * Notes, for each registration of a service worker, whether the first view was already on screen:
 * installing the worker downloads the whole build, which must not slow that view.
 */
const recordRegistrations = (context: BrowserContext) =>
  context.addInitScript(() => {
    const calls: boolean[] = [];
    (window as unknown as { swRegistrations: boolean[] }).swRegistrations = calls;
    let viewShown = false;
    // The records, not only the page as it is now: a kiosk moves on in the same task as it gets ready.
    const watch = new MutationObserver((records) => {
      viewShown ||=
        records.some((record) => record.oldValue === 'true') ||
        document.querySelector('[data-ready="true"]') !== null;
    });
    watch.observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['data-ready'],
    });
    const container = window.ServiceWorkerContainer?.prototype;
    if (!container) return;
    const register = container.register;
    container.register = function (...args: Parameters<typeof register>) {
      calls.push(viewShown);
      return register.apply(this, args);
    };
  });

describe('offline kiosk', () => {
  test('with the network cut after the first visit, the kiosk plays and every procedure opens at its last and first steps in both languages, without an error', async () => {
    // A small screen: software WebGL draws fewer pixels faster.
    const app = await open('?mode=kiosk&speed=8&langs=it,en', {
      serviceWorkers: 'allow',
      viewport: { width: 400, height: 250 },
      prepare: recordRegistrations,
    });
    // The first visit installs the service worker, which precaches the whole build, once the first
    // view is on screen.
    await app.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    expect(
      await app.page.evaluate(() => (window as unknown as { swRegistrations: boolean[] }).swRegistrations),
    ).toEqual([true]);
    const cache = await uncached(app);
    expect(cache.wanted).toBeGreaterThan(30);
    expect(cache.missing).toEqual([]);
    await app.context.setOffline(true);
    await app.page.reload({ waitUntil: 'load' });
    expect(await app.page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    // The kiosk plays by itself, in its first language: its first procedure moves through its first steps.
    await app.page.waitForFunction(
      () => Number(document.querySelector('[data-step]')?.getAttribute('data-step')) > 2,
      undefined,
      { timeout: 120_000 },
    );
    expect(await langOf(app)).toBe('it');

    // The consult screen's own size: the view beside the panel.
    await app.page.setViewportSize(VIEWPORT);
    for (const [k, base] of PROCEDURES.entries()) {
      const steps = resolveProcedure(base.id, defaultParams(base))!.steps;
      const [first, second] = k % 2 ? ['en', 'it'] : ['it', 'en'];
      await followLink(app, `?p=${base.id}&lang=${first}&step=${steps.length}`, steps.at(-1)!.id, first);
      const stats = await stagePixelStats(app.page, `offline-${base.id}-last`);
      expect(showsBone(stats), `${base.id}: ${JSON.stringify(stats)}`).toBe(true);
      await followLink(app, `?p=${base.id}&lang=${second}&step=1`, steps[0]!.id, second);
      expect(await app.page.locator('[data-testid="load-error"]').count(), base.id).toBe(0);
    }
    expectClean(app);
  }, 600_000);
});
