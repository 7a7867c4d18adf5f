/**
 * The plan on the film (issue 20 item 5): with a knee operation open and the nine points placed,
 * the Miniaci construction, the hinge, the cut, the wedge with its gap and the new load line are
 * drawn on the radiograph; the annotated film saves as a PNG on the device. With a bunion operation,
 * the planned first metatarsal and phalanx axes and the head's shift.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { FilmPoint } from '../../src/clinical/film-measures';
import { planOnFilm } from '../../src/clinical/film-plan';
import { kneeLandmarks, kneePng, VALGUS_ANGLES } from './film-knee';
import { footLandmarks, footPng } from './film-fixtures';
import { clickPixel, filmBox, filmValue, giveFile, openFilmView, pickTool, storedData } from './film-page';
import {
  ARTIFACTS_DIR,
  decodePng,
  describeProblems,
  getBrowser,
  pagePerTest,
  reach,
  READY_STAGE,
  readMeasure,
  screenshot,
  waitForReady,
  type AppPage,
} from './helpers';

const open = pagePerTest();

/** The handout prints itself once ready: the print is counted instead (as handout.e2e does). */
const countPrints = (context: import('playwright-core').BrowserContext) =>
  context.addInitScript(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => {
      w.printed += 1;
    };
  });

/** Opens the handout with this control and waits for its pictures; returns the handout. */
async function openHandout(app: AppPage, control: import('playwright-core').Locator) {
  const printed = await app.page.evaluate(() => (window as unknown as { printed: number }).printed);
  await control.click();
  const handout = app.page.locator('[data-testid="handout"][data-state="ready"]');
  await handout.waitFor({ timeout: 60_000 });
  await app.page.waitForFunction(
    (n) => (window as unknown as { printed: number }).printed === n + 1,
    printed,
  );
  return handout;
}

async function closeHandout(app: AppPage) {
  await app.page.locator('[data-testid="handout-close"]').click();
  await app.page.locator('[data-testid="handout"]').waitFor({ state: 'detached' });
}

/** The share dialog's link, the dialog closed again. */
async function shareLink(page: import('playwright-core').Page) {
  await (await reach(page, 'share')).click();
  const link = await page.locator('[data-testid="share-link"]').inputValue();
  await page.locator('[data-testid="share-close"]').click();
  return link;
}

/** A drawn line's ends, image pixels, read from the SVG's attributes. */
async function lineEnds(page: import('playwright-core').Page, id: string) {
  const line = page.locator(`[data-plan="${id}"]`).first();
  const n = async (a: string) => Number(await line.getAttribute(a));
  return [
    [await n('x1'), await n('y1')],
    [await n('x2'), await n('y2')],
  ] as [FilmPoint, FilmPoint];
}

/** Distance of p from the line through a and b. */
function offLine(p: FilmPoint, [a, b]: readonly [FilmPoint, FilmPoint]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  return Math.abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / Math.hypot(dx, dy);
}
const direction = ([a, b]: readonly [FilmPoint, FilmPoint]) => Math.atan2(b[0] - a[0], -(b[1] - a[1]));

describe('the plan on the film', () => {
  test('opening HTO: Miniaci construction, hinge, cut, wedge and gap, new load line; Save as PNG', async () => {
    // With the app's service worker: its caches must not take the film or the handout's copy either.
    const app = await open('?p=hto-opening&lang=it', {
      viewport: { width: 1000, height: 800 },
      serviceWorkers: 'allow',
      prepare: countPrints,
    });
    const { page } = app;
    const bodies: string[] = [];
    app.context.on('request', (r) => {
      if (r.postDataBuffer()) bodies.push(r.url());
    });
    await waitForReady(app);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const url = page.url();
    const link = await shareLink(page);
    await openFilmView(page);
    await giveFile(page, 'long-leg.png', 'image/png', kneePng());
    await filmBox(page);
    const { points } = kneeLandmarks();
    // Before the points, the panel says what the plan waits for and nothing is drawn.
    await page.locator('[data-plan-missing="hto-opening"]').waitFor();
    for (const [x, y] of points) await clickPixel(page, x, y);
    await page.locator('[data-plan="load-line-new"]').waitFor();
    for (const id of ['miniaci', 'target', 'hinge', 'ankle-new', 'cut', 'wedge', 'wedge-edge'])
      expect(await page.locator(`[data-plan="${id}"]`).count(), id).toBeGreaterThan(0);

    // A calibration: a 100 px ruler over an object of 50 mm, 0.5 mm per pixel.
    await pickTool(page, 'calibrate-ruler');
    await clickPixel(page, 20, 40);
    await clickPixel(page, 120, 40);
    await page.locator('[data-testid="film-known-mm"]').fill('50');
    await page.locator('[data-measure="xr-gap"][data-calibrated="true"]').waitFor();
    const gap = (await filmValue(page, 'xr-gap'))!;
    const want = planOnFilm(
      points,
      { site: 'tibia', approach: 'opening', targetWbl: 62.5, hingeInset: 10 },
      0.5,
    )!;
    expect(Math.abs(gap - want.gapMm)).toBeLessThan(1);
    expect(gap).toBeGreaterThan(3);
    // The plan's warnings, as the 3D plan's (this 8° varus opens past 11 mm: the hinge may break).
    expect(want.warnings).toContain('warn.knee.hingeFracture');
    for (const w of want.warnings) await page.locator(`[data-warning="film-${w}"]`).waitFor();
    expect(Math.abs((await filmValue(page, 'xr-correction'))! - want.correction)).toBeLessThan(0.5);

    // The new load line runs from the hip centre through the target point on the plateau.
    const load = await lineEnds(page, 'load-line-new');
    const target = page.locator('[data-plan="target"]').first();
    const t: FilmPoint = [Number(await target.getAttribute('cx')), Number(await target.getAttribute('cy'))];
    expect(offLine(t, load)).toBeLessThan(1);
    expect(Math.abs(t[0] - want.target[0]) + Math.abs(t[1] - want.target[1])).toBeLessThan(2);
    // The cut runs from the medial cortex (the image's right on this right leg) up to the hinge.
    const cut = await lineEnds(page, 'cut');
    expect(cut[0][0]).toBeGreaterThan(cut[1][0]);
    expect(cut[0][1]).toBeGreaterThan(cut[1][1]);
    await page.locator('.film-plan-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'film-plan-knee');

    // Save as PNG: a download of a PNG, made on the page; no request carries a body.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="save-film-png"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^film-knee-\d+\.png$/);
    const png = readFileSync((await download.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The picture is the film's own size (500 × 1400), not a screenshot.
    expect(png.readUInt32BE(16)).toBe(500);
    expect(png.readUInt32BE(20)).toBe(1400);
    // Kept to look at: the saved picture must show what the screen showed.
    writeFileSync(join(ARTIFACTS_DIR, 'film-plan-knee-saved.png'), png);
    await page.locator('[data-action="film-to-handout"]').click();
    await page
      .locator('.film-plan-news')
      .filter({ hasText: /scheda/ })
      .waitFor();
    // Every feature used (plan, Save as PNG, handout, share dialog): still nothing of the film, nor
    // of the handout's copy of it, in a request, the address, the link, the caches or the storage.
    const handout = await openHandout(app, page.locator('[data-action="film-print-handout"]'));
    const copy = (await handout.locator('[data-testid="handout-film"] img').getAttribute('src'))!;
    expect(copy).toMatch(/^data:image\/png;base64,/);
    await closeHandout(app);
    await page.locator('[data-action="close-radiograph"]').click();
    await page.locator(READY_STAGE).waitFor({ state: 'attached' });
    expect(page.url()).toBe(url);
    const linkAfter = await shareLink(page);
    expect(linkAfter.length).toBeLessThanOrEqual(link.length + 8);
    expect(linkAfter).not.toMatch(/data:|blob:|png|dicm/i);
    const copyBytes = Buffer.from(copy.split(',')[1]!, 'base64');
    for (const needle of [kneePng().subarray(200, 232), copyBytes.subarray(200, 232)]) {
      const kept = await storedData(page, [...needle]);
      expect(kept.cached.length, 'the service worker has cached the app').toBeGreaterThan(0);
      expect(kept.cached.join('\n')).not.toMatch(/^(data|blob):/m);
      expect(kept.filmBytes).toBe(false);
      expect(kept.databases).toEqual([]);
      // The copy is a data URL: its text nowhere in the local storage either.
      expect(kept.local.join('\n')).not.toContain(copy.slice(64, 128));
      expect(kept.local.join('\n')).not.toMatch(/data:image|blob:/);
    }
    const session = await page.evaluate(() =>
      Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k) ?? ''}`),
    );
    expect(session.join('\n')).not.toMatch(/data:image|blob:/);
    expect(app.foreignRequests).toEqual([]);
    expect(bodies).toEqual([]);
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
  });

  test("opening DFO on a valgus knee: the cut above the knee on the femur, the hip moved, the 3D plan's angle", async () => {
    const a = VALGUS_ANGLES;
    // The model's patient has the film's angles: the 3D plan and the film's plan correct the same knee.
    const app = await open(`?p=dfo-opening&lang=en#hka=${a.hka}&mpta=${a.mpta}&ldfa=${a.ldfa}`, {
      viewport: { width: 1000, height: 800 },
    });
    const { page } = app;
    await waitForReady(app);
    const correction3d = (await readMeasure(page, 'correction'))!;
    await openFilmView(page);
    await giveFile(page, 'long-leg.png', 'image/png', kneePng(a));
    await filmBox(page);
    const { points } = kneeLandmarks(a);
    await page.locator('[data-plan-missing="dfo-opening"]').waitFor();
    for (const [x, y] of points) await clickPixel(page, x, y);
    // Attached, not visible: this plan's new load line is straight up and down, a box without width.
    await page.locator('[data-plan="load-line-new"]').waitFor({ state: 'attached' });
    expect(await page.locator('.film-plan[data-plan-procedure="dfo-opening"]').count()).toBe(1);
    // The femur turns: the hip moves, the ankle stays.
    for (const id of ['miniaci', 'target', 'hinge', 'hip-new', 'cut', 'wedge', 'wedge-edge'])
      expect(await page.locator(`[data-plan="${id}"]`).count(), id).toBeGreaterThan(0);
    expect(await page.locator('[data-plan="ankle-new"]').count()).toBe(0);

    const want = planOnFilm(points, { site: 'femur', approach: 'opening', targetWbl: 50, hingeInset: 10 })!;
    expect(want.moved).toBe('hip');
    // A valgus correction (negative), of the size the 3D plan makes on the same angles.
    const correction = (await filmValue(page, 'xr-correction'))!;
    expect(Math.abs(correction - want.correction)).toBeLessThan(0.1);
    expect(correction).toBeLessThan(-4);
    expect(Math.abs(Math.abs(correction) - Math.abs(correction3d))).toBeLessThan(1);
    expect(await page.locator('[data-warning="film-warn.knee.otherProcedure"]').count()).toBe(0);
    // Uncalibrated: the gap in pixels, as planned on the nominal plateau.
    const gap = page.locator('[data-measure="xr-gap"]');
    expect(await gap.getAttribute('data-calibrated')).toBe('false');
    expect(Math.abs(Number(await gap.getAttribute('data-pixels')) - want.gapPx)).toBeLessThan(0.5);
    expect(want.gapPx).toBeGreaterThan(5);
    expect(Math.abs((await filmValue(page, 'xr-wbl-post'))! - 50)).toBeLessThan(2);

    // The cut is on the distal femur: both its ends above the knee centre and the condyles, below
    // the femur's lower third; from the lateral cortex (the image's left) to the medial hinge.
    const knee = points[3]!;
    const condyles = Math.min(points[5]![1], points[6]![1]);
    const femur = Math.hypot(want.hip[0] - knee[0], want.hip[1] - knee[1]);
    const cut = await lineEnds(page, 'cut');
    for (const [, y] of cut) {
      expect(y).toBeLessThan(condyles);
      expect(y).toBeLessThan(knee[1]);
      expect(y).toBeGreaterThan(knee[1] - femur / 3);
    }
    expect(cut[0][0]).toBeLessThan(cut[1][0]);
    const hinge = page.locator('[data-plan="hinge"]').first();
    const h: FilmPoint = [Number(await hinge.getAttribute('cx')), Number(await hinge.getAttribute('cy'))];
    expect(Math.abs(h[0] - cut[1][0]) + Math.abs(h[1] - cut[1][1])).toBeLessThan(1);
    expect(h[0]).toBeGreaterThan(knee[0]);
    // The wedge's two edges meet at the hinge; its lips, the gap apart, open at the lateral cortex.
    const edges = page.locator('[data-plan="wedge-edge"]');
    expect(await edges.count()).toBe(2);
    const lips: FilmPoint[] = [];
    for (let i = 0; i < 2; i++) {
      const e = edges.nth(i);
      expect(Math.abs(Number(await e.getAttribute('x2')) - h[0])).toBeLessThan(1);
      expect(Math.abs(Number(await e.getAttribute('y2')) - h[1])).toBeLessThan(1);
      lips.push([Number(await e.getAttribute('x1')), Number(await e.getAttribute('y1'))]);
    }
    expect(
      Math.abs(Math.hypot(lips[0]![0] - lips[1]![0], lips[0]![1] - lips[1]![1]) - want.gapPx),
    ).toBeLessThan(Math.max(1, want.gapPx * 0.1));
    for (const [x] of lips) expect(x).toBeLessThan(knee[0]);
    // The Miniaci construction from the ankle through the target; the new load line from the moved
    // hip through the target to the ankle, the hip moved medially (towards the image's right).
    const miniaci = await lineEnds(page, 'miniaci');
    const target = page.locator('[data-plan="target"]').first();
    const t: FilmPoint = [Number(await target.getAttribute('cx')), Number(await target.getAttribute('cy'))];
    expect(Math.hypot(miniaci[0][0] - points[4]![0], miniaci[0][1] - points[4]![1])).toBeLessThan(1);
    expect(offLine(t, miniaci)).toBeLessThan(1);
    const load = await lineEnds(page, 'load-line-new');
    expect(offLine(t, load)).toBeLessThan(1);
    const hipNew = page.locator('[data-plan="hip-new"]').first();
    expect(Number(await hipNew.getAttribute('cx'))).toBeGreaterThan(want.hip[0] + 10);
    // Legible: no label of the plan lies over another, nor the moved hip's over the head's points.
    const boxes = (selector: string, attribute: string) =>
      page.locator(selector).evaluateAll(
        (els, a) =>
          els.map((e) => {
            const b = e.getBoundingClientRect();
            return { id: e.getAttribute(a) ?? '', l: b.left, r: b.right, t: b.top, b: b.bottom };
          }),
        attribute,
      );
    type Box = Awaited<ReturnType<typeof boxes>>[number];
    const overlap = (p: Box, q: Box) => p.l < q.r && q.l < p.r && p.t < q.b && q.t < p.b;
    const labels = await boxes('[data-plan-label]', 'data-plan-label');
    expect(labels.map((l) => l.id).sort()).toEqual(
      ['correction', 'gap', 'hinge', 'load-line-new', 'moved', 'target'].sort(),
    );
    const clashes = labels.flatMap((p, i) =>
      labels.slice(i + 1).flatMap((q) => (overlap(p, q) ? [`${p.id}/${q.id}`] : [])),
    );
    const moved = labels.find((l) => l.id === 'moved')!;
    for (const [i, mark] of (await boxes('.film-mark.landmark text', 'class')).slice(0, 3).entries())
      if (overlap(moved, mark)) clashes.push(`moved/landmark ${i + 1}`);
    expect(clashes).toEqual([]);
    await page.locator('.film-plan-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'film-plan-dfo');
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
  });

  test('Add to handout: the handout shows the annotated film; closing the film takes it out', async () => {
    const app = await open('?p=hto-opening&lang=en', {
      viewport: { width: 1000, height: 800 },
      prepare: countPrints,
    });
    const { page } = app;
    await waitForReady(app);
    await openFilmView(page);
    await giveFile(page, 'long-leg.png', 'image/png', kneePng());
    await filmBox(page);
    for (const [x, y] of kneeLandmarks().points) await clickPixel(page, x, y);
    await page.locator('[data-plan="load-line-new"]').waitFor();
    // Until the film is added, the film view offers no handout.
    expect(await page.locator('[data-action="film-print-handout"]').count()).toBe(0);
    await page.locator('[data-action="film-to-handout"]').click();
    const handout = await openHandout(app, page.locator('[data-action="film-print-handout"]'));
    // The handout's three pictures of the operation, and the film below them.
    expect(await handout.locator('[data-testid^="handout-frame-"] img').count()).toBe(3);
    const img = handout.locator('[data-testid="handout-film"] img');
    expect(await img.count()).toBe(1);
    const src = (await img.getAttribute('src'))!;
    expect(src).toMatch(/^(data:image\/png;base64,|blob:)/);
    const size = await img.evaluate((el: HTMLImageElement) => ({
      complete: el.complete,
      width: el.naturalWidth,
      height: el.naturalHeight,
    }));
    // The film at its own size, not a screenshot.
    expect(size).toEqual({ complete: true, width: 500, height: 1400 });
    expect((await img.boundingBox())!.height).toBeGreaterThan(50);
    // Annotated: the plan's red cut and green new load line are in the picture.
    const rgba = await decodePng(await getBrowser(), Buffer.from(src.split(',')[1]!, 'base64'), {
      x: 0,
      y: 0,
      width: size.width,
      height: size.height,
    });
    const near = ([r, g, b]: readonly number[]) => {
      let n = 0;
      for (let i = 0; i < rgba.length; i += 4)
        if (Math.abs(rgba[i]! - r!) + Math.abs(rgba[i + 1]! - g!) + Math.abs(rgba[i + 2]! - b!) < 30) n++;
      return n;
    };
    expect(near([0xff, 0x5c, 0x5c]), 'the cut').toBeGreaterThan(50);
    expect(near([0x5c, 0xe0, 0x8a]), 'the new load line').toBeGreaterThan(200);
    await screenshot(page, 'film-handout');
    await closeHandout(app);

    // Closing the film takes it out of the handout: the side panel's handout has no film.
    await page.locator('[data-action="close-radiograph"]').click();
    await page.locator('[data-testid="film-view"]').waitFor({ state: 'detached' });
    await page.locator(READY_STAGE).waitFor({ state: 'attached' });
    const again = await openHandout(app, await reach(page, 'print-handout'));
    expect(await again.locator('[data-testid^="handout-frame-"] img').count()).toBe(3);
    expect(await again.locator('[data-testid="handout-film"]').count()).toBe(0);
    expect(await again.locator('img[src^="blob:"]').count()).toBe(0);
    await closeHandout(app);
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
  });

  test('chevron: the planned M1 and P1 axes close the IMA and HVA as the 3D plan does', async () => {
    const app = await open('?p=chevron&lang=en', { viewport: { width: 1000, height: 800 } });
    const { page } = app;
    await waitForReady(app);
    const [imaPre, imaPost, hvaPre, hvaPost] = [
      await readMeasure(page, 'ima-pre'),
      await readMeasure(page, 'ima-post'),
      await readMeasure(page, 'hva-pre'),
      await readMeasure(page, 'hva-post'),
    ];
    await openFilmView(page);
    await giveFile(page, 'foot.png', 'image/png', footPng());
    await filmBox(page);
    const points = footLandmarks();
    for (const [x, y] of points) await clickPixel(page, x, y);
    await page.locator('[data-plan="m1-post"]').waitFor();
    const m1 = await lineEnds(page, 'm1-post');
    const p1 = await lineEnds(page, 'p1-post');
    const deg = 180 / Math.PI;
    const m2 = direction([points[4]!, points[5]!]);
    const filmIma = Math.abs(direction([points[0]!, points[1]!]) - m2) * deg;
    // The drawn axes measure the film's angles less the 3D plan's correction.
    expect(Math.abs(Math.abs(direction(m1) - m2) * deg - (filmIma - (imaPre! - imaPost!)))).toBeLessThan(0.5);
    const filmHva = Math.abs(direction([points[0]!, points[1]!]) - direction([points[2]!, points[3]!])) * deg;
    expect(
      Math.abs(Math.abs(direction(m1) - direction(p1)) * deg - (filmHva - (hvaPre! - hvaPost!))),
    ).toBeLessThan(0.5);
    expect(
      Number(await page.locator('[data-measure="xr-shift"]').getAttribute('data-pixels')),
    ).toBeGreaterThan(1);
    await pickTool(page, 'place-landmarks');
    await page.locator('.film-plan-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'film-plan-foot');
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
  });
});
