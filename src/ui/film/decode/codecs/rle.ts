import type { DicomImage } from '../dicom-read';
import { FilmError } from '../film-types';
import type { CodecOutput } from './codec-types';

/**
 * DICOM RLE (PS3.5 Annex G): a 64-byte header of segment offsets, then one PackBits segment per
 * byte plane (the most significant byte of each sample first, one colour after another).
 */
export function decodeRle(image: DicomImage): CodecOutput {
  const f = image.frame;
  if (f.length < 64) throw new FilmError('truncated', 'RLE header');
  const v = new DataView(f.buffer, f.byteOffset, f.byteLength);
  const segments = v.getUint32(0, true);
  const bytesPerSample = image.bitsAllocated / 8;
  const spp = image.samplesPerPixel;
  if (segments !== bytesPerSample * spp) throw new FilmError('decoderFailed', `${segments} RLE segments`);
  const n = image.rows * image.columns;
  const values = bytesPerSample === 2 ? new Uint16Array(n * spp) : new Uint8Array(n * spp);
  for (let s = 0; s < segments; s++) {
    const start = v.getUint32(4 + 4 * s, true);
    const end = s + 1 < segments ? v.getUint32(8 + 4 * s, true) : f.length;
    if (start < 64 || start > end || end > f.length) throw new FilmError('decoderFailed', 'RLE offsets');
    const plane = unpackBits(f.subarray(start, end), n);
    const sample = Math.floor(s / bytesPerSample);
    // The first segment of a sample holds its high byte.
    const shift = 8 * (bytesPerSample - 1 - (s % bytesPerSample));
    // Planes are laid out colour by colour: the result is planar.
    for (let i = 0; i < n; i++) values[sample * n + i]! |= plane[i]! << shift;
  }
  return { width: image.columns, height: image.rows, values, planar: 1, rgb: false };
}

/** PackBits: n ≥ 0 copies the next n+1 bytes, −127 ≤ n ≤ −1 repeats the next byte 1−n times. */
export function unpackBits(src: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let i = 0;
  let o = 0;
  while (i < src.length && o < size) {
    const n = (src[i++]! << 24) >> 24;
    if (n >= 0) {
      const count = Math.min(n + 1, size - o, src.length - i);
      out.set(src.subarray(i, i + count), o);
      i += n + 1;
      o += count;
    } else if (n !== -128) {
      const count = Math.min(1 - n, size - o);
      out.fill(src[i++] ?? 0, o, o + count);
      o += count;
    }
  }
  if (o < size) throw new FilmError('truncated', 'RLE segment ends early');
  return out;
}
