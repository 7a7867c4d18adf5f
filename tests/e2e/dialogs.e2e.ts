/**
 * What a screen reader or a keyboard meets beyond axe's rules: the handout is a modal dialog that
 * keeps the focus and gives it back, the info tabs carry one name each, and a notice's live region
 * holds its words only (its dismiss button beside it).
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import en from '../../src/i18n/locales/en.json';
import texts from '../../src/i18n/locales/en.texts.json';
import { pagePerTest, screenshot, waitForReady } from './helpers';
import { expectClean } from './expectations';

const open = pagePerTest();
const VIEW = { width: 1024, height: 720 };
const KERNEL = /manifold[^/]*\.wasm(\?.*)?$/;

/** The focused element's test id, and whether it is the handout or inside it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const at = document.activeElement;
    return { id: at?.getAttribute('data-testid'), inHandout: !!at?.closest('[data-testid="handout"]') };
  });

/** Whether the focus is in the page at all (not in the browser's own toolbar). */
const pageHasFocus = (page: Page) => page.evaluate(() => document.hasFocus());

/** Role and accessible name of every node the browser exposes, as a screen reader gets them. */
async function accessibleNodes(page: Page): Promise<{ role: string; name: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => ({ role: String(n.role?.value ?? ''), name: String(n.name?.value ?? '') }));
}

/** The notice `box`'s dismiss button sits beside its words, on their line, inside the box. */
async function expectBesideWords(box: Locator): Promise<void> {
  const outer = (await box.boundingBox())!;
  const words = (await box.locator('[role="status"]').boundingBox())!;
  const button = (await box.locator('button').boundingBox())!;
  expect(button.x).toBeGreaterThanOrEqual(words.x + words.width - 1);
  expect(button.y).toBeLessThan(words.y + words.height);
  expect(button.y + button.height).toBeGreaterThan(words.y);
  expect(button.x + button.width).toBeLessThanOrEqual(outer.x + outer.width + 1);
  expect(button.y + button.height).toBeLessThanOrEqual(outer.y + outer.height + 1);
  // Its label whole, not squeezed by the words.
  expect(await box.locator('button').evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
}

describe('dialogs and notices', () => {
  test('the handout is modal: focus moves in, Tab stays in, Escape or Close shut it and focus goes back', async () => {
    const app = await open('?p=chevron&step=4', {
      viewport: VIEW,
      // The handout prints itself once its pictures are in: no print dialog in a test.
      prepare: (context) => context.addInitScript(() => (window.print = () => undefined)),
    });
    await waitForReady(app);
    const opener = app.page.locator('[data-testid="print-handout"]');
    const handout = app.page.locator('[data-testid="handout"]');
    await opener.focus();
    await app.page.keyboard.press('Enter');
    await handout.waitFor();
    // At once, while Print still waits for the pictures, the focus is on Close.
    expect(await focused(app.page)).toEqual({ id: 'handout-close', inHandout: true });
    expect(await handout.evaluate((d) => d.matches(':modal'))).toBe(true);

    await app.page.locator('[data-testid="handout"][data-state="ready"]').waitFor({ timeout: 60_000 });
    await screenshot(app.page, 'dialogs-handout');
    // Tab and Shift+Tab go round the dialog (itself a scroller, Print, Close) and, as with any modal
    // dialog, the browser's own toolbar: never to the page behind, which is inert.
    const visited = new Set<string | null | undefined>();
    for (const key of [...Array<string>(5).fill('Tab'), ...Array<string>(5).fill('Shift+Tab')]) {
      await app.page.keyboard.press(key);
      const at = await focused(app.page);
      if (at.inHandout) visited.add(at.id);
      else expect(await pageHasFocus(app.page), `${key} → ${at.id}`).toBe(false);
    }
    expect([...visited].sort()).toEqual(['handout', 'handout-close', 'handout-print']);
    expect(await opener.evaluate((el: HTMLElement) => (el.focus(), document.activeElement === el))).toBe(
      false,
    );
    await app.page.keyboard.press('Escape');
    await handout.waitFor({ state: 'detached' });
    expect(await focused(app.page)).toEqual({ id: 'print-handout', inHandout: false });

    // Close, from the keyboard, before the pictures are in.
    await app.page.keyboard.press('Enter');
    await handout.waitFor();
    expect(await focused(app.page)).toEqual({ id: 'handout-close', inHandout: true });
    await app.page.keyboard.press('Enter');
    await handout.waitFor({ state: 'detached' });
    expect(await focused(app.page)).toEqual({ id: 'print-handout', inHandout: false });
    expectClean(app);
  });

  test('info tabs: the tablist, each tab and the panel have one accessible name each', async () => {
    const app = await open('?p=hto-opening', { viewport: VIEW });
    await waitForReady(app);
    await app.page.locator('[data-testid="info-tab-recovery"]').click();
    const nodes = await accessibleNodes(app.page);
    // The group's name once, on the tablist (not again on a region around it).
    expect(nodes.filter((n) => n.name === texts.procedure.about).map((n) => n.role)).toEqual(['tablist']);
    expect(nodes.filter((n) => n.role === 'tab').map((n) => n.name)).toEqual(
      (['what', 'who', 'steps', 'recovery', 'risks'] as const).map((k) => texts.info.tab[k]),
    );
    expect(nodes.filter((n) => n.role === 'tabpanel')).toEqual([
      { role: 'tabpanel', name: texts.info.tab.recovery },
    ]);
    expectClean(app);
  });

  test('a failed cut and clamped link settings: only the words are live, each dismiss button beside them', async () => {
    const app = await open('?p=chevron&step=10&hva=999', {
      viewport: VIEW,
      // No geometry kernel: every worker gives up on the cut, which is then reported.
      prepare: (context) => context.route(KERNEL, (route) => route.fulfill({ status: 404, body: '' })),
    });
    const cut = app.page.locator('[data-testid="cut-failed"]');
    const links = app.page.locator('[data-testid="notices"] .notice-box');
    await cut.waitFor({ state: 'visible', timeout: 90_000 });
    await links.waitFor({ state: 'visible' });
    await screenshot(app.page, 'dialogs-notices');

    const live = await app.page.evaluate(() =>
      [
        ...document.querySelectorAll('[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])'),
      ].map((el) => ({
        text: el.textContent!.trim(),
        controls: el.querySelectorAll('button, a[href], input, select, textarea').length,
      })),
    );
    expect(live.filter((r) => r.controls > 0)).toEqual([]);
    expect(live.map((r) => r.text)).toContain(en.cut.failed);
    expect(live.some((r) => r.text.startsWith(en.notice.title))).toBe(true);
    await expectBesideWords(cut);
    await expectBesideWords(links);

    // Dismissed, the words go; their live regions stay, empty, to announce the next ones.
    await cut.locator('button').click();
    await cut.waitFor({ state: 'detached' });
    expect(await app.page.locator('[data-testid="cut-status"]').textContent()).toBe('');
    await links.locator('button').click();
    await links.waitFor({ state: 'detached' });
    expect(await app.page.locator('[data-testid="notices"] [role="status"]').textContent()).toBe('');

    // The missing kernel is logged by the browser (its 404) and by the kernel's loader in the worker.
    expect(app.consoleErrors.filter((e) => !/Failed to load resource.*404|cut-worker/.test(e))).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
