/**
 * Tool paths a step names instead of writing: strokes played one after another, a share of the
 * step, a wire or screw driven along its line.
 */
import { add, length, lerp3, normalize, scale, sub, type Vec3 } from '../../anatomy/vec';
import type { PlanContext, StepContext, ToolPose } from '../types';
import { towards, type BoneFrame, type FrameDirection } from './bone-frame';

/** Where a tool is at step progress p (0–1) (see InstrumentUse.path). */
export type ToolPath = (ctx: StepContext, p: number) => ToolPose;

/**
 * The part of each later share a tool spends going from where the stroke before ended to where its
 * own starts: a hand takes the tool out the way it went in and carries it over, it does not jump.
 */
const TRANSFER = 0.2;
/** How far clear of the bone the tool is carried between strokes, mm. */
const CARRY_CLEAR_MM = 8;

/** A unit direction turned from `a` to `b` (`a` when they are opposite, which a turn cannot split). */
function turned(a: Vec3, b: Vec3, t: number): Vec3 {
  const mid = lerp3(a, b, t);
  return length(mid) < 1e-6 ? a : normalize(mid);
}

/**
 * From the end of one stroke to the start of the next (t 0–1): back out along the stroke to where it
 * began, then over to the next start on an arc clear of the bone (away from both tools' pointing).
 */
function carried(ended: ToolPose, began: ToolPose, next: ToolPose, t: number): ToolPose {
  if (t < 0.5) {
    const back = t / 0.5;
    return { ...ended, tip: lerp3(ended.tip, began.tip, back) };
  }
  const over = (t - 0.5) / 0.5;
  const away = scale(
    turned(began.direction, next.direction, 0.5),
    -CARRY_CLEAR_MM * Math.sin(Math.PI * over),
  );
  const up = began.up && next.up ? { up: turned(began.up, next.up, over) } : {};
  return {
    tip: add(lerp3(began.tip, next.tip, over), away),
    direction: turned(began.direction, next.direction, over),
    ...up,
  };
}

/**
 * Paths played one after another, each over an equal share of the step (its own p from 0 to 1); at
 * the start of each later share the tool is carried over from the stroke before (see TRANSFER).
 */
export function inTurn(...paths: readonly ToolPath[]): ToolPath {
  const n = paths.length;
  return (ctx, p) => {
    const i = Math.min(n - 1, Math.floor(p * n));
    const q = p * n - i;
    if (i === 0) return paths[0]!(ctx, q);
    if (q >= TRANSFER) return paths[i]!(ctx, (q - TRANSFER) / (1 - TRANSFER));
    const before = paths[i - 1]!;
    return carried(before(ctx, 1), before(ctx, 0), paths[i]!(ctx, 0), q / TRANSFER);
  };
}

/** The part of the step from `from` to `to` (fractions of it) as 0–1: 0 before it, 1 after it. */
export const during =
  (from: number, to: number) =>
  (p: number): number =>
    Math.min(1, Math.max(0, (p - from) / (to - from)));

/**
 * Share `i` (0-based) of `n` equal shares of the step as 0–1: 0 before it, 1 after it. Tools that
 * go in one after another within one step (two guide wires, three chisels) each take one.
 */
export const share =
  (i: number, n: number) =>
  (p: number): number =>
    Math.max(0, Math.min(1, p * n - i));

/** A straight line a tool is driven along: its entry, unit direction and length (mm). */
export interface DriveLine {
  readonly entry: Vec3;
  readonly dir: Vec3;
  readonly length: number;
}

/**
 * A wire, screw, needle, blade or graft driven in along its line, `depth(p)` (0–1) of its length
 * in; `upOf` turns it about the line (a saw blade's flat, a graft's faces), if it matters.
 */
export function driven(
  lineOf: (ctx: StepContext) => DriveLine,
  depth: (p: number) => number,
  upOf?: (line: DriveLine) => Vec3,
): ToolPath {
  return (ctx, p) => {
    const s = lineOf(ctx);
    const tip = add(s.entry, scale(s.dir, s.length * depth(p)));
    return upOf ? { tip, direction: s.dir, up: upOf(s) } : { tip, direction: s.dir };
  };
}

/** Where a tool's tip is at step progress p, and how it is turned about its shaft (see ToolPose.up). */
export type TipPath = (ctx: StepContext, p: number) => { readonly tip: Vec3; readonly up?: Vec3 };

/**
 * A tool that goes in through a portal of the skin and pivots in it: the skin does not move with
 * the bones, so its shaft runs from the portal (`portalOf`) to wherever `tipOf` puts the tip.
 */
export function throughPortal(portalOf: (ctx: StepContext) => Vec3, tipOf: TipPath): ToolPath {
  return (ctx, p) => {
    const { tip, up } = tipOf(ctx, p);
    return { tip, direction: normalize(sub(tip, portalOf(ctx))), up };
  };
}

/**
 * A tool held square to a bone: its tip where `tipOf` puts it in the bone's frame, pointing
 * `pointing` and its back `up`, both directions of that frame (a scalpel's nick, a beaver blade).
 */
export function heldSquare(
  frameOf: (ctx: PlanContext) => BoneFrame,
  tipOf: (ctx: StepContext, f: BoneFrame, p: number) => Vec3,
  pointing: FrameDirection,
  up: FrameDirection,
): ToolPath {
  const directionOf = towards(frameOf, pointing);
  const upOf = towards(frameOf, up);
  return (ctx, p) => ({ tip: tipOf(ctx, frameOf(ctx), p), direction: directionOf(ctx), up: upOf(ctx) });
}
