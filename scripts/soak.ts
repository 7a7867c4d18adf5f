/**
 * The kiosk's long run, scripted: switch from procedure to procedure through the app's own
 * controls, and read what the renderer holds (geometries, textures) and the JS heap after a
 * garbage collection. Shared by the benchmark (500 switches) and a browser test (a few rounds).
 */
import type { Page } from 'playwright-core';
import { PROCEDURES } from '../src/procedures/registry';
import { reach } from './reach';

/** Every procedure, foot then knee, as the top bar offers them. */
const ORDER = [...PROCEDURES].sort((a, b) => (a.region === b.region ? 0 : a.region === 'foot' ? -1 : 1));

export interface Resources {
  readonly geometries: number;
  readonly textures: number;
  /** Bytes of JS heap in use after a full garbage collection. */
  readonly heap: number;
  /**
   * The same without compiled code: V8 keeps optimising functions as a long run warms up, which is
   * not data the app holds on to (a leak shows here).
   */
  readonly objects: number;
}

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

/** Bytes of a heap snapshot's nodes that are not compiled code. */
async function objectBytes(cdp: Cdp): Promise<number> {
  const chunks: string[] = [];
  const collect = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  const snap = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const type = fields.indexOf('type');
  const size = fields.indexOf('self_size');
  let bytes = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length)
    if (types[snap.nodes[i + type]!] !== 'code') bytes += snap.nodes[i + size]!;
  return bytes;
}

export const waitReady = async (page: Page) => {
  // Two frames first: the click's render commits and the stage may report "not ready" only then.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page
    .locator('[data-testid="stage"][data-ready="true"]')
    .waitFor({ state: 'attached', timeout: 60_000 });
};

/** Opens procedure `id` as a user would: its region, then its button in the top bar. */
export async function openProcedure(page: Page, id: string): Promise<void> {
  const proc = PROCEDURES.find((p) => p.id === id)!;
  const region = page.locator(`[data-testid="region-${proc.region}"]`);
  if ((await region.getAttribute('aria-pressed')) !== 'true')
    await (await reach(page, `region-${proc.region}`)).click();
  await (await reach(page, `procedure-${id}`)).click();
  await waitReady(page);
}

/** Makes `count` switches, each to the next procedure in the cycle, starting after `from`. */
export async function switchProcedures(page: Page, count: number, from = 0): Promise<number> {
  let at = from;
  for (let i = 0; i < count; i++) {
    at = (at + 1) % ORDER.length;
    await openProcedure(page, ORDER[at]!.id);
  }
  return at;
}

/** The renderer's resources and the heap, after a forced garbage collection (Chromium only). */
export async function resources(page: Page): Promise<Resources> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const info = await page.evaluate(() => window.__viz!.renderInfo());
    const objects = await objectBytes(cdp);
    return { geometries: info.geometries, textures: info.textures, heap: usedSize, objects };
  } finally {
    await cdp.detach();
  }
}

/** Procedures in the cycle (a round visits each once). */
export const ROUND = ORDER.length;
