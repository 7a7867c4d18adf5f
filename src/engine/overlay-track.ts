import type { RegionLandmarks } from '../anatomy/landmarks';
import type { Frame } from './evaluate';
import { motionProgress, transformsAt, type Plan, type ResolvedMotion } from './plan';
import { movedLandmarks } from './post-op';

/** Measures of the bones as they lie (the current landmarks) against the patient's before surgery. */
export type OverlayMeasure<M> = (now: RegionLandmarks, pre: RegionLandmarks) => M;

/**
 * Samples through a step whose bones move, besides its key moment: a landmark swung by a ~10° wedge
 * strays from the straight line between two samples by well under 0.01 mm.
 */
const SAMPLES_PER_MOVING_STEP = 32;

/** A number in the measures, found once: where to write it in the object handed to the overlays. */
interface Slot {
  readonly holder: Record<string | number, unknown>;
  readonly key: string | number;
}

function slotsOf(value: unknown, into: Slot[] = []): Slot[] {
  if (value === null || typeof value !== 'object') return into;
  const holder = value as Record<string | number, unknown>;
  for (const key of Array.isArray(value) ? value.keys() : Object.keys(value)) {
    if (typeof holder[key] === 'number') into.push({ holder, key });
    else slotsOf(holder[key], into);
  }
  return into;
}

/**
 * A copy sharing no array or object (a measure may hand out one landmark twice, as the line before
 * surgery and the line now): each number of the copy is written on its own.
 */
function copyTree<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyTree) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyTree(v)])) as T;
}

/**
 * One step's measures at a few moments of it, each as the numbers of its slots, by how far the
 * step's motions have played (eased): a translation is then exactly linear between two samples.
 */
interface StepSamples {
  readonly played: readonly number[];
  readonly values: readonly Float64Array[];
}

/**
 * An overlay's measures through a procedure, worked out once per plan and step by the engine: a
 * step that moves no bone has one set, a step that moves some has a few along its motion (its key
 * moment among them) between which {@link at} interpolates. Reading them in a frame loop allocates
 * nothing: every call writes the same object.
 */
export class OverlayTrack<M extends object> {
  private readonly steps: (StepSamples | undefined)[] = [];
  private readonly still: M;
  private readonly out: M;
  private readonly slots: readonly Slot[];
  /** The moment `out` holds (NaN: none yet), so overlays asking in turn in one frame share one write. */
  private written = NaN;

  constructor(
    private readonly measure: OverlayMeasure<M>,
    private readonly plan: Plan | undefined,
    private readonly pre: RegionLandmarks,
  ) {
    this.still = measure(pre, pre);
    this.out = copyTree(this.still);
    this.slots = slotsOf(this.out);
  }

  /** The step the frame stands at in this plan, or -1 when it shows the patient before surgery. */
  private stepOf(frame: Frame | null): number {
    return this.plan && frame && frame.step < this.plan.proc.steps.length ? frame.step : -1;
  }

  /** One of the motions the step plays (they all play at the same eased pace), if any. */
  private motionOf(step: number): ResolvedMotion | undefined {
    return this.plan!.motions.find((r) => r.step === step);
  }

  private moves(step: number): boolean {
    return this.motionOf(step) !== undefined;
  }

  /**
   * A number that changes exactly when the measures do: the step for a step that moves no bone, a
   * number inside it that follows the progress for one that does (-1 before surgery).
   */
  moment(frame: Frame | null): number {
    const step = this.stepOf(frame);
    if (step < 0 || !this.moves(step)) return step;
    return step + 0.25 + 0.5 * frame!.progress;
  }

  /** The measures where the frame has carried the bones (the object is rewritten by the next call). */
  at(frame: Frame | null): M {
    const step = this.stepOf(frame);
    if (step < 0) return this.still;
    const moment = this.moment(frame);
    if (moment === this.written) return this.out;
    this.written = moment;
    const { played, values } = (this.steps[step] ??= this.sample(step));
    const motion = this.motionOf(step);
    const u = motion ? motionProgress(motion, step, frame!.progress) : 0;
    let i = 0;
    while (i < played.length - 2 && played[i + 1]! <= u) i++;
    const a = values[i]!;
    const b = values[Math.min(i + 1, values.length - 1)]!;
    const span = (played[i + 1] ?? 1) - played[i]!;
    const f = span > 0 ? Math.min(1, Math.max(0, (u - played[i]!) / span)) : 0;
    for (let k = 0; k < this.slots.length; k++) {
      const slot = this.slots[k]!;
      slot.holder[slot.key] = f === 0 ? a[k]! : f === 1 ? b[k]! : a[k]! + (b[k]! - a[k]!) * f;
    }
    return this.out;
  }

  private sample(step: number): StepSamples {
    const plan = this.plan!;
    const motion = this.motionOf(step);
    const moments = motion
      ? [...Array.from({ length: SAMPLES_PER_MOVING_STEP + 1 }, (_, i) => i / SAMPLES_PER_MOVING_STEP)]
      : [0];
    // The step's still is one of the samples: what a paused step shows is measured, not interpolated.
    const key = plan.proc.steps[step]!.key;
    if (motion && key !== undefined && !moments.includes(key)) moments.push(key);
    const samples = moments
      .map((p) => ({ p, played: motion ? motionProgress(motion, step, p) : 0 }))
      .sort((x, y) => x.played - y.played);
    const values = samples.map(({ p }) => {
      const transforms = transformsAt(plan, step, p);
      const measured = this.measure(movedLandmarks(plan.proc, this.pre, transforms), this.pre);
      return Float64Array.from(slotsOf(measured), (s) => s.holder[s.key] as number);
    });
    return { played: samples.map((s) => s.played), values };
  }
}

const NO_PLAN = {};
const tracks = new WeakMap<
  OverlayMeasure<object>,
  WeakMap<RegionLandmarks, WeakMap<object, OverlayTrack<object>>>
>();

/** The track of one measure for a plan (or none) and a patient, shared by every overlay that draws it. */
export function overlayTrack<M extends object>(
  measure: OverlayMeasure<M>,
  plan: Plan | undefined,
  pre: RegionLandmarks,
): OverlayTrack<M> {
  let byPre = tracks.get(measure);
  if (!byPre) tracks.set(measure, (byPre = new WeakMap()));
  let byPlan = byPre.get(pre);
  if (!byPlan) byPre.set(pre, (byPlan = new WeakMap()));
  let track = byPlan.get(plan ?? NO_PLAN);
  if (!track) byPlan.set(plan ?? NO_PLAN, (track = new OverlayTrack(measure, plan, pre)));
  return track as OverlayTrack<M>;
}
