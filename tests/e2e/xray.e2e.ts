/** Browser tests of the X-ray (fluoroscopy) view: its image reads as one, and the C-arm turns. */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  decodePng,
  getBrowser,
  screenshot,
  showsBone,
  STAGE,
  stagePixelStats,
  waitForReady,
  type AppPage,
  pagePerTest,
} from './helpers';
import { expectClean } from './expectations';

const open = pagePerTest();

/** The canvas once it shows an X-ray frame of the given projection. */
const xrayCanvas = (proj: 'ap' | 'lat') => `${STAGE} canvas[data-xray="${proj}"]`;

const nextFrames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) => {
        requestAnimationFrame(() => requestAnimationFrame(() => done()));
      }),
  );

/** Waits until the X-ray image of `proj` has been drawn and presented. */
async function waitForXray(app: AppPage, proj: 'ap' | 'lat'): Promise<void> {
  await app.page.locator(xrayCanvas(proj)).waitFor({ state: 'attached', timeout: 30_000 });
  await nextFrames(app.page);
}

/**
 * Luminance (0–255) of every pixel of the stage's canvas, from a screenshot (saved as
 * artifacts/<name>.png) taken with the controls and the caption over the stage hidden, decoded by
 * the browser in a blank page.
 */
async function canvasLuma(app: AppPage, name: string): Promise<number[]> {
  const hide = await app.page.addStyleTag({
    content: '.stage-bottom, .view-controls { visibility: hidden !important; }',
  });
  await nextFrames(app.page);
  const png = await screenshot(app.page, name);
  await hide.evaluate((el) => (el as Element).remove());
  const box = await app.page.locator(`${STAGE} canvas`).first().boundingBox();
  if (!box) throw new Error('no canvas');
  const clip = {
    x: Math.ceil(box.x),
    y: Math.ceil(box.y),
    width: Math.floor(box.width) - 1,
    height: Math.floor(box.height) - 1,
  };
  const data = await decodePng(await getBrowser(), png, clip);
  const luma: number[] = [];
  for (let i = 0; i < data.length; i += 4)
    luma.push(Math.round(0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!));
  return luma;
}

/** The value below which a fraction `q` of the sorted values lie. */
const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** What a fluoroscopy shot looks like: a dark field, bright bone, the implants brightest. */
function expectFluoroscopy(luma: readonly number[], label: string): void {
  const n = luma.length;
  const dark = luma.filter((v) => v < 0.25 * 255).length / n;
  const bright = luma.filter((v) => v > 0.45 * 255).length / n;
  const sorted = [...luma].sort((a, b) => a - b);
  // Bone: bright, but short of the near-white of metal.
  const bone = sorted.filter((v) => v > 0.3 * 255 && v < 0.9 * 255);
  const stats = {
    dark,
    bright,
    boneP90: quantile(bone, 0.9),
    top: quantile(sorted, 0.999),
  };
  const message = `${label}: ${JSON.stringify(stats)}`;
  expect(dark, message).toBeGreaterThan(0.55);
  expect(bright, message).toBeGreaterThan(0.03);
  // The brightest thousandth of the image is metal (a screw, a plate), whiter than bone.
  expect(stats.top, message).toBeGreaterThan(stats.boneP90 + 8);
}

const meanAbsDifference = (a: readonly number[], b: readonly number[]) =>
  a.reduce((sum, v, i) => sum + Math.abs(v - (b[i] ?? 0)), 0) / a.length;

describe('X-ray view', () => {
  test.each([
    ['chevron', '?p=chevron&step=10&view=xray'],
    ['hto-opening', '?p=hto-opening&step=8&view=xray'],
  ])('%s: a fluoroscopy image, and the lateral projection differs from the AP', async (id, query) => {
    const app = await open(query);
    await waitForReady(app);
    await waitForXray(app, 'ap');
    const ap = await canvasLuma(app, `xray-${id}-ap`);
    expectFluoroscopy(ap, `${id} AP`);

    await app.page.locator('[data-testid="proj-lat"]').click();
    await waitForXray(app, 'lat');
    expect(app.page.url()).toContain('proj=lat');
    const lat = await canvasLuma(app, `xray-${id}-lat`);
    expect(lat.length).toBe(ap.length);
    expect(meanAbsDifference(ap, lat), `${id}: AP and lateral images`).toBeGreaterThan(6);

    // Back to 3D: the X-ray view lets go of the canvas and the shaded bones return.
    await app.page.locator('[data-testid="view-3d"]').click();
    await app.page.locator(`${STAGE} canvas:not([data-xray])`).waitFor({ state: 'attached' });
    await nextFrames(app.page);
    expect(app.page.url()).not.toContain('view=xray');
    const shaded = await stagePixelStats(app.page, `xray-${id}-back-to-3d`);
    expect(showsBone(shaded), JSON.stringify(shaded)).toBe(true);
    expectClean(app);
  });
});

describe('the standing film', () => {
  test.each([
    ['knee', 1280, 720, '?p=hto-opening&view=xray&proj=standing&lang=it'],
    ['foot', 1280, 720, '?p=scarf&view=xray&proj=standing&lang=it'],
    ['knee', 1024, 768, '?p=hto-opening&view=xray&proj=standing&lang=en'],
    ['knee', 390, 844, '?p=hto-opening&view=xray&proj=standing&lang=it'],
  ] as const)(
    '%s at %i×%i: every landmark the film is measured on lies between the controls',
    async (region, width, height, query) => {
      const app = await open(query, { viewport: { width, height } });
      await waitForReady(app);
      const page = app.page;
      await page.locator(`${STAGE} canvas[data-xray="standing"]`).waitFor({ state: 'attached' });
      await nextFrames(page);
      const { points } = await page.evaluate(() => window.__viz!.xrayLandmarks!());
      const canvas = (await page.locator(`${STAGE} canvas`).first().boundingBox())!;
      const controls = (await page.locator('[data-testid="view-controls"]').boundingBox())!;
      const compare = (await page.locator('[data-testid="compare-controls"]').boundingBox())!;
      const caption = (await page.locator('.stage-bottom').boundingBox())!;
      const below = Math.max(controls.y + controls.height, compare.y + compare.height);
      expect(points.length).toBeGreaterThan(3);
      for (const [x, y] of points) {
        expect(canvas.x + x).toBeGreaterThan(canvas.x);
        expect(canvas.x + x).toBeLessThan(canvas.x + canvas.width);
        expect(canvas.y + y, `a landmark under the controls at the top`).toBeGreaterThan(below);
        expect(canvas.y + y, `a landmark under the caption`).toBeLessThan(caption.y);
      }
      await screenshot(page, `standing-film-${region}-${width}x${height}`);
      expectClean(app);
    },
  );
});
