import { FilmError, MAX_FILE_BYTES, isFilmRefusal, type DecodedFilm } from './decode/film-types';
import type { FilmWorkerReply } from './film-worker';

export { FilmError, FILM_REFUSALS, MAX_FILE_BYTES, MAX_PIXELS, MIN_SIDE } from './decode/film-types';
export type { DecodedFilm, FilmRefusal } from './decode/film-types';

/**
 * A decoder stuck in a loop on a crafted file is given up after this long, ms: far beyond the
 * few seconds a 50 Mpx JPEG 2000 takes on a tablet.
 */
export const DECODE_TIMEOUT_MS = 120_000;

/**
 * Decodes a radiograph (PNG, JPEG, WebP or DICOM) in a worker started for this file alone and
 * ended after it, so a decoder that fails or runs out of memory takes nothing else with it, and
 * the file's memory goes with the worker. Rejects only with FilmError. The file never leaves
 * the device: it is handed to the worker, not sent anywhere (the worker fetches only the build's
 * own decoder code and WebAssembly).
 */
export function decodeFilm(file: Blob): Promise<DecodedFilm> {
  if (file.size === 0) return Promise.reject(new FilmError('empty'));
  if (file.size > MAX_FILE_BYTES) return Promise.reject(new FilmError('tooLarge', `${file.size} bytes`));
  return new Promise<DecodedFilm>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./film-worker.ts', import.meta.url), { type: 'module' });
    } catch (e) {
      reject(new FilmError('decoderFailed', String(e)));
      return;
    }
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      worker.terminate();
      settle();
    };
    const timer = setTimeout(
      () => finish(() => reject(new FilmError('decoderFailed', 'the decoder did not finish'))),
      DECODE_TIMEOUT_MS,
    );
    worker.onmessage = (event: MessageEvent<FilmWorkerReply>) => {
      const reply = event.data;
      finish(() =>
        reply.ok
          ? resolve(reply.film)
          : reject(new FilmError(isFilmRefusal(reply.reason) ? reply.reason : 'decoderFailed', reply.detail)),
      );
    };
    // The worker died outside a decode: its script failed to load, or it was killed for memory.
    worker.onerror = (event) => {
      event.preventDefault();
      const message = event.message ?? '';
      finish(() => reject(new FilmError(/memory/i.test(message) ? 'outOfMemory' : 'decoderFailed', message)));
    };
    worker.onmessageerror = () =>
      finish(() => reject(new FilmError('decoderFailed', 'the reply could not be read')));
    worker.postMessage({ file });
  });
}
