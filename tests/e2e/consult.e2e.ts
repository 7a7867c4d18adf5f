/** The consultation's start: operations as cards, the patient's case from a severity. */
import { describe, expect, test } from 'vitest';
import { FOOT_PRESETS, KNEE_PRESETS } from '../../src/clinical/deformity-params';
import { pagePerTest, readMeasure } from './helpers';
import { expectClean, waitStep } from './expectations';

const open = pagePerTest();

describe('consultation start', () => {
  test('every operation is a card, grouped by foot and knee; a knee card opens it on the knee', async () => {
    const app = await open('');
    const cards = app.page.locator('[data-testid="procedure-cards"] .card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(9);
    await app.page.locator('[data-testid="card-hto-opening"]').click();
    await waitStep(app, 1);
    await app.page.locator('[data-testid="procedure-cards"]').waitFor({ state: 'detached' });
    expect(await app.page.evaluate(() => new URLSearchParams(window.location.search).get('region'))).toBe(
      'knee',
    );
    expectClean(app);
  });

  test('a severity sets the patient’s angles, measured back on the model', async () => {
    const app = await open('?p=chevron');
    await waitStep(app, 1);
    await app.page.locator('[data-testid="preset-severe"]').click();
    await app.page.waitForFunction(
      (want) => Number(document.querySelector('[data-measure="hva-pre"]')?.getAttribute('data-value')) > want,
      FOOT_PRESETS.severe.hva - 1,
    );
    expect(await readMeasure(app.page, 'hva-pre')).toBeCloseTo(FOOT_PRESETS.severe.hva, 0);
    expect(await readMeasure(app.page, 'ima-pre')).toBeCloseTo(FOOT_PRESETS.severe.ima, 0);
    expect(await app.page.locator('[data-testid="preset-severe"]').getAttribute('aria-pressed')).toBe('true');
    // The angles live after the '#', never in the query.
    expect(await app.page.evaluate(() => window.location.hash)).toContain(`hva=${FOOT_PRESETS.severe.hva}`);
    expect(await app.page.evaluate(() => window.location.search)).not.toContain('hva');
    // A link that differs only after '#' (pasted into the same tab) is followed without a reload.
    await app.page.evaluate(() => (window.location.hash = 'hva=20&ima=10'));
    await app.page.waitForFunction(
      () =>
        Math.abs(
          Number(document.querySelector('[data-measure="hva-pre"]')?.getAttribute('data-value')) - 20,
        ) < 0.6,
    );
    expectClean(app);
  });

  test('a knock knee’s severities are valgus ones', async () => {
    const app = await open('?p=dfo-closing&hka=188&mpta=87&ldfa=80');
    await waitStep(app, 1);
    expect(await app.page.locator('[data-testid="preset-moderate"]').getAttribute('aria-pressed')).toBe(
      'true',
    );
    await app.page.locator('[data-testid="preset-mild"]').click();
    await app.page.waitForFunction(
      (want) =>
        Math.abs(
          Number(document.querySelector('[data-measure="hka-pre"]')?.getAttribute('data-value')) - want,
        ) < 0.6,
      KNEE_PRESETS.valgus.mild.hka,
    );
    expectClean(app);
  });
});
