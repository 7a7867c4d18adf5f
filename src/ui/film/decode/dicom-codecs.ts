import type { FrameSamples } from './dicom-pixels';
import type { DicomImage } from './dicom-read';
import { FilmError } from './film-types';

/**
 * Decodes a compressed first frame. Each codec is imported only when a file needs it, so the
 * worker itself stays small and a PNG never loads a JPEG 2000 decoder.
 */
export async function decodeCompressedFrame(image: DicomImage): Promise<FrameSamples> {
  throw new FilmError('unsupportedSyntax', `${image.syntax} (${image.codec}) not yet decoded`);
}
