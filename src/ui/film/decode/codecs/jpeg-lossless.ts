import type { DicomImage } from '../dicom-read';
import { FilmError } from '../film-types';
import { jpegSize } from '../sniff';
import type { CodecOutput } from './codec-types';

/** JPEG lossless (process 14, any predictor), with the pure-JS decoder cornerstone uses. */
export async function decodeJpegLossless(image: DicomImage): Promise<CodecOutput> {
  const { Decoder } = await import('jpeg-lossless-decoder-js');
  const f = image.frame;
  const { width, height } = jpegSize(f, new DataView(f.buffer, f.byteOffset, f.byteLength));
  if (width !== image.columns || height !== image.rows)
    throw new FilmError('decoderFailed', 'frame size differs from the header');
  const out = new Decoder().decode(f.buffer as ArrayBuffer, f.byteOffset, f.byteLength);
  // A signed image comes back as unsigned 16-bit words: the same bits, read as two's complement later.
  return { width, height, values: out, planar: 0, rgb: false };
}
