import { create } from 'zustand';
import type { Timeline } from '../engine/timeline';

/** Allowed playback speeds. */
export const SPEEDS = [0.5, 1, 1.5, 2] as const;

/**
 * The procedure clock. `time` changes every frame during playback: components must not subscribe
 * to it (the scene reads it with getState() in useFrame; the scrubber mutates its DOM directly).
 */
interface Playback {
  time: number;
  /** 0-based step at `time`; components may subscribe to this one. */
  step: number;
  total: number;
  playing: boolean;
  speed: number;
  loop: boolean;
  play(): void;
  pause(): void;
  toggle(): void;
  seek(time: number): void;
  setSpeed(speed: number): void;
  setLoop(loop: boolean): void;
}

export const usePlayback = create<Playback>()((set, get) => ({
  time: 0,
  step: 0,
  total: 0,
  playing: false,
  speed: 1,
  loop: false,
  play: () => set({ playing: true, time: get().time >= get().total ? 0 : get().time }),
  pause: () => set({ playing: false }),
  toggle: () => (get().playing ? get().pause() : get().play()),
  seek: (time) => set({ time: Math.min(get().total, Math.max(0, time)) }),
  setSpeed: (speed) => set({ speed: Math.min(4, Math.max(0.5, speed)) }),
  setLoop: (loop) => set({ loop }),
}));

/** The clock paused at the start of a link's step (1-based, kept within the timeline). */
export function pausedAtStep(
  timeline: Timeline,
  startStep: number,
): Pick<Playback, 'time' | 'step' | 'total' | 'playing'> {
  const span = timeline.spans[Math.min(timeline.spans.length - 1, Math.max(0, startStep - 1))]!;
  return { time: span.start, step: span.index, total: timeline.total, playing: false };
}

/** The longest step the clock takes at once, s: a slow frame still advances, never a whole step. */
const MAX_TICK_S = 0.25;

/** The clock `seconds` of wall time later while playing: at its speed, looping or stopping at the end. */
export function advanced(
  clock: Pick<Playback, 'time' | 'total' | 'speed' | 'loop'>,
  seconds: number,
): { time: number; playing: boolean } {
  let time = clock.time + Math.min(seconds, MAX_TICK_S) * clock.speed;
  if (time >= clock.total) time = clock.loop ? 0 : clock.total;
  return { time, playing: clock.loop || time < clock.total };
}
