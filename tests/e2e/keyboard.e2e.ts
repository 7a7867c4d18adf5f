/**
 * Beyond axe: everything works from the keyboard alone with a visible focus ring, every control is
 * a 44 px touch target, and reduced motion stops the page's own animations.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { pagePerTest, waitForReady } from './helpers';
import { expectClean, waitStep } from './expectations';

const open = pagePerTest();

/** Presses Tab until the focused element matches `selector` (at most `limit` times). */
async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element's focus ring: its outline's style and width. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });

describe('keyboard, touch, motion', () => {
  test('keyboard only: choose an operation, play it, step through it, switch the view', async () => {
    const app = await open('');
    await waitForReady(app);
    await tabTo(app.page, '[data-testid="card-scarf"]');
    expect(await focusRing(app.page)).toEqual({ style: 'solid', width: 3 });
    await app.page.keyboard.press('Enter');
    await waitStep(app, 1);
    await waitForReady(app);
    await tabTo(app.page, '[data-testid="next"]');
    expect((await focusRing(app.page)).style).toBe('solid');
    await app.page.keyboard.press('Enter');
    await waitStep(app, 2);
    await app.page.keyboard.press('Space');
    await waitStep(app, 3);
    // The timeline slider moves with the arrow keys.
    await tabTo(app.page, '[data-testid="scrubber"]');
    const before = Number(await app.page.locator('[data-testid="scrubber"]').inputValue());
    await app.page.keyboard.press('End');
    expect(Number(await app.page.locator('[data-testid="scrubber"]').inputValue())).toBeGreaterThan(before);
    await waitStep(app, 10);
    await tabTo(app.page, '[data-testid="view-xray"]');
    await app.page.keyboard.press('Enter');
    expect(new URL(app.page.url()).searchParams.get('view')).toBe('xray');
    expectClean(app);
  });

  test('every control on show is at least 44 × 44 px (study, with a comparison and the quiz)', async () => {
    const app = await open('?p=hto-opening&mode=study&vs=hto-closing');
    await waitForReady(app);
    const small = await app.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, select, input, [role="tab"], summary, a[href]')]
        .filter((e) => e.offsetParent !== null && !e.closest('[class*="leva"]'))
        .map((e) => {
          // A checkbox's target is its label.
          const target = e.matches('input[type="checkbox"]') ? (e.closest('label') ?? e) : e;
          const r = target.getBoundingClientRect();
          return { what: e.dataset.testid ?? e.id ?? e.textContent, w: r.width, h: r.height };
        })
        .filter((r) => r.w < 44 || r.h < 44),
    );
    expect(small).toEqual([]);
    expectClean(app);
  });

  test('reduced motion: no CSS animation or transition runs', async () => {
    const app = await open('?mode=kiosk&langs=en');
    await app.page.emulateMedia({ reducedMotion: 'reduce' });
    await waitForReady(app);
    const moving = await app.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('*')]
        .map((e) => {
          const s = getComputedStyle(e);
          return {
            e: e.className,
            animation: s.animationName !== 'none' && parseFloat(s.animationDuration) > 0,
            transition: s.transitionDuration.split(',').some((d) => parseFloat(d) > 0),
          };
        })
        .filter((r) => r.animation || r.transition),
    );
    expect(moving).toEqual([]);
    expectClean(app);
  });
});
