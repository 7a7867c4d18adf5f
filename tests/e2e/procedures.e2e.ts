/** Browser tests of the scarf and the Akin, and of an Akin added after a chevron. */
import { describe, expect, test } from 'vitest';
import { readMeasure, showsBone, stagePixelStats, type AppPage, pagePerTest } from './helpers';
import { expectClean, waitStep } from './expectations';

const open = pagePerTest();

/** Steps through a procedure with the "next" button; every caption differs and bone shows at the key steps. */
async function playThrough(app: AppPage, name: string, steps: number, checkAt: readonly number[]) {
  const captions = new Set<string>();
  for (let step = 1; step <= steps; step++) {
    await waitStep(app, step);
    captions.add((await app.page.locator('[data-testid="caption"] p').textContent()) ?? '');
    if (checkAt.includes(step)) {
      const stats = await stagePixelStats(app.page, `${name}-step-${step}`);
      expect(showsBone(stats), `${name} step ${step}: ${JSON.stringify(stats)}`).toBe(true);
    }
    if (step < steps) await app.page.locator('[data-testid="next"]').click();
  }
  expect(captions.size).toBe(steps);
}

describe('each procedure plays by itself at 4× speed', () => {
  test.each([
    ['chevron', 10],
    ['scarf', 10],
    ['akin', 8],
  ])('%s reaches its last step', async (id, steps) => {
    const app = await open(`?p=${id}&speed=4`);
    await waitStep(app, 1);
    await app.page.locator('[data-testid="play"]').click();
    await app.page.waitForFunction(
      (last) => document.querySelector('[data-step]')?.getAttribute('data-step') === last,
      String(steps),
      { timeout: 110_000 },
    );
    const stats = await stagePixelStats(app.page, `${id}-played`);
    expect(showsBone(stats), JSON.stringify(stats)).toBe(true);
    expect(await readMeasure(app.page, 'hva-post')).not.toBeNull();
    expectClean(app);
  });
});

describe('scarf and Akin', () => {
  test('the scarf plays from first to last step', async () => {
    const app = await open('?p=scarf&voice=technical');
    await playThrough(app, 'scarf', 10, [5, 6, 10]);
    expect(await readMeasure(app.page, 'ima-post')).toBeLessThan(9);
    expectClean(app);
  });

  test('the Akin plays, and a bigger wedge is re-cut in the worker without blocking the page', async () => {
    const app = await open('?p=akin&wedge=2&step=6', {
      prepare: (context) =>
        context.addInitScript(() => {
          const w = window as unknown as { __longTasks: number[] };
          w.__longTasks = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__longTasks.push(e.duration);
          }).observe({ type: 'longtask' });
        }),
    });
    // Software WebGL rasterises on this machine's two cores: a small canvas keeps the GPU process
    // from stalling the page's command buffer, which would count as the page's long task.
    await app.page.setViewportSize({ width: 480, height: 300 });
    // A first change warms up code paths the browser compiles lazily; the second one is measured.
    await app.page.locator('[data-testid="param-wedge"]').fill('2.5');
    await app.page.waitForFunction(
      () => document.querySelector('[data-measure="wedge-angle"]')?.getAttribute('data-value') !== null,
    );
    await app.page.waitForTimeout(1000);
    const before = (await readMeasure(app.page, 'wedge-angle'))!;
    const hvaBefore = (await readMeasure(app.page, 'hva-post'))!;
    await app.page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
    await app.page.locator('[data-testid="param-wedge"]').fill('4');
    await app.page.waitForFunction(
      (b) =>
        Number(document.querySelector('[data-measure="wedge-angle"]')?.getAttribute('data-value')) > b + 3,
      before,
    );
    await app.page.locator('[data-testid="stage"][data-ready="true"]').waitFor();
    const longTasks = await app.page.evaluate(
      () => (window as unknown as { __longTasks: number[] }).__longTasks,
    );
    expect(
      longTasks.filter((d) => d > 50),
      `long tasks: ${longTasks.join(', ')}`,
    ).toEqual([]);
    expect((await readMeasure(app.page, 'hva-post'))!).toBeLessThan(hvaBefore);
    await app.page.locator('[data-testid="step-1"]').click();
    await playThrough(app, 'akin', 8, [6, 8]);
    expectClean(app);
  });

  test('an Akin after a chevron: one sitting, both readouts', async () => {
    const app = await open('?p=chevron&akin=1&step=15');
    await waitStep(app, 15);
    expect(await readMeasure(app.page, 'wedge-angle')).toBeGreaterThan(10);
    expect(await readMeasure(app.page, 'shift-mm')).toBeGreaterThan(3);
    // The implants show on the first frame drawn at this step.
    await app.page.waitForFunction(() => (window.__viz?.visibleNames('instrument:') ?? []).length === 2);
    const tools = await app.page.evaluate(() => window.__viz?.visibleNames('instrument:') ?? []);
    expect(tools.sort()).toEqual(['instrument:cannulatedScrew', 'instrument:staple']);
    expectClean(app);
  });
});

describe('study view', () => {
  test('adds the exact parameter panel (leva) mirroring the procedure parameters', async () => {
    const app = await open('?p=chevron&mode=study&shift=40');
    await app.page.getByText('Chevron osteotomy', { exact: true }).last().waitFor();
    // The panel loads on demand (its own chunk): wait until it mirrors the URL's 40 before changing it.
    const mirrored = (value: string) =>
      app.page.waitForFunction(
        (v) =>
          [...document.querySelectorAll('input')].some(
            (i) => i.value === v && i.dataset.testid !== 'param-shift',
          ),
        value,
        { timeout: 60_000 },
      );
    await mirrored('40');
    await app.page.locator('[data-testid="param-shift"]').fill('45');
    await mirrored('45');
    expect(app.page.url()).toContain('mode=study');
    expectClean(app);
  });
});
