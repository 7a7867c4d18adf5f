/** Where each step sits on the procedure's clock, seconds at 1× speed. */
export interface StepSpan {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** The step's key frame: the moment its still shows (the end of its motion unless the step says). */
  readonly key: number;
}

export interface Timeline {
  readonly spans: readonly StepSpan[];
  readonly total: number;
}

/** How long each step lasts and where in it its key frame lies (0–1, the end when missing). */
export interface StepTiming {
  readonly duration: number;
  readonly key?: number;
}

/** A still this close to a step's end is still inside the step (its tools on show, its removals done). */
const KEY_BEFORE_END_S = 1e-3;

export function buildTimeline(steps: readonly StepTiming[]): Timeline {
  let start = 0;
  const spans = steps.map(({ duration, key = 1 }, index) => {
    const end = start + duration;
    const span = { index, start, end, key: Math.min(end - KEY_BEFORE_END_S, start + key * duration) };
    start = end;
    return span;
  });
  return { spans, total: start };
}

/** A step and how far into it (0–1). */
export interface StepAt {
  index: number;
  progress: number;
}

/**
 * The step playing at time t and how far into it (0–1); t is clamped to the timeline. Written into
 * `out` when given (a caller asking every frame makes no new object).
 */
export function locate(tl: Timeline, t: number, out: StepAt = { index: 0, progress: 0 }): StepAt {
  const time = Math.min(tl.total, Math.max(0, Number.isFinite(t) ? t : 0));
  out.index = 0;
  out.progress = 0;
  for (let i = 0; i < tl.spans.length; i++) {
    const s = tl.spans[i]!;
    if (time < s.end || i === tl.spans.length - 1) {
      out.index = s.index;
      out.progress = Math.min(1, (time - s.start) / (s.end - s.start));
      break;
    }
  }
  return out;
}

/** Smooth start and stop for motions: the procedures' kit's, which their tool paths use too. */
