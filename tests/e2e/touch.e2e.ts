/**
 * Touch as a first-class hand, on a tablet in portrait: one finger orbits the 3D view, two pinch
 * it closer or farther, a tap on a bone names it, a finger drags the timeline, and a control's
 * title shows for a tap. The fingers are Chromium's own touch input (CDP), not synthetic events.
 */
import { describe, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import it from '../../src/i18n/locales/it.json';
import { decodePng, getBrowser, pagePerTest, screenshot, STAGE, waitForReady, type AppPage } from './helpers';
import { expectClean, stepOf } from './expectations';

const open = pagePerTest();

/** A tablet in portrait, small enough for software WebGL. */
const TABLET = { width: 768, height: 1024 } as const;

type Point = { readonly x: number; readonly y: number };
type Camera = { azimuth: number; polar: number; distance: number };

const openTablet = async (query: string): Promise<{ app: AppPage; fingers: CDPSession }> => {
  const app = await open(query, { viewport: TABLET, touch: true });
  await waitForReady(app);
  return { app, fingers: await app.page.context().newCDPSession(app.page) };
};

const touch = (fingers: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[]) =>
  fingers.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
  });

/** Fingers go down at `from`, slide in steps to `to` (each finger to its own point) and lift. */
async function slide(fingers: CDPSession, from: Point[], to: Point[], steps = 10): Promise<void> {
  await touch(fingers, 'touchStart', from);
  for (let i = 1; i <= steps; i++) {
    const k = i / steps;
    await touch(
      fingers,
      'touchMove',
      from.map((p, n) => ({ x: p.x + (to[n]!.x - p.x) * k, y: p.y + (to[n]!.y - p.y) * k })),
    );
  }
  await touch(fingers, 'touchEnd', []);
}

const tap = async (fingers: CDPSession, at: Point) => {
  await touch(fingers, 'touchStart', [at]);
  await touch(fingers, 'touchEnd', []);
};

const camera = (page: Page): Promise<Camera> =>
  page.evaluate(() => {
    const read = window.__viz?.camera;
    if (!read) throw new Error('window.__viz.camera is not set');
    return read();
  });

const same = (a: Camera, b: Camera) =>
  Math.abs(a.azimuth - b.azimuth) < 1e-4 &&
  Math.abs(a.polar - b.polar) < 1e-4 &&
  Math.abs(a.distance - b.distance) < 1e-3;

/** The camera once it has stopped gliding (the controls ease into each move). */
async function restingCamera(page: Page): Promise<Camera> {
  let last = await camera(page);
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(250);
    const now = await camera(page);
    if (same(now, last)) return now;
    last = now;
  }
  throw new Error(`the camera never came to rest: ${JSON.stringify(last)}`);
}

/** The canvas's box in the window. */
async function canvasBox(page: Page) {
  const box = await page.locator(`${STAGE} canvas`).first().boundingBox();
  if (!box) throw new Error('no canvas');
  return box;
}

/**
 * A point of the canvas showing bone (deep inside a bone's silhouette, nearest the centre) and
 * one showing only background (nothing within a wide margin), found in a screenshot's pixels.
 */
async function bonePoints(page: Page): Promise<{ bone: Point; empty: Point }> {
  const box = await canvasBox(page);
  const clip = {
    x: Math.ceil(box.x),
    y: Math.ceil(box.y),
    width: Math.floor(box.width) - 1,
    height: Math.floor(box.height) - 1,
  };
  const rgba = await decodePng(await getBrowser(), await page.screenshot({ type: 'png' }), clip);
  const at = (x: number, y: number) => {
    const i = (y * clip.width + x) * 4;
    return [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!] as const;
  };
  const bg = at(2, Math.floor(clip.height / 2));
  const isBg = (x: number, y: number) => at(x, y).every((c, n) => Math.abs(c - bg[n]!) <= 24);
  const all = (x: number, y: number, r: number, test: (x: number, y: number) => boolean) => {
    for (let dy = -r; dy <= r; dy += 2)
      for (let dx = -r; dx <= r; dx += 2) {
        const px = x + dx;
        const py = y + dy;
        if (px < 0 || py < 0 || px >= clip.width || py >= clip.height || !test(px, py)) return false;
      }
    return true;
  };
  const cx = clip.width / 2;
  const cy = clip.height / 2;
  let bone: Point | null = null;
  let empty: Point | null = null;
  let boneDist = Infinity;
  let emptyDist = Infinity;
  for (let y = 8; y < clip.height - 8; y += 4)
    for (let x = 8; x < clip.width - 8; x += 4) {
      const d = Math.hypot(x - cx, y - cy);
      if (d < boneDist && all(x, y, 6, (px, py) => !isBg(px, py))) {
        bone = { x, y };
        boneDist = d;
      }
      if (d < emptyDist && all(x, y, 40, isBg)) {
        empty = { x, y };
        emptyDist = d;
      }
    }
  if (!bone || !empty) throw new Error(`no bone or no empty point on the canvas (background ${bg.join()})`);
  return {
    bone: { x: clip.x + bone.x, y: clip.y + bone.y },
    empty: { x: clip.x + empty.x, y: clip.y + empty.y },
  };
}

/** Whether the topmost element at a point of the window is the 3D view's canvas. */
const canvasAt = (page: Page, p: Point) =>
  page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName === 'CANVAS', p);

const label = '[data-testid="bone-label"]';

describe('touch', () => {
  test('one finger orbits the view, and the page itself never moves under it', async () => {
    const { app, fingers } = await openTablet('');
    const page = app.page;
    // The element the camera controls listen on keeps every finger for itself.
    const touchAction = await page.evaluate(() => {
      const host = document.querySelector('[data-camera-controls-version]');
      return host ? getComputedStyle(host).touchAction : null;
    });
    expect(touchAction).toBe('none');
    const before = await restingCamera(page);
    const box = await canvasBox(page);
    const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await slide(fingers, [{ x: mid.x - 150, y: mid.y }], [{ x: mid.x + 150, y: mid.y }]);
    const after = await restingCamera(page);
    expect(Math.abs(after.azimuth - before.azimuth), JSON.stringify({ before, after })).toBeGreaterThan(0.3);
    // An orbit: the camera turns about its target, neither nearer nor farther.
    expect(after.distance / before.distance).toBeCloseTo(1, 2);
    expect(await page.evaluate(() => [window.scrollX, window.scrollY, visualViewport?.scale])).toEqual([
      0, 0, 1,
    ]);
    // A drag is no tap: no bone was named on the way.
    expect(await page.locator(label).count()).toBe(0);
    expectClean(app);
  });

  test('two fingers spread to come closer and pinch to go farther', async () => {
    const { app, fingers } = await openTablet('');
    const page = app.page;
    const box = await canvasBox(page);
    const { x, y } = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const start = await restingCamera(page);
    await slide(
      fingers,
      [
        { x: x - 40, y },
        { x: x + 40, y },
      ],
      [
        { x: x - 200, y },
        { x: x + 200, y },
      ],
    );
    const closer = await restingCamera(page);
    expect(closer.distance, JSON.stringify({ start, closer })).toBeLessThan(start.distance * 0.9);
    await slide(
      fingers,
      [
        { x: x - 200, y },
        { x: x + 200, y },
      ],
      [
        { x: x - 40, y },
        { x: x + 40, y },
      ],
    );
    const farther = await restingCamera(page);
    expect(farther.distance, JSON.stringify({ closer, farther })).toBeGreaterThan(closer.distance * 1.1);
    expect(await page.evaluate(() => visualViewport?.scale)).toBe(1);
    expectClean(app);
  });

  test('a tap on a bone names it in the language on show; a tap on empty space puts it away', async () => {
    const { app, fingers } = await openTablet('?lang=it');
    const page = app.page;
    await restingCamera(page);
    const { bone, empty } = await bonePoints(page);
    expect(await canvasAt(page, bone)).toBe(true);
    expect(await canvasAt(page, empty)).toBe(true);
    await tap(fingers, bone);
    const named = page.locator(`${label}[data-tapped="true"]`);
    await named.waitFor({ state: 'visible', timeout: 10_000 });
    const names = Object.values(it.part as Record<string, string>);
    expect(names).toContain(await named.textContent());
    await screenshot(page, 'touch-tap-bone');
    // The finger has lifted: the name stays, unlike a mouse's, which leaves with the mouse.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 300))));
    expect(await named.count()).toBe(1);
    await tap(fingers, empty);
    await page.locator(label).waitFor({ state: 'detached', timeout: 10_000 });
    // Untouched, a tapped name goes by itself after a few seconds.
    await tap(fingers, bone);
    await named.waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator(label).waitFor({ state: 'detached', timeout: 20_000 });
    expectClean(app);
  });

  test('a mouse still names the bone it hovers, and the name leaves with the mouse', async () => {
    const app = await open('');
    await waitForReady(app);
    const page = app.page;
    await restingCamera(page);
    const { bone, empty } = await bonePoints(page);
    await page.mouse.move(bone.x, bone.y, { steps: 4 });
    const hovered = page.locator(`${label}:not([data-tapped])`);
    await hovered.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await hovered.textContent()).not.toMatch(/^part\./);
    await page.mouse.move(empty.x, empty.y, { steps: 4 });
    await page.locator(label).waitFor({ state: 'detached', timeout: 10_000 });
    expectClean(app);
  });

  test('a finger dragged along the timeline moves the operation through its steps', async () => {
    const { app, fingers } = await openTablet('?p=chevron');
    const page = app.page;
    const scrubber = page.locator('[data-testid="scrubber"]');
    expect(await stepOf(app)).toBe(1);
    const max = Number(await scrubber.getAttribute('max'));
    const box = await scrubber.boundingBox();
    if (!box) throw new Error('no scrubber');
    expect(box.height).toBeGreaterThanOrEqual(44);
    // The thumb sits at the start: the finger takes it there and drags it most of the way along.
    const y = box.y + box.height / 2;
    await slide(fingers, [{ x: box.x + 4, y }], [{ x: box.x + box.width * 0.8, y }], 16);
    const value = Number(await scrubber.inputValue());
    expect(value).toBeGreaterThan(max * 0.6);
    await page.waitForFunction(
      () => Number(document.querySelector('[data-step]')?.getAttribute('data-step')) > 3,
    );
    // It stays paused where the finger left it.
    expect(await page.locator('[data-testid="play"]').getAttribute('aria-label')).toBe('Play');
    expectClean(app);
  });

  test('a tap on a control with a longer name shows that name (not for a mouse alone)', async () => {
    const { app, fingers } = await openTablet('');
    const page = app.page;
    const xray = page.locator('[data-testid="view-xray"]');
    const title = await xray.getAttribute('title');
    expect(title).toBeTruthy();
    const box = await xray.boundingBox();
    if (!box) throw new Error('no X-ray button');
    await tap(fingers, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    const tip = page.locator('[data-testid="title-tip"]');
    await tip.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await tip.textContent()).toBe(title);
    // Inside the window, not over the button it explains.
    const tipBox = (await tip.boundingBox())!;
    expect(tipBox.x).toBeGreaterThanOrEqual(0);
    expect(tipBox.x + tipBox.width).toBeLessThanOrEqual(TABLET.width);
    expect(tipBox.y >= box.y + box.height || tipBox.y + tipBox.height <= box.y).toBe(true);
    await screenshot(page, 'touch-title-tip');
    await tip.waitFor({ state: 'hidden', timeout: 20_000 });
    // The keyboard reaches it too: the tip shows while the focus is on the control.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await xray.evaluate((e) => e === document.activeElement)).toBe(true);
    await tip.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await tip.textContent()).toBe(title);
    // It follows the focus to the next control with a title, and Escape puts it away.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.getAttribute('title'));
    expect(next).toBeTruthy();
    expect(next).not.toBe(title);
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid="title-tip"]')?.textContent === text,
      next,
    );
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden', timeout: 10_000 });
    expectClean(app);
  });
});
