/** A lost WebGL context comes back without a reload: restored by the browser, or on a new canvas. */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { pagePerTest, showsBone, stagePixelStats, waitForReady } from './helpers';
import { expectClean } from './expectations';

const open = pagePerTest();

/**
 * Loses the WebGL context of the stage's canvases (the first, or all of them), and restores them
 * after `restoreAfterMs` unless that is null.
 */
function loseContext(page: Page, restoreAfterMs: number | null, all = false) {
  return page.evaluate(
    ({ after, every }) => {
      const canvases = Array.from(
        document.querySelectorAll<HTMLCanvasElement>('[data-testid="stage"] canvas'),
      );
      // Each view a little after the one before, as a GPU reset reaches them.
      (every ? canvases : canvases.slice(0, 1)).forEach((canvas, i) => {
        canvas.dataset.lost = 'yes';
        const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
        const ext = gl!.getExtension('WEBGL_lose_context')!;
        setTimeout(() => {
          ext.loseContext();
          if (after !== null) setTimeout(() => ext.restoreContext(), after);
        }, i * 500);
      });
    },
    { after: restoreAfterMs, every: all },
  );
}

/** Waits for the next presented frame. */
const nextFrames = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );

describe('WebGL context loss', () => {
  test('restored by the browser: the same canvas draws the scene again', async () => {
    const app = await open('?p=chevron&step=4');
    await waitForReady(app);
    await loseContext(app.page, 200);
    await app.page.waitForTimeout(800);
    await nextFrames(app.page);
    await waitForReady(app);
    expect(await app.page.locator('canvas[data-lost="yes"]').count()).toBe(1);
    expect(showsBone(await stagePixelStats(app.page, 'context-restored'))).toBe(true);
    expectClean(app);
  });

  test('never restored: the view is built again on a new canvas, no reload', async () => {
    const app = await open('?p=hto-opening&step=5');
    await waitForReady(app);
    await app.page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await loseContext(app.page, null);
    await app.page.locator('canvas[data-lost="yes"]').waitFor({ state: 'detached', timeout: 30_000 });
    await waitForReady(app);
    expect(await app.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(showsBone(await stagePixelStats(app.page, 'context-rebuilt'))).toBe(true);
    expect(Number(await app.page.locator('[data-step]').getAttribute('data-step'))).toBe(5);
    expectClean(app);
  });

  test('two views side by side, both lost: built again once, on two new canvases', async () => {
    const app = await open('?p=chevron&vs=before&step=4');
    await waitForReady(app);
    expect(await app.page.locator('[data-testid="stage"] canvas').count()).toBe(2);
    // Counts the canvases the page adds from now on: one rebuild adds one per view.
    await app.page.evaluate(() => {
      const w = window as unknown as { canvasesAdded: number };
      w.canvasesAdded = 0;
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of Array.from(r.addedNodes))
            if (n instanceof HTMLElement)
              w.canvasesAdded += n.matches('canvas') ? 1 : n.querySelectorAll('canvas').length;
      }).observe(document.querySelector('[data-testid="stage"]')!, { childList: true, subtree: true });
    });
    await loseContext(app.page, null, true);
    await app.page.locator('canvas[data-lost="yes"]').first().waitFor({ state: 'detached', timeout: 30_000 });
    await waitForReady(app);
    // A second rebuild would come within the restore wait of the first.
    await app.page.waitForTimeout(3000);
    await waitForReady(app);
    expect(
      await app.page.evaluate(() => (window as unknown as { canvasesAdded: number }).canvasesAdded),
    ).toBe(2);
    expect(await app.page.locator('[data-testid="stage"] canvas').count()).toBe(2);
    expect(showsBone(await stagePixelStats(app.page, 'context-rebuilt-split'))).toBe(true);
    expectClean(app);
  });
});
