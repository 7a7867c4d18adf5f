/**
 * Benchmark figures of the running app: main-thread long tasks during scripted playback and during
 * a slider drag, the JS heap allocated per second of playback, and the kiosk soak (procedure
 * switches, then the renderer's geometries and textures and the JS heap against their values after
 * a first round).
 */
import type { Browser, Page } from 'playwright-core';
import { figure, type Figure, type Measure } from './bench';
import { resources, ROUND, switchProcedures } from './soak';

/** README "Budgets": no main-thread task over 50 ms during playback or a slider drag. */
const LONG_TASK_MS = 50;
/** README "Budgets": JS heap growth over the soak < 10 %. */
const HEAP_GROWTH = 0.1;
/**
 * README "Budgets": JS heap allocated per second and per frame of playback, KiB. The app's per-frame
 * path allocates nothing of its own; what is left is the renderer's, React's and the clock's small
 * change (about 60–90 KiB a frame in headless Chromium, which draws a few frames a second).
 */
const HEAP_PER_SECOND_KIB = 1024;
const HEAP_PER_FRAME_KIB = 128;
/** Seconds of playback the long tasks and the allocations are counted over. */
const PLAYBACK_S = 15;

/** Collects the page's long tasks (the browser reports those over 50 ms) from the start. */
function recordLongTasks(): void {
  const w = window as unknown as { __longTasks: number[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

const takeLongTasks = (page: Page): Promise<number[]> =>
  page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    return w.__longTasks.splice(0);
  });

async function openPage(browser: Browser, url: string, width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  await context.addInitScript(recordLongTasks);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-ready="true"]').waitFor({ state: 'attached', timeout: 120_000 });
  await page.waitForTimeout(1000);
  await takeLongTasks(page);
  return { page, close: () => context.close() };
}

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;
interface SampledNode {
  readonly selfSize: number;
  readonly children: readonly SampledNode[];
}
const sampledBytes = (node: SampledNode): number =>
  node.children.reduce((sum, child) => sum + sampledBytes(child), node.selfSize);

/**
 * Bytes the page's JS allocates while `act` runs: V8's sampling heap profiler counting every
 * allocation, the ones garbage-collected since included (each sample stands for its share of
 * the bytes allocated), after a forced collection so a pending one is not charged to `act`.
 */
async function allocatedDuring(cdp: Cdp, act: () => Promise<void>): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 16 * 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await act();
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  return sampledBytes(profile.head as SampledNode);
}

/**
 * The browser reports only tasks over 50 ms, so the longest is known only when there is one: with
 * none it reads n/a, not 0 ms (the trace, not this bench, measures the shorter ones).
 */
function longTaskFigures(what: string, tasks: number[]): Figure[] {
  return [
    figure(`${what}: tasks over 50 ms`, tasks.filter((d) => d > LONG_TASK_MS).length, 'tasks', 0),
    figure(`${what}: longest task over 50 ms`, tasks.length ? Math.round(Math.max(...tasks)) : null, 'ms'),
  ];
}

export const runtimeMeasures = (soakSwitches: number): Measure[] => [
  {
    id: 'long-tasks-playback',
    async run(ctx) {
      const { page, close } = await openPage(ctx.browser, `${ctx.appUrl}/?p=scarf`, 1280, 720);
      try {
        await page.locator('[data-testid="play"]').click();
        await page.waitForTimeout(PLAYBACK_S * 1000);
        return longTaskFigures(`playback (scarf, ${PLAYBACK_S} s)`, await takeLongTasks(page));
      } finally {
        await close();
      }
    },
  },
  {
    id: 'heap-playback',
    async run(ctx) {
      const { page, close } = await openPage(ctx.browser, `${ctx.appUrl}/?p=scarf`, 1280, 720);
      try {
        const cdp = await page.context().newCDPSession(page);
        const frames = () => page.evaluate(() => window.__viz?.renderInfo().frames ?? 0);
        const before = await frames();
        const bytes = await allocatedDuring(cdp, async () => {
          await page.locator('[data-testid="play"]').click();
          await page.waitForTimeout(PLAYBACK_S * 1000);
        });
        const drawn = (await frames()) - before;
        return [
          figure(
            `playback (scarf, ${PLAYBACK_S} s): JS heap allocated per second`,
            Math.round(bytes / PLAYBACK_S),
            'bytes',
            HEAP_PER_SECOND_KIB * 1024,
          ),
          figure('playback: frames drawn', drawn, 'frames'),
          figure(
            'playback: JS heap allocated per frame',
            drawn ? Math.round(bytes / drawn) : null,
            'bytes',
            HEAP_PER_FRAME_KIB * 1024,
          ),
        ];
      } finally {
        await close();
      }
    },
  },
  {
    id: 'long-tasks-drag',
    async run(ctx) {
      const { page, close } = await openPage(ctx.browser, `${ctx.appUrl}/?p=hto-opening`, 1280, 720);
      try {
        // The target slider dragged across its range and back, as a hand does, then the re-cuts settle.
        const box = (await page.locator('#param-target').boundingBox())!;
        const y = box.y + box.height / 2;
        await page.mouse.move(box.x + 4, y);
        await page.mouse.down();
        for (let i = 0; i <= 40; i++) {
          const f = i <= 20 ? i / 20 : (40 - i) / 20;
          await page.mouse.move(box.x + 4 + f * (box.width - 8), y);
          await page.waitForTimeout(50);
        }
        await page.mouse.up();
        await page.locator('[data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
        return longTaskFigures('slider drag (HTO target)', await takeLongTasks(page));
      } finally {
        await close();
      }
    },
  },
  {
    id: 'kiosk-soak',
    async run(ctx) {
      const { page, close } = await openPage(ctx.browser, `${ctx.appUrl}/?p=chevron`, 640, 400);
      try {
        const at = await switchProcedures(page, ROUND);
        const before = await resources(page);
        // Whole rounds, so the last switch lands on the procedure measured first.
        const rounds = Math.max(1, Math.round(soakSwitches / ROUND));
        await switchProcedures(page, rounds * ROUND, at);
        const after = await resources(page);
        return [
          figure('soak: procedure switches', rounds * ROUND, 'switches'),
          figure('soak: geometries after first round', before.geometries, 'geometries'),
          figure('soak: geometries after', after.geometries, 'geometries', before.geometries),
          figure('soak: textures after first round', before.textures, 'textures'),
          figure('soak: textures after', after.textures, 'textures', before.textures),
          figure('soak: JS heap after first round', before.heap, 'bytes'),
          figure('soak: JS heap after', after.heap, 'bytes'),
          figure('soak: JS heap without compiled code, after first round', before.objects, 'bytes'),
          figure(
            'soak: JS heap without compiled code, after',
            after.objects,
            'bytes',
            Math.round(before.objects * (1 + HEAP_GROWTH)),
          ),
        ];
      } finally {
        await close();
      }
    },
  },
];
