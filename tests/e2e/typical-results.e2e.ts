/**
 * Browser tests of the typical published ranges (CLINICAL §5) beside the post-operative readouts:
 * the band's numbers and words in English and Italian, the series and their sources in the info
 * panel, and no band where no series is published.
 */
import { describe, expect, test } from 'vitest';
import { pagePerTest, readMeasure, waitForReady, type AppPage } from './helpers';
import { expectClean } from './expectations';

const open = pagePerTest();

async function goTo(app: AppPage, query: string) {
  await app.page.goto(`${app.baseUrl}/${query}`, { waitUntil: 'load' });
  await waitForReady(app);
}

type Band = { low: number; high: number; text: string };

/** The band `[data-typical="<id>"]` (waiting for the procedure panel's words). */
async function band(app: AppPage, id: string): Promise<Band> {
  const el = app.page.locator(`[data-typical="${id}"]`);
  await el.waitFor({ state: 'attached', timeout: 30_000 });
  return {
    low: Number(await el.getAttribute('data-low')),
    high: Number(await el.getAttribute('data-high')),
    text: ((await el.textContent()) ?? '').trim(),
  };
}

/** The procedure panel's words are in (its table is on screen). */
const panelShown = (app: AppPage) =>
  app.page
    .locator('[data-measure="hva-post"], [data-measure="mpta-post"]')
    .first()
    .waitFor({ timeout: 30_000 });

describe('typical published results beside the readouts', () => {
  test('the band, its words in both languages, the series and sources in the info panel; none without a series', async () => {
    const app = await open('?p=chevron&hva=30&ima=13');
    await waitForReady(app);

    // Chevron: CLINICAL's realistic range, HVA 8–18°, IMA 4–10° [67][68][69].
    const hva = await band(app, 'hva');
    const ima = await band(app, 'ima');
    expect([hva.low, hva.high]).toEqual([8, 18]);
    expect([ima.low, ima.high]).toEqual([4, 10]);
    expect(hva.text).toBe('typically 8–18°');
    expect(ima.text).toBe('typically 4–10°');
    // The band sits with the post-operative readout it belongs to; none for a measure without a series.
    expect(await app.page.locator('[data-measure="hva-post"] [data-typical="hva"]').count()).toBe(1);
    expect(await app.page.locator('[data-typical]').count()).toBe(2);
    // The "What it is" tab (open at first) gives the series' basis and its numbered sources.
    const results = app.page.locator('[data-testid="typical-results"]');
    await results.waitFor();
    expect(await results.textContent()).toContain('typically 8–18°');
    expect(
      await results
        .locator('[data-testid="typical-sources"] li')
        .evaluateAll((li) => li.map((l) => l.getAttribute('value'))),
    ).toEqual(['67', '68', '69']);

    await goTo(app, '?p=chevron&hva=30&ima=13&lang=it');
    expect((await band(app, 'hva')).text).toBe('di solito 8–18°');
    expect((await band(app, 'ima')).text).toBe('di solito 4–10°');

    // MICA: HVA 8.7 ± 5.2 → 3.5–13.9°, IMA 5.7 ± 3.2 → 2.5–8.9° [70]; Italian writes a decimal comma.
    await goTo(app, '?p=mis-bunion&variant=mica&hva=32.9&ima=15.3&lang=it');
    const mica = await band(app, 'hva');
    expect([mica.low, mica.high]).toEqual([3.5, 13.9]);
    expect(mica.text).toBe('di solito 3,5–13,9°');
    expect((await band(app, 'ima')).text).toBe('di solito 2,5–8,9°');
    await app.page.locator('[data-testid="typical-results"]').waitFor();
    expect(await app.page.locator('[data-testid="typical-sources"] li').getAttribute('value')).toBe('70');
    expect(await app.page.locator('[data-testid="typical-results"]').textContent()).toContain('333 piedi');

    await goTo(app, '?p=mis-bunion&variant=mica&hva=32.9&ima=15.3');
    const micaEn = await band(app, 'hva');
    expect(micaEn.text).toBe('typically 3.5–13.9°');
    expect(micaEn.low).toBeLessThan(micaEn.high);

    // Classic percutaneous: the HVA falls from the patient's own by 11.9 ± 4.9° [69].
    await goTo(app, '?p=mis-bunion&variant=classic&hva=36&ima=15');
    const classic = await band(app, 'hva');
    const pre = (await readMeasure(app.page, 'hva-pre'))!;
    expect(classic.low).toBeCloseTo(pre - 16.8, 1);
    expect(classic.high).toBeCloseTo(pre - 7, 1);
    expect([(await band(app, 'ima')).low, (await band(app, 'ima')).high]).toEqual([3.7, 8.3]);

    // Knee: the mMPTA after an opening HTO, 90.6 ± 2.7° [72].
    await goTo(app, '?region=knee&p=hto-opening&lang=it');
    const mpta = await band(app, 'mpta');
    expect([mpta.low, mpta.high]).toEqual([87.9, 93.3]);
    expect(mpta.text).toBe('di solito 87,9–93,3°');
    expect(await app.page.locator('[data-typical]').count()).toBe(1);
    await app.page.locator('[data-testid="typical-results"]').waitFor();
    expect(await app.page.locator('[data-testid="typical-results"]').textContent()).toContain(
      '390 ginocchia',
    );

    // The Akin alone: no published series, no band, no block.
    await goTo(app, '?p=akin');
    await panelShown(app);
    expect(await app.page.locator('[data-typical]').count()).toBe(0);
    await app.page.locator('[data-testid="info-panel"]').waitFor();
    expect(await app.page.locator('[data-testid="typical-results"]').count()).toBe(0);
    expectClean(app);
  });
});
