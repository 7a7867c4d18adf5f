/** Why a file was refused; the UI shows it by the key `film.refused.<reason>`. */
export type FilmRefusal =
  | 'notImage'
  | 'empty'
  | 'truncated'
  | 'tooSmall'
  | 'tooLarge'
  | 'svg'
  | 'noPixelData'
  | 'unsupportedSyntax'
  | 'decoderFailed'
  | 'outOfMemory';

export const FILM_REFUSALS: readonly FilmRefusal[] = [
  'notImage',
  'empty',
  'truncated',
  'tooSmall',
  'tooLarge',
  'svg',
  'noPixelData',
  'unsupportedSyntax',
  'decoderFailed',
  'outOfMemory',
];

/** A file the film view will not show, and why. */
export class FilmError extends Error {
  readonly reason: FilmRefusal;
  /** What the decoder said, for a developer's console; never shown to the user as is. */
  readonly detail: string;
  constructor(reason: FilmRefusal, detail = '') {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'FilmError';
    this.reason = reason;
    this.detail = detail;
  }
}

export const isFilmRefusal = (v: unknown): v is FilmRefusal =>
  typeof v === 'string' && (FILM_REFUSALS as readonly string[]).includes(v);

/** A decoded radiograph: one grey channel, ready to draw with a window. */
export interface DecodedFilm {
  readonly width: number;
  readonly height: number;
  /** width*height samples, 0..maxValue, row-major, top row first. */
  readonly grey: Uint16Array;
  /** 255 for 8-bit, up to 65535. */
  readonly maxValue: number;
  /**
   * The grey values center ± width/2 span black to white (before `invert`), in `grey`'s units:
   * from the file (DICOM Window Center/Width), else the full range.
   */
  readonly window: { readonly center: number; readonly width: number };
  /** MONOCHROME1: low values are white. */
  readonly invert: boolean;
  /** mm per pixel from the DICOM header, and which attribute said it. */
  readonly spacing?: { readonly mm: number; readonly source: 'pixelSpacing' | 'imagerPixelSpacing' };
  /** >1: only the first is shown (the UI says so). */
  readonly frames: number;
  readonly format: 'png' | 'jpeg' | 'webp' | 'dicom';
  /** The patient's identity from a DICOM header: kept in memory only, never shown by default nor exported. */
  readonly header?: { readonly name?: string; readonly id?: string; readonly birthDate?: string };
}

/** Below this many pixels a side a file is no radiograph (an icon, a 1×1 tracking pixel). */
export const MIN_SIDE = 64;
/**
 * The pixel budget, checked from the header before anything is decoded: a long-leg film is ~20 Mpx,
 * and 50 Mpx already takes 100 MB of grey plus 200 MB of RGBA while decoding.
 */
export const MAX_PIXELS = 50_000_000;
/**
 * No file larger than this is read at all, bytes: a 50 Mpx 16-bit film is 100 MB uncompressed, and
 * a file is held whole in memory while it is decoded.
 */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** No side longer than this (a canvas cannot hold it in most browsers). */
export const MAX_SIDE = 32_767;

/** Refuses a size that is too small or over the budget; called before decoding. */
export function checkSize(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new FilmError('notImage', 'no size');
  if (width < MIN_SIDE || height < MIN_SIDE) throw new FilmError('tooSmall', `${width}×${height}`);
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS)
    throw new FilmError('tooLarge', `${width}×${height}`);
}

/** The full range of a grey image as its window. */
export const fullWindow = (maxValue: number) => ({ center: maxValue / 2, width: maxValue });
