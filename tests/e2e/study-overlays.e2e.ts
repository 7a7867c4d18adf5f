/** Study view: the angles drawn on the bones are the ones measured, before and after the correction. */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { pagePerTest, readMeasure, waitForReady, reach } from './helpers';
import { expectClean } from './expectations';

const open = pagePerTest();

const drawn = async (page: Page, id: string): Promise<number> => {
  const label = page.locator(`[data-overlay-measure="${id}"][data-value]`);
  await label.waitFor({ state: 'attached', timeout: 20_000 });
  return Number(await label.getAttribute('data-value'));
};

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The 3D view's box and each angle label's, by its measure id, as the page lays them out. */
const labelBoxes = (page: Page) =>
  page.evaluate(() => {
    const box = (el: Element) => {
      const { left, right, top, bottom } = el.getBoundingClientRect();
      return { left, right, top, bottom };
    };
    const view = box(document.querySelector('[data-testid="stage"] canvas')!);
    const labels = Array.from(document.querySelectorAll('[data-overlay-measure]'), (el) => ({
      id: el.getAttribute('data-overlay-measure')!,
      ...box(el),
    }));
    return { view, labels };
  });

const whole = (r: Box, view: Box) =>
  r.left >= view.left && r.right <= view.right && r.top >= view.top && r.bottom <= view.bottom;

const centre = (r: Box) => [(r.left + r.right) / 2, (r.top + r.bottom) / 2] as const;

describe('study overlays', () => {
  test('foot: the HVA and IMA drawn on the axes follow the bones from before to after a chevron', async () => {
    const app = await open('?mode=study&region=foot#hva=30&ima=13');
    await waitForReady(app);
    expect(await drawn(app.page, 'hva')).toBeCloseTo((await readMeasure(app.page, 'hva-pre'))!, 1);
    expect(await drawn(app.page, 'ima')).toBeCloseTo((await readMeasure(app.page, 'ima-pre'))!, 1);
    await (await reach(app.page, 'procedure-chevron')).click();
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

  test('knee: every angle label is whole inside the view, at the first step and the last', async () => {
    const app = await open('?p=hto-opening&mode=study', { viewport: { width: 1280, height: 720 } });
    for (const step of [1, 8]) {
      await app.page.locator(`[data-testid="step-${step}"]`).click();
      await waitForReady(app);
      await expect
        .poll(async () => {
          const { view, labels } = await labelBoxes(app.page);
          const cut = labels.filter((r) => !whole(r, view)).map((r) => r.id);
          return labels.length === 3 ? cut : ['not all three drawn'];
        })
        .toEqual([]);
    }
    expectClean(app);
  });

  test('the labels lie over the view, by their points, and leave with the overlays (none left behind)', async () => {
    const app = await open('?mode=study&region=foot');
    await waitForReady(app);
    await drawn(app.page, 'hva');
    const go = (mode: string) =>
      app.page.evaluate((m) => {
        history.pushState(null, '', `${location.pathname}?mode=${m}&region=foot`);
        dispatchEvent(new PopStateEvent('popstate', { state: null }));
      }, mode);
    const labels = (count: number) =>
      app.page.waitForFunction(
        (n) => document.querySelectorAll('[data-overlay-measure]').length === n,
        count,
      );
    // Study and consult in turns, as back/forward can: the overlays leave and come back each time.
    for (let round = 0; round < 4; round++) {
      await go('consult');
      await labels(0);
      await go('study');
      await labels(2);
    }
    await waitForReady(app);
    // Placed over the view once a frame has moved them: well inside the canvas, and apart (the HVA
    // is read at the big toe's joint, the IMA between the metatarsal bases).
    await expect
      .poll(async () => {
        const { view, labels } = await labelBoxes(app.page);
        const inner = {
          left: view.left + 1,
          right: view.right - 1,
          top: view.top + 1,
          bottom: view.bottom - 1,
        };
        const [a, b] = labels.map(centre);
        const apart = a && b && Math.hypot(a[0] - b[0], a[1] - b[1]) > 30;
        return labels.length === 2 && labels.every((r) => whole(r, inner)) && apart;
      })
      .toBe(true);
    await go('consult');
    await labels(0);
    expectClean(app);
  });
});
