/**
 * Every step as a surgeon does it (issue 16): a paused step shows its key frame, and each tool on
 * show works where the technique puts it, measured in the page on the bones as drawn.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ToolPlacement } from '../../src/engine/tool-placement';
import {
  decodePng,
  getBrowser,
  pagePerTest,
  screenshot,
  toStepStart,
  waitForReady,
  type AppPage,
  reach,
} from './helpers';
import { expectClean } from './expectations';

const open = pagePerTest();

/** Clicks a step in the step list by its id and waits until it is the current one. */
async function goToStep(app: AppPage, id: string): Promise<number> {
  const button = app.page.locator(`[data-step-id="${id}"]`);
  await button.click();
  await app.page.locator(`[data-step-id="${id}"][aria-current="step"]`).waitFor();
  return Number((await button.getAttribute('data-testid'))!.replace('step-', ''));
}

/**
 * The placements of the tools of one kind whose id starts with `id`, once the frame on show has
 * them (for a frame the previous step's tool of the same kind may still be listed).
 */
async function placementsOf(page: Page, kind: string, id = ''): Promise<ToolPlacement[]> {
  await page.waitForFunction(
    ([k, i]) => (window.__viz?.toolPlacements?.() ?? []).some((p) => p.kind === k && p.id.startsWith(i)),
    [kind, id] as const,
  );
  const all = await page.evaluate(() => [...window.__viz!.toolPlacements!()]);
  return all.filter((p) => p.kind === kind && p.id.startsWith(id));
}

/** How many pixels of the stage differ between two screenshots of the page. */
async function differingPixels(app: AppPage, a: Buffer, b: Buffer): Promise<number> {
  const box = (await app.page.locator('[data-testid="stage"] canvas').first().boundingBox())!;
  const clip = {
    x: Math.floor(box.x),
    y: Math.floor(box.y),
    width: Math.floor(box.width),
    height: Math.floor(box.height),
  };
  const browser = await getBrowser();
  const [da, db] = await Promise.all([decodePng(browser, a, clip), decodePng(browser, b, clip)]);
  let n = 0;
  for (let i = 0; i < da.length; i += 4)
    if (
      Math.abs(da[i]! - db[i]!) + Math.abs(da[i + 1]! - db[i + 1]!) + Math.abs(da[i + 2]! - db[i + 2]!) >
      30
    )
      n++;
  return n;
}

describe('a paused step shows what its caption says', () => {
  test('the still is the end of the step: the bump gone, the head moved; play starts the step from its beginning', async () => {
    const app = await open('?p=chevron&step=3');
    await waitForReady(app);
    // "The bump is shaved flush": at the still it is gone; at the step's first moment it is there.
    await app.page.waitForFunction(() => (window.__viz?.visibleNames('eminence') ?? []).length === 0);
    await toStepStart(app, 3);
    await app.page.waitForFunction(() => (window.__viz?.visibleNames('eminence') ?? []).length > 0);

    // The shift: the still (its end) differs from its first frame.
    const shift = await goToStep(app, 'shift');
    await app.page.waitForTimeout(500);
    const still = await screenshot(app.page, 'steps-shift-still');
    await toStepStart(app, shift);
    await app.page.waitForTimeout(500);
    const first = await screenshot(app.page, 'steps-shift-first');
    expect(await differingPixels(app, still, first)).toBeGreaterThan(500);

    // Play from a paused step: the clock goes back to the step's beginning.
    await goToStep(app, 'shift');
    const start = Number(await app.page.locator(`[data-testid="step-${shift}"]`).getAttribute('data-start'));
    const scrubber = app.page.locator('[data-testid="scrubber"]');
    const end = Number(await scrubber.inputValue());
    expect(end).toBeGreaterThan(start + 0.5);
    await app.page.locator('[data-testid="play"]').click();
    await app.page.locator('[data-testid="play"]').click();
    expect(Number(await scrubber.inputValue())).toBeLessThan(end - 0.3);
    expectClean(app);
  });
});

describe('each tool works where the technique puts it', () => {
  test('knee: the fibula freed at the lateral tibiofibular joint; the ascending cut anterior, behind the tuberosity', async () => {
    const app = await open('?p=hto-closing');
    await waitForReady(app);
    await goToStep(app, 'fibula-release');
    const release = await placementsOf(app.page, 'chisel');
    expect(release[0]).toMatchObject({ nearestPart: 'fibula' });
    expect(release[0]!.distanceMm).toBeLessThanOrEqual(3);

    await (await reach(app.page, 'procedure-hto-opening')).click();
    await app.page.locator('[data-step-id="frontal-cut"]').waitFor();
    await goToStep(app, 'frontal-cut');
    const saw = await placementsOf(app.page, 'saw');
    expect(saw[0]).toMatchObject({ nearestPart: 'tibia', side: 'anterior' });
    expect(saw[0]!.distanceMm).toBeLessThanOrEqual(3);
    expectClean(app);
  });

  test('MICA: the burr at the first metatarsal and at the base of the proximal phalanx', async () => {
    const app = await open('?p=mis-bunion&variant=mica');
    await waitForReady(app);
    await goToStep(app, 'chevron');
    const neck = await placementsOf(app.page, 'burr', 'burr-v');
    expect(neck[0]).toMatchObject({ nearestPart: 'metatarsal1' });
    expect(neck[0]!.distanceMm).toBeLessThanOrEqual(2);
    await goToStep(app, 'burr-1');
    const akin = await placementsOf(app.page, 'burr', 'burr-akin');
    expect(akin[0]).toMatchObject({ nearestPart: 'proximalPhalanx1' });
    expect(akin[0]!.distanceMm).toBeLessThanOrEqual(2);
    expectClean(app);
  });
});
