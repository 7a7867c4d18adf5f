import type { WasmSource } from './codecs/codec-types';
import { compressedDecoders, decodeCompressedFrame } from './dicom-codecs';
import { dicomFilm } from './dicom-pixels';
import { readDicom } from './dicom-read';
import { FilmError, checkSize, fullWindow, type DecodedFilm } from './film-types';
import { decodeDeepGreyPng, isDeepGreyPng } from './png-deep';
import { rasterSize, sniffFormat } from './sniff';

export type RasterFormat = 'png' | 'jpeg' | 'webp';
/** Decodes a PNG, JPEG or WebP to grey (in the worker: createImageBitmap and an OffscreenCanvas). */
export type RasterDecoder = (
  bytes: Uint8Array,
  format: RasterFormat,
) => Promise<{ readonly width: number; readonly height: number; readonly grey: Uint16Array }>;

/**
 * Any failure as one of the refusals the UI can name: a decoder that throws is `decoderFailed`,
 * one that cannot get its memory `outOfMemory`.
 */
export function asFilmError(e: unknown): FilmError {
  if (e instanceof FilmError) return e;
  const message = String((e as { message?: unknown })?.message ?? e);
  if (
    /out of memory|allocation failed|could not allocate|cannot enlarge memory|invalid (typed )?array (buffer )?length|array buffer allocation|OOM/i.test(
      message,
    )
  )
    return new FilmError('outOfMemory', message);
  if (e instanceof RangeError && /memory|alloc|length/i.test(message))
    return new FilmError('outOfMemory', message);
  return new FilmError('decoderFailed', message);
}

/** What decoding needs from where it runs (the worker, or a Node test). */
export interface DecodeEnv {
  readonly raster: RasterDecoder;
  readonly wasm: WasmSource;
}

/** Decoders per environment, so each codec module loads once per worker. */
const decoderSets = new WeakMap<WasmSource, ReturnType<typeof compressedDecoders>>();

export async function decodeDicomBytes(bytes: Uint8Array, wasm: WasmSource): Promise<DecodedFilm> {
  const image = readDicom(bytes);
  if (image.codec === 'raw' || image.codec === 'rawBigEndian')
    return dicomFilm(image, { bytes: image.frame, littleEndian: image.codec === 'raw' });
  let decoders = decoderSets.get(wasm);
  if (!decoders) decoderSets.set(wasm, (decoders = compressedDecoders(wasm)));
  return dicomFilm(image, await decodeCompressedFrame(image, decoders));
}

/**
 * A file's bytes as a grey film: what it is comes from its bytes, its size from its header,
 * checked against the pixel budget before any pixel is decoded. Rejects only with FilmError.
 */
export async function decodeFilmBytes(bytes: Uint8Array, env: DecodeEnv): Promise<DecodedFilm> {
  try {
    const format = sniffFormat(bytes);
    if (format === 'dicom') return await decodeDicomBytes(bytes, env.wasm);
    if (format === 'svg') throw new FilmError('svg');
    const size = rasterSize(format, bytes);
    checkSize(size.width, size.height);
    if (format === 'png' && isDeepGreyPng(bytes)) {
      const deep = await decodeDeepGreyPng(bytes);
      return { ...deep, maxValue: 65535, invert: false, frames: 1, format };
    }
    const { width, height, grey } = await env.raster(bytes, format);
    // The decoder may have turned the image by its EXIF orientation; the budget is the same.
    checkSize(width, height);
    return { width, height, grey, maxValue: 255, window: fullWindow(255), invert: false, frames: 1, format };
  } catch (e) {
    throw asFilmError(e);
  }
}
