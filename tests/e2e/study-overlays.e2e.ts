/** Study view: the angles drawn on the bones are the ones measured, before and after the correction. */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { pagePerTest, readMeasure, waitForReady } from './helpers';
import { expectClean } from './expectations';

const open = pagePerTest();

const drawn = async (page: Page, id: string): Promise<number> => {
  const label = page.locator(`[data-overlay-measure="${id}"][data-value]`);
  await label.waitFor({ state: 'attached', timeout: 20_000 });
  return Number(await label.getAttribute('data-value'));
};

describe('study overlays', () => {
  test('foot: the HVA and IMA drawn on the axes follow the bones from before to after a chevron', async () => {
    const app = await open('?mode=study&region=foot#hva=30&ima=13');
    await waitForReady(app);
    expect(await drawn(app.page, 'hva')).toBeCloseTo((await readMeasure(app.page, 'hva-pre'))!, 1);
    expect(await drawn(app.page, 'ima')).toBeCloseTo((await readMeasure(app.page, 'ima-pre'))!, 1);
    await app.page.locator('[data-testid="procedure-chevron"]').click();
    await app.page.locator('[data-testid="step-10"]').click();
    await waitForReady(app);
    await expect
      .poll(() => drawn(app.page, 'hva'))
      .toBeCloseTo((await readMeasure(app.page, 'hva-post'))!, 1);
    expect(await drawn(app.page, 'ima')).toBeCloseTo((await readMeasure(app.page, 'ima-post'))!, 1);
    expectClean(app);
  });

  test('knee: HKA, mMPTA and mLDFA drawn at the end of an opening HTO are the measured post-op ones', async () => {
    const app = await open('?p=hto-opening&mode=study&step=8');
    await waitForReady(app);
    for (const id of ['hka', 'mpta', 'ldfa'])
      await expect
        .poll(() => drawn(app.page, id))
        .toBeCloseTo((await readMeasure(app.page, `${id}-post`))!, 1);
    expectClean(app);
  });

  test('the labels lie over the view, by their points, and leave with the overlays (none left behind)', async () => {
    const app = await open('?mode=study&region=foot');
    await waitForReady(app);
    await drawn(app.page, 'hva');
    // Study and consult in quick turns, as back/forward can: the overlays come and go each time.
    await app.page.evaluate(() => {
      for (let i = 0; i < 12; i++) {
        history.pushState(null, '', `${location.pathname}?mode=${i % 2 ? 'study' : 'consult'}&region=foot`);
        dispatchEvent(new PopStateEvent('popstate', { state: null }));
      }
    });
    await waitForReady(app);
    await drawn(app.page, 'ima');
    const boxes = await app.page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="stage"] canvas')!.getBoundingClientRect();
      return {
        canvas: { x: canvas.x, y: canvas.y, right: canvas.right, bottom: canvas.bottom },
        labels: Array.from(document.querySelectorAll('[data-overlay-measure]'), (el) => {
          const r = el.getBoundingClientRect();
          return {
            id: el.getAttribute('data-overlay-measure'),
            cx: r.x + r.width / 2,
            cy: r.y + r.height / 2,
          };
        }),
      };
    });
    expect(boxes.labels.map((l) => l.id).sort()).toEqual(['hva', 'ima']);
    for (const l of boxes.labels) {
      expect(l.cx).toBeGreaterThan(boxes.canvas.x);
      expect(l.cx).toBeLessThan(boxes.canvas.right);
      expect(l.cy).toBeGreaterThan(boxes.canvas.y);
      expect(l.cy).toBeLessThan(boxes.canvas.bottom);
    }
    // The HVA is read at the big toe's joint, the IMA between the metatarsal bases: apart on screen.
    const [a, b] = boxes.labels;
    expect(Math.hypot(a!.cx - b!.cx, a!.cy - b!.cy)).toBeGreaterThan(30);
    await app.page.evaluate(() => {
      history.pushState(null, '', `${location.pathname}?mode=consult&region=foot`);
      dispatchEvent(new PopStateEvent('popstate', { state: null }));
    });
    await app.page.waitForFunction(() => document.querySelectorAll('[data-overlay-measure]').length === 0);
    expectClean(app);
  });
});
