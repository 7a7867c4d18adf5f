import { create } from 'zustand';
import type { FilmPoint } from '../../clinical/film-measures';
import { clearHandoutFilm } from '../handout-film';
import type { DecodedFilm, FilmRefusal } from './decode-film';

/** What a press on the film does: place or move landmarks, the calibration ruler, the distance, or set the contrast. */
export type FilmTool = 'landmarks' | 'calibrate' | 'distance' | 'contrast';

/** Where the millimetres come from: the DICOM header's spacing, or the ruler on an object of known size. */
export type CalibrationSource = 'pixelSpacing' | 'imagerPixelSpacing' | 'ruler';

/** A message about the file: a refusal (an alert) or news (a status). */
export type FilmMessage =
  | { readonly kind: 'refused'; readonly reason: FilmRefusal }
  | { readonly kind: 'status'; readonly key: string; readonly values?: Record<string, string | number> };

/** What an undo brings back: every point the user has placed. */
interface Placed {
  readonly points: readonly (FilmPoint | undefined)[];
  readonly ruler: readonly FilmPoint[];
  readonly distance: readonly FilmPoint[];
}

export interface FilmState extends Placed {
  /** The decoded image: in this memory only, dropped when the view closes. */
  readonly film: DecodedFilm | null;
  readonly busy: boolean;
  readonly message: FilmMessage | null;
  /** The grey window shown, in the film's sample values. */
  readonly window: { readonly center: number; readonly width: number };
  readonly tool: FilmTool;
  /** The landmark (its index in the region's order) the arrow keys move, if any. */
  readonly selected: number | null;
  /** The keyboard's crosshair, in image pixels. */
  readonly cursor: FilmPoint | null;
  /** Where a finger or the pointer is placing or moving a point now: the loupe enlarges it. */
  readonly aim: FilmPoint | null;
  /** The calibration object's size as typed, mm (a 25 mm ball by default). */
  readonly rulerMm: number;
  readonly history: readonly Placed[];
  /** The patient's name, ID and birth date from the header are shown (hidden until asked for). */
  readonly showPatient: boolean;
}

const EMPTY: Omit<FilmState, 'rulerMm' | 'tool'> = {
  film: null,
  busy: false,
  message: null,
  window: { center: 0.5, width: 1 },
  points: [],
  ruler: [],
  distance: [],
  selected: null,
  cursor: null,
  aim: null,
  history: [],
  showPatient: false,
};

/** Undo steps kept: enough for a whole placement and its corrections. */
const MAX_HISTORY = 200;

export const useFilm = create<FilmState>()(() => ({ ...EMPTY, tool: 'landmarks', rulerMm: 25 }));

const placed = (s: FilmState): Placed => ({ points: s.points, ruler: s.ruler, distance: s.distance });

/** Remembers the points as they are now, so the next change can be undone. */
export function remember(): void {
  useFilm.setState((s) => ({ history: [...s.history, placed(s)].slice(-MAX_HISTORY) }));
}

/** Brings back the points as they were before the last change. */
export function undo(): void {
  useFilm.setState((s) => {
    const last = s.history.at(-1);
    return last ? { ...last, history: s.history.slice(0, -1), selected: null } : {};
  });
}

/** A new film: its own window, no points. */
export function showFilm(film: DecodedFilm): void {
  useFilm.setState({ ...EMPTY, film, window: film.window });
  clearHandoutFilm();
}

/** Forgets the film and everything placed on it (the view closes, or the body part changes). */
export function wipeFilm(): void {
  useFilm.setState({ ...EMPTY });
  // The handout's copy of the film goes with it.
  clearHandoutFilm();
}

/** Forgets the points only (the body part changed: another set of landmarks). */
export function clearPoints(): void {
  useFilm.setState({ points: [], ruler: [], distance: [], selected: null, history: [] });
}
