/**
 * The tools of a knee osteotomy (CLINICAL §2.1): guide wires aimed at the hinge, the saw along
 * them, the stacked chisels that open the cut, the graft wedge made to measure for the gap.
 */
import { add, cross, dot, length, normalize, scale, sub, type Vec3 } from '../../anatomy/vec';
import { turnAbout } from '../../clinical/knee-cut-geometry';
import { perContext } from '../kit/case-memo';
import { ease } from '../kit/ease';
import { driven, share, type DriveLine, type ToolPath } from '../kit/tool-paths';
import {
  cutDirection,
  cutNormal,
  ENTRY_OVERRUN,
  kneeBodies,
  kneePlan,
  KNEE_KERF,
  secondCutDirection,
  type KneeKind,
} from './plan';
import type { ImplantUse, InstrumentUse, PlanContext, ToolTarget } from '../types';

/** Guide wires lie this far from the cut's centre line, on the side of the bone the saw must keep, mm. */
export const WIRE_OFFSET = 1.5;
/** The wires' antero-posterior positions, mm (one anterior, one posterior, in the cut plane). */
export const WIRE_Z = [10, -10] as const;
/** A saw blade is thicker than the model's kerf: its tip's centre line lies this far into the face it bears on, mm. */
export const BLADE_BEARING = 0.3;
/** A line from outside the near cortex to the hinge, beside one of the cuts, at depth z. */
export function wireLine(ctx: PlanContext, kind: KneeKind, which: 'first' | 'second', z: number) {
  const p = kneePlan(ctx, kind);
  const first = which === 'first';
  const d = first ? cutDirection(ctx, kind) : secondCutDirection(ctx, kind);
  // The first wire lies on the joint's side of its cut; the second on the shaft's side of its own.
  const towardsJoint = cutNormal(ctx, kind);
  const normal = first ? towardsJoint : normalize(cross([0, 0, 1], d));
  const away = first || dot(normal, towardsJoint) < 0 ? normal : scale(normal, -1);
  const start = first ? p.cutStart : (p.secondCutStart ?? p.cutStart);
  const lift = scale(away, WIRE_OFFSET);
  const entry = add(add(add(start, scale(d, -8)), lift), [0, 0, z]);
  const target = add(add(p.hinge, lift), [0, 0, z]);
  return { entry, dir: d, length: length(sub(target, entry)) };
}

/** A guide wire driven to the hinge over `drive(p)` of its length. */
export function guideWire(
  kind: KneeKind,
  id: string,
  which: 'first' | 'second',
  z: number,
  drive: (p: number) => number,
  target: ToolTarget,
): InstrumentUse {
  const lineOf = perContext((ctx: PlanContext) => wireLine(ctx, kind, which, z));
  return {
    id,
    kind: 'kwire',
    action: 'spin',
    target,
    path: driven(lineOf, drive),
  };
}

/** Two guide wires (anterior, posterior) along a cut, both driven within the step. */
export function guideWires(
  kind: KneeKind,
  which: 'first' | 'second',
  drive: 'in' | 'placed',
  target: ToolTarget,
): InstrumentUse[] {
  return WIRE_Z.map((z, i) =>
    guideWire(
      kind,
      `wire-${which}-${i === 0 ? 'anterior' : 'posterior'}`,
      which,
      z,
      drive === 'placed' ? () => 1 : share(i, 2),
      target,
    ),
  );
}

/**
 * The line a saw's tip follows along a cut: from outside the near cortex to `stop` mm short of the
 * hinge. The blade (thicker than the model's kerf) bears on the face of the fragment that stays
 * put: the joint's for the first cut, the shaft's (below the wedge) for the second.
 */
export function sawLine(
  ctx: PlanContext,
  kind: KneeKind,
  which: 'first' | 'second',
  stop: number,
): DriveLine {
  const plan = kneePlan(ctx, kind);
  const first = which === 'first';
  const d = first ? cutDirection(ctx, kind) : secondCutDirection(ctx, kind);
  const start = first ? plan.cutStart : (plan.secondCutStart ?? plan.cutStart);
  const reach = length(sub(plan.hinge, start)) - stop;
  const n = cutNormal(ctx, kind);
  const face = scale(first ? n : scale(n, -1), KNEE_KERF / 2 + BLADE_BEARING);
  return { entry: add(add(start, face), scale(d, -ENTRY_OVERRUN)), dir: d, length: reach + ENTRY_OVERRUN };
}

/** A blade's flat square to the coronal plane it is driven in. */
const bladeFlat = (line: DriveLine): Vec3 => cross([0, 0, 1], line.dir);

/** A saw pass along a cut from outside the near cortex to `stop` mm short of the hinge. */
export function sawPass(
  kind: KneeKind,
  which: 'first' | 'second',
  target: ToolTarget,
  stop = 3,
): InstrumentUse {
  return {
    id: `saw-${which}`,
    kind: 'saw',
    action: 'oscillate',
    target,
    path: driven(
      (ctx) => sawLine(ctx, kind, which, stop),
      (p) => p,
      bladeFlat,
    ),
  };
}

/**
 * Chisel `i` of the stack, on `face` (-1 the shaft's, which turns with the opening; 1 the joint's,
 * which stays; 0 between them, bearing on the joint's face where the gap is as thin as it), tapped
 * in to `depth` of the cut in its third of the step.
 */
function openingChisel(kind: KneeKind, face: -1 | 0 | 1, depth: number, i: number): ToolPath {
  const tapped = share(i, 3);
  return (ctx, p) => {
    const plan = kneePlan(ctx, kind);
    const d = cutDirection(ctx, kind);
    const n = cutNormal(ctx, kind);
    const turn = face === -1 ? plan.transform.angle * ease(p) : 0;
    const offset = face === 0 ? KNEE_KERF / 2 + BLADE_BEARING : face * (KNEE_KERF / 2 + 0.75);
    const mouth = turnAbout(add(plan.cutStart, scale(n, offset)), plan.hinge, turn);
    const dir = turnAbout(d, [0, 0, 0], turn);
    const inserted = tapped(p) * depth * plan.cutLength;
    return {
      tip: add(add(mouth, scale(dir, inserted - 4)), [0, 0, -4 + 4 * i]),
      direction: dir,
      up: turnAbout(n, [0, 0, 0], turn),
    };
  };
}

/**
 * Stacked chisels opening the cut: the first rides the shaft's face, the second the joint's, the
 * third goes in between them and deepest, wedging where the gap narrows to its thickness near the
 * hinge; each is tapped in over a third of the step while the gap opens.
 */
export function stackedChisels(kind: KneeKind, target: ToolTarget): InstrumentUse[] {
  const faces = [-1, 1, 0] as const;
  const depth = [0.55, 0.55, 0.8] as const;
  return faces.map((face, i) => ({
    id: `chisel-${i + 1}`,
    kind: 'chisel',
    target,
    path: openingChisel(kind, face, depth[i]!, i),
  }));
}

/**
 * The graft wedge fills the opened gap from the near cortex this far towards the hinge: most of it,
 * its inner end where the gap has narrowed to a few millimetres (bearing on both faces).
 */
export const GRAFT_FRACTION = 0.75;
/** Its antero-posterior width and centre, mm (posteromedial, where the gap is widest and clear of the tuberosity). */
export const GRAFT_WIDTH = 20;
export const GRAFT_Z = -3;

/** The gap's bisector at the end of the opening: a unit direction from the hinge towards the near cortex. */
export function gapBisector(ctx: PlanContext, kind: KneeKind): Vec3 {
  const plan = kneePlan(ctx, kind);
  return turnAbout(scale(cutDirection(ctx, kind), -1), [0, 0, 0], plan.transform.angle / 2);
}

/** The graft wedge as made to measure: [length, width, height at the inner end, at the cortex], mm. */
export function graftShape(ctx: PlanContext, kind: KneeKind): readonly number[] {
  const plan = kneePlan(ctx, kind);
  const t = Math.tan((Math.abs(plan.correction) * Math.PI) / 180);
  const D = plan.cutLength;
  const L = GRAFT_FRACTION * D;
  // The faces stand one kerf apart before opening; a little play keeps the graft off them.
  return [L, GRAFT_WIDTH, Math.max(0.3, KNEE_KERF + (D - L) * t - 0.3), KNEE_KERF + D * t - 0.3];
}

/** How far out of the gap the graft starts, along its bisector, mm. */
const GRAFT_START = 35;

/** The line the graft is pushed in along: down the gap's bisector to where it fills the gap. */
export function graftLine(ctx: PlanContext, kind: KneeKind): DriveLine {
  const plan = kneePlan(ctx, kind);
  const b = gapBisector(ctx, kind);
  const L = graftShape(ctx, kind)[0]!;
  const inner = add(add(plan.hinge, scale(b, plan.cutLength - L)), [0, 0, GRAFT_Z]);
  return { entry: add(inner, scale(b, GRAFT_START)), dir: scale(b, -1), length: GRAFT_START };
}

/** The graft's faces square to the coronal plane, as the gap's bisector (pointing out of the gap) turns them. */
const graftFaces = (line: DriveLine): Vec3 => cross([0, 0, 1], scale(line.dir, -1));

/** The graft wedge, pushed in from the near side over the step; it stays. */
export function graftWedge(kind: KneeKind, target: ToolTarget): ImplantUse {
  return {
    id: 'graft',
    kind: 'graftWedge',
    target,
    fixedTo: kneeBodies(kind.site).joint,
    shape: (ctx) => graftShape(ctx, kind),
    path: driven((ctx) => graftLine(ctx, kind), ease, graftFaces),
  };
}
