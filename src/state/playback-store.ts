import type { Timeline } from '../engine/timeline';
import { spanAt, stillOf } from './playback-slice';
import { usePlayback } from './store';

/** The procedure's clock: the store's `playback` slice. */
export { usePlayback };
export { SPEEDS, advanced, pausedAtStep, type Playback } from './playback-slice';

/**
 * Goes to a step (0-based, clamped): while playing, to its beginning, playing on; while paused, to
 * its key frame, so the still shows what the caption says.
 */
export function goToStep(timeline: Timeline, step: number): void {
  const span = spanAt(timeline, step);
  if (!span) return;
  if (usePlayback.getState().playing) usePlayback.getState().seek(span.start);
  else usePlayback.setState(stillOf(span));
}
