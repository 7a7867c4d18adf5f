import { describe, expect, it, vi } from 'vitest';
import { decodeFilmBytes, type RasterDecoder } from '../../src/ui/film/decode/decode-bytes';
import { FilmError, MAX_PIXELS, type FilmRefusal } from '../../src/ui/film/decode/film-types';
import { rasterSize, sniffFormat } from '../../src/ui/film/decode/sniff';
import { nodeWasm } from '../fixtures/film/node-wasm';
import { jpeg, png, png16, webp } from '../fixtures/film/raster-bytes';

const text = (s: string) => new TextEncoder().encode(s);

/** Stands for the worker's createImageBitmap decoder: a grey image of the size it is given. */
function fakeRaster(width: number, height: number) {
  return vi.fn<RasterDecoder>(async () => ({ width, height, grey: new Uint16Array(width * height).fill(9) }));
}

async function refusal(
  bytes: Uint8Array,
  raster: RasterDecoder = fakeRaster(100, 100),
): Promise<FilmRefusal> {
  try {
    await decodeFilmBytes(bytes, { raster, wasm: nodeWasm });
  } catch (e) {
    expect(e).toBeInstanceOf(FilmError);
    return (e as FilmError).reason;
  }
  throw new Error('decoded, but should have been refused');
}

describe('what a file is, from its bytes', () => {
  it('knows PNG, JPEG, WebP and DICOM by their signatures', () => {
    expect(sniffFormat(png(80, 80))).toBe('png');
    expect(sniffFormat(jpeg(80, 80))).toBe('jpeg');
    expect(sniffFormat(webp('VP8L', 80, 80))).toBe('webp');
    const dcm = new Uint8Array(300);
    dcm.set(text('DICM'), 128);
    expect(sniffFormat(dcm)).toBe('dicom');
  });

  it('reads the size from each header', () => {
    expect(rasterSize('png', png(123, 77))).toEqual({ width: 123, height: 77 });
    expect(rasterSize('jpeg', jpeg(640, 480, { thumbnail: true }))).toEqual({ width: 640, height: 480 });
    expect(rasterSize('webp', webp('VP8L', 1000, 2000))).toEqual({ width: 1000, height: 2000 });
    expect(rasterSize('webp', webp('VP8X', 5000, 300))).toEqual({ width: 5000, height: 300 });
    expect(rasterSize('webp', webp('VP8 ', 640, 480))).toEqual({ width: 640, height: 480 });
  });
});

describe('files the film view refuses before decoding', () => {
  it('an empty file', async () => {
    expect(await refusal(new Uint8Array(0))).toBe('empty');
  });

  it.each([
    ['text', text('Dear colleague, the X-ray is attached.')],
    ['a GIF', text('GIF89a\x01\x00\x01\x00')],
    ['a PDF', text('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
    ['random bytes', Uint8Array.from({ length: 500 }, (_, i) => (i * 97 + 13) & 0xff)],
  ])('%s: not an image', async (_n, bytes) => {
    expect(await refusal(bytes)).toBe('notImage');
  });

  it.each([
    [
      'plain',
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script></svg>',
    ],
    [
      'with a prolog, BOM and comment',
      '\uFEFF<?xml version="1.0"?>\n<!-- x-ray --><!DOCTYPE svg>\n<svg viewBox="0 0 10 10"/>',
    ],
  ])('an SVG (%s)', async (_n, svg) => {
    expect(await refusal(text(svg))).toBe('svg');
  });

  it('a 1×1 PNG, without decoding it', async () => {
    const raster = fakeRaster(1, 1);
    expect(await refusal(png(1, 1), raster)).toBe('tooSmall');
    expect(raster).not.toHaveBeenCalled();
  });

  it('a tiny PNG whose header claims 30000 × 30000, without decoding it', async () => {
    const bytes = png(100, 1, { width: 30000, height: 30000 });
    expect(bytes.length).toBeLessThan(200);
    const raster = fakeRaster(30000, 30000);
    expect(await refusal(bytes, raster)).toBe('tooLarge');
    expect(raster).not.toHaveBeenCalled();
    expect(30000 * 30000).toBeGreaterThan(MAX_PIXELS);
  });

  it('a side longer than a canvas holds, and a WebP or JPEG over the budget', async () => {
    expect(await refusal(png(100, 1, { width: 40000, height: 100 }))).toBe('tooLarge');
    expect(await refusal(webp('VP8X', 16000, 16000))).toBe('tooLarge');
    expect(await refusal(jpeg(65000, 65000))).toBe('tooLarge');
  });

  it('files cut short', async () => {
    const p = png(100, 100);
    expect(await refusal(p.subarray(0, p.length - 20))).toBe('truncated');
    expect(await refusal(p.subarray(0, 20))).toBe('truncated');
    expect(await refusal(p.subarray(0, 5))).toBe('truncated');
    expect(await refusal(jpeg(100, 100, { end: false }))).toBe('truncated');
    // The EXIF thumbnail's end marker does not make a cut file whole.
    expect(await refusal(jpeg(100, 100, { end: false, thumbnail: true }))).toBe('truncated');
    expect(await refusal(jpeg(100, 100).subarray(0, 10))).toBe('truncated');
    const w = webp('VP8L', 100, 100);
    expect(await refusal(w.subarray(0, w.length - 4))).toBe('truncated');
    expect(await refusal(w.subarray(0, 8))).toBe('truncated');
  });
});

describe('decoding a PNG, JPEG or WebP', () => {
  it.each([
    ['png', png(100, 90)],
    ['jpeg', jpeg(100, 90)],
    ['webp', webp('VP8L', 100, 90)],
  ] as const)('hands a %s to the browser decoder and gives an 8-bit grey film', async (format, bytes) => {
    const raster = fakeRaster(100, 90);
    const film = await decodeFilmBytes(bytes, { raster, wasm: nodeWasm });
    expect(raster).toHaveBeenCalledWith(bytes, format);
    expect(film).toMatchObject({ width: 100, height: 90, maxValue: 255, invert: false, frames: 1, format });
    expect(film.window).toEqual({ center: 127.5, width: 255 });
    expect(film.spacing).toBeUndefined();
    expect(film.header).toBeUndefined();
  });

  it('names a decoder that throws, and one that runs out of memory', async () => {
    const throws: RasterDecoder = async () => {
      throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
    };
    expect(await refusal(png(100, 100), throws)).toBe('decoderFailed');
    const oom: RasterDecoder = async () => {
      throw new RangeError('Array buffer allocation failed');
    };
    expect(await refusal(png(100, 100), oom)).toBe('outOfMemory');
    const wasmOom: RasterDecoder = async () => {
      throw new Error('Aborted(Cannot enlarge memory arrays to size 2147483648 bytes (OOM))');
    };
    expect(await refusal(png(100, 100), wasmOom)).toBe('outOfMemory');
  });
});

describe('a 16-bit greyscale PNG keeps its depth', () => {
  const W = 90;
  const H = 70;
  // 12-bit values stored unscaled, as PACS exports often do, with every filter's edge cases.
  const samples = Array.from({ length: W * H }, (_, i) => 300 + ((i * 37 + (i % W) * 11) % 3700));

  it.each([
    ['grey', false],
    ['grey and alpha', true],
  ])('decodes %s exactly, without the browser (which would cut it to 8 bits)', async (_n, alpha) => {
    const raster = fakeRaster(W, H);
    const film = await decodeFilmBytes(png16(W, H, samples, alpha), { raster, wasm: nodeWasm });
    expect(raster).not.toHaveBeenCalled();
    expect(film).toMatchObject({
      width: W,
      height: H,
      maxValue: 65535,
      format: 'png',
      frames: 1,
      invert: false,
    });
    expect(Array.from(film.grey)).toEqual(samples);
    // The data's own range is the window: the full 16-bit range would show these values black.
    const lo = Math.min(...samples);
    const hi = Math.max(...samples);
    expect(film.window).toEqual({ center: (lo + hi) / 2, width: hi - lo });
  });

  it('refuses one cut inside its data', async () => {
    const bytes = png16(W, H, samples);
    const cut = new Uint8Array([
      ...bytes.subarray(0, bytes.length - 60),
      ...bytes.subarray(bytes.length - 12),
    ]);
    expect(await refusal(cut)).toBe('truncated');
  });
});
