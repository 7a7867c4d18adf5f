/** Where each step sits on the procedure's clock, seconds at 1× speed. */
export interface StepSpan {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

export interface Timeline {
  readonly spans: readonly StepSpan[];
  readonly total: number;
}

export function buildTimeline(durations: readonly number[]): Timeline {
  let start = 0;
  const spans = durations.map((d, index) => {
    const span = { index, start, end: start + d };
    start += d;
    return span;
  });
  return { spans, total: start };
}

/** The step playing at time t and how far into it (0–1); t is clamped to the timeline. */
export function locate(tl: Timeline, t: number): { index: number; progress: number } {
  const time = Math.min(tl.total, Math.max(0, Number.isFinite(t) ? t : 0));
  for (const s of tl.spans) {
    if (time < s.end || s.index === tl.spans.length - 1) {
      return { index: s.index, progress: Math.min(1, (time - s.start) / (s.end - s.start)) };
    }
  }
  return { index: 0, progress: 0 };
}

/** Smooth start and stop for motions (cubic ease-in-out). */
export function ease(p: number): number {
  return p < 0.5 ? 4 * p * p * p : 1 - (-2 * p + 2) ** 3 / 2;
}
