import { Matrix4 } from 'three';
import { add, normalize, scale, type Vec3 } from '../anatomy/vec';
import type { ImplantUse, MotionDef, PlanContext, ProcedureDef, StepContext } from '../procedures/types';
import { rotationAbout, transformPoint, translation } from './rigid';
import { ease } from '../procedures/kit/ease';
import { buildTimeline, type Timeline } from './timeline';

/** A motion with its numbers worked out for one patient and one set of parameters. */
export interface ResolvedMotion {
  readonly def: MotionDef;
  readonly direction: Vec3;
  readonly pivot: Vec3;
  /** mm or degrees at the end of the motion. */
  readonly amount: number;
  /** The step that plays it. */
  readonly step: number;
}

/** Everything about a procedure that does not change with the clock, computed once per parameter change. */
export interface Plan {
  readonly proc: ProcedureDef;
  readonly ctx: StepContext;
  readonly timeline: Timeline;
  readonly motions: readonly ResolvedMotion[];
  /** body → the body it moves with. */
  readonly parent: ReadonlyMap<string, string>;
  /** Every body that ever moves (has motions or follows one that does). */
  readonly movingBodies: readonly string[];
  /** cut id → step that makes it; body id → step that removes it. */
  readonly cutStep: ReadonlyMap<string, number>;
  readonly removeStep: ReadonlyMap<string, number>;
  readonly implants: readonly { readonly use: ImplantUse; readonly step: number }[];
  readonly cameras: readonly { readonly target: Vec3; readonly position: Vec3 }[];
}

const m = new Matrix4();

/** The transform of one motion at fraction f (0–1) of its amount. */
export function motionMatrix(out: Matrix4, r: ResolvedMotion, f: number): Matrix4 {
  return r.def.kind === 'translate'
    ? translation(out, r.direction, r.amount * f)
    : rotationAbout(out, r.pivot, r.direction, r.amount * f);
}

/**
 * Composes a body's transform given each motion's progress: its parent's first, then its own motions
 * in the order the procedure declares them (each applied in the body's original frame).
 */
export function bodyMatrix(
  plan: Pick<Plan, 'motions' | 'parent'>,
  body: string,
  progressOf: (r: ResolvedMotion) => number,
  out: Matrix4,
): Matrix4 {
  const parent = plan.parent.get(body);
  if (parent) bodyMatrix(plan, parent, progressOf, out);
  else out.identity();
  // Indexed, not for…of: in code the browser has not optimised yet, an iterator is an allocation.
  for (let i = 0; i < plan.motions.length; i++) {
    const r = plan.motions[i]!;
    if (r.def.body !== body) continue;
    const f = progressOf(r);
    if (f !== 0) out.multiply(motionMatrix(m, r, f));
  }
  return out;
}

/** How far a motion has played at a given step and progress (eased). */
export function motionProgress(r: ResolvedMotion, step: number, progress: number): number {
  return r.step < step ? 1 : r.step > step ? 0 : ease(progress);
}

// bodyMatrix asks each motion's progress through a callback: one function made once, reading the
// instant being written from here, so writing the transforms makes no closure. (No motion or tool
// path may itself ask for transforms: the instant is this module's, one at a time.)
let atStep = 0;
let atProgress = 0;
const progressAt = (r: ResolvedMotion) => motionProgress(r, atStep, atProgress);
const scratch = new Matrix4();

/**
 * The moving bodies' transforms at a progress through a step (body → column-major 4×4): what
 * measuring the bones and drawing them need. Written into `into`, which is returned.
 */
export function transformsAt(
  plan: Plan,
  step: number,
  progress: number,
  into: Record<string, number[]> = {},
): Readonly<Record<string, readonly number[]>> {
  atStep = step;
  atProgress = progress;
  for (let b = 0; b < plan.movingBodies.length; b++) {
    const body = plan.movingBodies[b]!;
    const elements = bodyMatrix(plan, body, progressAt, scratch).elements;
    const out = (into[body] ??= new Array<number>(16));
    for (let i = 0; i < 16; i++) out[i] = elements[i]!;
  }
  return into;
}

function firstStep(
  proc: ProcedureDef,
  pick: (s: ProcedureDef['steps'][number]) => readonly string[] | undefined,
) {
  const at = new Map<string, number>();
  proc.steps.forEach((s, i) => {
    for (const id of pick(s) ?? []) if (!at.has(id)) at.set(id, i);
  });
  return at;
}

/**
 * A fragment cut from a bone that moves (a whole first ray settling at its base) moves with it,
 * unless the procedure says what it follows; fragments of a bone that never moves stay unparented.
 */
function fragmentsFollowTheirBone(proc: ProcedureDef, parent: Map<string, string>): Map<string, string> {
  const moving = new Set([...proc.motions.map((m) => m.body), ...parent.keys()]);
  for (let changed = true; changed;) {
    changed = false;
    for (const cut of proc.cuts)
      for (const f of cut.fragments)
        if (f.id !== cut.bone && moving.has(cut.bone) && !parent.has(f.id)) {
          parent.set(f.id, cut.bone);
          moving.add(f.id);
          changed = true;
        }
  }
  return parent;
}

export function makePlan(proc: ProcedureDef, ctx: PlanContext): Plan {
  const plays = firstStep(proc, (s) => s.plays);
  const motions = proc.motions.map((def): ResolvedMotion => {
    const step = plays.get(def.id);
    if (step === undefined) throw new Error(`${proc.id}: motion ${def.id} is played by no step`);
    return {
      def,
      direction: normalize(def.direction(ctx)),
      pivot: def.pivot?.(ctx) ?? [0, 0, 0],
      amount: def.amount(ctx),
      step,
    };
  });
  const parent = fragmentsFollowTheirBone(proc, new Map(proc.follows.map((f) => [f.body, f.follows])));
  const partial = { motions, parent };
  // Where each body ends up, worked out when first asked: tools ask every frame.
  const finalOf = new Map<string, readonly number[]>();
  const done = () => 1;
  const stepCtx: StepContext = {
    ...ctx,
    placed: (body, point) => {
      let final = finalOf.get(body);
      if (!final) finalOf.set(body, (final = bodyMatrix(partial, body, done, new Matrix4()).elements));
      return transformPoint(final, point);
    },
  };
  const moving = new Set<string>(motions.map((r) => r.def.body));
  for (const [child] of parent) moving.add(child);
  const implants = proc.steps.flatMap((s, step) => (s.implants ?? []).map((use) => ({ use, step })));
  const cameras = proc.steps.map((s) => {
    const c = s.camera(stepCtx);
    return { target: c.target, position: add(c.target, scale(normalize(c.from), c.distance)) };
  });
  return {
    proc,
    ctx: stepCtx,
    timeline: buildTimeline(proc.steps),
    motions,
    parent,
    movingBodies: [...moving],
    cutStep: firstStep(proc, (s) => s.cuts),
    removeStep: firstStep(proc, (s) => s.removes),
    implants,
    cameras,
  };
}
