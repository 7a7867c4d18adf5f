/**
 * Browser tests of the post-operative result a patient is shown: the readouts of published series'
 * mean cases land inside those series (CLINICAL §5), and an over-correction says it is hallux varus.
 */
import { describe, expect, test } from 'vitest';
import { pagePerTest, readMeasure, waitForReady, type AppPage } from './helpers';
import { expectClean } from './expectations';

const open = pagePerTest();

async function goTo(app: AppPage, query: string) {
  await app.page.goto(`${app.baseUrl}/${query}`, { waitUntil: 'load' });
  await waitForReady(app);
}

const post = async (app: AppPage) => ({
  hva: (await readMeasure(app.page, 'hva-post'))!,
  ima: (await readMeasure(app.page, 'ima-post'))!,
});

describe('the result shown after a bunion operation', () => {
  test('published mean cases land inside their series, with some valgus left and no warning', async () => {
    const app = await open('?p=chevron&hva=30&ima=13');
    await waitForReady(app);
    const cases: [string, [number, number], [number, number]][] = [
      // [query, HVA window, IMA window]: mean ± SD, ± 4° where no SD is published.
      ['?p=chevron&hva=30&ima=13', [13, 21], [6, 14]],
      ['?p=scarf&hva=29&ima=13&lang=it', [14, 22], [6, 14]],
      ['?p=mis-bunion&variant=mica&hva=32.9&ima=15.3', [3.5, 13.9], [2.5, 8.9]],
    ];
    for (const [query, hva, ima] of cases) {
      if (query !== cases[0]![0]) await goTo(app, query);
      const result = await post(app);
      expect(result.hva, query).toBeGreaterThanOrEqual(hva[0]);
      expect(result.hva, query).toBeLessThanOrEqual(hva[1]);
      expect(result.ima, query).toBeGreaterThanOrEqual(ima[0]);
      expect(result.ima, query).toBeLessThanOrEqual(ima[1]);
      expect(await app.page.locator('[data-warning="hallux-varus"]').count(), query).toBe(0);
    }
    expectClean(app);
  });

  test('an over-correction warns of hallux varus in the reader’s language', async () => {
    const app = await open('?p=scarf&hva=20&ima=10&shift=75');
    await waitForReady(app);
    const warning = app.page.locator('[data-warning="hallux-varus"]');
    await warning.waitFor();
    const { ima } = await post(app);
    expect(ima).toBeLessThan(3);
    expect(await warning.textContent()).toMatch(/hallux varus/i);
    await goTo(app, '?p=scarf&hva=20&ima=10&shift=75&lang=it');
    expect(await warning.textContent()).toMatch(/alluce varo/i);
    // A moderate shift on the same foot leaves the toe straight enough: no warning.
    await goTo(app, '?p=scarf&hva=20&ima=10&shift=30');
    expect((await post(app)).hva).toBeGreaterThan(0);
    expect(await warning.count()).toBe(0);
    expectClean(app);
  });
});
