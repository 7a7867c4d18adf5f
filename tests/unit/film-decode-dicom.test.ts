import { describe, expect, it } from 'vitest';
import {
  decodeDicomBytes as decodeWith,
  decodeFilmBytes,
  type DecodeEnv,
  type RasterDecoder,
} from '../../src/ui/film/decode/decode-bytes';
import { FilmError, type FilmRefusal } from '../../src/ui/film/decode/film-types';
import { SYNTAX, dicomImage, imageElements, writeDicom } from '../fixtures/film/dicom-writer';
import { nodeWasm } from '../fixtures/film/node-wasm';

const W = 80;
const H = 70;
/** A ramp with a mark in one corner, so a flipped or shifted image shows. */
function ramp(max: number): number[] {
  const out: number[] = [];
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      out.push(x < 4 && y < 4 ? max : Math.round(((x + y * W) / (W * H - 1)) * max * 0.9));
  return out;
}
const noRaster: RasterDecoder = () => {
  throw new Error('a DICOM file must not reach the raster decoder');
};
const env: DecodeEnv = { raster: noRaster, wasm: nodeWasm };
const decodeDicomBytes = (bytes: Uint8Array) => decodeWith(bytes, nodeWasm);

async function refusal(p: Promise<unknown>): Promise<FilmRefusal> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FilmError);
    return (e as FilmError).reason;
  }
  throw new Error('decoded, but should have been refused');
}

describe('uncompressed DICOM', () => {
  it.each([
    ['implicit little endian', SYNTAX.implicitLE],
    ['explicit little endian', SYNTAX.explicitLE],
    ['explicit big endian', SYNTAX.explicitBE],
  ])('reads 8-bit MONOCHROME2, %s', async (_name, syntax) => {
    const px = ramp(255);
    const film = await decodeFilmBytes(
      dicomImage(syntax, { rows: H, columns: W, pixels: Uint8Array.from(px) }),
      env,
    );
    expect(film.format).toBe('dicom');
    expect([film.width, film.height]).toEqual([W, H]);
    expect(film.maxValue).toBe(255);
    expect(Array.from(film.grey)).toEqual(px);
    expect(film.invert).toBe(false);
    expect(film.frames).toBe(1);
    expect(film.window).toEqual({ center: 127.5, width: 255 });
    expect(film.spacing).toBeUndefined();
  });

  it.each([
    ['implicit little endian', SYNTAX.implicitLE],
    ['explicit little endian', SYNTAX.explicitLE],
    ['explicit big endian', SYNTAX.explicitBE],
  ])('reads 16-bit data with 12 bits stored and the file’s window, %s', async (_name, syntax) => {
    const px = ramp(4095);
    // Bits above Bits Stored may hold an overlay: they must be masked off.
    const withJunk = Uint16Array.from(px, (v, i) => v | (i % 7 === 0 ? 0x8000 : 0));
    const file = dicomImage(syntax, {
      rows: H,
      columns: W,
      bitsAllocated: 16,
      bitsStored: 12,
      window: [1500, 3000],
      pixels: withJunk,
    });
    const film = await decodeDicomBytes(file);
    expect(film.maxValue).toBe(4095);
    expect(Array.from(film.grey)).toEqual(px);
    expect(film.window).toEqual({ center: 1500, width: 3000 });
  });

  it('inverts MONOCHROME1 and keeps the patient’s identity only in the header', async () => {
    const patient = { name: 'Rossi^Maria', id: 'PID-0042', birthDate: '19600101' };
    const film = await decodeDicomBytes(
      dicomImage(SYNTAX.explicitLE, {
        rows: H,
        columns: W,
        photometric: 'MONOCHROME1',
        patient,
        pixels: Uint8Array.from(ramp(255)),
      }),
    );
    expect(film.invert).toBe(true);
    expect(film.header).toEqual(patient);
    // Nowhere else: the decoded film carries no other copy of it.
    const rest = { ...film, header: undefined, grey: undefined };
    expect(JSON.stringify(rest)).not.toMatch(/Rossi|PID-0042|19600101/);
  });

  it('turns the greys round for Presentation LUT Shape INVERSE, on either photometric', async () => {
    const px = Uint8Array.from(ramp(255));
    const mono2 = await decodeDicomBytes(
      dicomImage(SYNTAX.explicitLE, { rows: H, columns: W, presentationInverse: true, pixels: px }),
    );
    expect(mono2.invert).toBe(true);
    const mono1 = await decodeDicomBytes(
      dicomImage(SYNTAX.explicitLE, {
        rows: H,
        columns: W,
        photometric: 'MONOCHROME1',
        presentationInverse: true,
        pixels: px,
      }),
    );
    expect(mono1.invert).toBe(false);
  });

  it('shifts signed samples to start at 0 and moves the window (in rescaled units) with them', async () => {
    // Stored −1000…+1000 with intercept −1024, slope 2: modality value = 2·stored − 1024.
    const stored = ramp(2000).map((v) => v - 1000);
    const file = dicomImage(SYNTAX.explicitLE, {
      rows: H,
      columns: W,
      bitsAllocated: 16,
      signed: true,
      rescale: [-1024, 2],
      window: [976, 400], // stored 1000 ± 100
      pixels: Uint16Array.from(stored, (v) => v & 0xffff),
    });
    const film = await decodeDicomBytes(file);
    expect(film.maxValue).toBe(65535);
    expect(Array.from(film.grey)).toEqual(stored.map((v) => v + 32768));
    expect(film.window.center).toBeCloseTo(1000 + 32768, 9);
    expect(film.window.width).toBeCloseTo(200, 9);
  });

  it('reads signed 12-bit samples within Bits Stored', async () => {
    const stored = [-2048, -1, 0, 1, 2047];
    const px = Array.from({ length: W * H }, (_, i) => stored[i % stored.length]!);
    const file = dicomImage(SYNTAX.implicitLE, {
      rows: H,
      columns: W,
      bitsAllocated: 16,
      bitsStored: 12,
      signed: true,
      pixels: Uint16Array.from(px, (v) => v & 0x0fff),
    });
    const film = await decodeDicomBytes(file);
    expect(film.maxValue).toBe(4095);
    expect(Array.from(film.grey.subarray(0, 5))).toEqual([0, 2047, 2048, 2049, 4095]);
  });

  it('takes Pixel Spacing, else Imager Pixel Spacing, and says which', async () => {
    const px = Uint8Array.from(ramp(255));
    const both = await decodeDicomBytes(
      dicomImage(SYNTAX.explicitLE, {
        rows: H,
        columns: W,
        pixelSpacing: 0.143,
        imagerPixelSpacing: 0.15,
        pixels: px,
      }),
    );
    expect(both.spacing).toEqual({ mm: 0.143, source: 'pixelSpacing' });
    const imager = await decodeDicomBytes(
      dicomImage(SYNTAX.implicitLE, { rows: H, columns: W, imagerPixelSpacing: 0.15, pixels: px }),
    );
    expect(imager.spacing).toEqual({ mm: 0.15, source: 'imagerPixelSpacing' });
  });

  it.each([
    ['implicit', SYNTAX.implicitLE],
    ['explicit', SYNTAX.explicitLE],
  ])('reads a data set saved without preamble and meta header (%s VR)', async (_n, syntax) => {
    const px = ramp(255);
    const bare = dicomImage(
      syntax,
      { rows: H, columns: W, pixelSpacing: 0.2, pixels: Uint8Array.from(px) },
      true,
    );
    expect(String.fromCharCode(...bare.subarray(128, 132))).not.toBe('DICM');
    const film = await decodeFilmBytes(bare, env);
    expect(film.format).toBe('dicom');
    expect(Array.from(film.grey)).toEqual(px);
    expect(film.spacing).toEqual({ mm: 0.2, source: 'pixelSpacing' });
  });

  it('counts frames and shows the first', async () => {
    const first = ramp(255);
    const second = first.map((v) => 255 - v);
    const film = await decodeDicomBytes(
      dicomImage(SYNTAX.explicitLE, {
        rows: H,
        columns: W,
        frames: 3,
        pixels: Uint8Array.from([...first, ...second, ...first]),
      }),
    );
    expect(film.frames).toBe(3);
    expect(Array.from(film.grey)).toEqual(first);
  });

  it('turns an RGB secondary capture into luma', async () => {
    const rgb: number[] = [];
    for (let i = 0; i < W * H; i++) rgb.push(...(i % 2 ? [255, 0, 0] : [10, 200, 30]));
    const film = await decodeDicomBytes(
      dicomImage(SYNTAX.explicitLE, {
        rows: H,
        columns: W,
        samplesPerPixel: 3,
        photometric: 'RGB',
        pixels: Uint8Array.from(rgb),
      }),
    );
    expect(film.grey[0]).toBe(Math.round(0.299 * 10 + 0.587 * 200 + 0.114 * 30));
    expect(film.grey[1]).toBe(Math.round(0.299 * 255));
  });
});

describe('DICOM files the film view refuses', () => {
  const px = Uint8Array.from(ramp(255));

  it('one without pixel data', async () => {
    expect(await refusal(decodeFilmBytes(dicomImage(SYNTAX.explicitLE, { rows: H, columns: W }), env))).toBe(
      'noPixelData',
    );
  });

  it.each([
    ['MPEG-2 video', SYNTAX.mpeg2],
    ['deflated', SYNTAX.deflatedLE],
    ['an unknown UID', '1.2.3.4.5'],
  ])('one with an unsupported transfer syntax: %s', async (_n, syntax) => {
    expect(await refusal(decodeFilmBytes(dicomImage(syntax, { rows: H, columns: W, pixels: px }), env))).toBe(
      'unsupportedSyntax',
    );
  });

  it('one cut short inside its pixels, or inside its header', async () => {
    const file = dicomImage(SYNTAX.explicitLE, { rows: H, columns: W, pixels: px });
    expect(await refusal(decodeFilmBytes(file.subarray(0, file.length - 100), env))).toBe('truncated');
    expect(await refusal(decodeFilmBytes(file.subarray(0, 200), env))).toBe('truncated');
    expect(await refusal(decodeFilmBytes(file.subarray(0, 100), env))).toBe('truncated');
  });

  it('a 1×1 image, and one over the pixel budget, both before reading its pixels', async () => {
    expect(
      await refusal(
        decodeFilmBytes(
          dicomImage(SYNTAX.explicitLE, { rows: 1, columns: 1, pixels: new Uint8Array([7]) }),
          env,
        ),
      ),
    ).toBe('tooSmall');
    // 30000 × 30000 claimed, 16 bytes of pixels present.
    const huge = dicomImage(SYNTAX.explicitLE, { rows: 30000, columns: 30000, pixels: new Uint8Array(16) });
    expect(huge.length).toBeLessThan(1000);
    expect(await refusal(decodeFilmBytes(huge, env))).toBe('tooLarge');
  });

  it('one with a bit depth it cannot show', async () => {
    const els = imageElements({ rows: H, columns: W, pixels: px }).map((e) =>
      e.tag[0] === 0x0028 && e.tag[1] === 0x0100 ? { ...e, value: 1 } : e,
    );
    expect(await refusal(decodeFilmBytes(writeDicom(SYNTAX.explicitLE, els), env))).toBe('decoderFailed');
  });
});
