/**
 * Percutaneous burr work on the first metatarsal (CLINICAL §1.4): the exostectomy takes the medial
 * eminence down in passes, each a layer of the bump's thickness; a burr cut is a kerf as wide as
 * the burr. Pure geometry for the MIS bunion procedure.
 *
 * Frame: right foot, +X medial, +Y up, +Z distal, mm.
 */
import { landmark } from '../anatomy/landmarks';
import { add, cross, normalize, scale, sub, type Vec3 } from '../anatomy/sdf';
import type { ConvexPiece } from '../geometry/cutters';
import { between } from './bone-frame';
import { m1 } from './first-ray';
import type { CutDef, PlanContext } from './types';

/** A Shannon-type burr, mm. */
export const BURR_DIAMETER = 2;
/** CLINICAL §1.4: each pass of the burr removes 1.1–1.5 mm of cortex. */
export const PASS_DEPTH = { min: 1.1, max: 1.5 } as const;
/** At most this many passes take the whole bump down. */
export const MAX_PASSES = 3;
/** Each tangent box reaches this far either side of its touching point, mm. */
const SWEEP_HALF = 9;

/** How far the eminence stands proud of the metatarsal head, measured medially through its centre. */
export function eminenceProud(ctx: PlanContext) {
  const f = m1(ctx);
  const centre = landmark(ctx.landmarks, 'eminence', 'centre');
  const inner = sub(centre, scale(f.medial, 10));
  const top = ctx.gauge.reach('eminence', inner, f.medial);
  const head = ctx.gauge.reach('metatarsal1', inner, f.medial);
  return { inner, top: add(inner, scale(f.medial, top)), thickness: Math.max(0, top - head) };
}

/** Depth of one pass: a third of the bump, within the burr's 1.1–1.5 mm (three passes take it flush). */
export function passDepth(ctx: PlanContext): number {
  const t = eminenceProud(ctx).thickness / MAX_PASSES;
  return Math.min(PASS_DEPTH.max, Math.max(PASS_DEPTH.min, t));
}

/** Directions the burr's sweep is followed in: medial, tilted towards the bone's ends, degrees. */
const TILTS = [-45, -22, 0, 22, 45] as const;
/** Fewer across the bone: the head curves less dorsoplantarly over the bump than along it. */
const CROSS_TILTS = [-35, 0, 35] as const;

/**
 * The volume the burr has swept after `k` passes: everything of the bump farther from the
 * metatarsal's surface than what is left to take, (thickness − k·depth). The burr follows the
 * head's curve, so this is the outside of the head grown by that offset, built as the union of
 * the outsides of its tangent planes around the bump (each a convex box).
 */
export function sweptVolume(ctx: PlanContext, k: number): ConvexPiece[] {
  const f = m1(ctx);
  const { inner, thickness } = eminenceProud(ctx);
  const offset = Math.max(0, thickness - k * passDepth(ctx));
  const pieces: ConvexPiece[] = [];
  for (const a of TILTS)
    for (const b of CROSS_TILTS) {
      const u = between(between(f.medial, f.axis, a), f.dorsal, b);
      const v = normalize(cross(u, f.dorsal));
      const w = cross(v, u);
      const plane = add(inner, scale(u, ctx.gauge.reach('metatarsal1', inner, u) + offset));
      const pts: Vec3[] = [];
      for (const s of [-SWEEP_HALF, SWEEP_HALF])
        for (const t of [-SWEEP_HALF, SWEEP_HALF])
          for (const h of [0, 12]) pts.push(add(add(add(plane, scale(v, s)), scale(w, t)), scale(u, h)));
      pieces.push(pts);
    }
  return pieces;
}

/** What is left of the eminence after pass k (the part inside the head, and any rim below the floor). */
export const eminenceAfter = (k: number) => (k === 0 ? 'eminence' : `eminence-${k}`);

/** One cut per pass, each taking the previous pass's remainder down one more layer. */
export function exostectomyCuts(passes: number): CutDef[] {
  return Array.from({ length: passes }, (_, i) => ({
    id: `pass-${i + 1}`,
    bone: eminenceAfter(i),
    cutter: (ctx: PlanContext) => sweptVolume(ctx, i + 1),
    fragments: [
      {
        id: eminenceAfter(i + 1),
        // Inside the half of the bump embedded in the head: it stays.
        probe: (ctx: PlanContext) =>
          sub(landmark(ctx.landmarks, 'eminence', 'centre'), scale(m1(ctx).medial, 2)),
        holds: [],
      },
    ],
  }));
}
