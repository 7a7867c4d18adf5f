import { useRef, type PointerEvent } from 'react';
import type { FilmPoint } from '../../clinical/film-measures';
import { clampTo, listOf, movePoint, placeAt, pointNear, shiftWindow, type PointList } from './film-actions';
import { remember, useFilm } from './film-store';

/** How far from a point a press still takes it, in screen pixels: half a 44 px finger target. */
const REACH_PX = 22;

/** How far a press on a point must travel to become a drag of it, screen pixels. */
const DRAG_PX = 4;

type Drag =
  | { readonly kind: 'move'; readonly list: PointList; readonly index: number }
  | {
      readonly kind: 'press';
      readonly list: PointList;
      readonly index: number;
      readonly x: number;
      readonly y: number;
    }
  | { readonly kind: 'place' }
  | {
      readonly kind: 'window';
      readonly x: number;
      readonly y: number;
      readonly start: { readonly center: number; readonly width: number };
    };

/**
 * Pointer handling on the film: a drag that starts on a point moves it (the readouts follow live);
 * a tap places the tool's next point where it is let go (the loupe shows where, beside the finger),
 * even on top of a point already placed, as the centres of two bones meeting at a joint lie close;
 * with every point placed, a tap on one selects it for the arrow keys. The contrast tool or a
 * right-button drag moves the grey window.
 */
export function useFilmGestures(count: number) {
  const drag = useRef<Drag | null>(null);

  const at = (e: PointerEvent<HTMLElement>): FilmPoint => {
    const film = useFilm.getState().film!;
    const box = e.currentTarget.getBoundingClientRect();
    const p: FilmPoint = [
      ((e.clientX - box.left) / box.width) * film.width,
      ((e.clientY - box.top) / box.height) * film.height,
    ];
    return clampTo(p, film.width, film.height);
  };

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    const s = useFilm.getState();
    if (!s.film || (e.button !== 0 && e.button !== 2)) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus({ preventScroll: true });
    if (e.button === 2 || s.tool === 'contrast') {
      drag.current = { kind: 'window', x: e.clientX, y: e.clientY, start: s.window };
      return;
    }
    const list = listOf(s.tool)!;
    const p = at(e);
    const reach = (REACH_PX * s.film.width) / e.currentTarget.getBoundingClientRect().width;
    const index = pointNear(s, list, p, reach);
    if (index !== null) {
      drag.current = { kind: 'press', list, index, x: e.clientX, y: e.clientY };
      useFilm.setState({ aim: p });
    } else {
      drag.current = { kind: 'place' };
      useFilm.setState({ aim: p, selected: null });
    }
  };

  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    const film = useFilm.getState().film;
    if (!d || !film) return;
    if (d.kind === 'window') {
      useFilm.setState({ window: shiftWindow(d.start, e.clientX - d.x, e.clientY - d.y, film.maxValue) });
      return;
    }
    const p = at(e);
    if (d.kind === 'press' && Math.hypot(e.clientX - d.x, e.clientY - d.y) > DRAG_PX) {
      remember();
      drag.current = { kind: 'move', list: d.list, index: d.index };
      useFilm.setState({ selected: d.list === 'points' ? d.index : null });
    }
    const now = drag.current;
    if (now?.kind === 'move') movePoint(now.list, now.index, p);
    useFilm.setState({ aim: p });
  };

  const onPointerUp = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || !useFilm.getState().film) return;
    const s = useFilm.getState();
    if (d.kind === 'place') placeAt(s.tool, count, at(e));
    // A tap on a point: the next point goes there, or, with none left to place, the point is chosen.
    if (d.kind === 'press' && !placeAt(s.tool, count, at(e)) && d.list === 'points')
      useFilm.setState({ selected: s.selected === d.index ? null : d.index });
    useFilm.setState({ aim: null });
  };

  const onPointerCancel = () => {
    drag.current = null;
    useFilm.setState({ aim: null });
  };

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel };
}
