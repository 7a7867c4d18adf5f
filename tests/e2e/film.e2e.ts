/**
 * The patient's radiograph (issue 20): a film made in the test is opened, its landmarks placed by
 * clicking the image pixels where they were drawn, and the angles read back; a DICOM film's pixel
 * spacing gives millimetres; "use these angles" poses the 3D model; hostile files are refused
 * with a message and change nothing; nothing of the film leaves the page; the keyboard alone
 * places points; the view passes axe; a kiosk offers no film.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { KNEE_ANGLES, KNEE_SIZE, kneeLandmarks, kneePng } from './film-knee';
import { FOOT_ANGLES, FOOT_SIZE, footDicom, footLandmarks, footPng } from './film-fixtures';
import { clickPixel, filmBox, filmValue, giveFile, openFilmView, pickTool, storedData } from './film-page';
import {
  describeProblems,
  pagePerTest,
  reach,
  readMeasure,
  screenshot,
  waitForReady,
  READY_STAGE,
} from './helpers';

const open = pagePerTest();
const VIEW = { viewport: { width: 900, height: 640 } };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** A patient other than the film's: the film's angles must visibly change the model. */
const OTHER_FOOT = '?region=foot&lang=en#hva=20&ima=10&dmaa=4&hvia=4';

describe('the patient radiograph', () => {
  test('foot film: landmarks give the angles, which pose the model; nothing leaves the page', async () => {
    // With the app's service worker: its caches must not take the film in either.
    const app = await open(OTHER_FOOT, { ...VIEW, serviceWorkers: 'allow' });
    const { page } = app;
    const bodies: string[] = [];
    const scripts: string[] = [];
    app.context.on('request', (r) => {
      if (r.postDataBuffer()) bodies.push(r.url());
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await waitForReady(app);
    await page.evaluate(() => navigator.serviceWorker.ready);
    expect(await readMeasure(page, 'hva-pre')).toBeCloseTo(20, 0);
    const url = page.url();
    await (await reach(page, 'share')).click();
    const link = await page.locator('[data-testid="share-link"]').inputValue();
    await page.locator('[data-testid="share-close"]').click();
    // The film view is a chunk of its own, fetched on first opening.
    expect(scripts.some((s) => /FilmView/.test(s))).toBe(false);

    await openFilmView(page);
    expect(scripts.some((s) => /FilmView/.test(s))).toBe(true);
    await giveFile(page, 'foot.png', 'image/png', footPng());
    const box = await filmBox(page);
    expect([box.naturalWidth, box.naturalHeight]).toEqual([FOOT_SIZE.width, FOOT_SIZE.height]);
    // Fit whole, the image's shape kept.
    expect(box.width / box.height).toBeCloseTo(FOOT_SIZE.width / FOOT_SIZE.height, 2);

    const points = footLandmarks();
    for (const [i, [x, y]] of points.entries()) {
      if (i === 2) await screenshot(page, 'film-foot-placing');
      await clickPixel(page, x, y);
    }
    await page.locator('[data-next-landmark]').waitFor({ state: 'detached' });
    for (const [id, want] of Object.entries(FOOT_ANGLES))
      expect(await filmValue(page, `xr-${id}`), id).toBeCloseTo(want, -0.3); // within 1°
    await screenshot(page, 'film-foot-landmarks');

    // Dragging the P1 head laterally raises the HVA live; undo puts it back.
    const b = await filmBox(page);
    const [hx, hy] = points[3]!;
    const at = (x: number, y: number) =>
      [b.x + (x * b.width) / b.naturalWidth, b.y + (y * b.height) / b.naturalHeight] as const;
    await page.mouse.move(...at(hx, hy));
    await page.mouse.down();
    await page.mouse.move(...at(hx + 40, hy), { steps: 4 });
    const dragging = await filmValue(page, 'xr-hva');
    await page.mouse.up();
    expect(dragging!).toBeGreaterThan(FOOT_ANGLES.hva + 5);
    await page.keyboard.press('Control+z');
    expect(await filmValue(page, 'xr-hva')).toBeCloseTo(FOOT_ANGLES.hva, -0.3);

    // Nothing of the film in the address, the link or the page's storage yet.
    expect(page.url()).toBe(url);

    await page.locator('[data-action="use-film-angles"]').click();
    await page.locator('.film-applied p').first().waitFor();
    await page.locator('[data-action="close-radiograph"]').click();
    await page.locator('[data-testid="film-view"]').waitFor({ state: 'detached' });
    await page.locator(READY_STAGE).waitFor({ state: 'attached' });
    for (const [id, want] of Object.entries(FOOT_ANGLES))
      expect(await readMeasure(page, `${id}-pre`), id).toBeCloseTo(want, -0.3);

    // The address changed only by the angles, which a link may carry (in its fragment).
    const [before, after] = [new URL(url), new URL(page.url())];
    expect(after.search).toBe(before.search);
    const angles = Object.keys(FOOT_ANGLES);
    expect([...new URLSearchParams(after.hash.slice(1)).keys()].filter((k) => !angles.includes(k))).toEqual(
      [],
    );
    await (await reach(page, 'share')).click();
    const linkAfter = await page.locator('[data-testid="share-link"]').inputValue();
    expect(linkAfter.length).toBeLessThanOrEqual(link.length + 8);
    expect(linkAfter).not.toMatch(/data:|blob:|png|dicm/i);
    await page.locator('[data-testid="share-close"]').click();
    // A run of the file's compressed image data: found anywhere, the film was kept.
    const kept = await storedData(page, [...footPng().subarray(200, 232)]);
    expect(kept.cached.length, 'the service worker has cached the app').toBeGreaterThan(0);
    expect(kept.filmBytes).toBe(false);
    expect(kept.databases).toEqual([]);
    expect(bodies).toEqual([]);
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
  });

  test('long-leg film: the knee landmarks give HKA, mMPTA and mLDFA, which pose the knee', async () => {
    const app = await open('?region=knee&lang=it#hka=177&mpta=86&ldfa=89', {
      viewport: { width: 1000, height: 800 },
    });
    const { page } = app;
    await waitForReady(app);
    await openFilmView(page);
    await giveFile(page, 'long-leg.png', 'image/png', kneePng());
    const box = await filmBox(page);
    expect([box.naturalWidth, box.naturalHeight]).toEqual([KNEE_SIZE.width, KNEE_SIZE.height]);
    await page.locator('[data-next-landmark="hipRim1"]').waitFor();
    for (const [x, y] of kneeLandmarks().points) await clickPixel(page, x, y);
    await page.locator('[data-next-landmark]').waitFor({ state: 'detached' });
    for (const [id, want] of Object.entries(KNEE_ANGLES))
      expect(Math.abs((await filmValue(page, `xr-${id}`))! - want), id).toBeLessThan(1);
    expect(await filmValue(page, 'xr-jlca')).not.toBeNull();
    expect(await filmValue(page, 'xr-wbl')).not.toBeNull();
    await screenshot(page, 'film-knee-landmarks');
    await page.locator('[data-action="use-film-angles"]').click();
    await page.locator('[data-action="close-radiograph"]').click();
    await page.locator(READY_STAGE).waitFor({ state: 'attached' });
    for (const [id, want] of Object.entries(KNEE_ANGLES))
      expect(Math.abs((await readMeasure(page, `${id}-pre`))! - want), id).toBeLessThan(1);
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
  });

  test('keyboard alone places a point; axe finds nothing serious on the film view', async () => {
    const app = await open('?region=foot&lang=it', VIEW);
    const { page } = app;
    await waitForReady(app);
    await openFilmView(page);
    await giveFile(page, 'foot.png', 'image/png', footPng());
    const box = await filmBox(page);
    // From the close button, the next stop of the Tab key is the film.
    await page.locator('[data-action="close-radiograph"]').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-radiograph'))).toBe(true);
    // The crosshair starts at the middle; one step is one screen pixel.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Enter');
    await page.locator('[data-next-landmark="m1Head"]').waitFor();
    const mark = page.locator('.film-mark.landmark circle').first();
    const step = box.naturalWidth / box.width;
    expect(Number(await mark.getAttribute('cx'))).toBeCloseTo(FOOT_SIZE.width / 2, 0);
    expect(Number(await mark.getAttribute('cy'))).toBeCloseTo(
      FOOT_SIZE.height / 2 - 30 * Math.max(1, step),
      0,
    );
    // Chosen from the list, the point is nudged by the arrows.
    await page.locator('.film-points summary').click();
    await page.locator('[data-landmark="m1Base"]').click();
    await page.keyboard.press('ArrowRight');
    expect(Number(await mark.getAttribute('cx'))).toBeCloseTo(FOOT_SIZE.width / 2 + Math.max(1, step), 0);
    await screenshot(page, 'film-keyboard');

    await page.evaluate(AXE);
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(c: unknown): Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run('[data-testid="film-view"]')).violations;
    })) as { id: string; impact: string | null; nodes: unknown[] }[];
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => v.id)).toEqual([]);
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
  });

  test('DICOM: pixel spacing and the ruler give millimetres; the header stays hidden', async () => {
    const app = await open('?region=foot&lang=en', VIEW);
    const { page } = app;
    await waitForReady(app);
    await openFilmView(page);
    await giveFile(page, 'foot.dcm', 'application/dicom', footDicom(0.2));
    await filmBox(page);
    await page.locator('[data-calibration="pixelSpacing"]').waitFor();
    await pickTool(page, 'measure-distance');
    await clickPixel(page, 100, 100);
    await clickPixel(page, 100, 700);
    expect(await filmValue(page, 'xr-distance')).toBeCloseTo(120, -0.3); // 600 px × 0.2 mm, within 1 mm
    // A 25 mm ball 100 pixels wide: 0.25 mm per pixel.
    await pickTool(page, 'calibrate-ruler');
    await clickPixel(page, 200, 300);
    await clickPixel(page, 300, 300);
    await page.locator('[data-calibration="ruler"]').waitFor();
    expect(await filmValue(page, 'xr-distance')).toBeCloseTo(150, -0.3);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/ROSSI|PAT-0042|1960/);
    // The contrast tool's drag, then a right-button drag with another tool, change the grey window.
    const shade = () =>
      page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('.film-canvas')!;
        const [x, y] = [Math.round(c.width * 0.47), Math.round(c.height * 0.8)];
        return c.getContext('2d')!.getImageData(x, y, 1, 1).data[0]!;
      });
    const start = await shade();
    const b = await filmBox(page);
    const drag = async (button: 'left' | 'right', dx: number, dy: number) => {
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
      await page.mouse.down({ button });
      await page.mouse.move(b.x + b.width / 2 + dx, b.y + b.height / 2 + dy, { steps: 5 });
      await page.mouse.up({ button });
    };
    await pickTool(page, 'adjust-contrast');
    await drag('left', 0, 120);
    const brighter = await shade();
    expect(brighter).not.toBe(start);
    await pickTool(page, 'place-landmarks');
    await drag('right', 0, -240);
    expect(await shade()).not.toBe(brighter);
    expect(await page.locator('.film-mark.landmark').count()).toBe(0);
    // A multi-frame file: its first frame, with a word that the others are not shown.
    await giveFile(page, 'series.dcm', 'application/dicom', footDicom(0.2, 2));
    await page.locator('[role="status"][data-film-message="film.multiFrame"]').waitFor();
    await filmBox(page);
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
  });

  test('hostile files: each refused with a message, nothing else changes', async () => {
    const app = await open('?region=foot&lang=en', VIEW);
    const { page } = app;
    await waitForReady(app);
    await openFilmView(page);
    // A PNG whose header claims 30000 × 30000 pixels, its data a small film's.
    const huge = Buffer.from(footPng());
    huge.writeUInt32BE(30000, 16);
    huge.writeUInt32BE(30000, 20);
    const files: [string, string, Buffer, string][] = [
      ['notes.txt', 'text/plain', Buffer.from('not an image at all'), 'notImage'],
      ['empty.png', 'image/png', Buffer.alloc(0), 'empty'],
      ['drawing.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg'],
      ['huge.png', 'image/png', huge, 'tooLarge'],
      ['cut.png', 'image/png', footPng().subarray(0, 2000), 'truncated'],
    ];
    for (const [name, type, buffer, reason] of files) {
      await giveFile(page, name, type, buffer);
      await page.locator(`[role="alert"][data-film-message="${reason}"]`).waitFor();
      expect(await page.locator('[data-radiograph]').count(), name).toBe(0);
    }
    await screenshot(page, 'film-refused');
    // Dropped, then pasted: a film is opened either way.
    const transfer = await page.evaluateHandle(
      (bytes) => {
        const t = new DataTransfer();
        t.items.add(new File([new Uint8Array(bytes)], 'foot.png', { type: 'image/png' }));
        return t;
      },
      [...footPng()],
    );
    await page.dispatchEvent('[data-testid="film-view"]', 'drop', { dataTransfer: transfer });
    await filmBox(page);
    await page.locator('[data-action="close-radiograph"]').click();
    await page.locator(READY_STAGE).waitFor({ state: 'attached' });
    // Closed, the film is gone: opened again, the view is empty.
    await openFilmView(page);
    expect(await page.locator('[data-radiograph]').count()).toBe(0);
    await page.evaluate(
      (t) => window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: t })),
      transfer,
    );
    await filmBox(page);
    await page.locator('[data-action="close-radiograph"]').click();
    await page.locator(READY_STAGE).waitFor({ state: 'attached' });
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
  });

  test('the film view at a phone, a tablet and a laptop size: every control in reach, 44 px, nothing sideways', async () => {
    const app = await open('?region=foot&lang=it', { viewport: { width: 390, height: 844 } });
    const { page } = app;
    await waitForReady(app);
    await openFilmView(page);
    await giveFile(page, 'foot.png', 'image/png', footPng());
    for (const [x, y] of footLandmarks().slice(0, 4)) await clickPixel(page, x, y);
    await page.locator('.film-points summary').click();
    for (const [width, height] of [
      [390, 844],
      [768, 1024],
      [1024, 768],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      await filmBox(page);
      const problems = await page.evaluate(() => {
        const found: string[] = [];
        const view = document.querySelector('[data-testid="film-view"]')!;
        const controls = [...view.querySelectorAll<HTMLElement>('button, input:not([type=file]), summary')];
        for (const el of controls) {
          const target =
            (el instanceof HTMLInputElement && el.type === 'checkbox' && el.closest('label')) || el;
          target.scrollIntoView({ block: 'center' });
          const b = target.getBoundingClientRect();
          const name = (el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 24);
          if (b.width < 43.5 || b.height < 43.5)
            found.push(`${name}: ${Math.round(b.width)}×${Math.round(b.height)}`);
          if (b.left < -0.5 || b.right > innerWidth + 0.5) found.push(`${name}: past the side edge`);
          const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
          if (!hit || !target.contains(hit)) found.push(`${name}: covered`);
        }
        if (document.documentElement.scrollWidth > innerWidth) found.push('the page scrolls sideways');
        for (const box of view.querySelectorAll<HTMLElement>('.film-side, .film-head'))
          if (box.scrollWidth > box.clientWidth + 1) found.push(`${box.className} is cut short at its side`);
        return found;
      });
      await screenshot(page, `film-layout-${width}x${height}`);
      expect(problems, `${width}×${height}`).toEqual([]);
    }
  });

  test('a kiosk offers no film', async () => {
    const app = await open('?mode=kiosk&langs=en&idle=600', VIEW);
    await app.page.locator('[data-kiosk="attract"]').waitFor();
    await app.page.locator('[data-testid="stage"]').click({ position: { x: 60, y: 200 } });
    await app.page.locator('[data-kiosk="explore"]').waitFor();
    expect(await app.page.locator('[data-action="open-radiograph"]').count()).toBe(0);
  });
});
