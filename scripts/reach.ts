import type { Locator, Page } from 'playwright-core';

/**
 * The control with this test id, made reachable as a user would: when it sits in a closed menu
 * (a popover: the top bar folds what does not fit into its menus), the menu's button is clicked
 * first. Returns its locator, ready to click. Shared by the browser tests and the benchmark.
 */
export async function reach(page: Page, testId: string): Promise<Locator> {
  const control = page.locator(`[data-testid="${testId}"]`);
  const menu = await control.evaluate((el) => {
    const panel = el.closest('[popover]');
    return panel && !panel.matches(':popover-open') ? panel.id : null;
  });
  if (menu) await page.locator(`[popovertarget="${menu}"]`).click();
  return control;
}
