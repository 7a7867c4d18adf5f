import { FilmError, isFilmRefusal, type DecodedFilm } from './decode/film-types';
import type { FilmWorkerReply } from './film-worker';

export { FilmError, FILM_REFUSALS, MAX_PIXELS, MIN_SIDE } from './decode/film-types';
export type { DecodedFilm, FilmRefusal } from './decode/film-types';

/**
 * Decodes a radiograph (PNG, JPEG, WebP or DICOM) in a worker started for this file alone and
 * ended after it, so a decoder that fails or runs out of memory takes nothing else with it, and
 * the file's memory goes with the worker. Rejects only with FilmError. The file never leaves
 * the device: it is handed to the worker, not sent anywhere.
 */
export function decodeFilm(file: Blob): Promise<DecodedFilm> {
  if (file.size === 0) return Promise.reject(new FilmError('empty'));
  return new Promise<DecodedFilm>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./film-worker.ts', import.meta.url), { type: 'module' });
    } catch (e) {
      reject(new FilmError('decoderFailed', String(e)));
      return;
    }
    const done = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<FilmWorkerReply>) => {
      done();
      const reply = event.data;
      if (reply.ok) resolve(reply.film);
      else reject(new FilmError(isFilmRefusal(reply.reason) ? reply.reason : 'decoderFailed', reply.detail));
    };
    // The worker died outside a decode (its script failed, or it was killed for memory).
    worker.onerror = (event) => {
      event.preventDefault();
      done();
      reject(
        new FilmError(/memory/i.test(event.message ?? '') ? 'outOfMemory' : 'decoderFailed', event.message),
      );
    };
    worker.onmessageerror = () => {
      done();
      reject(new FilmError('decoderFailed', 'reply could not be read'));
    };
    worker.postMessage({ file });
  });
}
