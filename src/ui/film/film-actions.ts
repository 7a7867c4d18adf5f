import type { FilmPoint } from '../../clinical/film-measures';
import { remember, useFilm, type FilmState, type FilmTool } from './film-store';

/** The lists of points a tool places and moves. */
export type PointList = 'points' | 'ruler' | 'distance';

/** The list the tool works on (the contrast tool places none). */
export function listOf(tool: FilmTool): PointList | null {
  return tool === 'landmarks'
    ? 'points'
    : tool === 'calibrate'
      ? 'ruler'
      : tool === 'distance'
        ? 'distance'
        : null;
}

/** The next landmark to place (its index in the region's order), or null when all are placed. */
export function nextLandmark(points: FilmState['points'], count: number): number | null {
  for (let i = 0; i < count; i++) if (!points[i]) return i;
  return null;
}

/** The point of `list` nearest to `p` within `reach` image pixels, if any. */
export function pointNear(s: FilmState, list: PointList, p: FilmPoint, reach: number): number | null {
  let best: number | null = null;
  let bestDistance = reach;
  s[list].forEach((q, i) => {
    if (!q) return;
    const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
    if (d <= bestDistance) [best, bestDistance] = [i, d];
  });
  return best;
}

/**
 * Places the tool's next point at `p` (undoable): the region's next landmark, or a ruler's or the
 * distance's point (a third one starts the pair again). Returns false when there is nothing to place.
 */
export function placeAt(tool: FilmTool, count: number, p: FilmPoint): boolean {
  const s = useFilm.getState();
  const list = listOf(tool);
  if (!list) return false;
  if (list === 'points') {
    const i = nextLandmark(s.points, count);
    if (i === null) return false;
    remember();
    const points = [...s.points];
    points[i] = p;
    useFilm.setState({ points, selected: null });
    return true;
  }
  remember();
  const pair = s[list].length >= 2 ? [p] : [...s[list], p];
  useFilm.setState({ [list]: pair });
  return true;
}

/** Moves one placed point (live: the readouts follow); the caller remembers once before a drag. */
export function movePoint(list: PointList, index: number, p: FilmPoint): void {
  useFilm.setState((s) => {
    const next = [...s[list]];
    next[index] = p;
    return { [list]: next };
  });
}

/** The film's grey window moved by a drag (dx, dy in screen pixels): sideways contrast, up/down brightness. */
export function shiftWindow(start: FilmState['window'], dx: number, dy: number, maxValue: number) {
  const width = Math.min(2 * maxValue + 2, Math.max(2, start.width * Math.exp(dx / 150)));
  const center = Math.min(maxValue, Math.max(0, start.center + (dy / 300) * start.width));
  return { center, width };
}

/** A point kept within the film. */
export function clampTo(p: FilmPoint, width: number, height: number): FilmPoint {
  return [Math.min(width, Math.max(0, p[0])), Math.min(height, Math.max(0, p[1]))];
}
