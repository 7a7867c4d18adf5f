import * as parserModule from 'dicom-parser';
import type { DataSet } from 'dicom-parser';
import { FilmError, checkSize } from './film-types';
import { bareDicomVr } from './sniff';

// dicom-parser ships a UMD bundle: Node sees only its default export, a bundler its named ones.
const dicomParser = (parserModule as unknown as { default?: typeof parserModule }).default ?? parserModule;

/** How the pixels of a transfer syntax are stored: which decoder a file needs. */
export type DicomCodec =
  'raw' | 'rawBigEndian' | 'jpegBaseline' | 'jpegLossless' | 'jpegLS' | 'jpeg2000' | 'rle';

/** The transfer syntaxes the film view reads (DICOM PS3.5 Annex A), each with its decoder. */
export const DICOM_SYNTAXES: Readonly<Record<string, DicomCodec>> = {
  '1.2.840.10008.1.2': 'raw', // implicit VR little endian
  '1.2.840.10008.1.2.1': 'raw', // explicit VR little endian
  '1.2.840.10008.1.2.2': 'rawBigEndian', // explicit VR big endian (retired, still met)
  '1.2.840.10008.1.2.4.50': 'jpegBaseline',
  '1.2.840.10008.1.2.4.57': 'jpegLossless',
  '1.2.840.10008.1.2.4.70': 'jpegLossless', // first-order prediction (SV1)
  '1.2.840.10008.1.2.4.80': 'jpegLS',
  '1.2.840.10008.1.2.4.81': 'jpegLS', // near-lossless
  '1.2.840.10008.1.2.4.90': 'jpeg2000',
  '1.2.840.10008.1.2.4.91': 'jpeg2000',
  '1.2.840.10008.1.2.5': 'rle',
};

/** What the pixels of a DICOM image are, as its header says. */
export interface DicomPixelInfo {
  readonly rows: number;
  readonly columns: number;
  readonly bitsAllocated: number;
  readonly bitsStored: number;
  /** 1: two's complement samples. */
  readonly signed: boolean;
  readonly samplesPerPixel: number;
  /** 1: all of one colour's samples, then the next colour's. */
  readonly planar: number;
  readonly photometric: string;
}

export interface DicomImage extends DicomPixelInfo {
  readonly syntax: string;
  readonly codec: DicomCodec;
  readonly frames: number;
  /** The first frame's bytes: raw samples, or one compressed stream. */
  readonly frame: Uint8Array;
  /** Window Center/Width, modality units (after the rescale). */
  readonly window?: { readonly center: number; readonly width: number };
  readonly slope: number;
  readonly intercept: number;
  /** Presentation LUT Shape INVERSE: the file asks for its greys the other way round. */
  readonly inverse: boolean;
  readonly spacing?: { readonly mm: number; readonly source: 'pixelSpacing' | 'imagerPixelSpacing' };
  readonly header: { readonly name?: string; readonly id?: string; readonly birthDate?: string };
}

const clean = (s: string | undefined) => s?.replace(/\0/g, '').trim() || undefined;

function parseError(e: unknown): FilmError {
  const inner = (e as { exception?: unknown })?.exception ?? e;
  const message = String((inner as { message?: string })?.message ?? inner);
  if (/DICM prefix not found/i.test(message)) return new FilmError('notImage', message);
  if (/overread|overrun|end of buffer|past the end|beyond|exceed|out of range|outside/i.test(message))
    return new FilmError('truncated', message);
  return new FilmError('decoderFailed', message);
}

function numberList(ds: DataSet, tag: string): number[] {
  return (clean(ds.string(tag)) ?? '').split('\\').map(Number);
}

function spacingOf(ds: DataSet): DicomImage['spacing'] {
  for (const [tag, source] of [
    ['x00280030', 'pixelSpacing'],
    ['x00181164', 'imagerPixelSpacing'],
  ] as const) {
    const [row, col] = numberList(ds, tag);
    // Row and column spacing: a radiograph's pixels are square; their mean if a file says otherwise.
    const mm = col === undefined || Number.isNaN(col) ? row : (row! + col) / 2;
    if (mm !== undefined && Number.isFinite(mm) && mm > 0) return { mm, source };
  }
  return undefined;
}

function windowOf(ds: DataSet): DicomImage['window'] {
  const center = numberList(ds, 'x00281050')[0];
  const width = numberList(ds, 'x00281051')[0];
  return center !== undefined &&
    width !== undefined &&
    Number.isFinite(center) &&
    Number.isFinite(width) &&
    width > 0
    ? { center, width }
    : undefined;
}

/**
 * Reads a DICOM Part 10 file's header and the bytes of its first frame. Refuses, before any pixel
 * is decoded, a transfer syntax without a decoder, a file without pixels and one over the budget.
 */
export function readDicom(bytes: Uint8Array): DicomImage {
  let syntax: string | undefined;
  // Without the meta header there is no transfer syntax to read: the VRs tell explicit from implicit.
  const preamble = bytes.length >= 132 && String.fromCharCode(...bytes.subarray(128, 132)) === 'DICM';
  const bare = preamble ? undefined : bareDicomVr(bytes);
  const bareSyntax = bare === 'explicit' ? '1.2.840.10008.1.2.1' : '1.2.840.10008.1.2';
  const options = bare ? { TransferSyntaxUID: bareSyntax } : {};
  try {
    syntax = bare ? bareSyntax : clean(dicomParser.readPart10Header(bytes).string('x00020010'));
  } catch (e) {
    throw parseError(e);
  }
  const codec = syntax ? DICOM_SYNTAXES[syntax] : undefined;
  if (!syntax || !codec) throw new FilmError('unsupportedSyntax', syntax ?? 'none');
  let ds: DataSet;
  try {
    ds = dicomParser.parseDicom(bytes, options);
  } catch (e) {
    throw parseError(e);
  }
  const pixels = ds.elements.x7fe00010;
  if (!pixels) throw new FilmError('noPixelData');
  const rows = ds.uint16('x00280010') ?? 0;
  const columns = ds.uint16('x00280011') ?? 0;
  checkSize(columns, rows);
  const bitsAllocated = ds.uint16('x00280100') ?? 0;
  const info: DicomPixelInfo = {
    rows,
    columns,
    bitsAllocated,
    bitsStored: ds.uint16('x00280101') ?? bitsAllocated,
    signed: ds.uint16('x00280103') === 1,
    samplesPerPixel: ds.uint16('x00280002') ?? 1,
    planar: ds.uint16('x00280006') ?? 0,
    photometric: clean(ds.string('x00280004')) ?? 'MONOCHROME2',
  };
  if (bitsAllocated !== 8 && bitsAllocated !== 16)
    throw new FilmError('decoderFailed', `${bitsAllocated} bits allocated`);
  if (info.samplesPerPixel !== 1 && info.samplesPerPixel !== 3)
    throw new FilmError('decoderFailed', `${info.samplesPerPixel} samples per pixel`);
  const frames = Math.max(1, Math.floor(Number(clean(ds.string('x00280008')) ?? 1)) || 1);
  const frame = pixels.encapsulatedPixelData ? firstFragmentFrame(ds, frames) : rawFrame(ds, info, bytes);
  const slope = Number(clean(ds.string('x00281053')) ?? 1);
  const intercept = Number(clean(ds.string('x00281052')) ?? 0);
  const spacing = spacingOf(ds);
  return {
    ...info,
    syntax,
    codec,
    frames,
    frame,
    window: windowOf(ds),
    slope: Number.isFinite(slope) && slope !== 0 ? slope : 1,
    intercept: Number.isFinite(intercept) ? intercept : 0,
    inverse: clean(ds.string('x20500020')) === 'INVERSE',
    ...(spacing ? { spacing } : {}),
    header: {
      name: clean(ds.string('x00100010')),
      id: clean(ds.string('x00100020')),
      birthDate: clean(ds.string('x00100030')),
    },
  };
}

function rawFrame(ds: DataSet, info: DicomPixelInfo, bytes: Uint8Array): Uint8Array {
  const el = ds.elements.x7fe00010!;
  const size = info.rows * info.columns * info.samplesPerPixel * (info.bitsAllocated / 8);
  if (el.dataOffset + size > bytes.length || (el.length >= 0 && el.length < size))
    throw new FilmError('truncated', 'pixel data shorter than the image');
  return bytes.subarray(el.dataOffset, el.dataOffset + size);
}

function firstFragmentFrame(ds: DataSet, frames: number): Uint8Array {
  const el = ds.elements.x7fe00010!;
  const fragments = el.fragments ?? [];
  if (fragments.length === 0) throw new FilmError('noPixelData', 'no fragments');
  try {
    if (frames === 1) return dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, 0, fragments.length);
    if ((el.basicOffsetTable ?? []).length > 0) return dicomParser.readEncapsulatedImageFrame(ds, el, 0);
    if (fragments.length === frames) return dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, 0, 1);
    // No offset table and more fragments than frames: a JPEG frame ends at its end-of-image marker.
    return dicomParser.readEncapsulatedImageFrame(ds, el, 0, dicomParser.createJPEGBasicOffsetTable(ds, el));
  } catch (e) {
    throw parseError(e);
  }
}
