import { Matrix4 } from 'three';
import type { Vec3 } from '../anatomy/vec';
import type { ImplantUse, InstrumentKind, InstrumentUse, ToolPose, ToolTarget } from '../procedures/types';
import { bodyMatrix, motionProgress, transformsAt, type Plan, type ResolvedMotion } from './plan';
import { transformDirectionInto, transformPointInto } from './rigid';
import { locate, type StepAt } from './timeline';

/** A tool or implant as the scene draws it. */
export interface ToolState {
  readonly id: string;
  readonly kind: InstrumentKind;
  readonly pose: ToolPose;
  readonly action?: 'oscillate' | 'spin';
  /** mm, for screws. */
  readonly length?: number;
  /** Made-to-measure sizes (graft wedge, plate). */
  readonly shape?: readonly number[];
  /** Where the technique puts its working tip (procedure data). */
  readonly target?: ToolTarget;
}

/** Everything the scene and the captions need at one instant of a procedure. */
export interface Frame {
  readonly time: number;
  /** 0-based step index and the progress through it (0–1). */
  readonly step: number;
  readonly progress: number;
  /** Column-major 4×4 per moving body (fragment or part), region frame. */
  readonly transforms: Readonly<Record<string, readonly number[]>>;
  /** Cuts made by now: from the start of its step a cut bone is drawn as its fragments. */
  readonly cuts: readonly string[];
  /** Bodies taken away by now (shown until the end of the step that removes them). */
  readonly removed: readonly string[];
  readonly instruments: readonly ToolState[];
  readonly implants: readonly ToolState[];
  readonly skin: boolean;
  readonly camera: { readonly target: Vec3; readonly position: Vec3 };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type WritableVec3 = [number, number, number];

/** What a frame holds that the next evaluation overwrites in place. */
interface FrameBuffers {
  plan: Plan | null;
  /** One tool state per tool or implant use of the plan, kept between evaluations. */
  readonly tools: Map<InstrumentUse, Mutable<ToolState>>;
  /** An implant's pose once it rides on its body (its own arrays, rewritten each evaluation). */
  readonly ridden: Map<
    ImplantUse,
    { tip: WritableVec3; direction: WritableVec3; up?: WritableVec3; size?: number }
  >;
}

/** What never changes for a plan, worked out once per plan and shared by every frame. */
interface PlanTables {
  /** Per step: the cuts made by then. */
  readonly cutsAt: readonly (readonly string[])[];
  /** Per step: the bodies removed before it, and those removed by its end. */
  readonly removedBefore: readonly (readonly string[])[];
  readonly removedThrough: readonly (readonly string[])[];
  /**
   * Per implant, filled when first needed (a slider drag plans again and again at the first step,
   * where no implant is in yet): its pose where it was placed, and the inverse of its body's matrix then.
   */
  readonly placed: Map<ImplantUse, { readonly pose: ToolPose; readonly inverse: Matrix4 }>;
}

const buffers = new WeakMap<Frame, FrameBuffers>();
const tables = new WeakMap<Plan, PlanTables>();
const scratch = new Matrix4();
const located: StepAt = { index: 0, progress: 0 };
const NONE: readonly never[] = [];
/** A tool's pose until its first evaluation writes the real one. */
const UNPLACED: ToolPose = { tip: [0, 0, 0], direction: [0, 0, 1] };

// An implant riding on its body asks each motion's progress through a callback: one function made
// once, reading the instant being evaluated from here, so an evaluation makes no closure.
let nowStep = 0;
let nowProgress = 0;
const progressNow = (r: ResolvedMotion) => motionProgress(r, nowStep, nowProgress);

/** An empty frame for {@link evaluate} to write into, again and again (one per view). */
export function createFrame(): Frame {
  const frame: Frame = {
    time: 0,
    step: 0,
    progress: 0,
    transforms: {},
    cuts: NONE,
    removed: NONE,
    instruments: [],
    implants: [],
    skin: false,
    camera: { target: [0, 0, 0], position: [0, 0, 0] },
  };
  buffers.set(frame, { plan: null, tools: new Map(), ridden: new Map() });
  return frame;
}

function stepsWith(plan: Plan, at: ReadonlyMap<string, number>, by: (s: number, index: number) => boolean) {
  return plan.proc.steps.map((_, index) => [...at].filter(([, s]) => by(s, index)).map(([id]) => id));
}

function tablesOf(plan: Plan): PlanTables {
  const known = tables.get(plan);
  if (known) return known;
  const made: PlanTables = {
    cutsAt: stepsWith(plan, plan.cutStep, (s, i) => s <= i),
    // A removal is done at the end of its step: the still of "removing the wedge" shows it gone.
    removedBefore: stepsWith(plan, plan.removeStep, (s, i) => s < i),
    removedThrough: stepsWith(plan, plan.removeStep, (s, i) => s <= i),
    placed: new Map(),
  };
  tables.set(plan, made);
  return made;
}

/** Where an implant was placed: its pose then, and the inverse of its body's matrix then. */
function placement(plan: Plan, use: ImplantUse, step: number) {
  const { placed } = tablesOf(plan);
  let known = placed.get(use);
  if (!known) {
    const atPlacement = bodyMatrix(plan, use.fixedTo, (r) => motionProgress(r, step, 1), new Matrix4());
    placed.set(use, (known = { pose: use.path(plan.ctx, 1), inverse: atPlacement.invert() }));
  }
  return known;
}

/** The frame's buffers, emptied of another plan's bodies and tools when the plan changed. */
function buffersFor(frame: Frame, plan: Plan): FrameBuffers {
  let own = buffers.get(frame);
  if (!own) {
    own = { plan: null, tools: new Map(), ridden: new Map() };
    buffers.set(frame, own);
  }
  if (own.plan === plan) return own;
  own.plan = plan;
  own.tools.clear();
  own.ridden.clear();
  const transforms = frame.transforms as Record<string, number[]>;
  for (const body of Object.keys(transforms)) delete transforms[body];
  return own;
}

/** The frame's state of one tool use, made when the tool first shows (its sizes are the plan's). */
function toolOf(own: FrameBuffers, plan: Plan, use: InstrumentUse): Mutable<ToolState> {
  let state = own.tools.get(use);
  if (!state)
    own.tools.set(
      use,
      (state = {
        id: use.id,
        kind: use.kind,
        pose: UNPLACED,
        action: use.action,
        length: use.length?.(plan.ctx),
        shape: use.shape?.(plan.ctx),
        target: use.target,
      }),
    );
  return state;
}

/** An implant placed in an earlier step: it rides on its body for any motion that came after. */
function rideOnBody(plan: Plan, use: ImplantUse, placedAt: number, own: FrameBuffers): ToolPose {
  const { pose, inverse } = placement(plan, use, placedAt);
  const delta = bodyMatrix(plan, use.fixedTo, progressNow, scratch).multiply(inverse).elements;
  let ridden = own.ridden.get(use);
  if (!ridden)
    own.ridden.set(use, (ridden = { tip: [0, 0, 0], direction: [0, 0, 0], up: pose.up && [0, 0, 0] }));
  transformPointInto(delta, pose.tip, ridden.tip);
  transformDirectionInto(delta, pose.direction, ridden.direction);
  if (pose.up && ridden.up) transformDirectionInto(delta, pose.up, ridden.up);
  ridden.size = pose.size;
  return ridden;
}

/**
 * The state of a procedure at time t (seconds at 1×). Pure: the same plan and time always give the
 * same values; the clock lives in the caller. Given `into` (from {@link createFrame}), it writes
 * there and returns it, making no new object once the frame has seen the plan: a view evaluating
 * every frame allocates nothing. Without it, a new frame.
 */
export function evaluate(plan: Plan, t: number, into: Frame = createFrame()): Frame {
  const { index, progress } = locate(plan.timeline, t, located);
  return evaluateStep(plan, index, progress, t, into);
}

/** A paused step's still: its key frame (the end of its motion unless the step names another moment). */
export function keyFrame(plan: Plan, index: number, into: Frame = createFrame()): Frame {
  const step = Math.min(plan.proc.steps.length - 1, Math.max(0, index));
  return evaluateStep(plan, step, plan.proc.steps[step]!.key ?? 1, plan.timeline.spans[step]!.key, into);
}

/** The state at a given progress (0–1) through a step; `t` is the clock time it stands for. */
export function evaluateStep(
  plan: Plan,
  index: number,
  progress: number,
  t: number,
  into: Frame = createFrame(),
): Frame {
  const frame = into as Mutable<Frame>;
  const own = buffersFor(into, plan);
  const table = tablesOf(plan);
  const step = plan.proc.steps[index]!;
  nowStep = index;
  nowProgress = progress;

  transformsAt(plan, index, progress, frame.transforms as Record<string, number[]>);

  const implants = frame.implants as ToolState[];
  let count = 0;
  for (let i = 0; i < plan.implants.length; i++) {
    const { use, step: placedAt } = plan.implants[i]!;
    if (placedAt > index) continue;
    const state = toolOf(own, plan, use);
    state.pose = placedAt === index ? use.path(plan.ctx, progress) : rideOnBody(plan, use, placedAt, own);
    implants[count++] = state;
  }
  implants.length = count;

  const instruments = frame.instruments as ToolState[];
  const uses = step.instruments ?? NONE;
  for (let i = 0; i < uses.length; i++) {
    const state = toolOf(own, plan, uses[i]!);
    state.pose = uses[i]!.path(plan.ctx, progress);
    instruments[i] = state;
  }
  instruments.length = uses.length;

  frame.time = t;
  frame.step = index;
  frame.progress = progress;
  frame.cuts = table.cutsAt[index]!;
  frame.removed = (progress >= 1 ? table.removedThrough : table.removedBefore)[index]!;
  frame.skin = step.skin ?? false;
  frame.camera = plan.cameras[index]!;
  return into;
}
