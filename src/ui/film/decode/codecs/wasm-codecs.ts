import type { DicomImage } from '../dicom-read';
import { loadWasmModule, runWasmDecoder, type CodecOutput, type WasmSource } from './codec-types';

/**
 * JPEG baseline (libjpeg-turbo), JPEG-LS (CharLS) and JPEG 2000 (OpenJPEG), the decode-only
 * WebAssembly builds of the cornerstone codec packages: each glue module and its wasm are
 * fetched the first time a file needs them.
 */
export function wasmCodecs(wasm: WasmSource) {
  const jpeg = loadWasmModule(
    () => import('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs'),
    () => wasm('libjpegturbo'),
  );
  const jpegLS = loadWasmModule(
    () => import('@cornerstonejs/codec-charls/decodewasmjs'),
    () => wasm('charls'),
  );
  const jpeg2000 = loadWasmModule(
    () => import('@cornerstonejs/codec-openjpeg/decodewasmjs'),
    () => wasm('openjpeg'),
  );
  return {
    jpegBaseline: async (image: DicomImage): Promise<CodecOutput> =>
      runWasmDecoder(new (await jpeg()).JPEGDecoder(), image.frame, true),
    jpegLS: async (image: DicomImage): Promise<CodecOutput> =>
      runWasmDecoder(new (await jpegLS()).JpegLSDecoder(), image.frame, false),
    jpeg2000: async (image: DicomImage): Promise<CodecOutput> =>
      runWasmDecoder(new (await jpeg2000()).J2KDecoder(), image.frame, true),
  };
}
