/**
 * Percutaneous burr work on the first metatarsal (CLINICAL §1.4): the exostectomy takes the medial
 * eminence down in passes, each a layer of the bump's thickness; a burr cut is a kerf as wide as
 * the burr. Pure geometry for the MIS bunion procedure.
 *
 * Frame: right foot, +X medial, +Y up, +Z distal, mm.
 */
import { perContext } from '../kit/case-memo';
import { landmark } from '../../anatomy/landmarks';
import { add, cross, scale, sub, type Vec3 } from '../../anatomy/vec';
import type { ConvexPiece } from '../../geometry/cutters';
import { between } from '../kit/bone-frame';
import { m1 } from './first-ray';
import type { CutDef, InstrumentUse, PlanContext } from '../types';

/** A Shannon-type burr, mm. */
export const BURR_DIAMETER = 2;
/** CLINICAL §1.4: each pass of the burr removes 1.1–1.5 mm of cortex. */
export const PASS_DEPTH = { min: 1.1, max: 1.5 } as const;
/** At most this many passes take the whole bump down. */
export const MAX_PASSES = 3;

/** How far the eminence stands proud of the metatarsal head, measured medially through its centre. */
export const eminenceProud = perContext((ctx: PlanContext) => {
  const f = m1(ctx);
  const centre = landmark(ctx.landmarks, 'eminence', 'centre');
  const inner = sub(centre, scale(f.medial, 10));
  const top = ctx.gauge.reach('eminence', inner, f.medial);
  const head = ctx.gauge.reach('metatarsal1', inner, f.medial);
  return { inner, top: add(inner, scale(f.medial, top)), thickness: Math.max(0, top - head) };
});

/** Depth of one pass: a third of the bump, within the burr's 1.1–1.5 mm (three passes take it flush). */
export function passDepth(ctx: PlanContext): number {
  const t = eminenceProud(ctx).thickness / MAX_PASSES;
  return Math.min(PASS_DEPTH.max, Math.max(PASS_DEPTH.min, t));
}

/** Directions the burr's sweep is followed in: medial, tilted towards the bone's ends, degrees. */
const TILTS = [-45, -22, 0, 22, 45] as const;
/** Fewer across the bone: the head curves less dorsoplantarly over the bump than along it. */
const CROSS_TILTS = [-35, 0, 35] as const;
/** Half the side of the box around the bump that closes the envelope on every other side, mm. */
const ENVELOPE_HALF = 40;

/** A plane as a point on it and its unit outward normal: the inside is where dot(x − at, n) ≤ 0. */
interface HalfSpace {
  readonly at: Vec3;
  readonly n: Vec3;
}

const dot3 = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Where three planes meet, or null when two are (nearly) parallel. */
function corner(a: HalfSpace, b: HalfSpace, c: HalfSpace): Vec3 | null {
  const bc = cross(b.n, c.n);
  const det = dot3(a.n, bc);
  if (Math.abs(det) < 1e-9) return null;
  const p = add(
    add(scale(bc, dot3(a.n, a.at)), scale(cross(c.n, a.n), dot3(b.n, b.at))),
    scale(cross(a.n, b.n), dot3(c.n, c.at)),
  );
  return scale(p, 1 / det);
}

/** The corners of a bounded intersection of half-spaces (every triple of planes, kept if inside all). */
function polytope(planes: readonly HalfSpace[]): Vec3[] {
  const corners: Vec3[] = [];
  for (let i = 0; i < planes.length; i++)
    for (let j = i + 1; j < planes.length; j++)
      for (let k = j + 1; k < planes.length; k++) {
        const p = corner(planes[i]!, planes[j]!, planes[k]!);
        if (p && planes.every((h) => dot3(sub(p, h.at), h.n) <= 1e-6)) corners.push(p);
      }
  return corners;
}

/**
 * What of the bump the burr leaves after `k` passes: everything no farther from the metatarsal's
 * surface than what is left to take, (thickness − k·depth). The burr follows the head's curve, so
 * this is the head grown by that offset, as the convex envelope of its tangent planes around the
 * bump, closed by a box on every other side. One convex piece: the bone keeps what lies inside.
 */
export function keptAfterPass(ctx: PlanContext, k: number): ConvexPiece {
  const f = m1(ctx);
  const { inner, thickness } = eminenceProud(ctx);
  const offset = Math.max(0, thickness - k * passDepth(ctx));
  const planes: HalfSpace[] = [];
  for (const a of TILTS)
    for (const b of CROSS_TILTS) {
      const u = between(between(f.medial, f.axis, a), f.dorsal, b);
      planes.push({ at: add(inner, scale(u, ctx.gauge.reach('metatarsal1', inner, u) + offset)), n: u });
    }
  const lateral = scale(f.medial, -1);
  for (const n of [f.medial, lateral, f.axis, scale(f.axis, -1), f.dorsal, scale(f.dorsal, -1)])
    planes.push({ at: add(inner, scale(n, ENVELOPE_HALF)), n });
  return polytope(planes);
}

/** What is left of the eminence after pass k (the part inside the head, and any rim below the floor). */
export const eminenceAfter = (k: number) => (k === 0 ? 'eminence' : `eminence-${k}`);

/** One cut per pass, each taking the previous pass's remainder down one more layer. */
export function exostectomyCuts(passes: number): CutDef[] {
  return Array.from({ length: passes }, (_, i) => ({
    id: `pass-${i + 1}`,
    bone: eminenceAfter(i),
    cutter: (ctx: PlanContext) => [keptAfterPass(ctx, i + 1)],
    keepsInside: true,
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

/** A burr cutting through the metatarsal: the bit pushed across from medial, its tip along `at`. */
export function burrAcross(id: string, at: (ctx: PlanContext, p: number) => Vec3): InstrumentUse {
  return {
    id,
    kind: 'burr',
    action: 'spin',
    path: (ctx, p) => {
      const f = m1(ctx);
      return { tip: at(ctx, p), direction: scale(f.medial, -1), up: f.axis };
    },
  };
}
