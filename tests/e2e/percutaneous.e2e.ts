/** Browser tests of the percutaneous (MIS) bunion operation. */
import { describe, expect, test } from 'vitest';
import { readMeasure, showsBone, stagePixelStats, pagePerTest } from './helpers';
import { expectClean, waitStep } from './expectations';

const open = pagePerTest();

describe('percutaneous bunion surgery', () => {
  test.each([
    ['classic', 10, 0],
    ['mica', 11, 2],
  ])('%s plays to its last step; implants left: as the technique says', async (variant, steps, implants) => {
    const app = await open(`?p=mis-bunion&variant=${variant}&speed=4`);
    await waitStep(app, 1);
    expect(await readMeasure(app.page, 'implants')).toBe(implants);
    const portals = (await readMeasure(app.page, 'incision-mm'))!;
    const openMm = (await readMeasure(app.page, 'open-incision-mm'))!;
    expect(portals).toBeLessThanOrEqual(9);
    expect(openMm).toBeGreaterThan(4 * portals);
    await app.page.locator('[data-testid="play"]').click();
    await app.page.waitForFunction(
      (last) => document.querySelector('[data-step]')?.getAttribute('data-step') === last,
      String(steps),
      { timeout: 150_000 },
    );
    const stats = await stagePixelStats(app.page, `mis-${variant}-played`);
    expect(showsBone(stats), JSON.stringify(stats)).toBe(true);
    expect((await readMeasure(app.page, 'hva-post'))!).toBeLessThan(
      (await readMeasure(app.page, 'hva-pre'))!,
    );
    expectClean(app);
  });
});
