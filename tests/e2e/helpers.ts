/**
 * Helpers for the browser tests: one headless Chromium per test file, a fresh context per page,
 * error and foreign-request bookkeeping, readiness, screenshots and a "shows bone, not blank" check.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, inject } from 'vitest';
import { launchChromium } from '../../scripts/chromium';

/** Folder for screenshots (ignored by git). */
export const ARTIFACTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');

/** Small viewport: software WebGL is slow, and tests never assert timings. */
export const VIEWPORT = { width: 640, height: 400 } as const;

/** How long to wait for the scene to report `data-ready="true"`, in ms. */
export const READY_TIMEOUT_MS = 90_000;

export const STAGE = '[data-testid="stage"]';
export const READY_STAGE = `${STAGE}[data-ready="true"]`;

let browserPromise: Promise<Browser> | undefined;

/** The test file's browser, launched on first use. */
export function getBrowser(): Promise<Browser> {
  browserPromise ??= launchChromium();
  return browserPromise;
}

/** Closes the test file's browser; call from afterAll. */
export async function closeBrowser(): Promise<void> {
  const pending = browserPromise;
  browserPromise = undefined;
  if (pending) await (await pending).close();
}

export type AppPage = {
  page: Page;
  context: BrowserContext;
  baseUrl: string;
  /** Text of console messages of type error. */
  consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** URLs of requests to any origin other than the test server's. */
  foreignRequests: string[];
  close(): Promise<void>;
};

export type OpenOptions = {
  /** Viewport in CSS pixels; default {@link VIEWPORT}. */
  viewport?: { width: number; height: number };
  /** Runs after the context exists and before navigation (routes, init scripts). */
  prepare?: (context: BrowserContext) => Promise<unknown>;
  /**
   * The app's service worker (offline use) is blocked unless asked for: requests it answered
   * would escape the tests' routes (a model made to fail).
   */
  serviceWorkers?: 'allow' | 'block';
  /** A touch screen (a tablet): touch events and the coarse-pointer media queries; default false. */
  touch?: boolean;
};

/** Opens the built app at `query` (e.g. `?region=foot`) in a fresh browser context. */
export async function openApp(query: string, options: OpenOptions = {}): Promise<AppPage> {
  const baseUrl = inject('baseUrl');
  const origin = new URL(baseUrl).origin;
  const browser = await getBrowser();
  const context = await browser.newContext({
    viewport: options.viewport ?? VIEWPORT,
    deviceScaleFactor: 1,
    locale: 'en-US',
    serviceWorkers: options.serviceWorkers ?? 'block',
    hasTouch: options.touch ?? false,
  });
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  // Context-level, so requests from workers are seen too.
  context.on('request', (request) => {
    const url = new URL(request.url());
    const isNetwork = ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol);
    if (isNetwork && url.origin !== origin) foreignRequests.push(request.url());
  });
  await options.prepare?.(context);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      consoleErrors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  await page.goto(`${baseUrl}/${query}`, { waitUntil: 'load' });
  return {
    page,
    context,
    baseUrl,
    consoleErrors,
    pageErrors,
    foreignRequests,
    close: () => context.close(),
  };
}

/**
 * Waits until the stage reports `data-ready="true"` and a frame has been presented after it. On a
 * timeout, saves artifacts/timeout-<label>.png and fails with the page's errors.
 */
export async function waitForReady(app: AppPage, timeout = READY_TIMEOUT_MS): Promise<void> {
  try {
    await app.page.locator(READY_STAGE).waitFor({ state: 'attached', timeout });
  } catch (error) {
    const label =
      new URL(app.page.url()).search.replace(/[^a-z0-9=&]+/gi, '').replace(/[=&]/g, '-') || 'root';
    await screenshot(app.page, `timeout-${label}`).catch(() => undefined);
    throw new Error(`${READY_STAGE} did not appear: ${(error as Error).message}\n${describeProblems(app)}`, {
      cause: error,
    });
  }
  await app.page.evaluate(
    () =>
      new Promise<void>((done) => {
        requestAnimationFrame(() => requestAnimationFrame(() => done()));
      }),
  );
}

/** Where a step (1-based) starts on the clock, s, as the step list gives it. */
export async function stepStart(app: AppPage, step: number): Promise<number> {
  return Number(await app.page.locator(`[data-testid="step-${step}"]`).getAttribute('data-start'));
}

/** Scrubs the clock to the first moment of a step (1-based): a paused step otherwise shows its end. */
export async function toStepStart(app: AppPage, step: number): Promise<void> {
  await app.page.locator('[data-testid="scrubber"]').fill(String((await stepStart(app, step)) + 0.01));
}

/** Numeric `data-value` of the readout `[data-measure="<id>"]`; null if absent or not a number. */
export async function readMeasure(page: Page, id: string): Promise<number | null> {
  const locator = page.locator(`[data-measure="${id}"]`).first();
  await locator.waitFor({ state: 'attached', timeout: 10_000 }).catch(() => undefined);
  if ((await locator.count()) === 0) return null;
  const raw = await locator.getAttribute('data-value');
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

export type PixelStats = {
  width: number;
  height: number;
  /** Most common colour (quantised bucket centre), [r, g, b]. */
  background: [number, number, number];
  /** Fraction of pixels farther than the tolerance from the most common colour, 0–1. */
  nonBackground: number;
  /** Colour buckets (4 bits per channel) holding at least 0.01 % of the pixels. */
  buckets: number;
};

/** True when pixel stats look like a rendered bone rather than an empty or flat frame. */
export function showsBone(stats: PixelStats): boolean {
  return stats.nonBackground > 0.05 && stats.buckets > 20;
}

/** Saves a full-page screenshot as artifacts/<name>.png and returns the PNG bytes. */
export async function screenshot(page: Page, name: string): Promise<Buffer> {
  const png = await page.screenshot({ type: 'png', animations: 'disabled' });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  writeFileSync(join(ARTIFACTS_DIR, `${name}.png`), png);
  return png;
}

type Clip = { x: number; y: number; width: number; height: number };

/**
 * Screenshots the page (saved as artifacts/<name>.png) and measures the pixels inside the stage's
 * canvas. The PNG is decoded by the browser in a blank page, so no image library is needed and the
 * WebGL drawing buffer need not be preserved.
 */
export async function stagePixelStats(page: Page, name: string): Promise<PixelStats> {
  const png = await screenshot(page, name);
  const target = page.locator(`${STAGE} canvas`).first();
  const box =
    (await target.count()) > 0 ? await target.boundingBox() : await page.locator(STAGE).boundingBox();
  const viewport = page.viewportSize() ?? VIEWPORT;
  const clip = clampClip(box ?? { x: 0, y: 0, ...viewport }, viewport);
  return decodeStats(await getBrowser(), png, clip);
}

function clampClip(box: Clip, viewport: { width: number; height: number }): Clip {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const width = Math.max(1, Math.min(viewport.width, Math.ceil(box.x + box.width)) - x);
  const height = Math.max(1, Math.min(viewport.height, Math.ceil(box.y + box.height)) - y);
  return { x, y, width, height };
}

/**
 * The RGBA bytes of `clip` of a PNG, decoded by the browser in a throwaway page (Node has no PNG
 * decoder here); the bytes come back as base64.
 */
export async function decodePng(browser: Browser, png: Buffer, clip: Clip): Promise<Uint8Array> {
  const context = await browser.newContext();
  try {
    const decoder = await context.newPage();
    const rgba = await decoder.evaluate(
      async ({ base64, clip: area }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(area.width, area.height);
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(bitmap, area.x, area.y, area.width, area.height, 0, 0, area.width, area.height);
        const { data } = ctx.getImageData(0, 0, area.width, area.height);
        let binary = '';
        for (let i = 0; i < data.length; i += 0x8000)
          binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
        return btoa(binary);
      },
      { base64: png.toString('base64'), clip },
    );
    return new Uint8Array(Buffer.from(rgba, 'base64'));
  } finally {
    await context.close();
  }
}

/** Decodes a PNG and computes {@link PixelStats} over `clip`. */
export async function decodeStats(browser: Browser, png: Buffer, clip: Clip): Promise<PixelStats> {
  const data = await decodePng(browser, png, clip);
  const total = clip.width * clip.height;
  const counts = new Uint32Array(4096);
  for (let i = 0; i < data.length; i += 4) {
    counts[((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4)]! += 1;
  }
  let mode = 0;
  for (let b = 1; b < 4096; b++) if (counts[b]! > counts[mode]!) mode = b;
  const background: [number, number, number] = [
    ((mode >> 8) << 4) + 8,
    (((mode >> 4) & 15) << 4) + 8,
    ((mode & 15) << 4) + 8,
  ];
  const tolerance = 24;
  let different = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (
      Math.abs(data[i]! - background[0]) > tolerance ||
      Math.abs(data[i + 1]! - background[1]) > tolerance ||
      Math.abs(data[i + 2]! - background[2]) > tolerance
    ) {
      different += 1;
    }
  }
  const minCount = Math.max(1, Math.floor(total * 0.0001));
  let buckets = 0;
  for (let b = 0; b < 4096; b++) if (counts[b]! >= minCount) buckets += 1;
  return { width: clip.width, height: clip.height, background, nonBackground: different / total, buckets };
}

/** A readable summary of what went wrong on a page, for assertion messages. */
export function describeProblems(app: AppPage): string {
  return JSON.stringify(
    { consoleErrors: app.consoleErrors, pageErrors: app.pageErrors, foreignRequests: app.foreignRequests },
    null,
    2,
  );
}

/**
 * The page a test opens is closed after it, and the browser after the file: returns `open`, which
 * opens the app at a query (and remembers the page for the cleanup).
 */
export function pagePerTest(): (query: string, options?: OpenOptions) => Promise<AppPage> {
  let current: AppPage | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  afterAll(async () => {
    await closeBrowser();
  });
  return async (query, options) => (current = await openApp(query, options));
}

export { reach } from '../../scripts/reach';
