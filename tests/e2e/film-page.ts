/** Driving the film view as a user would: open it, give it a file, click pixels of the image. */
import type { Page } from 'playwright-core';
import { reach } from './helpers';

/** Opens the film view from the top bar (through its menu where the bar folds it). */
export async function openFilmView(page: Page): Promise<void> {
  await (await reach(page, 'open-radiograph')).click();
  await page.locator('[data-testid="film-view"]').waitFor();
}

/** Gives the view a file as its chooser would (the file never leaves the page). */
export async function giveFile(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.locator('[data-testid="film-input"]').setInputFiles({ name, mimeType, buffer });
}

/** Waits for the film to be drawn; returns its element's box on screen and its natural size. */
export async function filmBox(page: Page) {
  const film = page.locator('[data-radiograph]');
  await film.waitFor();
  const box = (await film.boundingBox())!;
  const width = Number(await film.getAttribute('data-natural-width'));
  const height = Number(await film.getAttribute('data-natural-height'));
  return { ...box, naturalWidth: width, naturalHeight: height };
}

/** Clicks image pixel (x, y) of the film. */
export async function clickPixel(page: Page, x: number, y: number): Promise<void> {
  const b = await filmBox(page);
  await page.mouse.click(b.x + (x * b.width) / b.naturalWidth, b.y + (y * b.height) / b.naturalHeight);
}

/** The numeric `data-value` of a film readout, or null while it has none. */
export async function filmValue(page: Page, id: string): Promise<number | null> {
  const raw = await page.locator(`[data-measure="${id}"]`).getAttribute('data-value');
  return raw === null ? null : Number(raw);
}

/** Picks a film tool by its button's action. */
export async function pickTool(page: Page, action: string): Promise<void> {
  await page.locator(`[data-action="${action}"]`).click();
  await page.locator(`[data-action="${action}"][aria-pressed="true"]`).waitFor();
}

/**
 * What the page keeps: localStorage, the IndexedDB databases, the Cache Storage entries, and
 * whether any of them holds `needle` (a run of the film file's own bytes).
 */
export function storedData(page: Page, needle: readonly number[]) {
  return page.evaluate(async (needle) => {
    const holds = (bytes: Uint8Array) => {
      outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
        for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
        return true;
      }
      return false;
    };
    const local = Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k) ?? ''}`);
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
    const cached: string[] = [];
    let filmBytes = holds(new TextEncoder().encode(local.join('\n')));
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        cached.push(request.url);
        filmBytes ||= holds(new Uint8Array(await (await cache.match(request))!.arrayBuffer()));
      }
    }
    return { local, databases, cached, filmBytes };
  }, needle);
}
