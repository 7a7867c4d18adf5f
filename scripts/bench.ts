/**
 * Benchmark: builds the app (unless --no-build) and a minimal R3F baseline page, serves both, and
 * measures bundle size, model size and, in headless Chromium at 1280×720, time to the first bone
 * frame as a ratio to the baseline's (also with the CPU slowed 4×, bench-first-frame.ts), triangles
 * and draw calls. Writes bench/report.json and prints a table against the budgets.
 *
 *   npm run bench -- [--no-build] [--runs=3] [--dist=dist] [--soak=500] [--only=first-frame,heap]
 *
 * `--only` runs the measures whose id starts with one of the given prefixes (`initial-js`, `models`,
 * `first-frame`, `first-frame-cpu4`, `scene-<procedure>`, the cuts' and the runtime ones:
 * `long-tasks`, `heap`, `kiosk`). The budgets are listed in README.md, "Budgets".
 *
 * To add a figure, add a {@link Measure} to `measures` (or to the list main() runs).
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
  initialJsGzip: 300 * KB,
  models: 1.5 * MB,
  triangles: 150_000,
  drawCalls: 80,
} as const;

/** A chunk in the build's manifest (`build.manifest`): its file and the chunks it imports statically. */
type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[] };

/**
 * The app's start, which the page's tiny first script asks for at once (beside the 3D view's code
 * and the model reader, which stay out of the count as they always have): counted as initial JS.
 */
const APP_START = 'src/app/boot.tsx';

/**
 * The JS files the app starts with, from the build's manifest: the page's entry and the app's
 * start, with every chunk they import statically (lazily imported chunks excluded).
 */
export function initialScripts(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const roots = Object.keys(manifest).filter((key) => manifest[key]!.isEntry || key === APP_START);
  if (!roots.includes(APP_START)) throw new Error(`${APP_START} is not in the build's manifest`);
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  roots.forEach(visit);
  return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
}

/** The default language's strings: imported dynamically, but the first view waits for them. */
function defaultLanguageChunks(dir: string): string[] {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((name) => /^en-[\w-]+\.js$/.test(name))
    .map((name) => join(assets, name));
}

/** Sum of the gzip sizes (level 9) of the JS the app starts with and the first view's strings. */
export function initialJsGzipBytes(dir: string): { bytes: number; files: string[] } {
  const files = [...initialScripts(dir).map((file) => join(dir, file)), ...defaultLanguageChunks(dir)];
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

/** Loads `url` in a fresh context at 1280×720 and returns the settled scene's counts. */
async function sceneCounts(browser: Browser, url: string): Promise<RenderInfo | null> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector('[data-ready="true"]', { state: 'attached', timeout: 120_000 });
    // A redraw right after ready (an environment map being prefiltered, the camera arriving) may
    // not be the full one.
    await page.waitForTimeout(1500);
    return await page.evaluate(() => {
      const w = window as unknown as { __viz?: { renderInfo?: () => RenderInfo } };
      return w.__viz?.renderInfo ? w.__viz.renderInfo() : null;
    });
  } finally {
    await context.close();
  }
}

/**
 * Each procedure at its last step (every implant in, the skin drawn over them): the heaviest view
 * it shows. Loaded once: counts, not timings.
 */
const procedureSceneMeasures: Measure[] = PROCEDURES.map((proc) => ({
  id: `scene-${proc.id}`,
  async run(ctx) {
    const info = await sceneCounts(ctx.browser, `${ctx.appUrl}/?p=${proc.id}&step=${proc.steps.length}`);
    return [
      figure(`${proc.id} (last step): triangles`, info?.triangles ?? null, 'triangles', BUDGETS.triangles),
      figure(`${proc.id} (last step): draw calls`, info?.calls ?? null, 'calls', BUDGETS.drawCalls),
    ];
  },
}));

/**
 * The figures of the build's files, first in the report; main() adds the browser's (first frames,
 * scenes, cuts, runtime). Later measures may read earlier figures from ctx.figures.
 */
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
  if (unit === '×') return `${value.toFixed(2)} ×`;
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
    const { firstFrameMeasures } = await import('./bench-first-frame');
    const { cutMeasures } = await import('./bench-cuts');
    const { csgMeasures } = await import('./bench-csg');
    const { runtimeMeasures } = await import('./bench-runtime');
    const all = [
      ...measures,
      ...firstFrameMeasures(BUDGETS),
      ...procedureSceneMeasures,
      ...cutMeasures,
      ...csgMeasures,
      ...runtimeMeasures(soak),
    ];
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
