/**
 * Benchmark: builds the app (unless --no-build) and a minimal R3F baseline page, serves both, and
 * measures bundle size, model size and, in headless Chromium at 1280×720, time to the first bone
 * frame, triangles and draw calls. Writes bench/report.json and prints a table against the budgets.
 *
 *   npm run bench -- [--no-build] [--runs=3] [--dist=dist] [--soak=500] [--only=long-tasks,heap]
 *
 * `--only` runs the measures whose id starts with one of the given prefixes (the runtime ones:
 * `long-tasks`, `heap`, `kiosk`). The budgets are listed in README.md, "Budgets".
 *
 * To add a figure, add a {@link Measure} to `measures`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { ensureChromium, launchChromium } from './chromium';
import { startStaticServer } from './static-server';
import { PROCEDURES } from '../src/procedures/registry';

const root = resolve(import.meta.dirname, '..');
const baselineRoot = join(root, 'scripts', 'bench-baseline');
const baselineDist = join(root, 'bench', 'baseline-dist');
const reportFile = join(root, 'bench', 'report.json');

/** One line of the report. `budget` and `ok` are null for figures without a budget. */
export type Figure = {
  name: string;
  value: number | null;
  unit: string;
  budget: number | null;
  ok: boolean | null;
};

export type BenchContext = {
  distDir: string;
  appUrl: string;
  baselineUrl: string;
  browser: Browser;
  runs: number;
  /** Figures measured so far, for derived figures such as ratios. */
  figures: Figure[];
};

export type Measure = { id: string; run(ctx: BenchContext): Promise<Figure[]> };

/** A figure checked against an upper budget; a missing value is not ok when there is a budget. */
export function figure(
  name: string,
  value: number | null,
  unit: string,
  budget: number | null = null,
): Figure {
  return { name, value, unit, budget, ok: budget === null ? null : value !== null && value <= budget };
}

const KB = 1024;
const MB = 1024 * 1024;
const BUDGETS = {
  initialJsGzip: 400 * KB,
  models: 1.5 * MB,
  triangles: 150_000,
  drawCalls: 80,
  firstFrameMs: 1500,
} as const;

/** Script and modulepreload URLs in a built index.html (lazily imported chunks excluded). */
export function initialScripts(indexHtml: string): string[] {
  const urls = new Set<string>();
  for (const match of indexHtml.matchAll(/<script\b[^>]*>/gi)) {
    const tag = match[0];
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (src) urls.add(src);
  }
  for (const match of indexHtml.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (href && /\brel\s*=\s*["']modulepreload["']/i.test(tag)) urls.add(href);
  }
  return [...urls].filter((url) => !/^[a-z]+:\/\//i.test(url) && !url.startsWith('//'));
}

/** The default language's strings: imported dynamically, but the first view waits for them. */
function defaultLanguageChunks(dir: string): string[] {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((name) => /^en-[\w-]+\.js$/.test(name))
    .map((name) => join(assets, name));
}

/** Sum of the gzip sizes (level 9) of the entry script, its modulepreloads and the first view's strings. */
export function initialJsGzipBytes(dir: string): { bytes: number; files: string[] } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [
    ...initialScripts(html).map((url) => join(dir, url.replace(/^\.?\//, '').split(/[?#]/)[0] ?? '')),
    ...defaultLanguageChunks(dir),
  ];
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  return { bytes, files };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** Total bytes of the .glb models anywhere in the build. */
export function modelBytes(dir: string): { bytes: number; files: string[] } {
  const files = listFiles(dir).filter((file) => file.endsWith('.glb'));
  return { bytes: files.reduce((sum, file) => sum + statSync(file).size, 0), files };
}

type RenderInfo = { triangles: number; calls: number; geometries: number; textures: number };
type PageRun = { readyMs: number; info: RenderInfo | null };

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

async function loadOnce(browser: Browser, url: string): Promise<PageRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(recordReadyTime);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector('[data-ready="true"]', { state: 'attached', timeout: 120_000 });
    // The counts of the settled scene: a redraw right after ready (an environment map being
    // prefiltered, the camera arriving) may not be the full one. The ready time is already recorded.
    await page.waitForTimeout(1500);
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

async function medianReadyMs(ctx: BenchContext, url: string): Promise<{ ms: number; last: PageRun }> {
  const runs: PageRun[] = [];
  for (let i = 0; i < ctx.runs; i++) runs.push(await loadOnce(ctx.browser, url));
  return { ms: Math.round(median(runs.map((run) => run.readyMs))), last: runs[runs.length - 1]! };
}

const firstFrameMeasures = (['foot', 'knee'] as const).map((region): Measure => ({
  id: `first-frame-${region}`,
  async run(ctx) {
    const app = await medianReadyMs(ctx, `${ctx.appUrl}/?region=${region}`);
    const baseline = ctx.figures.find((f) => f.name === 'baseline R3F first frame')?.value ?? null;
    return [
      figure(`${region}: first bone frame`, app.ms, 'ms', BUDGETS.firstFrameMs),
      figure(`${region}: triangles`, app.last.info?.triangles ?? null, 'triangles', BUDGETS.triangles),
      figure(`${region}: draw calls`, app.last.info?.calls ?? null, 'calls', BUDGETS.drawCalls),
      figure(`${region}: geometries`, app.last.info?.geometries ?? null, 'geometries'),
      figure(`${region}: textures`, app.last.info?.textures ?? null, 'textures'),
      figure(
        `${region}: first frame / baseline`,
        baseline ? Math.round((app.ms / baseline) * 100) / 100 : null,
        '×',
      ),
    ];
  },
}));

/**
 * Each procedure at its last step (every implant in, the skin drawn over them): the heaviest view
 * it shows. Loaded once: counts, not timings.
 */
const procedureSceneMeasures: Measure[] = PROCEDURES.map((proc) => ({
  id: `scene-${proc.id}`,
  async run(ctx) {
    const run = await loadOnce(ctx.browser, `${ctx.appUrl}/?p=${proc.id}&step=${proc.steps.length}`);
    return [
      figure(
        `${proc.id} (last step): triangles`,
        run.info?.triangles ?? null,
        'triangles',
        BUDGETS.triangles,
      ),
      figure(`${proc.id} (last step): draw calls`, run.info?.calls ?? null, 'calls', BUDGETS.drawCalls),
    ];
  },
}));

/** The figures, in report order. Later measures may read earlier figures from ctx.figures. */
export const measures: Measure[] = [
  {
    id: 'initial-js',
    async run(ctx) {
      return [
        figure('initial JS (gzip)', initialJsGzipBytes(ctx.distDir).bytes, 'bytes', BUDGETS.initialJsGzip),
      ];
    },
  },
  {
    id: 'models',
    async run(ctx) {
      return [figure('models (.glb)', modelBytes(ctx.distDir).bytes, 'bytes', BUDGETS.models)];
    },
  },
  {
    id: 'baseline-first-frame',
    async run(ctx) {
      // A discarded first load, so the cold browser's start-up cost is not charged to the baseline.
      await loadOnce(ctx.browser, `${ctx.baselineUrl}/`);
      const { ms } = await medianReadyMs(ctx, `${ctx.baselineUrl}/`);
      return [figure('baseline R3F first frame', ms, 'ms')];
    },
  },
  ...firstFrameMeasures,
  ...procedureSceneMeasures,
];

function runCommand(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} exited with ${code}`))));
  });
}

async function buildBaseline(): Promise<void> {
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  await build({
    root: baselineRoot,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: baselineDist, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
}

function formatValue(value: number | null, unit: string): string {
  if (value === null) return 'n/a';
  if (unit === 'bytes')
    return value >= MB ? `${(value / MB).toFixed(2)} MB` : `${(value / KB).toFixed(1)} KB`;
  return `${value.toLocaleString('en-US')} ${unit}`;
}

function printTable(figures: Figure[]): void {
  const rows = [
    ['figure', 'value', 'budget', ''],
    ...figures.map((f) => [
      f.name,
      formatValue(f.value, f.unit),
      f.budget === null ? '' : `≤ ${formatValue(f.budget, f.unit)}`,
      f.ok === null ? '' : f.ok ? 'ok' : 'OVER',
    ]),
  ];
  const widths = [0, 1, 2, 3].map((col) => Math.max(...rows.map((row) => row[col]!.length)));
  for (const [i, row] of rows.entries()) {
    console.log(
      row
        .map((cell, col) => (col === 1 ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!)))
        .join('  '),
    );
    if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const noBuild = args.includes('--no-build');
  const option = (name: string): string | undefined =>
    args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const runs = Math.max(1, Number(option('runs') ?? 3) || 3);
  const soak = Math.max(1, Number(option('soak') ?? 500) || 500);
  const distDir = resolve(root, option('dist') ?? 'dist');
  const only = option('only')?.split(',').filter(Boolean);
  const chosen = (measure: Measure) => !only || only.some((prefix) => measure.id.startsWith(prefix));

  if (!noBuild) await runCommand(join(root, 'node_modules', '.bin', 'vite'), ['build']);
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error('dist/index.html is missing: run npm run build first (or drop --no-build)');
  }
  if (!noBuild || !existsSync(join(baselineDist, 'index.html'))) await buildBaseline();

  ensureChromium();
  const app = await startStaticServer(distDir);
  const baseline = await startStaticServer(baselineDist);
  const browser = await launchChromium();
  const figures: Figure[] = [];
  try {
    const ctx: BenchContext = { distDir, appUrl: app.url, baselineUrl: baseline.url, browser, runs, figures };
    const { cutMeasures } = await import('./bench-cuts');
    const { csgMeasures } = await import('./bench-csg');
    const { runtimeMeasures } = await import('./bench-runtime');
    const all = [...measures, ...cutMeasures, ...csgMeasures, ...runtimeMeasures(soak)];
    for (const measure of all.filter(chosen)) {
      try {
        figures.push(...(await measure.run(ctx)));
      } catch (error) {
        console.error(`measure ${measure.id} failed: ${(error as Error).message.split('\n')[0]}`);
        figures.push(figure(`${measure.id} (failed)`, null, ''));
      }
    }
  } finally {
    await browser.close();
    await app.close();
    await baseline.close();
  }

  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(reportFile, `${JSON.stringify(figures, null, 2)}\n`);
  console.log('');
  printTable(figures);
  console.log(`\nwrote ${reportFile.replace(root + '/', '')} (the budgets: README.md, "Budgets")`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
