/**
 * The recovery timeline's layout: milestones (in the units the sources state them) placed on one
 * axis split into hours | days | weeks | months bands, each band as wide as the others, time running
 * evenly within a band. Pure, so the panel, the printed handout and the tests share it.
 */
import type { RecoveryMilestone } from '../procedures/types';

export type Band = 'hour' | 'day' | 'week' | 'month';

/** Days in one of each unit (a month as the calendar's mean). */
const DAYS: Readonly<Record<RecoveryMilestone['unit'], number>> = {
  minute: 1 / 1440,
  hour: 1 / 24,
  day: 1,
  week: 7,
  month: 30.44,
};

/** Where each band starts, in days after the operation. */
const BAND_START: Readonly<Record<Band, number>> = { hour: 0, day: 1, week: 14, month: 91 };
const BANDS: readonly Band[] = ['hour', 'day', 'week', 'month'];
/** Room left after the last milestone, as a share of its time. */
const TAIL = 0.15;
/** A marker's half-width as a share of the axis (a 24 px disc on a phone-wide axis of ~280 px). */
const MARKER = 0.045;

/** A milestone's start and end, in days after the operation. */
export function milestoneDays(m: RecoveryMilestone): { from: number; to: number } {
  return { from: m.at * DAYS[m.unit], to: (m.to ?? m.at) * DAYS[m.unit] };
}

/** The band a time falls in; stated in minutes or hours, the day of the operation is in the hours band. */
function bandOf(days: number, unit: RecoveryMilestone['unit']): Band {
  if (days < 1) return unit === 'minute' || unit === 'hour' ? 'hour' : 'day';
  return [...BANDS].reverse().find((b) => days >= BAND_START[b])!;
}

export interface TimelineBand {
  readonly band: Band;
  /** Left edge and width on the axis, 0–1. */
  readonly x: number;
  readonly width: number;
  /** Days at the band's left edge. */
  readonly startDays: number;
}

export interface PlacedMilestone {
  readonly milestone: RecoveryMilestone;
  /** 1-based, in time order: the marker's number and the legend's. */
  readonly n: number;
  /** Start and end on the axis, 0–1 (equal for a moment). */
  readonly x: number;
  readonly x2: number;
  /** 0 on the axis's first lane, 1 above it when the first is crowded there, … */
  readonly lane: number;
}

export interface TimelineLayout {
  readonly bands: readonly TimelineBand[];
  readonly milestones: readonly PlacedMilestone[];
  readonly lanes: number;
}

/** Bands from the first milestone's to the last one's, and every milestone placed on them. */
export function layoutRecovery(list: readonly RecoveryMilestone[]): TimelineLayout {
  if (list.length === 0) return { bands: [], milestones: [], lanes: 0 };
  const spans = list.map((m) => ({ m, ...milestoneDays(m) }));
  const first = BANDS.indexOf(bandOf(spans[0]!.from, spans[0]!.m.unit));
  const final = spans.reduce((a, b) => (b.to > a.to ? b : a));
  const lastEnd = final.to;
  const last = Math.max(first, BANDS.indexOf(bandOf(lastEnd, final.m.unit)));
  const shown = BANDS.slice(first, last + 1);
  const width = 1 / shown.length;
  const edges = shown.map((b, i) => ({
    band: b,
    from: i === 0 ? 0 : BAND_START[b],
    to:
      i < shown.length - 1
        ? BAND_START[shown[i + 1]!]
        : Math.max(lastEnd * (1 + TAIL), BAND_START[b] + 1 / 24),
  }));
  const place = (days: number): number => {
    const i = Math.max(
      0,
      edges.findLastIndex((e) => days >= e.from),
    );
    const e = edges[i]!;
    return (i + Math.min(1, (days - e.from) / (e.to - e.from))) * width;
  };
  const laneEnds: number[] = [];
  const milestones = spans.map((s, i): PlacedMilestone => {
    const x = place(s.from);
    const x2 = place(s.to);
    // The marker sits at the middle of its span; a lane takes it if nothing there reaches its start.
    const start = Math.min(x, (x + x2) / 2 - MARKER);
    const end = Math.max(x2, (x + x2) / 2 + MARKER);
    let lane = laneEnds.findIndex((taken) => start >= taken);
    if (lane < 0) lane = laneEnds.push(end) - 1;
    else laneEnds[lane] = end;
    return { milestone: s.m, n: i + 1, x, x2, lane };
  });
  return {
    bands: edges.map((e, i) => ({ band: e.band, x: i * width, width, startDays: e.from })),
    milestones,
    lanes: laneEnds.length,
  };
}

/** Whether milestones are in time order (each starts no earlier than the one before). */
export function inTimeOrder(list: readonly RecoveryMilestone[]): boolean {
  return list.every((m, i) => i === 0 || milestoneDays(m).from >= milestoneDays(list[i - 1]!).from);
}
