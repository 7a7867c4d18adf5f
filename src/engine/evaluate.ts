import { Matrix4 } from 'three';
import type { Vec3 } from '../anatomy/vec';
import type { InstrumentKind, InstrumentUse, ToolPose, ToolTarget } from '../procedures/types';
import { bodyMatrix, motionProgress, type Plan } from './plan';
import { transformDirection, transformPoint } from './rigid';
import { locate } from './timeline';

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

const scratch = new Matrix4();
const atPlacement = new Matrix4();

function toolState(plan: Plan, use: InstrumentUse, p: number): ToolState {
  return {
    id: use.id,
    kind: use.kind,
    pose: use.path(plan.ctx, p),
    action: use.action,
    length: use.length?.(plan.ctx),
    shape: use.shape?.(plan.ctx),
    target: use.target,
  };
}

/**
 * The state of a procedure at time t (seconds at 1×). Pure: the same plan and time always give the
 * same frame; the clock lives in the caller.
 */
export function evaluate(plan: Plan, t: number): Frame {
  const { index, progress } = locate(plan.timeline, t);
  return evaluateStep(plan, index, progress, t);
}

/** A paused step's still: its key frame (the end of its motion unless the step names another moment). */
export function keyFrame(plan: Plan, index: number): Frame {
  const step = Math.min(plan.proc.steps.length - 1, Math.max(0, index));
  return evaluateStep(plan, step, plan.proc.steps[step]!.key ?? 1, plan.timeline.spans[step]!.key);
}

/** The state at a given progress (0–1) through a step; `t` is the clock time it stands for. */
export function evaluateStep(plan: Plan, index: number, progress: number, t: number): Frame {
  const step = plan.proc.steps[index]!;
  const now = (r: Parameters<typeof motionProgress>[0]) => motionProgress(r, index, progress);
  const transforms: Record<string, number[]> = {};
  for (const body of plan.movingBodies) transforms[body] = [...bodyMatrix(plan, body, now, scratch).elements];

  const implants: ToolState[] = [];
  for (const { use, step: placedAt } of plan.implants) {
    if (placedAt > index) continue;
    if (placedAt === index) {
      implants.push(toolState(plan, use, progress));
      continue;
    }
    // Placed earlier: it rides on its body for any motion that came after.
    const placed = toolState(plan, use, 1);
    bodyMatrix(plan, use.fixedTo, (r) => motionProgress(r, placedAt, 1), atPlacement).invert();
    const delta = bodyMatrix(plan, use.fixedTo, now, scratch).multiply(atPlacement).elements;
    implants.push({
      ...placed,
      pose: {
        tip: transformPoint(delta, placed.pose.tip),
        direction: transformDirection(delta, placed.pose.direction),
        up: placed.pose.up && transformDirection(delta, placed.pose.up),
        size: placed.pose.size,
      },
    });
  }

  return {
    time: t,
    step: index,
    progress,
    transforms,
    cuts: [...plan.cutStep].filter(([, s]) => s <= index).map(([id]) => id),
    // A removal is done at the end of its step: the still of "removing the wedge" shows it gone.
    removed: [...plan.removeStep]
      .filter(([, s]) => s < index || (s === index && progress >= 1))
      .map(([id]) => id),
    instruments: (step.instruments ?? []).map((use) => toolState(plan, use, progress)),
    implants,
    skin: step.skin ?? false,
    camera: plan.cameras[index]!,
  };
}
