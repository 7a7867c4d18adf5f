/**
 * DESIGN.md's budgets that are counts, not times: they fail the tests when broken (the timings are
 * in the benchmark's report only).
 */
import { describe, expect, inject, test } from 'vitest';
import { initialJsGzipBytes, modelBytes } from '../../scripts/bench';
import { openProcedure, waitReady } from '../../scripts/soak';
import { PROCEDURES } from '../../src/procedures/registry';
import { pagePerTest, waitForReady } from './helpers';
import { expectClean } from './expectations';

const KB = 1024;
const open = pagePerTest();

describe('budgets', () => {
  test('initial JavaScript ≤ 300 KB gzip, models ≤ 1.5 MB', () => {
    const dist = inject('distDir');
    expect(initialJsGzipBytes(dist).bytes).toBeLessThanOrEqual(300 * KB);
    expect(modelBytes(dist).bytes).toBeLessThanOrEqual(1.5 * KB * KB);
  });

  test('every procedure at its last step: ≤ 150 k triangles, ≤ 80 draw calls', async () => {
    // One page, each procedure opened from the top bar: the models load once.
    const app = await open('?p=chevron');
    await waitForReady(app);
    for (const proc of PROCEDURES) {
      await openProcedure(app.page, proc.id);
      await app.page.locator(`[data-testid="step-${proc.steps.length}"]`).click();
      await waitReady(app.page);
      const info = await app.page.evaluate(() => window.__viz!.renderInfo());
      expect(info.triangles, proc.id).toBeGreaterThan(10_000);
      expect(info.triangles, proc.id).toBeLessThanOrEqual(150_000);
      expect(info.calls, proc.id).toBeLessThanOrEqual(80);
    }
    expectClean(app);
  }, 600_000);

  test.each([
    ['before and after', '?p=mis-bunion&vs=before', 'before'],
    ['two foot operations', '?p=mis-bunion&vs=chevron', 'other'],
    ['two knee operations', '?p=hto-opening&vs=hto-closing', 'other'],
  ])(
    'two views side by side (%s) at the last step: each, and both together, within the scene budget',
    async (_, url, other) => {
      const app = await open(url);
      await waitForReady(app);
      const last = await app.page.locator('[data-testid^="step-"]').count();
      await app.page.locator(`[data-testid="step-${last}"]`).click();
      await waitReady(app.page);
      const [main, beside] = await app.page.evaluate(
        (view) => [window.__viz!.renderInfo(), window.__viz!.viewRenderInfo(view)],
        other,
      );
      for (const [view, info] of [
        ['main', main],
        [other, beside],
      ] as const) {
        expect(info!.triangles, view).toBeGreaterThan(10_000);
        expect(info!.triangles, view).toBeLessThanOrEqual(150_000);
        expect(info!.calls, view).toBeLessThanOrEqual(80);
      }
      // The screen draws both: together they still keep to one scene's budget.
      expect(main.triangles + beside!.triangles).toBeLessThanOrEqual(150_000);
      expect(main.calls + beside!.calls).toBeLessThanOrEqual(80);
      console.log(
        `${url}: ${main.triangles} + ${beside!.triangles} triangles, ${main.calls} + ${beside!.calls} draw calls`,
      );
      expectClean(app);
    },
    300_000,
  );
});
