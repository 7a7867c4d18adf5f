/// <reference lib="webworker" />
import { asFilmError, decodeFilmBytes, type RasterDecoder } from './decode/decode-bytes';
import type { WasmSource } from './decode/codecs/codec-types';
import type { DecodedFilm, FilmRefusal } from './decode/film-types';

/** The worker's one answer to one file. */
export type FilmWorkerReply =
  | { readonly ok: true; readonly film: DecodedFilm }
  | { readonly ok: false; readonly reason: FilmRefusal; readonly detail: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** The browser's own decoders, off the main thread: a long-leg film can take a second to decode. */
const decodeWithCanvas: RasterDecoder = async (bytes, format) => {
  const bitmap = await createImageBitmap(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: `image/${format}` }),
    {
      colorSpaceConversion: 'none',
      premultiplyAlpha: 'none',
    },
  );
  try {
    const { width, height } = bitmap;
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D context');
    ctx.drawImage(bitmap, 0, 0);
    const rgba = ctx.getImageData(0, 0, width, height).data;
    const grey = new Uint16Array(width * height);
    // Luma (Rec. 601); a greyscale file has r = g = b, so this is exact for it.
    for (let i = 0, j = 0; i < grey.length; i++, j += 4)
      grey[i] = Math.round(0.299 * rgba[j]! + 0.587 * rgba[j + 1]! + 0.114 * rgba[j + 2]!);
    return { width, height, grey };
  } finally {
    bitmap.close();
  }
};

/**
 * The codecs' WebAssembly, from the build's own copy (same origin, precached for offline use);
 * each URL module is asked for only when a file needs that codec.
 */
const URLS = {
  libjpegturbo: () => import('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasm?url'),
  charls: () => import('@cornerstonejs/codec-charls/decodewasm?url'),
  openjpeg: () => import('@cornerstonejs/codec-openjpeg/decodewasm?url'),
};
const wasmFromBuild: WasmSource = async (codec) => {
  const url = (await URLS[codec]()).default;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${codec} decoder: HTTP ${response.status}`);
  return response.arrayBuffer();
};

scope.onmessage = async (event: MessageEvent<{ readonly file: Blob }>) => {
  let reply: FilmWorkerReply;
  try {
    const bytes = new Uint8Array(await event.data.file.arrayBuffer());
    reply = {
      ok: true,
      film: await decodeFilmBytes(bytes, { raster: decodeWithCanvas, wasm: wasmFromBuild }),
    };
  } catch (e) {
    const error = asFilmError(e);
    reply = { ok: false, reason: error.reason, detail: error.detail };
  }
  scope.postMessage(reply, reply.ok ? [reply.film.grey.buffer] : []);
};
