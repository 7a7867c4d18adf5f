/** Browser tests of the percutaneous (MIS) bunion operation. */
import { describe, expect, test } from 'vitest';
import { readMeasure, showsBone, stagePixelStats, pagePerTest, stepStart, toStepStart } from './helpers';
import { expectClean, waitStep } from './expectations';

const open = pagePerTest();

describe('percutaneous bunion surgery', () => {
  test.each([
    ['classic', 10, 0, 2],
    // Two screws, then the Akin MICA brings, burred in two passes through its portal, with its
    // screw through a stab of its own: five openings of 3 mm.
    ['mica', 15, 3, 5],
  ])(
    '%s plays to its last step; implants left: as the technique says',
    async (variant, steps, implants, openings) => {
      const app = await open(`?p=mis-bunion&variant=${variant}&speed=4`);
      await waitStep(app, 1);
      expect(await readMeasure(app.page, 'implants')).toBe(implants);
      const portals = (await readMeasure(app.page, 'incision-mm'))!;
      const openMm = (await readMeasure(app.page, 'open-incision-mm'))!;
      expect(portals).toBeLessThanOrEqual(3 * openings);
      expect(openMm).toBeGreaterThan(2.5 * portals);
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
    },
  );
});

describe('fluoroscopy at percutaneous steps', () => {
  test('a burr pass opens with an AP shot (counted); the anaesthesia step has none', async () => {
    const app = await open('?p=mis-bunion&step=4');
    await waitStep(app, 4);
    // The paused step shows its end, the bump shaved; its shot opens it.
    await toStepStart(app, 4);
    await app.page.locator('[data-testid="stage"] canvas[data-xray="ap"]').waitFor();
    expect(await app.page.locator('[data-testid="shots"]').getAttribute('data-value')).toBe('2');
    // The view controls say what is on screen: X-ray, AP (not the 3D the user left them on).
    await app.page.locator('[data-testid="view-xray"][aria-pressed="true"]').waitFor();
    expect(await app.page.locator('[data-testid="proj-ap"]').getAttribute('aria-pressed')).toBe('true');
    await app.page.locator('[data-testid="step-1"]').click();
    await waitStep(app, 1);
    await app.page.waitForFunction(() => !document.querySelector('[data-testid="stage"] canvas[data-xray]'));
    expect(await app.page.locator('[data-testid="shots"]').count()).toBe(0);
    await app.page.locator('[data-testid="view-3d"][aria-pressed="true"]').waitFor();
    expectClean(app);
  });
});

describe('the skin openings', () => {
  test('are drawn on the skin with their total, beside the open incision they replace', async () => {
    const app = await open('?p=mis-bunion&step=2');
    await waitStep(app, 2);
    await app.page.waitForFunction(() => (window.__viz?.visibleNames('overlay:portal') ?? []).length === 2);
    expect(await app.page.evaluate(() => window.__viz?.visibleNames('overlay:open-incision').length)).toBe(1);
    const portals = (await readMeasure(app.page, 'incision-mm'))!;
    expect(await app.page.locator('[data-testid="portals-label"]').textContent()).toContain(String(portals));
    const openMm = (await readMeasure(app.page, 'open-incision-mm'))!;
    expect(await app.page.locator('[data-testid="open-incision-label"]').textContent()).toContain(
      String(Math.round(openMm)),
    );
    expectClean(app);
  });
});

describe('the Akin in a percutaneous sitting', () => {
  test('MICA: the burr cuts it through a portal on the skin, with no open incision of its own', async () => {
    // Step 10: the Akin's first burr pass (after the passes over the bump, the chevron, the shift
    // and the two screws).
    const app = await open('?p=mis-bunion&variant=mica&step=10');
    await waitStep(app, 10);
    const caption = app.page.locator('[data-testid="caption"]');
    const tools = (await caption.getAttribute('data-tools'))!.split(',');
    expect(tools).toContain('burr');
    expect(tools).not.toContain('saw');
    expect(tools).not.toContain('scalpel');
    // Past the step's X-ray shot (its first 30 %) the 3D view shows the skin with its openings. A
    // link's step rests on its key frame, here its end: the scrub goes to 70 % of the step.
    const [start, end] = [await stepStart(app, 10), await stepStart(app, 11)];
    await app.page.locator('[data-testid="scrubber"]').fill(String(start + 0.7 * (end - start)));
    await waitStep(app, 10);
    await app.page.waitForFunction(() => !document.querySelector('[data-testid="stage"] canvas[data-xray]'));
    await app.page.waitForFunction(() =>
      (window.__viz?.visibleNames('overlay:portal') ?? []).includes('overlay:portal:akin'),
    );
    const drawn = await app.page.evaluate(() => window.__viz!.visibleNames('overlay:portal'));
    expect(drawn.sort()).toEqual(
      ['medial', 'screw-distal', 'screw-proximal', 'akin', 'akin-screw']
        .map((id) => `overlay:portal:${id}`)
        .sort(),
    );
    const shown = (prefix: string) => app.page.evaluate((p) => window.__viz!.visibleNames(p), prefix);
    expect(await shown('instrument:burr')).toHaveLength(1);
    expect(await shown('instrument:scalpel')).toEqual([]);
    expect(await shown('instrument:saw')).toEqual([]);
    // The one incision drawn is the open chevron's, beside the portals for comparison.
    expect(await shown('overlay:open-incision')).toHaveLength(1);
    expectClean(app);
  });

  test('after a chevron the Akin is still cut with the saw', async () => {
    // Step 11: the Akin's second saw cut (after the chevron's nine steps and the Akin's first cut).
    const app = await open('?p=chevron&akin=1&step=11');
    await waitStep(app, 11);
    expect(await app.page.locator('[data-testid="caption"]').getAttribute('data-tools')).toBe('saw');
    expectClean(app);
  });
});

describe('cementoplasty', () => {
  test('plays to its last step; readouts follow the URL; the cement stays inside, no warning', async () => {
    const app = await open('?p=cementoplasty&site=tibia&lesion=30&volume=8&speed=4');
    await waitStep(app, 1);
    const lesionMl = (await readMeasure(app.page, 'lesion-volume'))!;
    expect(lesionMl).toBeCloseTo((4 / 3) * Math.PI * 15 ** 3 * 1e-3, 1);
    expect(await readMeasure(app.page, 'cement')).toBe(8);
    expect((await readMeasure(app.page, 'fill'))!).toBeCloseTo((100 * 8) / lesionMl, 1);
    await app.page.locator('[data-testid="play"]').click();
    // Setting: the caption's clock runs fast-forwarded.
    await waitStep(app, 9, 150_000);
    await app.page.locator('[data-testid="clock"]').waitFor();
    await waitStep(app, 10, 150_000);
    const shown = await app.page.evaluate(() => window.__viz?.visibleNames('instrument:cement'));
    expect(shown).toHaveLength(2);
    expect(await app.page.locator('[data-warning]').count()).toBe(0);
    const stats = await stagePixelStats(app.page, 'cementoplasty-played');
    expect(showsBone(stats), JSON.stringify(stats)).toBe(true);
    expectClean(app);
  });

  test('more cement than the lesion holds, or pushed too fast: a leak is drawn and warned', async () => {
    const app = await open('?p=cementoplasty&lesion=20&volume=6&step=8');
    await waitStep(app, 8);
    await app.page.locator('[data-warning="proc.cementoplasty.warn.overflow"]').waitFor();
    // The bolus, the first increments inside it, and the leak.
    await app.page.waitForFunction(() => window.__viz?.visibleNames('instrument:cement').length === 3);
    await app.page.locator('[data-testid="param-volume"]').fill('3');
    await app.page
      .locator('[data-warning="proc.cementoplasty.warn.overflow"]')
      .waitFor({ state: 'detached' });
    await app.page.locator('[data-testid="param-pace"]').fill('0.4');
    await app.page.locator('[data-warning="pace"]').waitFor();
    expectClean(app);
  });

  test('the needle is checked on an AP, then a lateral shot, counted; the C-arm is drawn where it stood', async () => {
    const app = await open('?p=cementoplasty&step=5');
    await waitStep(app, 5);
    await toStepStart(app, 5);
    await app.page.locator('[data-testid="stage"] canvas[data-xray="lat"]').waitFor();
    expect(await app.page.locator('[data-testid="shots"]').getAttribute('data-value')).toBe('3');
    expect(await app.page.evaluate(() => window.__viz?.visibleNames('overlay:carm'))).toEqual([]);
    // Past the shot, the 3D view shows the C-arm where it stood; a step without X-ray has none.
    await app.page.locator('[data-testid="scrubber"]').fill('16');
    await app.page.waitForFunction(() => !document.querySelector('[data-testid="stage"] canvas[data-xray]'));
    await app.page.waitForFunction(() => window.__viz?.visibleNames('overlay:carm').length === 1);
    await app.page.locator('[data-testid="step-2"]').click();
    await waitStep(app, 2);
    await app.page.waitForFunction(() => window.__viz?.visibleNames('overlay:carm').length === 0);
    expectClean(app);
  });
});
