import { waitsForSpeech } from '../engine/narration';
import type { Timeline } from '../engine/timeline';
import type { SliceAccess } from './store';

/** Allowed playback speeds. */
export const SPEEDS = [0.5, 1, 1.5, 2] as const;

/**
 * The procedure clock. `time` changes every frame during playback: components must not subscribe
 * to it (the scene reads it with getState() in useFrame; the scrubber mutates its DOM directly).
 */
export interface Playback {
  time: number;
  /** 0-based step at `time`; components may subscribe to this one. */
  step: number;
  /**
   * While paused on a step (a link's step, the step list, the arrow keys): that step, whose key
   * frame is on show; playing from it starts the step from its beginning. Null once the clock runs
   * or the user scrubs.
   */
  key: number | null;
  /** Start of the step in `key`, s: where play resumes. */
  keyStart: number;
  total: number;
  playing: boolean;
  speed: number;
  loop: boolean;
  /**
   * While a step's sentence is being read aloud: the time (s) the clock waits at until it is done
   * (just before the step's end), at speeds that wait for it; null when nothing is being read.
   */
  hold: number | null;
  play(): void;
  pause(): void;
  toggle(): void;
  seek(time: number): void;
  setSpeed(speed: number): void;
  setLoop(loop: boolean): void;
}

/** The clock, as a slice of the app's store. */
export const playbackSlice = ({ set, get }: SliceAccess<Playback>): Playback => ({
  time: 0,
  step: 0,
  key: null,
  keyStart: 0,
  total: 0,
  playing: false,
  speed: 1,
  loop: false,
  hold: null,
  play: () => {
    const { key, keyStart, time, total } = get();
    set({ playing: true, key: null, time: key !== null ? keyStart : time >= total ? 0 : time });
  },
  pause: () => set({ playing: false }),
  toggle: () => (get().playing ? get().pause() : get().play()),
  seek: (time) => set({ time: Math.min(get().total, Math.max(0, time)), key: null }),
  setSpeed: (speed) => set({ speed: Math.min(4, Math.max(0.5, speed)) }),
  setLoop: (loop) => set({ loop }),
});

/** The step at a 0-based index, kept within the timeline. */
export const spanAt = (timeline: Timeline, step: number) =>
  timeline.spans[Math.min(timeline.spans.length - 1, Math.max(0, step))];

/** The clock resting on a step's key frame: the still its caption describes; play resumes at its start. */
export function stillOf(
  span: Timeline['spans'][number],
): Pick<Playback, 'time' | 'step' | 'key' | 'keyStart'> {
  return { time: span.key, step: span.index, key: span.index, keyStart: span.start };
}

/** The clock paused on a link's step (1-based, kept within the timeline), showing its key frame. */
export function pausedAtStep(
  timeline: Timeline,
  startStep: number,
): Pick<Playback, 'time' | 'step' | 'total' | 'playing' | 'key' | 'keyStart'> {
  return { ...stillOf(spanAt(timeline, startStep - 1)!), total: timeline.total, playing: false };
}

/** The longest step the clock takes at once, s: a slow frame still advances, never a whole step. */
const MAX_TICK_S = 0.25;

/**
 * The clock `seconds` of wall time later while playing: at its speed, looping or stopping at the end;
 * waiting at `hold` while a sentence is read there (not past it, at a speed that waits for it).
 */
export function advanced(
  clock: Pick<Playback, 'time' | 'total' | 'speed' | 'loop' | 'hold'>,
  seconds: number,
): { time: number; playing: boolean } {
  let time = clock.time + Math.min(seconds, MAX_TICK_S) * clock.speed;
  const { hold } = clock;
  if (hold !== null && clock.time <= hold && time > hold && waitsForSpeech(clock.speed)) time = hold;
  if (time >= clock.total) time = clock.loop ? 0 : clock.total;
  return { time, playing: clock.loop || time < clock.total };
}
