import { FilmError } from './film-types';

export type SniffedFormat = 'png' | 'jpeg' | 'webp' | 'dicom' | 'svg';

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

/**
 * What a file is, from its first bytes: never from its name or MIME type, which a file picker or a
 * paste may get wrong. Refuses what the film view will not show (SVG: a drawing that can run
 * scripts and fetch things, not a radiograph).
 */
export function sniffFormat(b: Uint8Array): SniffedFormat {
  if (b.length === 0) throw new FilmError('empty');
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG') return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  if (b.length >= 132 && ascii(b, 128, 4) === 'DICM') return 'dicom';
  if (bareDicomVr(b)) return 'dicom';
  if (looksLikeSvg(b)) throw new FilmError('svg');
  // A DICOM file cut before its preamble ends, or a PNG cut inside its signature.
  if (b.length < 132 && isPrefixOfKnown(b)) throw new FilmError('truncated');
  throw new FilmError('notImage');
}

/**
 * A DICOM data set saved without its Part 10 preamble and meta header (older exports): it starts
 * with an element of group 0008, with its VR spelled out ('explicit') or not ('implicit').
 */
export function bareDicomVr(b: Uint8Array): 'explicit' | 'implicit' | undefined {
  if (b.length < 140 || b[0] !== 0x08 || b[1] !== 0x00 || b[3] !== 0x00) return undefined;
  if (/^[A-Z]{2}$/.test(ascii(b, 4, 2))) return 'explicit';
  // An implicit element's 32-bit length: a first element of a few bytes to a few hundred.
  const length = b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24);
  return length > 0 && length < 1024 ? 'implicit' : undefined;
}

function looksLikeSvg(b: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 4096)).replace(/^\uFEFF/, '');
  return /^\s*</.test(head) && /<svg[\s>]/i.test(head);
}

function isPrefixOfKnown(b: Uint8Array): boolean {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 8 && b.every((v, i) => v === png[i])) return true;
  if (b.length >= 4 && b.length < 12 && ascii(b, 0, 4) === 'RIFF') return true;
  // 128 zero bytes is how nearly every DICOM preamble starts.
  return b.length >= 64 && b.every((v) => v === 0);
}

/** Pixel size of a PNG, JPEG or WebP from its header; refuses a file cut short. */
export function rasterSize(
  format: 'png' | 'jpeg' | 'webp',
  b: Uint8Array,
): { width: number; height: number } {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (format === 'png') {
    if (b.length < 33) throw new FilmError('truncated', 'PNG header');
    if (ascii(b, 12, 4) !== 'IHDR') throw new FilmError('notImage', 'PNG without IHDR');
    // Every complete PNG ends with its IEND chunk.
    if (!ascii(b, Math.max(0, b.length - 64), 64).includes('IEND'))
      throw new FilmError('truncated', 'PNG end');
    return { width: v.getUint32(16), height: v.getUint32(20) };
  }
  if (format === 'webp') {
    if (b.length < 30) throw new FilmError('truncated', 'WebP header');
    if (b.length < 8 + v.getUint32(4, true)) throw new FilmError('truncated', 'WebP size');
    const chunk = ascii(b, 12, 4);
    if (chunk === 'VP8X')
      return {
        width: 1 + (v.getUint32(24, true) & 0xffffff),
        height: 1 + (v.getUint32(27, true) & 0xffffff),
      };
    if (chunk === 'VP8L') {
      const bits = v.getUint32(21, true);
      return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
    }
    if (chunk === 'VP8 ')
      return { width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
    throw new FilmError('notImage', `WebP chunk ${chunk}`);
  }
  return jpegSize(b, v);
}

/** Start-of-frame markers (baseline, extended, progressive, lossless; Huffman and arithmetic). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks a JPEG's markers to its frame header; also used for the JPEG inside a DICOM file. */
export function jpegSize(b: Uint8Array, v: DataView): { width: number; height: number } {
  let at = 2;
  let size: { width: number; height: number } | undefined;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) throw new FilmError('decoderFailed', 'JPEG marker expected');
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    const len = v.getUint16(at + 2);
    if (SOF.has(marker) && at + 9 <= b.length)
      size = { width: v.getUint16(at + 7), height: v.getUint16(at + 5) };
    if (marker === 0xda) {
      if (!size) throw new FilmError('decoderFailed', 'JPEG scan before frame');
      // Entropy-coded data never holds FF D9 (FF is stuffed), thumbnails sit before the scan: an
      // end-of-image marker after the scan tells a complete file.
      for (let i = at + 2 + len; i + 1 < b.length; i++) if (b[i] === 0xff && b[i + 1] === 0xd9) return size;
      throw new FilmError('truncated', 'JPEG end');
    }
    at += 2 + len;
  }
  throw new FilmError('truncated', 'JPEG header');
}
