/**
 * Medial opening-wedge high tibial osteotomy (CLINICAL §2.1). The numbers (hinge, cut entry, cut
 * length D, correction α, gap, the turn) all come from `planOsteotomy`; this file only places the
 * saw cut, the motion, the tools and the screws on that plan.
 *
 * Frame: right leg, +X medial, +Y up, +Z anterior, mm.
 */
import type { RegionLandmarks } from '../anatomy/landmarks';
import { landmark } from '../anatomy/landmarks';
import { add, cross, dot, length, normalize, scale, sub, type Vec3 } from '../anatomy/sdf';
import { planOsteotomy, tibialFrame, turnAbout, type OsteotomyPlan } from '../clinical/knee-planning';
import { ease } from '../engine/timeline';
import { slab } from '../geometry/cutters';
import type { BoneGauge, ImplantUse, InstrumentUse, PlanContext, ProcedureDef, StepContext } from './types';

/** Saw kerf, mm (CLINICAL: 0.5–1). */
export const HTO_KERF = 0.8;
/** The cut starts this far outside the medial cortex so the blade clears it, mm. */
const ENTRY_OVERRUN = 6;
/**
 * Past the hinge the kerf runs on this far beyond the lateral cortex (hinge inset + this), mm. The
 * surgical hinge is intact lateral cortex, but the model is one closed mesh per bone: the distal
 * segment must be a fragment of its own to turn, so the cut runs through (as the Akin's wedge does).
 * On opening, the bone lateral to the hinge turns up into the proximal fragment by at most
 * inset·tan α − kerf (≈ 1.1 mm at 10 mm and 11°), hidden inside the cortex.
 */
const LATERAL_OVERRUN = 6;
/** Antero-posterior half-depth of the cut: more than the tibia's (~28 mm each way at the cut), mm. */
const HALF_DEPTH = 40;
/** Guide wires lie this far above the cut's centre line: the saw runs just below them, mm. */
const WIRE_ABOVE = 1.5;
/** The wires' antero-posterior positions, mm (one anterior, one posterior, in the cut plane). */
const WIRE_Z = [10, -10] as const;
/** Screw rows along the medial cortex, mm below the medial plateau (proximal) and the cut entry (distal). */
const PROXIMAL_SCREWS = [5, 11, 17, 23] as const;
/** Proximal screws end at least this far above the cut's upper face, mm. */
const SCREW_CLEARANCE = 3;
const DISTAL_SCREWS = [12, 22, 32, 42] as const;
/** The plate lies anteromedially: the screw line is this far anterior of the coronal plane, mm. */
const PLATE_Z = 6;
/** CLINICAL §2: WBL 60–70 % is acceptable; past 70 the app warns. */
export const HTO_TARGET_LIMIT = 70;

/** Plans are memoised per landmarks, gauge and parameters (the planner scans the fibula with the gauge). */
const memo = new WeakMap<RegionLandmarks, WeakMap<BoneGauge, Map<string, OsteotomyPlan>>>();

/** The osteotomy plan for the posed knee and the procedure's parameters. */
export function htoPlan(ctx: PlanContext): OsteotomyPlan {
  const targetWbl = Number(ctx.params.target ?? 62.5);
  const hingeInset = Number(ctx.params.hinge ?? 10);
  let byGauge = memo.get(ctx.landmarks);
  if (!byGauge) memo.set(ctx.landmarks, (byGauge = new WeakMap()));
  let byParams = byGauge.get(ctx.gauge);
  if (!byParams) byGauge.set(ctx.gauge, (byParams = new Map()));
  const key = `${targetWbl}|${hingeInset}`;
  let plan = byParams.get(key);
  if (!plan) {
    plan = planOsteotomy(
      ctx.landmarks,
      { site: 'tibia', approach: 'opening', targetWbl, hingeInset },
      ctx.gauge,
    );
    byParams.set(key, plan);
  }
  return plan;
}

/** Unit direction of the cut in the coronal plane, from the medial entry towards the hinge. */
export function cutDirection(ctx: PlanContext): Vec3 {
  const p = htoPlan(ctx);
  return normalize(sub(p.hinge, p.cutStart));
}

/** Unit normal of the cut plane pointing up (towards the proximal fragment). */
export function cutNormal(ctx: PlanContext): Vec3 {
  const n = cross([0, 0, 1], cutDirection(ctx));
  return n[1] < 0 ? scale(n, -1) : n;
}

/** The saw cut: a kerf slab from outside the medial cortex, through the hinge, past the lateral cortex. */
export function htoCut(ctx: PlanContext) {
  const p = htoPlan(ctx);
  const d = cutDirection(ctx);
  const inset = Number(ctx.params.hinge ?? 10);
  const from = add(p.cutStart, scale(d, -ENTRY_OVERRUN));
  const to = add(p.hinge, scale(d, inset + LATERAL_OVERRUN));
  const centre = scale(add(from, to), 0.5);
  return slab(centre, d, [0, 0, 1], length(sub(to, from)) / 2, HALF_DEPTH, HTO_KERF);
}

/** A point of the metaphysis's section frame: `depth` below the medial plateau along the tibial axis. */
function medialCortex(ctx: PlanContext, depth: number, z = 0): Vec3 {
  const f = tibialFrame(ctx.landmarks);
  const platM = landmark(ctx.landmarks, 'tibia', 'plateauMedial');
  const d = dot(sub(platM, f.origin), f.axis) + depth;
  const centre = add(f.origin, scale(f.axis, d));
  const half = ctx.gauge.width('tibia', centre, f.axis, f.medial) / 2;
  return add(add(centre, scale(f.medial, half)), [0, 0, z]);
}

/** Width of the tibia across the medial direction at `depth` below the medial plateau, mm. */
function widthAt(ctx: PlanContext, depth: number): number {
  const f = tibialFrame(ctx.landmarks);
  const platM = landmark(ctx.landmarks, 'tibia', 'plateauMedial');
  const centre = add(f.origin, scale(f.axis, dot(sub(platM, f.origin), f.axis) + depth));
  return ctx.gauge.width('tibia', centre, f.axis, f.medial);
}

/** The cut's centre, where the surgeon looks. */
function cutMiddle(ctx: PlanContext): Vec3 {
  const p = htoPlan(ctx);
  return scale(add(p.hinge, p.cutStart), 0.5);
}

/** The proximal tibia from medial and in front, like the surgeon's view over the wound. */
function kneeView(ctx: StepContext, distance = 200, from: Vec3 = [1, 0.25, 0.8]) {
  return { target: cutMiddle(ctx), from, distance };
}

/** A direction of the pre-op frame carried by a body's final placement. */
function placedDir(ctx: StepContext, body: string, at: Vec3, d: Vec3): Vec3 {
  return normalize(sub(ctx.placed(body, add(at, d)), ctx.placed(body, at)));
}

/** A guide wire: from outside the medial cortex to the hinge, just above the cut, at depth z. */
function wireLine(ctx: PlanContext, z: number) {
  const p = htoPlan(ctx);
  const d = cutDirection(ctx);
  const lift = scale(cutNormal(ctx), WIRE_ABOVE);
  const entry = add(add(add(p.cutStart, scale(d, -8)), lift), [0, 0, z]);
  const target = add(add(p.hinge, lift), [0, 0, z]);
  return { entry, target, dir: d, length: length(sub(target, entry)) };
}

function wire(id: string, z: number, drive: (p: number) => number): InstrumentUse {
  return {
    id,
    kind: 'kwire',
    action: 'spin',
    path: (ctx, p) => {
      const w = wireLine(ctx, z);
      return { tip: add(w.entry, scale(w.dir, w.length * drive(p))), direction: w.dir };
    },
  };
}

/** One screw of the plate: on the medial cortex, driven laterally; fixed to its fragment. */
function screw(id: string, body: 'tibiaProximal' | 'tibiaDistal', depth: number, slot: number): ImplantUse {
  const line = (ctx: StepContext) => {
    const f = tibialFrame(ctx.landmarks);
    const p = htoPlan(ctx);
    // Distal screws are counted from the cut's entry on the medial cortex.
    const below = body === 'tibiaDistal' ? dot(sub(p.cutStart, f.origin), f.axis) : 0;
    const platM = landmark(ctx.landmarks, 'tibia', 'plateauMedial');
    const depthFromPlateau =
      body === 'tibiaDistal' ? below - dot(sub(platM, f.origin), f.axis) + depth : depth;
    // 1 mm proud of the cortex, where the plate's hole sits.
    const entry = add(medialCortex(ctx, depthFromPlateau, PLATE_Z), scale(f.medial, 1));
    const into = scale(f.medial, -1);
    // Screws run parallel to the joint line; a proximal one stops short of the oblique cut below it.
    let reach = 0.8 * widthAt(ctx, depthFromPlateau);
    if (body === 'tibiaProximal') {
      const n = cutNormal(ctx);
      const above = dot(sub(entry, add(p.cutStart, scale(n, HTO_KERF / 2))), n) - SCREW_CLEARANCE;
      const sink = -dot(into, n);
      if (sink > 0) reach = Math.min(reach, above / sink);
    }
    const len = Math.round(reach);
    return {
      entry: ctx.placed(body, entry),
      dir: placedDir(ctx, body, entry, into),
      length: len,
    };
  };
  return {
    id,
    kind: 'cannulatedScrew',
    fixedTo: body,
    length: (ctx) => line(ctx).length,
    path: (ctx, p) => {
      const s = line(ctx);
      // The eight screws go in one after another over the step.
      const t = Math.min(1, Math.max(0, p * 8 - slot));
      return { tip: add(s.entry, scale(s.dir, s.length * t - 6 * (1 - t))), direction: s.dir };
    },
  };
}

const screws: ImplantUse[] = [
  ...PROXIMAL_SCREWS.map((d, i) => screw(`screw-p${i + 1}`, 'tibiaProximal', d, i)),
  ...DISTAL_SCREWS.map((d, i) => screw(`screw-d${i + 1}`, 'tibiaDistal', d, 4 + i)),
];

export const htoOpening: ProcedureDef = {
  id: 'hto-opening',
  region: 'knee',
  icon: 'M7 2h10v5l-2 15h-6L7 7zM16 9l-7 5',
  params: [
    {
      id: 'target',
      kind: 'number',
      unit: '%',
      default: 62.5,
      min: 40,
      max: 75,
      step: 0.5,
      limit: { above: HTO_TARGET_LIMIT, warning: 'proc.hto-opening.warn.target' },
      // The cut does not depend on the target: only the opening angle does.
      recut: false,
    },
    // The hinge's inset moves the cut's end (and its slope).
    { id: 'hinge', kind: 'number', unit: 'mm', default: 10, min: 5, max: 15, step: 1, recut: true },
  ],
  cuts: [
    {
      id: 'main',
      bone: 'tibia',
      cutter: (ctx) => [htoCut(ctx)],
      fragments: [
        {
          id: 'tibiaProximal',
          // Inside the metaphysis, 12 mm below the middle of the plateau.
          probe: (ctx) => {
            const lm = ctx.landmarks;
            const mid = scale(
              add(landmark(lm, 'tibia', 'plateauMedial'), landmark(lm, 'tibia', 'plateauLateral')),
              0.5,
            );
            return add([mid[0], mid[1], 0], scale(tibialFrame(lm).axis, 12));
          },
          holds: ['kneeCentre', 'plateauMedial', 'plateauLateral'],
        },
        {
          id: 'tibiaDistal',
          probe: (ctx) => landmark(ctx.landmarks, 'tibia', 'centre'),
          // The tuberosity lies below the oblique cut (about 6 mm at its level): it stays distal.
          holds: ['tuberosity', 'plafondCentre', 'medialMalleolus', 'centre'],
        },
      ],
    },
  ],
  motions: [
    {
      id: 'open',
      body: 'tibiaDistal',
      kind: 'rotate',
      // The planner's turn: about +Z through the hinge, the distal segment by −α (opens medially).
      direction: (ctx) => htoPlan(ctx).transform.axis,
      pivot: (ctx) => htoPlan(ctx).transform.pivot,
      amount: (ctx) => htoPlan(ctx).transform.angle,
    },
  ],
  follows: [
    { body: 'tibiaProximal', follows: 'tibia' },
    { body: 'tibiaDistal', follows: 'tibia' },
    { body: 'fibula', follows: 'tibiaDistal' },
    { body: 'talus', follows: 'tibiaDistal' },
  ],
  steps: [
    {
      id: 'incision',
      phase: 'open',
      duration: 3,
      skin: true,
      camera: (ctx) => kneeView(ctx, 240),
      instruments: [
        {
          id: 'scalpel',
          kind: 'scalpel',
          path: (ctx, p) => {
            // A 6–8 cm vertical anteromedial incision from just below the joint line down past the cut.
            const top = medialCortex(ctx, 8, PLATE_Z);
            const f = tibialFrame(ctx.landmarks);
            const tip = add(add(top, scale(f.axis, 60 * p)), scale(f.medial, 6));
            return { tip, direction: scale(f.medial, -1), up: scale(f.axis, -1) };
          },
        },
      ],
    },
    {
      id: 'guide-wires',
      duration: 5,
      camera: (ctx) => kneeView(ctx, 210, [1, 0.2, 1]),
      instruments: [
        wire('wire-anterior', WIRE_Z[0], (p) => Math.min(1, p * 2)),
        wire('wire-posterior', WIRE_Z[1], (p) => Math.max(0, Math.min(1, p * 2 - 1))),
      ],
    },
    {
      id: 'cut',
      duration: 5,
      camera: (ctx) => kneeView(ctx, 190, [1, 0.35, 0.9]),
      cuts: ['main'],
      instruments: [
        wire('wire-anterior', WIRE_Z[0], () => 1),
        wire('wire-posterior', WIRE_Z[1], () => 1),
        {
          id: 'saw',
          kind: 'saw',
          action: 'oscillate',
          path: (ctx, p) => {
            const plan = htoPlan(ctx);
            const d = cutDirection(ctx);
            // Advances from the medial cortex to just short of the hinge (which the surgeon keeps intact).
            const reach = plan.cutLength - 3;
            const tip = add(plan.cutStart, scale(d, -ENTRY_OVERRUN + (reach + ENTRY_OVERRUN) * p));
            return { tip, direction: d, up: cutNormal(ctx) };
          },
        },
      ],
    },
    {
      id: 'opening',
      duration: 5,
      camera: (ctx) => kneeView(ctx, 180, [1, 0.1, 0.5]),
      plays: ['open'],
      instruments: [
        {
          // Stand-in for the spreader (or stacked chisels): a wire in the gap's mouth, riding the opening.
          id: 'spreader',
          kind: 'kwire',
          path: (ctx, p) => {
            const plan = htoPlan(ctx);
            const d = cutDirection(ctx);
            const n = cutNormal(ctx);
            const lower = add(plan.cutStart, scale(n, -HTO_KERF / 2));
            const moved = turnAbout(lower, plan.hinge, plan.transform.angle * ease(p));
            const upper = add(plan.cutStart, scale(n, HTO_KERF / 2));
            const mouth = scale(add(moved, upper), 0.5);
            return { tip: add(mouth, scale(d, 12)), direction: d };
          },
        },
      ],
    },
    {
      // The gap is filled with bone graft or a synthetic wedge. There is no graft-wedge implant kind
      // yet: the lead adds one (a wedge between the faces, height plan.gap at the medial cortex).
      id: 'graft',
      duration: 4,
      camera: (ctx) => kneeView(ctx, 170, [1, 0.1, 0.4]),
    },
    {
      // A medial locking plate (TomoFix type); no plate implant kind yet, so the eight locking
      // screws stand for it: four in the proximal fragment, four in the distal one, in a line.
      id: 'plate',
      duration: 5,
      camera: (ctx) => kneeView(ctx, 220, [1, 0.1, 0.6]),
      implants: screws,
    },
    { id: 'closure', phase: 'close', duration: 3, skin: true, camera: (ctx) => kneeView(ctx, 240) },
  ],
  captionValues: (ctx) => {
    const p = htoPlan(ctx);
    return {
      alpha: p.correction,
      cutLength: p.cutLength,
      gap: p.gap,
      target: p.targetWbl,
      hinge: Number(ctx.params.hinge ?? 10),
      predictedWbl: p.predictedWbl,
    };
  },
};
