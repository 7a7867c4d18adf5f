import { FilmError } from './film-types';

/**
 * 16-bit greyscale PNGs (as PACS viewers export radiographs) decoded here rather than by the
 * browser, whose canvas would cut them to 8 bits and lose the depth that windowing needs.
 */

const u32 = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/** Bytes per pixel of a 16-bit greyscale PNG (colour type 0) or one with alpha (4); 0 for any other. */
function deepGreyBytes(b: Uint8Array): number {
  if (b.length < 33) return 0;
  const [depth, colour, , , interlace] = [b[24], b[25], b[26], b[27], b[28]];
  if (depth !== 16 || interlace !== 0) return 0;
  return colour === 0 ? 2 : colour === 4 ? 4 : 0;
}

export const isDeepGreyPng = (b: Uint8Array) => deepGreyBytes(b) > 0;

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'));
  try {
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new FilmError('truncated', `PNG data: ${String(e)}`);
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the five PNG row filters in place (PNG spec §9). */
function unfilter(raw: Uint8Array, width: number, height: number, bpp: number): void {
  const stride = width * bpp + 1;
  for (let y = 0; y < height; y++) {
    const row = y * stride + 1;
    const prev = row - stride;
    const filter = raw[row - 1];
    for (let i = 0; i < stride - 1; i++) {
      const a = i >= bpp ? raw[row + i - bpp]! : 0;
      const b = y > 0 ? raw[prev + i]! : 0;
      const c = y > 0 && i >= bpp ? raw[prev + i - bpp]! : 0;
      const x = raw[row + i]!;
      if (filter === 1) raw[row + i] = x + a;
      else if (filter === 2) raw[row + i] = x + b;
      else if (filter === 3) raw[row + i] = x + ((a + b) >> 1);
      else if (filter === 4) raw[row + i] = x + paeth(a, b, c);
      else if (filter !== 0) throw new FilmError('decoderFailed', `PNG filter ${filter}`);
    }
  }
}

export async function decodeDeepGreyPng(
  b: Uint8Array,
): Promise<{ width: number; height: number; grey: Uint16Array; window: { center: number; width: number } }> {
  const bpp = deepGreyBytes(b);
  const width = u32(b, 16);
  const height = u32(b, 20);
  const parts: Uint8Array[] = [];
  for (let at = 8; at + 8 <= b.length;) {
    const length = u32(b, at);
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
    if (at + 12 + length > b.length) throw new FilmError('truncated', `PNG chunk ${type}`);
    if (type === 'IDAT') parts.push(b.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const idat = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (idat.set(p, at), at + p.length), 0);
  const raw = await inflate(idat);
  if (raw.length < height * (width * bpp + 1)) throw new FilmError('truncated', 'PNG rows');
  unfilter(raw, width, height, bpp);
  const grey = new Uint16Array(width * height);
  let lo = 65535;
  let hi = 0;
  for (let y = 0; y < height; y++) {
    const row = y * (width * bpp + 1) + 1;
    for (let x = 0; x < width; x++) {
      const v = (raw[row + x * bpp]! << 8) | raw[row + x * bpp + 1]!;
      grey[y * width + x] = v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  // Exporters often store 10–12-bit values unscaled in 16 bits: the data's own range is the
  // window that shows them, where the full 0–65535 would show a black film.
  const window = hi > lo ? { center: (lo + hi) / 2, width: hi - lo } : { center: 32767.5, width: 65535 };
  return { width, height, grey, window };
}
