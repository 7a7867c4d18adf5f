import type { KeyboardEvent } from 'react';
import { clampTo, listOf, movePoint, placeAt, shiftWindow } from './film-actions';
import { remember, useFilm } from './film-store';

const ARROWS: Record<string, readonly [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The film by keyboard alone: the arrows move the crosshair (Shift: ten times as far) and Enter
 * or Space places the tool's next point there; with a point selected the arrows nudge it and
 * Escape lets it go; with the contrast tool they move the grey window. `screenPx` is one screen
 * pixel in image pixels, so a step is one pixel on screen whatever the film's size.
 */
export function filmKeyDown(e: KeyboardEvent<HTMLElement>, count: number, screenPx: number): void {
  const s = useFilm.getState();
  const film = s.film;
  if (!film) return;
  const arrow = ARROWS[e.key];
  if (arrow) {
    e.preventDefault();
    const step = Math.max(1, screenPx) * (e.shiftKey ? 10 : 1);
    if (s.tool === 'contrast') {
      useFilm.setState({ window: shiftWindow(s.window, arrow[0] * 10, arrow[1] * 10, film.maxValue) });
      return;
    }
    const moved = (p: readonly [number, number]) =>
      clampTo([p[0] + arrow[0] * step, p[1] + arrow[1] * step], film.width, film.height);
    const selected = s.selected;
    const point = selected === null ? undefined : s.points[selected];
    if (selected !== null && point && s.tool === 'landmarks') {
      // One undo step per run of nudges: a held key is one correction, not fifty.
      if (!e.repeat) remember();
      movePoint('points', selected, moved(point));
      return;
    }
    useFilm.setState({ cursor: moved(s.cursor ?? [film.width / 2, film.height / 2]) });
    return;
  }
  if (e.key === 'Enter' || e.key === ' ') {
    if (!listOf(s.tool)) return;
    e.preventDefault();
    placeAt(s.tool, count, s.cursor ?? [film.width / 2, film.height / 2]);
    return;
  }
  if (e.key === 'Escape' && s.selected !== null) {
    e.preventDefault();
    e.stopPropagation();
    useFilm.setState({ selected: null });
  }
}
