/** Sharing a case: the link and its QR code reopen the same view; the embed shows no chrome. */
import { describe, expect, test } from 'vitest';
import { openApp, pagePerTest, readMeasure, reach, waitForReady } from './helpers';
import { expectClean, waitStep } from './expectations';

const open = pagePerTest();

describe('share', () => {
  test('the link keeps the angles after “#”, and opened in a new page shows the same step and readouts', async () => {
    const app = await open('?p=chevron&shift=40&step=5&lang=it#hva=28&ima=13');
    await waitStep(app, 5);
    const hvaPost = await readMeasure(app.page, 'hva-post');
    await (await reach(app.page, 'share')).click();
    await app.page.locator('[data-testid="share-dialog"][open]').waitFor();
    const link = await app.page.locator('[data-testid="share-link"]').inputValue();
    const [query, fragment] = link.split('#');
    expect(query).toContain('p=chevron');
    expect(query).toContain('step=5');
    expect(query).not.toMatch(/hva|ima/);
    expect(fragment).toBe('hva=28&ima=13');
    expect(
      Number(await app.page.locator('[data-testid="share-qr"]').getAttribute('data-modules')),
    ).toBeGreaterThan(25);
    // The embed is for a public page: the operation, not this patient's angles.
    const embed = await app.page.locator('[data-testid="share-embed"]').inputValue();
    expect(embed).toContain('mode=embed');
    expect(embed).not.toMatch(/hva|#/);
    // A picture of the view.
    await app.page.locator('[data-testid="share-picture"]').click();
    const png = await app.page.locator('[data-testid="share-picture-link"]').getAttribute('href');
    expect(png).toMatch(/^data:image\/png;base64,/);
    expect(png!.length).toBeGreaterThan(10_000);
    await app.page.locator('[data-testid="share-close"]').click();
    await app.page.locator('[data-testid="share-dialog"]').waitFor({ state: 'detached' });
    expectClean(app);

    const again = await openApp(link.replace(app.baseUrl, '').replace(/^\//, ''));
    try {
      await waitStep(again, 5);
      expect(await again.page.evaluate(() => document.documentElement.lang)).toBe('it');
      expect(await readMeasure(again.page, 'hva-post')).toBe(hvaPost);
      expect(await readMeasure(again.page, 'hva-pre')).toBeCloseTo(28, 0);
      expectClean(again);
    } finally {
      await again.close();
    }
  });

  test('embedded: the operation and its timeline, no top bar or side panel', async () => {
    const app = await open('?p=scarf&mode=embed');
    await waitStep(app, 1);
    // Shown once its first view is drawn: before that nothing is visible, the scrubber included.
    await waitForReady(app);
    expect(await app.page.locator('.topbar').isVisible()).toBe(false);
    expect(await app.page.locator('.side').isVisible()).toBe(false);
    expect(await app.page.locator('[data-testid="scrubber"]').isVisible()).toBe(true);
    expectClean(app);
  });
});
