import { describe, expect, it } from 'vitest';
import { decodeDicomBytes, decodeFilmBytes } from '../../src/ui/film/decode/decode-bytes';
import { FilmError } from '../../src/ui/film/decode/film-types';
import { SYNTAX, dicomImage } from '../fixtures/film/dicom-writer';
import { losslessJpeg, rleFrame, wasmEncode, type Picture } from '../fixtures/film/encoders';
import { nodeWasm } from '../fixtures/film/node-wasm';

/**
 * Each compressed transfer syntax of issue 20 decodes to the pixels it was made from: the files
 * are made here with the codecs' own encoders (or, for JPEG lossless and RLE, with small encoders
 * written from the standards), wrapped in DICOM as a radiology system sends them.
 */

const W = 96;
const H = 72;

/** A smooth film-like picture (bone-bright disc on a ramp) with fine detail, in `bits` bits. */
function picture(bits: number, opts: { signed?: boolean; smooth?: boolean } = {}): Picture {
  const max = 2 ** bits - 1;
  const samples: number[] = [];
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const disc = (x - 40) ** 2 + (y - 30) ** 2 < 400 ? 0.35 : 0;
      const detail = opts.smooth ? 0 : ((x * 7 + y * 13) % 5) / 50;
      let v = Math.round((0.1 + (0.5 * x) / W + disc + detail) * max * 0.9);
      if (opts.signed) v -= 2 ** (bits - 1);
      samples.push(v);
    }
  return { width: W, height: H, bits, samples, ...(opts.signed ? { signed: true } : {}) };
}

/** What the film should hold: signed samples shifted up by half the range. */
const expected = (p: Picture) => p.samples.map((v) => (p.signed ? v + 2 ** (p.bits - 1) : v));

function dicomOf(
  syntax: string,
  p: Picture,
  frame: Uint8Array,
  extra: { frames?: number; more?: Uint8Array[] } = {},
) {
  return dicomImage(syntax, {
    rows: p.height,
    columns: p.width,
    bitsAllocated: p.bits > 8 ? 16 : 8,
    bitsStored: p.bits,
    signed: p.signed ?? false,
    samplesPerPixel: p.components ?? 1,
    photometric: (p.components ?? 1) === 3 ? 'RGB' : 'MONOCHROME2',
    pixelSpacing: 0.15,
    ...(extra.frames ? { frames: extra.frames } : {}),
    pixels: { fragments: [frame, ...(extra.more ?? [])] },
  });
}

async function decodes(syntax: string, p: Picture, frame: Uint8Array) {
  const film = await decodeDicomBytes(dicomOf(syntax, p, frame), nodeWasm);
  expect([film.width, film.height]).toEqual([W, H]);
  expect(film.maxValue).toBe(2 ** p.bits - 1);
  expect(film.spacing).toEqual({ mm: 0.15, source: 'pixelSpacing' });
  return film;
}

describe('compressed DICOM decodes to the expected pixels', () => {
  it('JPEG baseline (1.2.840.10008.1.2.4.50), 8-bit, within the loss of quality 100', async () => {
    const p = picture(8, { smooth: true });
    const film = await decodes(SYNTAX.jpegBaseline, p, await wasmEncode('libjpegturbo', p));
    const want = expected(p);
    const worst = Math.max(...Array.from(film.grey, (v, i) => Math.abs(v - want[i]!)));
    expect(worst).toBeLessThanOrEqual(3);
  });

  it.each([
    ['1.2.840.10008.1.2.4.57, predictor 7', SYNTAX.jpegLossless, 7, 12],
    ['1.2.840.10008.1.2.4.57, predictor 4, 16 bit', SYNTAX.jpegLossless, 4, 16],
    ['1.2.840.10008.1.2.4.70 (first-order prediction)', SYNTAX.jpegLosslessSV1, 1, 12],
    ['1.2.840.10008.1.2.4.70, 8 bit', SYNTAX.jpegLosslessSV1, 1, 8],
  ])('JPEG lossless, %s, exactly', async (_name, syntax, predictor, bits) => {
    const p = picture(bits);
    const film = await decodes(syntax, p, losslessJpeg(p, predictor));
    expect(Array.from(film.grey)).toEqual(expected(p));
  });

  it.each([
    ['12-bit', picture(12)],
    ['16-bit', picture(16)],
    ['8-bit', picture(8)],
  ])('JPEG-LS lossless (1.2.840.10008.1.2.4.80), %s, exactly', async (_name, p) => {
    const film = await decodes(SYNTAX.jpegLS, p, await wasmEncode('charls', p));
    expect(Array.from(film.grey)).toEqual(expected(p));
  });

  it('JPEG-LS near-lossless (1.2.840.10008.1.2.4.81) within its error bound', async () => {
    const p = picture(12);
    const film = await decodes(SYNTAX.jpegLSNear, p, await wasmEncode('charls', p, { near: 2 }));
    const want = expected(p);
    expect(Math.max(...Array.from(film.grey, (v, i) => Math.abs(v - want[i]!)))).toBeLessThanOrEqual(2);
  });

  it.each([
    ['12-bit', picture(12)],
    ['16-bit signed', picture(16, { signed: true })],
    ['8-bit', picture(8)],
  ])('JPEG 2000 (1.2.840.10008.1.2.4.90), %s, exactly', async (_name, p) => {
    const film = await decodes(SYNTAX.j2kLossless, p, await wasmEncode('openjpeg', p));
    expect(Array.from(film.grey)).toEqual(expected(p));
  });

  it('JPEG 2000 (1.2.840.10008.1.2.4.91) stream decodes too', async () => {
    const p = picture(12);
    const film = await decodes(SYNTAX.j2k, p, await wasmEncode('openjpeg', p));
    expect(Array.from(film.grey)).toEqual(expected(p));
  });

  it.each([
    ['8-bit', picture(8)],
    ['12-bit in 16', picture(12)],
    ['16-bit signed', picture(16, { signed: true })],
  ])('RLE (1.2.840.10008.1.2.5), %s, exactly', async (_name, p) => {
    const film = await decodes(SYNTAX.rle, p, rleFrame(p));
    expect(Array.from(film.grey)).toEqual(expected(p));
  });

  it('RLE colour turns into luma', async () => {
    const grey = picture(8);
    const rgb: Picture = { ...grey, components: 3, samples: grey.samples.flatMap((v) => [v, v, v]) };
    const film = await decodes(SYNTAX.rle, rgb, rleFrame(rgb));
    expect(Array.from(film.grey)).toEqual(grey.samples);
  });

  it('shows the first frame of a multi-frame file, one fragment per frame', async () => {
    const first = picture(12);
    const second: Picture = { ...first, samples: first.samples.map((v) => 4095 - v) };
    const file = dicomOf(SYNTAX.jpegLS, first, await wasmEncode('charls', first), {
      frames: 2,
      more: [await wasmEncode('charls', second)],
    });
    const film = await decodeDicomBytes(file, nodeWasm);
    expect(film.frames).toBe(2);
    expect(Array.from(film.grey)).toEqual(expected(first));
  });
});

describe('a compressed frame the decoder cannot read', () => {
  const garbage = Uint8Array.from({ length: 400 }, (_, i) => (i * 31 + 7) & 0xff);
  it.each([
    ['JPEG baseline', SYNTAX.jpegBaseline],
    ['JPEG lossless', SYNTAX.jpegLossless],
    ['JPEG-LS', SYNTAX.jpegLS],
    ['JPEG 2000', SYNTAX.j2kLossless],
    ['RLE', SYNTAX.rle],
  ])('%s: refused as decoderFailed, not thrown raw', async (_name, syntax) => {
    const p = picture(12);
    const raster = () => Promise.reject(new Error('not a raster file'));
    const error = await decodeFilmBytes(dicomOf(syntax, p, garbage), { raster, wasm: nodeWasm }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FilmError);
    expect(['decoderFailed', 'truncated']).toContain((error as FilmError).reason);
  });

  it('a frame whose size differs from the header', async () => {
    const p = picture(12);
    const small: Picture = { ...p, width: 80, samples: p.samples.slice(0, 80 * H) };
    const error = await decodeDicomBytes(
      dicomOf(SYNTAX.jpegLS, p, await wasmEncode('charls', small)),
      nodeWasm,
    ).catch((e: unknown) => e);
    expect((error as FilmError).reason).toBe('decoderFailed');
  });
});
