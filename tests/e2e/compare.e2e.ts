/**
 * Two views on one patient: the patient before surgery beside the corrected one (consultation),
 * and two operations side by side on one timeline with both results (study).
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  decodeStats,
  getBrowser,
  pagePerTest,
  READY_STAGE,
  screenshot,
  showsBone,
  waitForReady,
} from './helpers';
import { expectClean } from './expectations';

const open = pagePerTest();

/** The readout `id` of one view in the compare table. */
async function compared(page: Page, id: string, pane: 'main' | 'other'): Promise<number> {
  const cell = page.locator(
    `[data-testid="compare-readouts"] [data-compare-pane="${pane}"][data-compare-measure="${id}"]`,
  );
  await cell.waitFor({ state: 'attached', timeout: 20_000 });
  return Number(await cell.getAttribute('data-value'));
}

/** Whether each view's canvas shows bone, from one screenshot. */
async function panesShowBone(page: Page, name: string): Promise<Record<string, boolean>> {
  const png = await screenshot(page, name);
  const out: Record<string, boolean> = {};
  for (const pane of await page.locator('[data-pane] canvas').all()) {
    const kind = await pane.evaluate((c) => c.closest('[data-pane]')!.getAttribute('data-pane')!);
    const box = (await pane.boundingBox())!;
    const clip = {
      x: Math.floor(box.x),
      y: Math.floor(box.y),
      width: Math.floor(box.width),
      height: Math.floor(box.height),
    };
    out[kind] = showsBone(await decodeStats(await getBrowser(), png, clip));
  }
  return out;
}

/** Fragments of cut bones on show in the main view (named part:fragment). */
const fragmentsShown = (page: Page) =>
  page.evaluate(() => window.__viz!.visibleNames('').filter((n) => /^[a-z0-9]+:/i.test(n)).length);

describe('compare', () => {
  test('study: opening and closing HTO side by side, one timeline, two sets of readouts', async () => {
    const app = await open('?p=hto-opening&vs=hto-closing&mode=study&target=60');
    await waitForReady(app);
    expect(await app.page.locator('[data-pane] canvas').count()).toBe(2);
    // The compared operation takes the target they share, and both reach it on their own models.
    const wblMain = await compared(app.page, 'wbl-post', 'main');
    const wblOther = await compared(app.page, 'wbl-post', 'other');
    expect(wblMain).toBeCloseTo(60, 0);
    expect(wblOther).toBeCloseTo(60, 0);
    // Opening only on the opening wedge; each its own readouts.
    expect(await compared(app.page, 'gap', 'main')).toBeGreaterThan(5);
    expect(await compared(app.page, 'correction', 'other')).toBeGreaterThan(3);
    // The table repeats the main readouts under its own attributes: `[data-measure="<id>"]` is still
    // the procedure panel's one readout (the same value), and `[data-pane]` only a view on the stage.
    const table = app.page.locator('[data-testid="compare-readouts"]');
    for (const id of ['wbl-post', 'gap']) {
      const readout = app.page.locator(`[data-measure="${id}"]`);
      expect(await readout.count(), id).toBe(1);
      expect(await readout.evaluate((el) => !!el.closest('[data-testid="compare-readouts"]'))).toBe(false);
      expect(Number(await readout.getAttribute('data-value'))).toBe(await compared(app.page, id, 'main'));
    }
    expect(await table.locator('[data-measure], [data-pane]').count()).toBe(0);
    expect(await app.page.locator('[data-pane]').count()).toBe(2);
    // Moving the shared timeline to its end moves both.
    await app.page.locator('[data-testid="scrubber"]').evaluate((el: HTMLInputElement) => {
      el.value = el.max;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitForReady(app);
    expect(await panesShowBone(app.page, 'compare-hto')).toEqual({ main: true, other: true });
    // Choosing nothing leaves one view.
    await app.page.locator('[data-testid="compare-select"]').selectOption('');
    await app.page.locator('[data-pane="other"]').waitFor({ state: 'detached' });
    expect(await app.page.locator('[data-pane] canvas').count()).toBe(1);
    expectClean(app);
  });

  test('consultation: before and after, then side by side', async () => {
    const app = await open('?p=chevron&step=6');
    await waitForReady(app);
    expect(await fragmentsShown(app.page)).toBeGreaterThan(0);
    await app.page.locator('[data-testid="show-before"]').click();
    await expect.poll(() => fragmentsShown(app.page)).toBe(0);
    expect(await app.page.locator('[data-testid="show-before"]').getAttribute('aria-pressed')).toBe('true');
    await app.page.locator('[data-testid="show-after"]').click();
    await waitForReady(app);
    await expect.poll(() => fragmentsShown(app.page)).toBeGreaterThan(0);
    const scrubber = app.page.locator('[data-testid="scrubber"]');
    expect(await scrubber.inputValue()).toBe(await scrubber.getAttribute('max'));

    await app.page.locator('[data-testid="side-by-side"]').click();
    await app.page.locator('[data-pane="before"] canvas').waitFor();
    await app.page.locator(READY_STAGE).waitFor({ timeout: 90_000 });
    expect(new URL(app.page.url()).searchParams.get('vs')).toBe('before');
    expect(await app.page.locator('.pane-label').allTextContents()).toHaveLength(2);
    expect(await panesShowBone(app.page, 'compare-before-after')).toEqual({ main: true, before: true });
    await app.page.locator('[data-testid="side-by-side"]').click();
    await app.page.locator('[data-pane="before"]').waitFor({ state: 'detached' });
    expectClean(app);
  });
});
