/**
 * Every screen: at each window size, in each mode and language, with an operation open and
 * without, every control of the app is within reach (through its menu where the top bar folds it),
 * uncovered and large enough to tap; nothing scrolls sideways; text is never cut short; in
 * landscape the 3D view keeps most of the window. One page is resized through the sizes (software
 * WebGL is slow to start); a screenshot of each layout goes to tests/e2e/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeBrowser, openApp, screenshot, waitForReady, type AppPage } from './helpers';
import { auditLayout } from './layout-audit';

const SIZES = [
  [390, 844],
  [768, 1024],
  [1024, 768],
  [1280, 720],
  [1366, 768],
  [1920, 1080],
  [1080, 1920],
] as const;

/** The 3D view's least share of a landscape window, in %. */
const LANDSCAPE_STAGE_SHARE = 60;

const PAGES: readonly (readonly [string, string])[] = [
  // A link with a setting the app ignores: its notice shows, and covers nothing.
  ['consult-it-operation', '?p=chevron&lang=it&step=3&bogus=1'],
  ['consult-en-operation', '?p=hto-opening&lang=en&step=2'],
  ['consult-it-anatomy', '?lang=it'],
  ['consult-en-anatomy', '?region=knee&lang=en'],
  ['study-it-operation', '?p=hto-closing&mode=study&lang=it&voice=technical&step=2'],
  ['study-en-operation', '?p=scarf&mode=study&lang=en&step=4'],
  ['study-it-anatomy', '?mode=study&lang=it'],
  ['study-en-anatomy', '?mode=study&region=knee&lang=en'],
  ['kiosk-it', '?mode=kiosk&langs=it&idle=600'],
  ['kiosk-en', '?mode=kiosk&langs=en&idle=600&region=knee'],
  ['embed-it', '?p=mis-bunion&mode=embed&lang=it'],
  ['embed-en', '?p=dfo-opening&mode=embed&lang=en'],
];

let app: AppPage;

beforeAll(async () => {
  app = await openApp('?lang=it', { viewport: { width: 1280, height: 720 } });
});
afterAll(async () => {
  await app.close();
  await closeBrowser();
});

/** Two frames: the top bar has measured itself and folded what does not fit. */
const settle = () =>
  app.page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );

describe('layouts', () => {
  test.each(PAGES)('%s: every control within reach at every size', async (name, query) => {
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await app.page.goto(`${app.baseUrl}/${query}`);
    await waitForReady(app);
    if (query.includes('bogus')) await app.page.locator('[data-notice="bogus"]').waitFor();
    if (name.startsWith('kiosk')) {
      // A visitor's touch: the kiosk hands over its controls.
      await app.page.locator('[data-kiosk="attract"]').waitFor();
      await app.page.locator('[data-testid="stage"]').click({ position: { x: 60, y: 200 } });
      await app.page.locator('[data-kiosk="explore"]').waitFor();
    }
    const faults: string[] = [];
    for (const [width, height] of SIZES) {
      await app.page.setViewportSize({ width, height });
      await settle();
      const audit = await app.page.evaluate(auditLayout);
      const at = `${width}×${height}`;
      faults.push(...audit.problems.map((p) => `${at} ${p}`));
      if (audit.scrollWidth > audit.innerWidth)
        faults.push(`${at} the page scrolls sideways (${audit.scrollWidth} px)`);
      if (width > height && audit.stageShare < LANDSCAPE_STAGE_SHARE)
        faults.push(`${at} the 3D view has ${audit.stageShare.toFixed(0)} % of the window`);
      // The audit did reach the app's controls: the top bar's and the playback's at least.
      expect(audit.controls, at).toBeGreaterThan(name.startsWith('embed') ? 3 : 10);
      if (width < 1000 && !name.startsWith('embed'))
        expect(audit.inMenus, `${at}: a menu was opened`).toBeGreaterThan(0);
      await screenshot(app.page, `layout-${name}-${width}x${height}`);
    }
    expect(faults).toEqual([]);
  });
});

describe("the top bar's fit", () => {
  test('on a laptop the bar is drawn twice: everything out, then the arrangement that fits', async () => {
    // Each arrangement the bar is drawn in, as the page first fits it.
    await app.page.addInitScript(() => {
      const w = window as unknown as { __folds: string[] };
      w.__folds = [];
      new MutationObserver((records) => {
        for (const r of records)
          w.__folds.push(`${r.oldValue}>${(r.target as Element).getAttribute('data-fold')}`);
      }).observe(document, {
        subtree: true,
        attributes: true,
        attributeOldValue: true,
        attributeFilter: ['data-fold'],
      });
    });
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await app.page.goto(`${app.baseUrl}/?p=chevron&lang=it`);
    await waitForReady(app);
    const folds = await app.page.evaluate(() => (window as unknown as { __folds: string[] }).__folds);
    // Some controls are folded at 1280 px in Italian, in one step from the bar with everything out,
    // not by drawing each arrangement before it in turn.
    expect(folds).toHaveLength(1);
    expect(folds[0]).toMatch(/^0>[1-9]$/);
  });
});
