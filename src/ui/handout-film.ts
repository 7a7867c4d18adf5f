import { create } from 'zustand';

/**
 * The patient's film with its plan, when the surgeon adds it to the handout: a data URL held in
 * this page's memory only (the page's policy lets pictures come from data: URLs, not blobs), never
 * stored or sent, dropped when replaced or when the film is closed.
 */
export const useHandoutFilm = create<{ readonly picture: string | null }>()(() => ({ picture: null }));

/** Puts a picture (a PNG data URL) in the handout, in place of any before it. */
export function setHandoutFilm(picture: string): void {
  useHandoutFilm.setState({ picture });
}

/** Takes the film out of the handout. */
export function clearHandoutFilm(): void {
  useHandoutFilm.setState({ picture: null });
}
