import { decodeFilm, FilmError } from './decode-film';
import { showFilm, useFilm } from './film-store';

/** Counts the files asked for: only the last one asked for is shown (a slow one never replaces it). */
let asked = 0;

/**
 * Opens a file as the film: decoded off the main thread, never sent anywhere. A file that is not a
 * usable radiograph leaves the film shown before as it was, and says why.
 */
export async function openFilmFile(file: Blob): Promise<void> {
  const ticket = ++asked;
  useFilm.setState({ busy: true, message: { kind: 'status', key: 'film.loading' } });
  try {
    const film = await decodeFilm(file);
    if (ticket !== asked) return;
    showFilm(film);
    useFilm.setState({
      message:
        film.frames > 1
          ? { kind: 'status', key: 'film.multiFrame', values: { count: film.frames } }
          : { kind: 'status', key: 'film.opened', values: { width: film.width, height: film.height } },
    });
  } catch (error) {
    if (ticket !== asked) return;
    // Anything else a decoder throws is still a file it could not read.
    const reason = error instanceof FilmError ? error.reason : 'decoderFailed';
    useFilm.setState({ message: { kind: 'refused', reason } });
  } finally {
    if (ticket === asked) useFilm.setState({ busy: false });
  }
}

/** Whatever the view was given to open is forgotten: a file still decoding is dropped when it comes. */
export function forgetAsked(): void {
  asked++;
}

/** The first file among dropped or pasted items, if any. */
export function firstFile(items: DataTransfer | null): File | null {
  if (!items) return null;
  return items.files.length > 0 ? items.files[0]! : null;
}
