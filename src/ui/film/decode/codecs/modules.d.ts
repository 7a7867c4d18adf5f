// The codec packages ship Emscripten glue without type declarations: these say what the film
// decoders use of them (the shapes codec-types.ts names EmscriptenFactory and WasmDecoder).
interface FilmWasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): {
    width: number;
    height: number;
    bitsPerSample: number;
    componentCount: number;
    isSigned?: boolean;
  };
  getDecodedBuffer(): Uint8Array;
  getInterleaveMode?(): number;
  delete(): void;
}
type FilmWasmFactory<M> = (args: {
  wasmBinary: ArrayBuffer | Uint8Array;
  print?: (s: string) => void;
  printErr?: (s: string) => void;
}) => Promise<M>;

declare module '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs' {
  const factory: FilmWasmFactory<{ JPEGDecoder: new () => FilmWasmDecoder }>;
  export default factory;
}
declare module '@cornerstonejs/codec-charls/decodewasmjs' {
  const factory: FilmWasmFactory<{ JpegLSDecoder: new () => FilmWasmDecoder }>;
  export default factory;
}
declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  const factory: FilmWasmFactory<{ J2KDecoder: new () => FilmWasmDecoder }>;
  export default factory;
}
declare module 'jpeg-lossless-decoder-js' {
  export class Decoder {
    decode(buffer: ArrayBuffer, offset: number, length: number): Uint8Array | Uint16Array;
  }
}
