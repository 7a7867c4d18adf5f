/** Accessibility: axe-core finds no serious or critical violation in any mode. */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { pagePerTest, reach } from './helpers';
import { waitStep } from './expectations';

const open = pagePerTest();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe('accessibility', () => {
  test.each([
    ['consult', '?p=chevron&step=3'],
    ['study', '?p=hto-opening&mode=study&voice=technical&step=2'],
    ['kiosk', '?mode=kiosk&langs=en'],
    ['embed', '?p=cementoplasty&mode=embed'],
    ['Italian', '?p=mis-bunion&lang=it&step=2'],
    ['share dialog', '?p=scarf&step=1'],
    ['handout dialog', '?p=chevron&step=4'],
    ['quiz answered', '?p=akin&mode=study&seed=3&step=1'],
    ['compare', '?p=scarf&mode=study&vs=chevron&step=4'],
    ['before and after side by side', '?p=hto-opening&vs=before&lang=it'],
  ])('%s: no serious or critical violation', async (name, query) => {
    const app = await open(query);
    if (!query.includes('kiosk')) await waitStep(app, Number(/step=(\d+)/.exec(query)?.[1] ?? 1));
    else await app.page.locator('[data-kiosk="attract"]').waitFor();
    if (name === 'share dialog') {
      await (await reach(app.page, 'share')).click();
      await app.page.locator('[data-testid="share-dialog"][open]').waitFor();
    }
    if (name === 'handout dialog') {
      // It prints itself once its pictures are in: no print dialog in a test.
      await app.page.evaluate(() => (window.print = () => undefined));
      await app.page.locator('[data-testid="print-handout"]').click();
      await app.page
        .locator('[data-testid="handout"][open][data-state="ready"]')
        .waitFor({ timeout: 60_000 });
    }
    if (name === 'quiz answered') {
      await app.page.locator('[data-testid="quiz"] button').first().click();
      await app.page.locator('[data-testid="quiz-feedback"]').waitFor();
    }
    // Evaluated as DevTools does, outside the page's Content-Security-Policy (a script tag would be refused).
    await app.page.evaluate(AXE);
    const { violations, passed } = (await app.page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(): Promise<{ violations: unknown[]; passes: unknown[] }> } }
      ).axe;
      const result = await axe.run();
      return { violations: result.violations, passed: result.passes.length };
    })) as { violations: Violation[]; passed: number };
    // axe did run its rules on the page.
    expect(passed).toBeGreaterThan(10);
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map(
        (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  });
});
