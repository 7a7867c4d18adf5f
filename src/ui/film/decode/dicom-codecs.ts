import type { CodecOutput, WasmSource } from './codecs/codec-types';
import type { FrameSamples } from './dicom-pixels';
import type { DicomImage } from './dicom-read';
import { FilmError } from './film-types';

type Decode = (image: DicomImage) => Promise<CodecOutput>;

/**
 * The compressed transfer syntaxes' decoders, each imported only when a file needs it, so the
 * worker itself stays small and a PNG never loads a JPEG 2000 decoder.
 */
export function compressedDecoders(
  wasm: WasmSource,
): Record<'jpegBaseline' | 'jpegLossless' | 'jpegLS' | 'jpeg2000' | 'rle', Decode> {
  let wasmSet: Promise<Awaited<ReturnType<typeof import('./codecs/wasm-codecs').wasmCodecs>>> | undefined;
  const fromWasm =
    (pick: 'jpegBaseline' | 'jpegLS' | 'jpeg2000'): Decode =>
    async (image) => {
      wasmSet ??= import('./codecs/wasm-codecs').then((m) => m.wasmCodecs(wasm));
      return (await wasmSet)[pick](image);
    };
  return {
    jpegBaseline: fromWasm('jpegBaseline'),
    jpegLS: fromWasm('jpegLS'),
    jpeg2000: fromWasm('jpeg2000'),
    jpegLossless: async (image) => (await import('./codecs/jpeg-lossless')).decodeJpegLossless(image),
    rle: async (image) => (await import('./codecs/rle')).decodeRle(image),
  };
}

/** Decodes a compressed first frame and checks it is the image the header describes. */
export async function decodeCompressedFrame(
  image: DicomImage,
  decoders: ReturnType<typeof compressedDecoders>,
): Promise<FrameSamples> {
  if (image.codec === 'raw' || image.codec === 'rawBigEndian')
    throw new FilmError('decoderFailed', 'not compressed');
  const out = await decoders[image.codec](image);
  if (out.width !== image.columns || out.height !== image.rows)
    throw new FilmError(
      'decoderFailed',
      `decoded ${out.width}×${out.height}, header ${image.columns}×${image.rows}`,
    );
  return { values: out.values, planar: out.planar, rgb: out.rgb };
}
