/** A lost WebGL context comes back without a reload: restored by the browser, or on a new canvas. */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { pagePerTest, showsBone, stagePixelStats, waitForReady } from './helpers';
import { expectClean } from './expectations';

const open = pagePerTest();

/** Loses the stage's WebGL context, and restores it after `restoreAfterMs` unless that is null. */
function loseContext(page: Page, restoreAfterMs: number | null) {
  return page.evaluate((after) => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="stage"] canvas')!;
    canvas.dataset.lost = 'yes';
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    const ext = gl!.getExtension('WEBGL_lose_context')!;
    ext.loseContext();
    if (after !== null) setTimeout(() => ext.restoreContext(), after);
  }, restoreAfterMs);
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
});
