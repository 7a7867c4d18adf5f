/** What a codec gives back: its samples, in the layout it decoded them to. */
export interface CodecOutput {
  readonly width: number;
  readonly height: number;
  /** One number per sample; Int16Array for signed 16-bit data. */
  readonly values: Uint8Array | Uint16Array | Int16Array;
  /** 1: all of one colour's samples, then the next colour's. */
  readonly planar: 0 | 1;
  /** Colour already turned into RGB (JPEG and JPEG 2000 undo YCbCr themselves). */
  readonly rgb: boolean;
}

/** The compiled decoders the cornerstone codec packages ship as WebAssembly. */
export type WasmCodec = 'libjpegturbo' | 'charls' | 'openjpeg';

/**
 * Where a codec's WebAssembly comes from: in the worker, the build's own copy of the .wasm
 * (same origin, precached for offline use); in Node tests, the file in node_modules.
 */
export type WasmSource = (codec: WasmCodec) => Promise<ArrayBuffer | Uint8Array>;

/**
 * The part of an Emscripten module factory the codecs need, and the shape the embind decoder
 * classes of the three packages share: declared once, with the packages' modules (modules.d.ts).
 */
export type EmscriptenFactory<M> = FilmWasmFactory<M>;
export type WasmDecoder = FilmWasmDecoder;

const quiet = () => undefined;

/** Loads a module (once per worker) with its wasm, silencing the decoders' console chatter. */
export function loadWasmModule<M>(
  factory: () => Promise<{ default: EmscriptenFactory<M> } | EmscriptenFactory<M>>,
  wasm: () => Promise<ArrayBuffer | Uint8Array>,
): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () => {
    loading ??= Promise.all([factory(), wasm()]).then(([mod, wasmBinary]) => {
      const create = typeof mod === 'function' ? mod : mod.default;
      return create({ wasmBinary, print: quiet, printErr: quiet });
    });
    // A failed load is not kept: the next file may try again.
    loading.catch(() => (loading = undefined));
    return loading;
  };
}

/**
 * Runs one embind decoder over a compressed frame and copies its samples out of wasm memory
 * (the decoder's memory is freed at once: a film can be tens of MB).
 */
export function runWasmDecoder(decoder: WasmDecoder, frame: Uint8Array, rgb: boolean): CodecOutput {
  try {
    decoder.getEncodedBuffer(frame.length).set(frame);
    decoder.decode();
    const info = decoder.getFrameInfo();
    const bytes = decoder.getDecodedBuffer();
    const wide = info.bitsPerSample > 8;
    // Copied to a buffer of its own, aligned for 16-bit reads; wasm memory is little endian.
    const copy = bytes.slice().buffer;
    const values = !wide
      ? new Uint8Array(copy)
      : info.isSigned
        ? new Int16Array(copy)
        : new Uint16Array(copy);
    const interleave = decoder.getInterleaveMode?.() ?? 1;
    return {
      width: info.width,
      height: info.height,
      values,
      planar: info.componentCount > 1 && interleave === 0 ? 1 : 0,
      rgb,
    };
  } finally {
    decoder.delete();
  }
}
