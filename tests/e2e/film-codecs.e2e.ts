/**
 * Every DICOM transfer syntax of issue 20 opens in the production build, decoded in the film
 * worker with the decoders the build ships (their WebAssembly fetched from the app's own origin,
 * under its Content-Security-Policy): a picture stored losslessly in each syntax must look exactly
 * as the same picture stored uncompressed, JPEG baseline nearly so. Files are made here with the
 * codecs' own encoders; only the issue's test surface is used (data-action="open-radiograph", the
 * view's input[type=file], [data-radiograph] with its natural size, role=alert/status).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SYNTAX, dicomImage } from '../fixtures/film/dicom-writer';
import { losslessJpeg, rleFrame, wasmEncode, type Picture } from '../fixtures/film/encoders';
import {
  READY_STAGE,
  decodePng,
  describeProblems,
  getBrowser,
  pagePerTest,
  screenshot,
  waitForReady,
} from './helpers';

const W = 160;
const H = 120;

/** Bone-bright discs on a ramp with fine texture, in `bits` bits: edges and gradients a codec must keep. */
function picture(bits: number): Picture {
  const max = 2 ** bits - 1;
  const samples: number[] = [];
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const disc = (x - 60) ** 2 + (y - 50) ** 2 < 900 || (x - 120) ** 2 + (y - 80) ** 2 < 300 ? 0.3 : 0;
      const texture = bits > 8 ? ((x * 7 + y * 13) % 5) / 80 : 0;
      samples.push(Math.round((0.05 + (0.55 * x) / W + (0.05 * y) / H + disc + texture) * max * 0.95));
    }
  return { width: W, height: H, bits, samples };
}

function dicom(syntax: string, p: Picture, pixels: Uint8Array | Uint16Array | { fragments: Uint8Array[] }) {
  return Buffer.from(
    dicomImage(syntax, {
      rows: H,
      columns: W,
      bitsAllocated: p.bits > 8 ? 16 : 8,
      bitsStored: p.bits,
      pixelSpacing: 0.15,
      pixels,
    }),
  );
}

const p12 = picture(12);
const p8 = picture(8);
/** A file of another size, given between two films so that the next one is seen to arrive. */
const spacer = Buffer.from(
  dicomImage(SYNTAX.explicitLE, { rows: 80, columns: 100, pixels: new Uint8Array(8000).fill(128) }),
);

/** Opens the film view through its control, from the top bar's menu where the bar folds it. */
async function openFilmView(page: Page): Promise<void> {
  const control = page.locator('[data-action="open-radiograph"]').first();
  const menu = await control.evaluate((el) => {
    const panel = el.closest('[popover]');
    return panel && !panel.matches(':popover-open') ? panel.id : null;
  });
  if (menu) await page.locator(`[popovertarget="${menu}"]`).click();
  await control.click();
  await page.locator('input[type=file]').first().waitFor({ state: 'attached' });
}

async function give(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name, mimeType: 'application/dicom', buffer });
}

/** Gives the film, waits for it to be drawn at its size, and returns its pixels on screen. */
async function shown(page: Page, name: string, buffer: Buffer): Promise<Uint8Array> {
  await give(page, 'spacer.dcm', spacer);
  await page.locator('[data-radiograph][data-natural-width="100"]').waitFor();
  await give(page, name, buffer);
  const film = page.locator(`[data-radiograph][data-natural-width="${W}"][data-natural-height="${H}"]`);
  await film.waitFor();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const box = (await film.boundingBox())!;
  const clip = {
    x: Math.ceil(box.x) + 2,
    y: Math.ceil(box.y) + 2,
    width: Math.floor(box.width) - 4,
    height: Math.floor(box.height) - 4,
  };
  return decodePng(await getBrowser(), await page.screenshot(), clip);
}

/** Mean and largest difference of two screen images' red channels (the film is grey). */
function difference(a: Uint8Array, b: Uint8Array) {
  let sum = 0;
  let worst = 0;
  for (let i = 0; i < a.length; i += 4) {
    const d = Math.abs(a[i]! - b[i]!);
    sum += d;
    worst = Math.max(worst, d);
  }
  return { mean: sum / (a.length / 4), worst };
}

describe('compressed DICOM films in the production build', () => {
  const open = pagePerTest();

  it('shows each lossless syntax exactly as the uncompressed file, JPEG baseline within its loss', async () => {
    const app = await open('?region=knee', { viewport: { width: 900, height: 700 } });
    const { page } = app;
    await waitForReady(app);
    await openFilmView(page);

    const reference12 = await shown(
      page,
      'raw12.dcm',
      dicom(SYNTAX.explicitLE, p12, Uint16Array.from(p12.samples)),
    );
    const reference8 = await shown(
      page,
      'raw8.dcm',
      dicom(SYNTAX.implicitLE, p8, Uint8Array.from(p8.samples)),
    );
    // The picture is on screen: a film of one flat grey would pass every comparison below.
    const ramp = difference(reference12, new Uint8Array(reference12.length));
    expect(ramp.worst).toBeGreaterThan(100);

    const lossless: [string, Buffer][] = [
      ['explicit big endian', dicom(SYNTAX.explicitBE, p12, Uint16Array.from(p12.samples))],
      ['JPEG lossless .57', dicom(SYNTAX.jpegLossless, p12, { fragments: [losslessJpeg(p12, 6)] })],
      ['JPEG lossless .70', dicom(SYNTAX.jpegLosslessSV1, p12, { fragments: [losslessJpeg(p12, 1)] })],
      ['JPEG-LS .80', dicom(SYNTAX.jpegLS, p12, { fragments: [await wasmEncode('charls', p12)] })],
      ['JPEG 2000 .90', dicom(SYNTAX.j2kLossless, p12, { fragments: [await wasmEncode('openjpeg', p12)] })],
      ['RLE', dicom(SYNTAX.rle, p12, { fragments: [rleFrame(p12)] })],
    ];
    for (const [name, file] of lossless) {
      const d = difference(await shown(page, `${name}.dcm`, file), reference12);
      expect(d.worst, `${name}\n${describeProblems(app)}`).toBe(0);
    }
    const near = await shown(
      page,
      'jpeg-ls-near.dcm',
      dicom(SYNTAX.jpegLSNear, p12, { fragments: [await wasmEncode('charls', p12, { near: 3 })] }),
    );
    expect(difference(near, reference12).worst, 'JPEG-LS .81').toBeLessThanOrEqual(2);
    const j2k = await shown(
      page,
      'j2k.dcm',
      dicom(SYNTAX.j2k, p12, { fragments: [await wasmEncode('openjpeg', p12)] }),
    );
    expect(difference(j2k, reference12).worst, 'JPEG 2000 .91').toBe(0);
    await screenshot(page, 'film-codecs-jpeg2000');
    const jpeg = await shown(
      page,
      'jpeg.dcm',
      dicom(SYNTAX.jpegBaseline, p8, { fragments: [await wasmEncode('libjpegturbo', p8)] }),
    );
    const lossy = difference(jpeg, reference8);
    expect(lossy.mean, 'JPEG baseline').toBeLessThan(1.5);

    expect(app.pageErrors, describeProblems(app)).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('names a compressed frame its decoder cannot read, and a syntax it has no decoder for; the 3D view goes on', async () => {
    const app = await open('?region=knee', { viewport: { width: 900, height: 700 } });
    const { page } = app;
    await waitForReady(app);
    await openFilmView(page);
    const garbage = { fragments: [Uint8Array.from({ length: 600 }, (_, i) => (i * 31 + 7) & 0xff)] };
    const messages = () =>
      page
        .locator('[role="alert"], [role="status"]')
        .evaluateAll((els) => els.map((e) => e.textContent ?? '').join('|'));
    for (const [name, file] of [
      ['broken-jpeg-ls.dcm', dicom(SYNTAX.jpegLS, p12, garbage)],
      ['broken-j2k.dcm', dicom(SYNTAX.j2kLossless, p12, garbage)],
      ['video.dcm', dicom(SYNTAX.mpeg2, p12, garbage)],
    ] as const) {
      await give(page, 'spacer.dcm', spacer);
      await page.locator('[data-radiograph][data-natural-width="100"]').waitFor();
      const before = await messages();
      await give(page, name, file);
      // A message about this file appears (whatever the words: film-ui owns them).
      await expect.poll(messages, { timeout: 30_000 }).not.toBe(before);
      expect((await messages()).replace(/\|/g, '').trim(), name).not.toBe('');
      expect(await page.locator(READY_STAGE).count(), name).toBe(1);
    }
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
  });
});
