/** Browser tests of the knee osteotomies: play-through, planned readouts, the load line, warnings. */
import { describe, expect, test } from 'vitest';
import {
  openApp,
  readMeasure,
  showsBone,
  stagePixelStats,
  waitForReady,
  type AppPage,
  pagePerTest,
  toStepStart,
  reach,
} from './helpers';
import { expectClean, waitStep } from './expectations';

const open = pagePerTest();

const DEG = Math.PI / 180;

/** The load lines' WBL % as the overlay last drew them. */
const loadLine = (app: AppPage) => app.page.evaluate(() => window.__viz?.loadLine?.() ?? null);

/** The planned readouts agree with each other and with the target. */
async function expectPlannedReadouts(app: AppPage, target: number) {
  const alpha = (await readMeasure(app.page, 'correction'))!;
  const D = (await readMeasure(app.page, 'cut-length'))!;
  const gap = (await readMeasure(app.page, 'gap'))!;
  expect(alpha).toBeGreaterThan(0);
  expect(D).toBeGreaterThan(40);
  expect(Math.abs(gap - D * Math.tan(alpha * DEG))).toBeLessThan(0.1);
  expect(Math.abs((await readMeasure(app.page, 'wbl-post'))! - target)).toBeLessThan(0.5);
  for (const id of ['hka', 'mpta', 'ldfa']) expect(await readMeasure(app.page, `${id}-post`)).not.toBeNull();
}

describe('each knee osteotomy plays by itself at 4× speed', () => {
  test.each([
    ['hto-opening', '', 8, 62.5],
    ['hto-closing', '&fibula=osteotomy&fixation=plate', 9, 62.5],
    ['dfo-opening', '&hka=188&ldfa=80&mpta=87', 7, 50],
    ['dfo-closing', '&hka=188&ldfa=80&mpta=87', 8, 50],
  ])('%s%s reaches its last step', async (id, extra, steps, target) => {
    const app = await open(`?p=${id}${extra}&speed=4`);
    await waitStep(app, 1);
    await expectPlannedReadouts(app, target);
    await app.page.locator('[data-testid="play"]').click();
    await app.page.waitForFunction(
      (last) => document.querySelector('[data-step]')?.getAttribute('data-step') === last,
      String(steps),
      { timeout: 150_000 },
    );
    const stats = await stagePixelStats(app.page, `${id}-played`);
    expect(showsBone(stats), JSON.stringify(stats)).toBe(true);
    // The plate or staples stay once placed.
    const implants = await app.page.evaluate(() => window.__viz?.visibleNames('instrument:') ?? []);
    expect(
      implants.some((n) => /plate|staple/.test(n)),
      implants.join(),
    ).toBe(true);
    expectClean(app);
  });
});

describe('knee planning in the browser', () => {
  test('the URL case: pre-op readouts as asked, post-op measured on the corrected leg', async () => {
    const app = await open('?p=hto-opening&hka=172&mpta=82&target=62.5&hinge=10');
    await waitStep(app, 1);
    expect(Math.abs((await readMeasure(app.page, 'hka-pre'))! - 172)).toBeLessThan(0.5);
    expect(Math.abs((await readMeasure(app.page, 'mpta-pre'))! - 82)).toBeLessThan(0.5);
    await expectPlannedReadouts(app, 62.5);
    expect(await readMeasure(app.page, 'hka-post')).toBeGreaterThan(180);
    expectClean(app);

    const dfo = await openApp('?p=dfo-closing&hka=188&ldfa=80&target=50');
    await waitStep(dfo, 1);
    expect(Math.abs((await readMeasure(dfo.page, 'ldfa-pre'))! - 80)).toBeLessThan(0.5);
    await expectPlannedReadouts(dfo, 50);
    expect(await readMeasure(dfo.page, 'hka-post')).toBeLessThan(183);
    await dfo.close();
  });

  test('the load line overlay moves as the wedge opens; the pre-op line stays', async () => {
    const app = await open('?p=hto-opening&step=5');
    await waitStep(app, 5);
    // The opening plays over step 5: at its first moment the line is where it was.
    await toStepStart(app, 5);
    await app.page.waitForFunction(() => {
      const l = window.__viz?.loadLine?.();
      return l != null && Math.abs(l.current - l.pre) < 0.05;
    });
    const before = (await loadLine(app))!;
    expect(await app.page.evaluate(() => window.__viz?.visibleNames('overlay:') ?? [])).toEqual(
      expect.arrayContaining(['overlay:load-line-pre', 'overlay:load-line-post', 'overlay:wbl-marker']),
    );
    // The paused step's still is its end: the line has reached the target.
    await app.page.locator('[data-testid="step-5"]').click();
    await app.page.waitForFunction(
      (pre) => (window.__viz?.loadLine?.()?.current ?? pre) > pre + 40,
      before.pre,
    );
    const after = (await loadLine(app))!;
    expect(after.pre).toBeCloseTo(before.pre, 6);
    expect(Math.abs(after.current - 62.5)).toBeLessThan(0.5);
    expectClean(app);
  });

  test('a 16 mm opening is warned about; reducing the angle clears the warning', async () => {
    const app = await open('?p=hto-opening&angle=15.5');
    await waitStep(app, 1);
    expect((await readMeasure(app.page, 'gap'))!).toBeGreaterThan(15.5);
    const warning = app.page.locator('[data-warning="warn.knee.hingeFracture"]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('11 mm');
    await app.page.locator('[data-testid="param-angle"]').fill('8');
    await app.page.waitForFunction(
      () => Number(document.querySelector('[data-measure="gap"]')?.getAttribute('data-value')) < 10,
    );
    await warning.waitFor({ state: 'detached' });
    expectClean(app);
  });

  test("a plate not on show follows a new target once the slider rests, and is drawn to the plan's sizes", async () => {
    /** The sizes the medial plate was built to, and whether it is on show. */
    const plate = (app: AppPage) =>
      app.page.evaluate(() =>
        window.__viz!.toolSizes('instrument:plate').find((t) => t.name === 'instrument:plate')!,
      );
    const app = await open('?p=hto-opening');
    await waitForReady(app);
    const before = await plate(app);
    expect(before.shown).toBe(false);
    // The target to its maximum: the plate of the last step is rebuilt once the slider rests.
    await app.page.locator('[data-testid="param-target"]').focus();
    await app.page.keyboard.press('End');
    await app.page.waitForFunction(
      (old) => window.__viz!.toolSizes('instrument:plate').some((t) => t.size !== old),
      before.size,
    );
    await waitForReady(app);
    const fresh = await openApp('?p=hto-opening&target=75&step=8');
    try {
      await waitForReady(fresh);
      const planned = await plate(fresh);
      expect(planned.shown).toBe(true);
      expect((await plate(app)).size).toBe(planned.size);
      // On show, a new target rebuilds it at once to the plan's sizes.
      await app.page.locator('[data-testid="step-8"]').click();
      await waitStep(app, 8);
      expect(await plate(app)).toEqual(planned);
      await app.page.locator('[data-testid="param-target"]').focus();
      await app.page.keyboard.press('Home');
      await waitForReady(app);
      const low = await plate(app);
      expect(low.shown).toBe(true);
      expect(low.size).not.toBe(planned.size);
      expect(low.size).not.toBe(before.size);
    } finally {
      await fresh.close();
    }
    expectClean(app);
  });
});

describe('a knee operation chosen for the other deformity', () => {
  test('a DFO from the default bow leg opens on the typical knock knee, says so, and corrects it', async () => {
    const app = await open('?p=dfo-opening&lang=it');
    await waitForReady(app);
    const notice = app.page.locator('[data-notice="typical-case"]');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/ginocchio valgo/);
    expect((await readMeasure(app.page, 'hka-pre'))!).toBeGreaterThan(183);
    expect((await readMeasure(app.page, 'correction'))!).toBeGreaterThan(5);
    expect(await app.page.locator('[data-warning="warn.knee.otherProcedure"]').count()).toBe(0);
    // Chosen in the app from an HTO on a bow leg: the same.
    await app.page.goto(`${app.baseUrl}/?p=hto-opening&region=knee`, { waitUntil: 'load' });
    await waitForReady(app);
    expect((await readMeasure(app.page, 'hka-pre'))!).toBeLessThan(177);
    expect(await notice.count()).toBe(0);
    await (await reach(app.page, 'procedure-dfo-closing')).click();
    await notice.waitFor();
    await app.page.locator('[data-measure="correction"]').waitFor();
    await app.page.waitForFunction(
      () => Number(document.querySelector('[data-measure="hka-pre"]')?.getAttribute('data-value')) > 183,
    );
    expect((await readMeasure(app.page, 'correction'))!).toBeGreaterThan(5);
    expectClean(app);
  });
});
