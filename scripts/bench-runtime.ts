/**
 * Benchmark figures of the running app: main-thread long tasks during scripted playback and during
 * a slider drag, and the kiosk soak (procedure switches, then the renderer's geometries and
 * textures and the JS heap against their values after a first round).
 */
import type { Browser, Page } from 'playwright-core';
import { figure, type Figure, type Measure } from './bench';
import { resources, ROUND, switchProcedures } from './soak';

/** DESIGN.md: no main-thread task over 50 ms during playback or a slider drag. */
const LONG_TASK_MS = 50;
/** DESIGN.md: JS heap growth over the soak < 10 %. */
const HEAP_GROWTH = 0.1;

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

function longTaskFigures(what: string, tasks: number[]): Figure[] {
  return [
    figure(`${what}: tasks over 50 ms`, tasks.filter((d) => d > LONG_TASK_MS).length, 'tasks', 0),
    figure(`${what}: longest task`, Math.round(Math.max(0, ...tasks)), 'ms'),
  ];
}

export const runtimeMeasures = (soakSwitches: number): Measure[] => [
  {
    id: 'long-tasks-playback',
    async run(ctx) {
      const { page, close } = await openPage(ctx.browser, `${ctx.appUrl}/?p=scarf`, 1280, 720);
      try {
        await page.locator('[data-testid="play"]').click();
        await page.waitForTimeout(15_000);
        return longTaskFigures('playback (scarf, 15 s)', await takeLongTasks(page));
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
