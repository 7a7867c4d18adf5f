import type { DicomImage, DicomPixelInfo } from './dicom-read';
import { FilmError, fullWindow, type DecodedFilm } from './film-types';

/**
 * One frame's samples: raw bytes laid out as uncompressed DICOM pixel data, or the numbers a
 * codec decoded (with the layout it decoded them to).
 */
export type FrameSamples =
  | { readonly bytes: Uint8Array; readonly littleEndian: boolean }
  | { readonly values: Uint8Array | Uint16Array | Int16Array; readonly planar: 0 | 1; readonly rgb: boolean };

/**
 * One grey sample per pixel from a frame's samples: masked to Bits Stored, signed values shifted
 * up by half the range so that 0 is the darkest, colour turned into luma.
 */
export function samplesToGrey(
  info: DicomPixelInfo,
  s: FrameSamples,
): { grey: Uint16Array; maxValue: number; offset: number } {
  const n = info.rows * info.columns;
  const spp = info.samplesPerPixel;
  const stored = Math.min(info.bitsStored, info.bitsAllocated);
  const mask = 2 ** stored - 1;
  const offset = info.signed ? 2 ** (stored - 1) : 0;
  const read = reader(info, s);
  const sample = (i: number): number => {
    const raw = read(i) & mask;
    // Two's complement within Bits Stored, then moved up so the range starts at 0.
    return info.signed ? (raw >= offset ? raw - 2 * offset : raw) + offset : raw;
  };
  const planar = 'values' in s ? s.planar : info.planar;
  const rgb = 'values' in s && s.rgb;
  const grey = new Uint16Array(n);
  if (spp === 1) for (let i = 0; i < n; i++) grey[i] = sample(i);
  else if (!rgb && info.photometric.startsWith('YBR')) {
    // Full-range YCbCr: its Y is the grey already.
    for (let i = 0; i < n; i++) grey[i] = sample(planar ? i : i * 3);
  } else {
    const at = planar ? (i: number, c: number) => c * n + i : (i: number, c: number) => i * 3 + c;
    for (let i = 0; i < n; i++)
      grey[i] = Math.round(0.299 * sample(at(i, 0)) + 0.587 * sample(at(i, 1)) + 0.114 * sample(at(i, 2)));
  }
  return { grey, maxValue: mask, offset };
}

function reader(info: DicomPixelInfo, s: FrameSamples): (i: number) => number {
  const need = info.rows * info.columns * info.samplesPerPixel;
  if ('values' in s) {
    if (s.values.length < need)
      throw new FilmError('decoderFailed', `decoded ${s.values.length} < ${need} samples`);
    const values = s.values;
    return (i) => values[i]!;
  }
  const wide = info.bitsAllocated === 16;
  if (s.bytes.length < need * (wide ? 2 : 1))
    throw new FilmError('truncated', 'frame shorter than the image');
  const v = new DataView(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength);
  const bytes = s.bytes;
  const le = s.littleEndian;
  return wide ? (i) => v.getUint16(i * 2, le) : (i) => bytes[i]!;
}

/** A DICOM image and its decoded first frame as the film view's grey image. */
export function dicomFilm(image: DicomImage, s: FrameSamples): DecodedFilm {
  const { grey, maxValue, offset } = samplesToGrey(image, s);
  // MONOCHROME1 stores white as 0; a Presentation LUT Shape of INVERSE turns the greys once more.
  let invert = (image.photometric === 'MONOCHROME1') !== image.inverse;
  let window = fullWindow(maxValue);
  if (image.window && image.samplesPerPixel === 1) {
    // The file's window is in modality units (stored × slope + intercept); grey holds stored + offset.
    window = {
      center: (image.window.center - image.intercept) / image.slope + offset,
      width: image.window.width / Math.abs(image.slope),
    };
    if (image.slope < 0) invert = !invert;
  }
  return {
    width: image.columns,
    height: image.rows,
    grey,
    maxValue,
    window,
    invert,
    ...(image.spacing ? { spacing: image.spacing } : {}),
    frames: image.frames,
    format: 'dicom',
    header: image.header,
  };
}
