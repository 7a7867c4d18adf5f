/**
 * Browser tests of the production build against the app's DOM contract: data-ready on the stage,
 * data-measure readouts, notices, language, load error + retry, no-WebGL message, window.__viz.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import {
  closeBrowser,
  describeProblems,
  openApp,
  readMeasure,
  showsBone,
  stagePixelStats,
  waitForReady,
  type AppPage,
  reach,
} from './helpers';
import { expectClean } from './expectations';
import { withoutWebGL } from './no-webgl';

const FOOT_DEFAULTS = { hva: 32, ima: 14, dmaa: 8, hvia: 8 } as const;
const KNEE_DEFAULTS = { hka: 172, mpta: 82, ldfa: 88 } as const;
const MAX_TRIANGLES = 150_000;
const MAX_DRAW_CALLS = 80;

let current: AppPage | undefined;

async function open(
  query: string,
  prepare?: (context: BrowserContext) => Promise<unknown>,
): Promise<AppPage> {
  current = await openApp(query, { prepare });
  return current;
}

afterEach(async () => {
  await current?.close();
  current = undefined;
});

afterAll(async () => {
  await closeBrowser();
});

async function expectBone(app: AppPage, name: string): Promise<void> {
  const stats = await stagePixelStats(app.page, name);
  expect(showsBone(stats), `pixels of ${name}: ${JSON.stringify(stats)}`).toBe(true);
}

async function expectMeasures(app: AppPage, expected: Readonly<Record<string, number>>): Promise<void> {
  for (const [id, value] of Object.entries(expected)) {
    const shown = await readMeasure(app.page, `${id}-pre`);
    expect(shown, `[data-measure="${id}-pre"]`).not.toBeNull();
    expect(
      Math.abs((shown ?? Number.NaN) - value),
      `${id}-pre shows ${shown}, expected ${value}`,
    ).toBeLessThanOrEqual(0.5);
  }
}

type RenderInfo = {
  triangles: number;
  calls: number;
  geometries: number;
  textures: number;
  programs: number;
};

async function renderInfo(app: AppPage): Promise<RenderInfo | null> {
  return app.page.evaluate(() => {
    const viz = (window as unknown as { __viz?: { renderInfo?: () => RenderInfo } }).__viz;
    return viz?.renderInfo ? viz.renderInfo() : null;
  });
}

describe('foot', () => {
  test('renders bone with the default pre-op angles', async () => {
    const app = await open('?region=foot');
    await waitForReady(app);
    await expectBone(app, 'foot-default');
    await expectMeasures(app, FOOT_DEFAULTS);
    expectClean(app);
  });

  test('pre-op readouts follow the URL', async () => {
    const app = await open('?region=foot&hva=25&ima=12&dmaa=6&hvia=7');
    await waitForReady(app);
    await expectMeasures(app, { hva: 25, ima: 12, dmaa: 6, hvia: 7 });
    await expectBone(app, 'foot-url-angles');
    expectClean(app);
  });

  test('stays within the triangle and draw-call budgets', async () => {
    const app = await open('?region=foot');
    await waitForReady(app);
    const info = await renderInfo(app);
    expect(info, 'window.__viz.renderInfo()').not.toBeNull();
    expect(info?.triangles).toBeLessThanOrEqual(MAX_TRIANGLES);
    expect(info?.calls).toBeLessThanOrEqual(MAX_DRAW_CALLS);
    expectClean(app);
  });

  test('the first view of each region compiles at most two shader programs (bones, overlays)', async () => {
    // Each program is compiled before the frame that first needs it: software GL takes tens of ms.
    for (const region of ['foot', 'knee'] as const) {
      const app = await open(`?region=${region}`);
      await waitForReady(app);
      const info = await renderInfo(app);
      expect(info?.programs, region).toBeGreaterThanOrEqual(1);
      expect(info?.programs, region).toBeLessThanOrEqual(2);
      expectClean(app);
    }
  });

  test('a bad parameter is clamped with notices and the scene still renders', async () => {
    const app = await open('?region=foot&hva=999&zzz=1');
    await waitForReady(app);
    const notices = app.page.locator('[data-testid="notices"] [data-notice]');
    await notices.first().waitFor({ state: 'attached', timeout: 10_000 });
    const names = await notices.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-notice')));
    expect(names).toContain('hva');
    expect(names).toContain('zzz');
    await expectMeasures(app, { hva: 60 });
    await expectBone(app, 'foot-bad-parameter');
    expectClean(app);
  });

  test('the left side renders', async () => {
    const app = await open('?region=foot&side=left');
    await waitForReady(app);
    await expectBone(app, 'foot-left');
    await expectMeasures(app, FOOT_DEFAULTS);
    expectClean(app);
  });
});

describe('first view', () => {
  test('the code drawn with the bones is fetched with the model, before the 3D view exists', async () => {
    const app = await open('?region=foot', (context) =>
      context.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (!document.querySelector('canvas')) return;
          (window as unknown as { canvasAt: number }).canvasAt = performance.now();
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      }),
    );
    await waitForReady(app);
    const seen = await app.page.evaluate(() => {
      const fetched = (name: RegExp) =>
        performance.getEntriesByType('resource').find((e) => name.test(e.name))?.startTime;
      return {
        canvas: (window as unknown as { canvasAt?: number }).canvasAt,
        layer: fetched(/\/ProcedureLayer-[^/]*\.js$/),
        model: fetched(/\/foot-[^/]*\.glb$/),
      };
    });
    // Fetched only once the bones render inside the canvas, it mounted a few frames after them.
    expect(seen.layer, JSON.stringify(seen)).toBeLessThan(seen.canvas!);
    expect(seen.model, JSON.stringify(seen)).toBeLessThan(seen.canvas!);
    expectClean(app);
  });

  test('the page is painted with its bones, not a moment before them', async () => {
    const app = await open('?region=knee', (context) =>
      context.addInitScript(() => {
        const w = window as unknown as { unpaintedBefore?: boolean; unpaintedAtReady?: boolean };
        new MutationObserver((_, observer) => {
          const page = document.querySelector('.app');
          if (page?.classList.contains('unpainted')) w.unpaintedBefore = true;
          if (!document.querySelector('[data-ready="true"]')) return;
          w.unpaintedAtReady = page?.classList.contains('unpainted');
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true, attributes: true });
      }),
    );
    await waitForReady(app);
    const seen = await app.page.evaluate(() => {
      const w = window as unknown as { unpaintedBefore?: boolean; unpaintedAtReady?: boolean };
      return {
        before: w.unpaintedBefore,
        atReady: w.unpaintedAtReady,
        visibility: getComputedStyle(document.querySelector('.app')!).visibility,
      };
    });
    expect(seen).toEqual({ before: true, atReady: false, visibility: 'visible' });
    expectClean(app);
  });

  test('a model slow to come: the page shows itself and the loading progress after a second', async () => {
    const app = await open('?region=foot', (context) =>
      context.route(/\.glb(\?.*)?$/, async (route) => {
        await new Promise((done) => setTimeout(done, 4000));
        await route.continue();
      }),
    );
    await app.page.waitForFunction(
      () => {
        const page = document.querySelector('.app');
        return page !== null && getComputedStyle(page).visibility === 'visible';
      },
      undefined,
      { timeout: 3000 },
    );
    expect(await app.page.locator('[data-testid="loading"]').isVisible()).toBe(true);
    expect(await app.page.locator('[data-ready="true"]').count()).toBe(0);
    await waitForReady(app);
    await expectBone(app, 'slow-model');
    expectClean(app);
  });
});

describe('knee', () => {
  test('renders bone with the default pre-op angles', async () => {
    const app = await open('?region=knee');
    await waitForReady(app);
    await expectBone(app, 'knee-default');
    await expectMeasures(app, KNEE_DEFAULTS);
    const wbl = await readMeasure(app.page, 'wbl-pre');
    expect(wbl, '[data-measure="wbl-pre"]').not.toBeNull();
    expectClean(app);
  });

  test('pre-op readouts follow the URL', async () => {
    const app = await open('?region=knee&hka=174&mpta=84&ldfa=89');
    await waitForReady(app);
    await expectMeasures(app, { hka: 174, mpta: 84, ldfa: 89 });
    await expectBone(app, 'knee-url-angles');
    expectClean(app);
  });

  test('stays within the triangle and draw-call budgets', async () => {
    const app = await open('?region=knee');
    await waitForReady(app);
    const info = await renderInfo(app);
    expect(info, 'window.__viz.renderInfo()').not.toBeNull();
    expect(info?.triangles).toBeLessThanOrEqual(MAX_TRIANGLES);
    expect(info?.calls).toBeLessThanOrEqual(MAX_DRAW_CALLS);
    expectClean(app);
  });

  test('the left side renders', async () => {
    const app = await open('?region=knee&side=left');
    await waitForReady(app);
    await expectBone(app, 'knee-left');
    expectClean(app);
  });
});

describe('language', () => {
  test('English by default', async () => {
    const app = await open('?region=foot');
    await waitForReady(app);
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect((await app.page.locator('[data-testid="region-foot"]').innerText()).trim()).toBe('Foot');
    expectClean(app);
  });

  test('Italian with lang=it, and the toggle switches back to English', async () => {
    const app = await open('?region=foot&lang=it');
    await waitForReady(app);
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('it');
    expect((await app.page.locator('[data-testid="region-foot"]').innerText()).trim()).toBe('Piede');
    await (await reach(app.page, 'lang-toggle')).click();
    await app.page.waitForFunction(() => document.documentElement.lang === 'en', undefined, {
      timeout: 10_000,
    });
    expect((await app.page.locator('[data-testid="region-foot"]').innerText()).trim()).toBe('Foot');
    expectClean(app);
  });
});

describe('failures', () => {
  test('a failed model load shows an error and retry recovers', async () => {
    let blockModels = true;
    const app = await open('?region=foot', (context) =>
      context.route(/\.glb(\?.*)?$/, (route) => (blockModels ? route.abort('failed') : route.continue())),
    );
    await app.page.locator('[data-testid="load-error"]').waitFor({ state: 'visible', timeout: 60_000 });
    blockModels = false;
    await app.page.locator('[data-testid="retry"]').click();
    await waitForReady(app);
    await expectBone(app, 'foot-after-retry');
    // The aborted request is itself logged as a console error, so only exceptions are checked.
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
    expect(app.foreignRequests, describeProblems(app)).toEqual([]);
  });

  test('without WebGL a message replaces the scene', async () => {
    const app = await open('?region=foot', withoutWebGL);
    await app.page.locator('[data-testid="no-webgl"]').waitFor({ state: 'visible', timeout: 60_000 });
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
    expect(app.foreignRequests, describeProblems(app)).toEqual([]);
  });
});
