import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeFilm, FilmError, MAX_FILE_BYTES } from '../../src/ui/film/decode-film';
import { decodeFilmBytes, asFilmError } from '../../src/ui/film/decode/decode-bytes';
import type { FilmWorkerReply } from '../../src/ui/film/film-worker';
import { SYNTAX, dicomImage } from '../fixtures/film/dicom-writer';
import { nodeWasm } from '../fixtures/film/node-wasm';
import { png } from '../fixtures/film/raster-bytes';

/**
 * decodeFilm's side of the worker: Node has no Worker, so a stand-in runs the same decoding as
 * film-worker.ts does (without createImageBitmap), or misbehaves as a broken worker would.
 */
type Behaviour = 'decode' | 'crash' | 'oom' | 'silent';
const started: FakeWorker[] = [];
let behaviour: Behaviour = 'decode';

class FakeWorker {
  onmessage: ((e: MessageEvent<FilmWorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  constructor(readonly url: URL) {
    started.push(this);
  }
  terminate() {
    this.terminated = true;
  }
  postMessage({ file }: { file: Blob }) {
    const fail = (message: string) =>
      this.onerror?.({ message, preventDefault: () => undefined } as unknown as ErrorEvent);
    if (behaviour === 'crash') return void setTimeout(() => fail('Uncaught SyntaxError: bad script'));
    if (behaviour === 'oom') return void setTimeout(() => fail('Uncaught RangeError: Out of memory'));
    if (behaviour === 'silent') return;
    void (async () => {
      let reply: FilmWorkerReply;
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const raster = () => Promise.reject(new Error('no browser decoder in Node'));
        reply = { ok: true, film: await decodeFilmBytes(bytes, { raster, wasm: nodeWasm }) };
      } catch (e) {
        const error = asFilmError(e);
        reply = { ok: false, reason: error.reason, detail: error.detail };
      }
      this.onmessage?.({ data: reply } as MessageEvent<FilmWorkerReply>);
    })();
  }
}

async function reason(p: Promise<unknown>) {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(FilmError);
  return (e as FilmError).reason;
}

describe('decodeFilm', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    started.length = 0;
    behaviour = 'decode';
  });
  const stub = () => vi.stubGlobal('Worker', FakeWorker);

  it('decodes in a worker of its own and ends it', async () => {
    stub();
    const bytes = dicomImage(SYNTAX.explicitLE, {
      rows: 70,
      columns: 80,
      pixels: new Uint8Array(5600).fill(9),
    });
    const film = await decodeFilm(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    expect([film.width, film.height, film.grey[0]]).toEqual([80, 70, 9]);
    expect(started).toHaveLength(1);
    expect(started[0]!.url.pathname).toMatch(/film-worker\.ts$/);
    expect(started[0]!.terminated).toBe(true);
  });

  it('refuses an empty file without starting a worker', async () => {
    stub();
    expect(await reason(decodeFilm(new Blob([])))).toBe('empty');
    expect(started).toHaveLength(0);
  });

  it('refuses a file over the byte budget without reading it', async () => {
    stub();
    const huge = {
      size: MAX_FILE_BYTES + 1,
      arrayBuffer: () => Promise.reject(new Error('read')),
    } as unknown as Blob;
    expect(await reason(decodeFilm(huge))).toBe('tooLarge');
    expect(started).toHaveLength(0);
  });

  it('passes on the worker’s refusal with its reason', async () => {
    stub();
    const huge = png(100, 1, { width: 30000, height: 30000 }) as Uint8Array<ArrayBuffer>;
    const error = (await decodeFilm(new Blob([huge])).catch((e: unknown) => e)) as FilmError;
    expect(error).toBeInstanceOf(FilmError);
    expect(error.reason).toBe('tooLarge');
    expect(error.detail).toBe('30000×30000');
    expect(started[0]!.terminated).toBe(true);
  });

  it('names a worker that dies (decoderFailed) or runs out of memory (outOfMemory)', async () => {
    stub();
    const file = new Blob([png(100, 100) as Uint8Array<ArrayBuffer>]);
    behaviour = 'crash';
    expect(await reason(decodeFilm(file))).toBe('decoderFailed');
    behaviour = 'oom';
    expect(await reason(decodeFilm(file))).toBe('outOfMemory');
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  it('gives up on a worker that never answers', async () => {
    stub();
    vi.useFakeTimers();
    behaviour = 'silent';
    const pending = reason(decodeFilm(new Blob([png(100, 100) as Uint8Array<ArrayBuffer>])));
    await vi.runAllTimersAsync();
    expect(await pending).toBe('decoderFailed');
    expect(started[0]!.terminated).toBe(true);
  });
});
