/** The consultation panel's info tabs, and the one-page printable handout for the patient. */
import { describe, expect, test } from 'vitest';
import { decodeStats, getBrowser, pagePerTest, readMeasure, showsBone, waitForReady } from './helpers';
import { expectClean, waitStep } from './expectations';

const open = pagePerTest();
const VIEW = { width: 1024, height: 720 };

const selectedTab = (app: Awaited<ReturnType<typeof open>>) =>
  app.page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-testid');
const focusedTab = (app: Awaited<ReturnType<typeof open>>) =>
  app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

describe('info tabs', () => {
  test('arrow keys, Home and End move between the tabs; the recovery timeline shows its milestones', async () => {
    const app = await open('?p=hto-opening', { viewport: VIEW });
    await waitForReady(app);
    const first = app.page.locator('[data-testid="info-tab-what"]');
    await first.waitFor();
    expect(await app.page.locator('[role="tablist"] [role="tab"]').count()).toBe(5);
    await first.focus();
    await app.page.keyboard.press('ArrowRight');
    expect(await selectedTab(app)).toBe('info-tab-who');
    expect(await focusedTab(app)).toBe('info-tab-who');
    await app.page.keyboard.press('ArrowRight');
    await app.page.keyboard.press('ArrowRight');
    expect(await selectedTab(app)).toBe('info-tab-recovery');
    const panel = app.page.locator('[role="tabpanel"]');
    expect(await panel.getAttribute('data-tab')).toBe('recovery');
    const labelledBy = await panel.getAttribute('aria-labelledby');
    expect(await app.page.locator(`[id="${labelledBy}"]`).getAttribute('data-testid')).toBe(
      'info-tab-recovery',
    );
    // The knee's four milestones, in time order, each drawn on the axis and listed with its words.
    const timeline = panel.locator('[data-testid="recovery-timeline"]');
    expect(await timeline.locator('[data-milestone]').count()).toBe(4);
    expect(
      await timeline.locator('[data-band]').evaluateAll((els) => els.map((e) => e.getAttribute('data-band'))),
    ).toEqual(['day', 'week', 'month']);
    const left = await timeline
      .locator('[data-milestone]')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
    expect([...left].sort((a, b) => a - b)).toEqual(left);
    const items = await timeline.locator('li').allInnerTexts();
    expect(items).toHaveLength(4);
    expect(items[0]).toMatch(/2–4 days/);
    expect(items[3]).toMatch(/3–6 months/);
    await app.page.keyboard.press('End');
    expect(await selectedTab(app)).toBe('info-tab-risks');
    await app.page.keyboard.press('ArrowRight');
    expect(await selectedTab(app)).toBe('info-tab-what');
    await app.page.keyboard.press('ArrowLeft');
    await app.page.keyboard.press('Home');
    expect(await selectedTab(app)).toBe('info-tab-what');
    const box = await first.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expectClean(app);
  });

  test('the study view adds the references, numbered as in the clinical reference', async () => {
    const app = await open('?p=chevron&mode=study', { viewport: VIEW });
    await waitForReady(app);
    await app.page.locator('[data-testid="info-tab-references"]').click();
    const refs = app.page.locator('[data-testid="references"] li');
    expect(await refs.count()).toBeGreaterThan(3);
    expect(await refs.first().getAttribute('value')).toBe('5');
    expect(await app.page.locator('[data-testid="references"] li[value="6"]').innerText()).toMatch(
      /Austin & Leventen/,
    );
    expect(await app.page.locator('[data-testid="print-handout"]').count()).toBe(0);
    expectClean(app);
  });
});

describe('handout', () => {
  test('three pictures of the bone with their captions, the angles and the recovery; print shows only the handout, on one page', async () => {
    const app = await open('?p=chevron&step=4', {
      viewport: VIEW,
      prepare: (context) =>
        context.addInitScript(() => {
          const w = window as unknown as { printed: number };
          w.printed = 0;
          window.print = () => {
            w.printed += 1;
          };
        }),
    });
    await waitForReady(app);
    await waitStep(app, 4);
    const scrubber = app.page.locator('[data-testid="scrubber"]');
    const timeBefore = Number(await scrubber.inputValue());
    const hvaPre = await readMeasure(app.page, 'hva-pre');
    const hvaPost = await readMeasure(app.page, 'hva-post');

    await app.page.locator('[data-testid="print-handout"]').click();
    const handout = app.page.locator('[data-testid="handout"]');
    await app.page.locator('[data-testid="handout"][data-state="ready"]').waitFor({ timeout: 60_000 });
    await app.page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);

    const frames = ['before', 'cut', 'after'];
    for (const frame of frames) {
      const img = handout.locator(`[data-testid="handout-frame-${frame}"] img`);
      const src = (await img.getAttribute('src'))!;
      expect(src).toMatch(/^data:image\/png;base64,/);
      const size = await img.evaluate((el: HTMLImageElement) => ({
        width: el.naturalWidth,
        height: el.naturalHeight,
      }));
      const png = Buffer.from(src.split(',')[1]!, 'base64');
      const stats = await decodeStats(await getBrowser(), png, { x: 0, y: 0, ...size });
      expect(showsBone(stats), `${frame}: ${JSON.stringify(stats)}`).toBe(true);
    }
    // The three pictures differ: the bone before, being cut, and moved.
    const sources = await handout.locator('img').evaluateAll((els) => els.map((e) => e.getAttribute('src')));
    expect(new Set(sources).size).toBe(3);
    const captions = await handout.locator('[data-testid="handout-caption"]').allInnerTexts();
    expect(captions).toHaveLength(3);
    for (const c of captions) {
      expect(c.length).toBeGreaterThan(20);
      expect(c).not.toMatch(/proc\.|\{\{/);
    }
    expect(await handout.locator('[data-testid="recovery-timeline"] [data-milestone]').count()).toBe(3);
    const hva = handout.locator('[data-testid="handout-angles"] tr[data-angle="hva"] td');
    expect(Number(await hva.nth(0).getAttribute('data-value'))).toBeCloseTo(hvaPre!, 1);
    expect(Number(await hva.nth(1).getAttribute('data-value'))).toBeCloseTo(hvaPost!, 1);
    expect(await handout.locator('[data-testid="handout-angles"] tbody tr').count()).toBe(4);

    await app.page.emulateMedia({ media: 'print' });
    expect(await handout.isVisible()).toBe(true);
    expect(await app.page.locator('[data-testid="stage"]').isVisible()).toBe(false);
    expect(await app.page.locator('.topbar').isVisible()).toBe(false);
    expect(await app.page.locator('[data-testid="handout-print"]').isVisible()).toBe(false);
    const pdf = await app.page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await app.page.emulateMedia({ media: 'screen' });

    // Closing gives the page back where the user left it.
    await app.page.locator('[data-testid="handout-close"]').click();
    await handout.waitFor({ state: 'detached' });
    expect(Number(await scrubber.inputValue())).toBeCloseTo(timeBefore, 1);
    await waitStep(app, 4);
    expectClean(app);
  });
});
