/** The Italian interface shows no English: every visible text is scanned for the English strings. */
import { describe, expect, test } from 'vitest';
import { en, it } from '../locale-strings';
import { pagePerTest, reach, waitForReady } from './helpers';
import { expectClean, waitStep } from './expectations';

const open = pagePerTest();

/** Every string of a locale file, by its dotted key. */
function flatten(o: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/**
 * Pieces of English that must not appear on an Italian page: the literal runs (between
 * placeholders) of each English string that its Italian one does not share, 12 characters or more.
 */
const ENGLISH: string[] = (() => {
  const its = flatten(it);
  const pieces = new Set<string>();
  for (const [key, text] of flatten(en)) {
    if (its.get(key) === text) continue;
    for (const run of text.split(/\{\{[^}]+\}\}/)) if (run.trim().length >= 12) pieces.add(run.trim());
  }
  return [...pieces];
})();

describe('Italian', () => {
  test.each([
    ['consult', '?p=chevron&lang=it&step=3'],
    ['study', '?p=hto-opening&lang=it&mode=study&voice=technical&step=4'],
    ['cementoplasty', '?p=cementoplasty&lang=it&step=9'],
    ['share', '?p=mis-bunion&lang=it&variant=mica&step=2'],
    ['kiosk', '?mode=kiosk&langs=it'],
  ])('%s: no English left on screen', async (name, query) => {
    const app = await open(query);
    if (name === 'kiosk') await app.page.locator('[data-kiosk="attract"] [data-testid="caption"]').waitFor();
    else await waitStep(app, Number(/step=(\d+)/.exec(query)![1]));
    // What is read is what is shown, and the page shows itself once its first view is drawn: a
    // caption can be at its step a moment before that, and hidden text has no innerText.
    await waitForReady(app);
    if (name === 'share') {
      await (await reach(app.page, 'share')).click();
      await app.page.locator('[data-testid="share-dialog"][open]').waitFor();
    }
    const text = await app.page.evaluate(() => document.body.innerText);
    expect(text.length).toBeGreaterThan(100);
    expect(ENGLISH.length).toBeGreaterThan(100);
    expect(ENGLISH.filter((piece) => text.includes(piece))).toEqual([]);
    expectClean(app);
  });
});
