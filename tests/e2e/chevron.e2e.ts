/** Browser tests of a procedure played in the production build: steps, captions, tools, readouts. */
import { describe, expect, test } from 'vitest';
import { readMeasure, showsBone, stagePixelStats, type AppPage, pagePerTest } from './helpers';
import { expectClean, waitStep, stepOf } from './expectations';

const open = pagePerTest();

const visibleTools = (app: AppPage) =>
  app.page.evaluate(() => window.__viz?.visibleNames('instrument:') ?? []);

describe('chevron osteotomy', () => {
  test('plays from the first to the last step: captions change, each step shows bone and its tool', async () => {
    const app = await open('?p=chevron');
    expect(await stepOf(app)).toBe(1);
    const captions = new Set<string>();
    const toolsAt: Record<number, string[]> = {};
    for (let step = 1; step <= 10; step++) {
      await waitStep(app, step);
      captions.add((await app.page.locator('[data-testid="caption"] p').textContent()) ?? '');
      // Let the step run a little so its tool is on its path.
      await app.page.locator('[data-testid="play"]').click();
      await app.page.waitForTimeout(400);
      await app.page.locator('[data-testid="play"]').click();
      toolsAt[step] = await visibleTools(app);
      const stats = await stagePixelStats(app.page, `chevron-step-${step}`);
      expect(showsBone(stats), `step ${step}: ${JSON.stringify(stats)}`).toBe(true);
      if (step < 10) {
        await app.page.locator(`[data-testid="step-${step + 1}"]`).click();
      }
    }
    expect(captions.size).toBe(10);
    expect(toolsAt[1]).toContain('instrument:scalpel');
    expect(toolsAt[4]).toContain('instrument:saw');
    expect(toolsAt[7]).toEqual(expect.arrayContaining(['instrument:cannulatedScrew']));
    // The screw is an implant: it stays after its step; the saw has left.
    expect(toolsAt[10]).toEqual(['instrument:cannulatedScrew']);
    expectClean(app);
  });

  test('playing runs the clock through the steps by itself', async () => {
    const app = await open('?p=chevron&step=9');
    await app.page.locator('[data-testid="speed"]').selectOption('2');
    await app.page.locator('[data-testid="play"]').click();
    await app.page.waitForFunction(
      () => document.querySelector('[data-step]')?.getAttribute('data-step') === '10',
      null,
      {
        timeout: 60_000,
      },
    );
    expect(await stepOf(app)).toBe(10);
    expectClean(app);
  });

  test('post-op readouts follow the shift: more shift, smaller IMA and HVA', async () => {
    const app = await open('?p=chevron&shift=10&step=10');
    const ima10 = await readMeasure(app.page, 'ima-post');
    const shift10 = await readMeasure(app.page, 'shift-mm');
    await app.page.locator('[data-testid="param-shift"]').fill('50');
    await app.page.waitForFunction(
      (before) =>
        Number(document.querySelector('[data-measure="shift-mm"]')?.getAttribute('data-value')) > before! + 1,
      shift10,
    );
    const ima50 = await readMeasure(app.page, 'ima-post');
    expect(ima50!).toBeLessThan(ima10!);
    expect(await readMeasure(app.page, 'ima-pre')).toBeCloseTo(14, 1);
    expect(app.page.url()).toContain('shift=50');
    expectClean(app);
  });

  test('a shift out of range is clamped with a notice, and the limit warning shows', async () => {
    const app = await open('?p=chevron&shift=120&step=5');
    // The notice, the panel and its warning come with the page's texts: wait for them, then count.
    await app.page.locator('[data-notice="shift"]').first().waitFor();
    await app.page.locator('[data-warning="shift"]').first().waitFor();
    await expect(app.page.locator('[data-notice="shift"]').count()).resolves.toBe(1);
    expect(await app.page.locator('[data-testid="param-shift"]').inputValue()).toBe('90');
    await expect(app.page.locator('[data-warning="shift"]').count()).resolves.toBe(1);
    expect(await stepOf(app)).toBe(5);
  });
});
