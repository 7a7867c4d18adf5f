/**
 * Faults: a model file missing or damaged, the geometry worker dying in the middle of a cut or
 * refusing one, a browser without WebGL. Each time the user gets a plain message in their language
 * and the app carries on; nothing is thrown uncaught.
 */
import type { BrowserContext, Page, Route, Worker } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../scripts/chromium';
import en from '../../src/i18n/locales/en.json';
import it from '../../src/i18n/locales/it.json';
import {
  describeProblems,
  pagePerTest,
  screenshot,
  showsBone,
  stagePixelStats,
  waitForReady,
  type AppPage,
} from './helpers';
import { expectClean, stepOf, waitStep } from './expectations';
import { withWebGL1Only, withoutWebGL } from './no-webgl';

const open = pagePerTest();
const STRINGS = { en, it } as const;
type Lang = keyof typeof STRINGS;

const MODEL = /\/models?\/[^/]*\.glb(\?.*)?$|\.glb(\?.*)?$/;
const KERNEL = /manifold[^/]*\.wasm(\?.*)?$/;

/** Visible fragments of the chevron's first metatarsal, and whether the whole bone shows. */
const metatarsal = (page: Page) =>
  page.evaluate(() => {
    const names = window.__viz?.visibleNames('metatarsal1') ?? [];
    return {
      fragments: names.filter((n) => n.startsWith('metatarsal1:')),
      whole: names.includes('metatarsal1'),
    };
  });

/** Things a user must never read: an exception's name, a loader's or a file's internals. */
const RAW = /error:|exception|undefined|THREE|glTF|\.glb|JSON|Unexpected|status \d/i;

type ModelFault = '404' | 'truncated' | 'garbage' | 'bad-glb';

/** Answers the request for a model with the fault asked for. */
async function spoil(route: Route, fault: ModelFault): Promise<void> {
  if (fault === '404') return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
  if (fault === 'truncated') {
    const real = await route.fetch();
    const body = await real.body();
    return route.fulfill({ response: real, body: body.subarray(0, Math.floor(body.length * 0.6)) });
  }
  // Bytes from a fixed-seed generator: garbage, or garbage behind a valid GLB header.
  const bytes = Buffer.alloc(8192);
  let seed = 7;
  for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  if (fault === 'bad-glb') {
    bytes.write('glTF', 0, 'latin1');
    bytes.writeUInt32LE(2, 4);
    bytes.writeUInt32LE(bytes.length, 8);
  }
  return route.fulfill({ status: 200, contentType: 'model/gltf-binary', body: bytes });
}

describe('a missing or damaged model file', () => {
  test.each<[ModelFault, Lang]>([
    ['404', 'en'],
    ['404', 'it'],
    ['truncated', 'en'],
    ['truncated', 'it'],
    ['garbage', 'it'],
    ['bad-glb', 'en'],
  ])('%s (%s): a plain message, and "try again" works once the file is back', async (fault, lang) => {
    let spoiled = true;
    const app = await open(`?p=chevron&step=10&lang=${lang}`, {
      prepare: (context) =>
        context.route(MODEL, (route) => (spoiled ? spoil(route, fault) : route.continue())),
    });
    const error = app.page.locator('[data-testid="load-error"]');
    await error.waitFor({ state: 'visible', timeout: 60_000 });
    const strings = STRINGS[lang].load;
    expect((await error.locator('p').textContent())?.trim()).toBe(strings.error);
    expect((await app.page.locator('[data-testid="retry"]').textContent())?.trim()).toBe(strings.retry);
    expect(await error.textContent()).not.toMatch(RAW);
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe(lang);

    spoiled = false;
    await app.page.locator('[data-testid="retry"]').click();
    await waitForReady(app);
    expect(await error.count()).toBe(0);
    expect(showsBone(await stagePixelStats(app.page, `model-${fault}-${lang}-retried`))).toBe(true);
    expect((await metatarsal(app.page)).fragments.length).toBeGreaterThan(0);
    // The browser itself logs the failed response of a 404; nothing else may reach the console.
    const unexpected = app.consoleErrors.filter(
      (e) => !(fault === '404' && /Failed to load resource.*404/.test(e)),
    );
    expect(unexpected, describeProblems(app)).toEqual([]);
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
    expect(app.foreignRequests, describeProblems(app)).toEqual([]);
  });
});

describe("the app's code cut off as the page loads", () => {
  test('the page says it is loading, asks again, and starts: never blank', async () => {
    // Refused until the page says so: both its preload (index.html) and the page's own ask fail.
    let refused = 0;
    let back = false;
    const app = await open('?p=chevron&lang=it', {
      prepare: (context) =>
        context.route(/\/assets\/boot-[^/]*\.js$/, (route) => {
          refused++;
          return back ? route.continue() : route.abort('failed');
        }),
    });
    await app.page.waitForFunction(() => document.getElementById('root')?.textContent?.includes('Loading'));
    back = true;
    await waitForReady(app);
    expect(refused).toBeGreaterThan(1);
    // The app replaced the line: its own controls are there, in its language.
    expect(await app.page.locator('#root').textContent()).not.toContain('Caricamento… · Loading…');
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('it');
    const unexpected = app.consoleErrors.filter((e) => !/Failed to load resource/.test(e));
    expect(unexpected, describeProblems(app)).toEqual([]);
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
  });
});

/**
 * Records, from the first script on, whether the "recomputing" notice was ever on screen, and counts
 * the cuts the worker answered (comlink replies whose value is the list of cut stages).
 */
function watchCuts(context: BrowserContext) {
  return context.addInitScript(() => {
    const w = window as unknown as { sawRecomputing: boolean; cutAnswers: number };
    w.sawRecomputing = false;
    w.cutAnswers = 0;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="cut-recomputing"]')) w.sawRecomputing = true;
    }).observe(document, { childList: true, subtree: true });
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent<{ value?: unknown }>) => {
          if (Array.isArray(e.data?.value)) w.cutAnswers += 1;
        });
      }
    };
  });
}

const cutAnswers = (page: Page) =>
  page.evaluate(() => (window as unknown as { cutAnswers: number }).cutAnswers);

/** The geometry worker, once it exists. */
async function cutWorker(page: Page): Promise<Worker> {
  const found = () => page.workers().find((w) => w.url().includes('cut-worker'));
  for (let i = 0; i < 600 && !found(); i++) await page.waitForTimeout(100);
  const worker = found();
  if (!worker) throw new Error('no cut worker');
  return worker;
}

/** Ends the worker from inside, as a crash would: the page gets no event for it. */
const kill = (worker: Worker) => worker.evaluate(() => self.close()).catch(() => undefined);

describe('the geometry worker', () => {
  test('dies in the middle of a cut: a new one redoes it, the fragments arrive, a short notice at most', async () => {
    let held: Route | undefined;
    let letThrough = false;
    let kernelRequested!: () => void;
    const requested = new Promise<void>((resolve) => (kernelRequested = resolve));
    const app = await open('?p=chevron&step=10', {
      prepare: async (context) => {
        await watchCuts(context);
        // The first worker's kernel download is held: that worker is busy with the cut when it dies.
        await context.route(KERNEL, (route) => {
          if (letThrough) return route.continue();
          held = route;
          kernelRequested();
          return undefined;
        });
      },
    });
    await requested;
    const first = await cutWorker(app.page);
    await kill(first);
    letThrough = true;
    await held?.continue().catch(() => undefined);
    await waitForReady(app);
    expect((await metatarsal(app.page)).fragments.length).toBeGreaterThan(0);
    expect((await metatarsal(app.page)).whole).toBe(false);
    expect(
      await app.page.evaluate(() => (window as unknown as { sawRecomputing: boolean }).sawRecomputing),
    ).toBe(true);
    // The notice goes once the cut is redone.
    await app.page.locator('[data-testid="cut-recomputing"]').waitFor({ state: 'detached', timeout: 10_000 });
    expect(showsBone(await stagePixelStats(app.page, 'worker-died-mid-cut'))).toBe(true);
    expectClean(app);
  });

  test('died while idle: the next re-cut goes to a new worker', async () => {
    const app = await open('?p=chevron&step=10', { prepare: watchCuts });
    await waitForReady(app);
    const answered = await cutAnswers(app.page);
    await kill(await cutWorker(app.page));
    await app.page.locator('[data-testid="param-shift"]').fill('45');
    await app.page.waitForFunction(
      (n) => (window as unknown as { cutAnswers: number }).cutAnswers > n,
      answered,
      {
        timeout: 60_000,
      },
    );
    await waitForReady(app);
    expect((await metatarsal(app.page)).fragments.length).toBeGreaterThan(0);
    expect(await app.page.locator('[data-testid="cut-failed"]').count()).toBe(0);
    expect(app.page.url()).toContain('shift=45');
    expectClean(app);
  });

  test('refuses a cut (bad input): reported, the bone stays whole, the next cut works', async () => {
    const app = await open('?p=chevron&step=10', {
      prepare: async (context) => {
        await watchCuts(context);
        // The first cut's triangles name a vertex that does not exist.
        await context.addInitScript(() => {
          let spoiled = false;
          const post = Worker.prototype.postMessage;
          Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
            const m = message as { type?: string; path?: string[]; argumentList?: { value: unknown }[] };
            if (!spoiled && m?.type === 'APPLY' && m.path?.[0] === 'cut' && m.argumentList?.[2]) {
              spoiled = true;
              m.argumentList[2] = { ...m.argumentList[2], value: new Uint32Array([0, 1, 4_000_000_000]) };
            }
            return (post as (...a: unknown[]) => void).call(this, message, ...rest);
          } as typeof Worker.prototype.postMessage;
        });
      },
    });
    await waitForReady(app);
    const notice = app.page.locator('[data-testid="cut-failed"]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.locator('span').textContent()).toBe(en.cut.failed);
    expect(await metatarsal(app.page)).toEqual({ fragments: [], whole: true });
    expect(showsBone(await stagePixelStats(app.page, 'cut-refused'))).toBe(true);

    // The app keeps working: the caption moves, and a changed cut is made this time.
    const last = await stepOf(app);
    await app.page.locator('[data-testid="prev"]').click();
    await waitStep(app, last - 1);
    const answered = await cutAnswers(app.page);
    await app.page.locator('[data-testid="param-shift"]').fill('40');
    await app.page.waitForFunction(
      (n) => (window as unknown as { cutAnswers: number }).cutAnswers > n,
      answered,
      {
        timeout: 60_000,
      },
    );
    await app.page.locator('[data-testid="next"]').click();
    await waitStep(app, last);
    await waitForReady(app);
    await app.page.waitForFunction(
      () => (window.__viz?.visibleNames('metatarsal1:') ?? []).length > 0,
      undefined,
      { timeout: 30_000 },
    );
    await notice.waitFor({ state: 'detached' });
    expectClean(app);
  });
});

async function expectExplained(app: AppPage, lang: Lang): Promise<void> {
  const page = app.page;
  const box = page.locator('[data-testid="no-webgl"]');
  await box.waitFor({ state: 'visible', timeout: 60_000 });
  expect((await box.locator('h2').textContent())?.trim()).toBe(STRINGS[lang].load.noWebglTitle);
  expect((await box.locator('p').textContent())?.trim()).toBe(STRINGS[lang].load.noWebgl);
  expect(await page.locator('[data-testid="stage"] canvas').count()).toBe(0);
  expect(await page.locator('[data-testid="load-error"]').count()).toBe(0);
}

describe('no WebGL', () => {
  test.each<Lang>(['en', 'it'])(
    '%s: an explanation, and the procedure panel and captions still work',
    async (lang) => {
      const app = await open(`?p=chevron&step=2&lang=${lang}`, { prepare: withoutWebGL });
      await expectExplained(app, lang);
      const page = app.page;
      await page.locator('[data-testid="caption"]').waitFor();
      await screenshot(page, `no-webgl-${lang}`);
      // The caption follows the step buttons although no 3D view drives the clock.
      await waitStep(app, 2);
      const caption = page.locator('[data-testid="caption"]');
      const second = await caption.textContent();
      await page.locator('[data-testid="next"]').click();
      await waitStep(app, 3);
      expect(await caption.textContent()).not.toBe(second);
      await page.locator('[data-testid="prev"]').click();
      await waitStep(app, 2);
      // The procedure panel: a parameter change reaches the link and the readouts.
      await page.locator('[data-testid="param-shift"]').fill('45');
      await page.waitForFunction(() => location.search.includes('shift=45'));
      await page.locator('[data-measure="hva-pre"]').waitFor();
      // Play runs the clock to a later step.
      await page.locator('[data-testid="play"]').click();
      await waitStep(app, 3, 60_000);
      expect(await page.locator('body').innerText()).not.toMatch(/undefined|\bnull\b|\[object/);
      expectClean(app);
    },
  );

  test('WebGL 1 alone (three.js draws on WebGL 2): the same explanation, and no error', async () => {
    const app = await open('?p=scarf&lang=en', { prepare: withWebGL1Only });
    await expectExplained(app, 'en');
    await app.page.locator('[data-testid="caption"]').waitFor();
    expectClean(app);
  });

  test('Chromium started with --disable-webgl: the same explanation', async () => {
    const browser = await launchChromium({ args: ['--disable-webgl', '--disable-3d-apis'] });
    try {
      const page = await browser.newPage({ viewport: { width: 640, height: 400 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${inject('baseUrl')}/?p=scarf&lang=it`);
      const box = page.locator('[data-testid="no-webgl"]');
      await box.waitFor({ state: 'visible', timeout: 60_000 });
      expect((await box.locator('h2').textContent())?.trim()).toBe(it.load.noWebglTitle);
      await page.locator('[data-testid="caption"]').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('a failure outside the parts that fail on their own', () => {
  test('the whole app starts again by itself, with a calm line meanwhile, and keeps the session', async () => {
    const app = await open('?p=chevron&lang=it', {
      prepare: (context) =>
        context.addInitScript(() => {
          // Armed by the test, formatting a number (a readout, in a render) throws, however often
          // React renders again, until the app has given up and says it starts again. Both of
          // formatNumber's ways fail: Intl's, and the direct one (the page's only padEnd).
          const page = window as unknown as { failFormat?: boolean };
          const own = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format')!;
          Object.defineProperty(Intl.NumberFormat.prototype, 'format', {
            configurable: true,
            get(this: Intl.NumberFormat) {
              if (page.failFormat) throw new Error('injected render failure');
              return own.get!.call(this);
            },
          });
          const padEnd = String.prototype.padEnd;
          String.prototype.padEnd = function (this: string, ...args: Parameters<typeof padEnd>) {
            if (page.failFormat) throw new Error('injected render failure');
            return padEnd.apply(this, args);
          };
          new MutationObserver(() => {
            if (document.querySelector('[data-testid="app-restarting"]')) page.failFormat = false;
          }).observe(document, { childList: true, subtree: true });
        }),
    });
    await waitForReady(app);
    await app.page.evaluate(() => ((window as unknown as { failFormat?: boolean }).failFormat = true));
    await app.page.locator('[data-testid="param-shift"]').fill('45');
    await app.page.waitForFunction(
      (text) => document.querySelector('[data-testid="app-restarting"]')?.textContent === text,
      it.app.restarting,
    );
    // Back: not ready until the new view has drawn its bones.
    await app.page.locator('header.topbar').waitFor({ timeout: 30_000 });
    await waitForReady(app);
    expect(showsBone(await stagePixelStats(app.page, 'restarted'))).toBe(true);
    expect(await app.page.locator('[data-testid="param-shift"]').inputValue()).toBe('45');
    expect(await app.page.locator('[data-testid="app-restarting"]').count()).toBe(0);
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
    // React reports the failure it caught on the console: that one only.
    expect(app.consoleErrors.filter((e) => !e.includes('injected render failure'))).toEqual([]);
  });
});
