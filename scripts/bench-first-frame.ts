/**
 * Time to the first frame with bones, judged as a ratio to a bare React Three Fiber page (one lit
 * mesh, scripts/bench-baseline) measured in the same run: the baseline, the foot and the knee are
 * loaded in turn, `runs` times, so a spell of a busy machine slows all three alike; each figure is
 * the median of its loads. Then all again with Chromium's CPU slowed 4× (DevTools'
 * `Emulation.setCPUThrottlingRate`), as on a mid-range phone. The ratios are the budgets (README,
 * "Budgets"); the times in ms are reported beside them.
 */
import type { Browser } from 'playwright-core';
import { figure, type BenchContext, type Figure, type Measure } from './bench';

/** README "Budgets": the first bone frame within 1.2 × the baseline's first frame, at either CPU speed. */
const FIRST_FRAME_RATIO = 1.2;
/** How much slower the CPU runs in the second round (a mid-range phone against this machine). */
const PHONE_CPU_SLOWDOWN = 4;

type RenderInfo = { triangles: number; calls: number; geometries: number; textures: number };

/** Records performance.now() (ms since navigation start) when [data-ready="true"] first appears. */
function recordReadyTime(): void {
  const w = window as unknown as { __benchReadyAt?: number };
  const check = (): boolean => {
    if (w.__benchReadyAt === undefined && document.querySelector('[data-ready="true"]')) {
      w.__benchReadyAt = performance.now();
    }
    return w.__benchReadyAt !== undefined;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-ready'],
  });
}

/**
 * Loads `url` in a fresh context (nothing cached, no service worker yet) at 1280×720, with the CPU
 * slowed `cpuSlowdown` times; returns the ready time and, when asked, the settled scene's counts.
 */
async function loadOnce(
  browser: Browser,
  url: string,
  cpuSlowdown: number,
  counts: boolean,
): Promise<{ readyMs: number; info: RenderInfo | null }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(recordReadyTime);
    const page = await context.newPage();
    if (cpuSlowdown !== 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector('[data-ready="true"]', { state: 'attached', timeout: 240_000 });
    // The counts of the settled scene: a redraw right after ready (the camera arriving) may not be
    // the full one. The ready time is already recorded.
    if (counts) await page.waitForTimeout(1500);
    return await page.evaluate(() => {
      const w = window as unknown as {
        __benchReadyAt?: number;
        __viz?: { renderInfo?: () => RenderInfo };
      };
      return {
        readyMs: w.__benchReadyAt ?? performance.now(),
        info: w.__viz?.renderInfo ? w.__viz.renderInfo() : null,
      };
    });
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ratio = (app: number, baseline: number) => Math.round((app / baseline) * 100) / 100;

/** The baseline, the foot and the knee, loaded in turn `ctx.runs` times at one CPU speed. */
async function firstFrames(ctx: BenchContext, cpuSlowdown: number, budgets: Budgets): Promise<Figure[]> {
  const pages = {
    baseline: `${ctx.baselineUrl}/`,
    foot: `${ctx.appUrl}/?region=foot`,
    knee: `${ctx.appUrl}/?region=knee`,
  } as const;
  const names = Object.keys(pages) as (keyof typeof pages)[];
  // One discarded load of each, so the cold browser's start-up (and the disk cache's first read of
  // each file) is charged to none of them.
  for (const name of names) await loadOnce(ctx.browser, pages[name], cpuSlowdown, false);
  const times: Record<string, number[]> = { baseline: [], foot: [], knee: [] };
  const info: Record<string, RenderInfo | null> = {};
  for (let run = 0; run < ctx.runs; run++) {
    for (const name of names) {
      const last = run === ctx.runs - 1 && name !== 'baseline' && budgets.counts;
      const result = await loadOnce(ctx.browser, pages[name], cpuSlowdown, last);
      times[name]!.push(result.readyMs);
      if (last) info[name] = result.info;
    }
  }
  const at = cpuSlowdown === 1 ? '' : ` (CPU ${cpuSlowdown}× slower)`;
  const baseline = Math.round(median(times.baseline!));
  const figures = [figure(`baseline R3F first frame${at}`, baseline, 'ms')];
  for (const region of ['foot', 'knee'] as const) {
    const ms = Math.round(median(times[region]!));
    figures.push(figure(`${region}: first bone frame${at}`, ms, 'ms'));
    figures.push(
      figure(`${region}: first frame / baseline${at}`, ratio(ms, baseline), '×', FIRST_FRAME_RATIO),
    );
    if (budgets.counts) {
      figures.push(
        figure(`${region}: triangles`, info[region]?.triangles ?? null, 'triangles', budgets.triangles),
        figure(`${region}: draw calls`, info[region]?.calls ?? null, 'calls', budgets.drawCalls),
        figure(`${region}: geometries`, info[region]?.geometries ?? null, 'geometries'),
        figure(`${region}: textures`, info[region]?.textures ?? null, 'textures'),
      );
    }
  }
  return figures;
}

type Budgets = { counts: boolean; triangles: number; drawCalls: number };

/** The first-frame figures at full speed (with the scene's counts) and with the CPU slowed. */
export const firstFrameMeasures = (scene: { triangles: number; drawCalls: number }): Measure[] => [
  { id: 'first-frame', run: (ctx) => firstFrames(ctx, 1, { counts: true, ...scene }) },
  {
    id: `first-frame-cpu${PHONE_CPU_SLOWDOWN}`,
    run: (ctx) => firstFrames(ctx, PHONE_CPU_SLOWDOWN, { counts: false, ...scene }),
  },
];
