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
});
