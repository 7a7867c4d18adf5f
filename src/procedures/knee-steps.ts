/**
 * Tools, implants and cameras the knee osteotomies share: the incision over the near cortex, guide
 * wires to the hinge, saw passes, stacked chisels that open the cut, the graft wedge, a locking
 * plate with its screws, staples. Each reads the plan (knee-osteotomy.ts); none knows which
 * procedure it serves beyond its site and approach.
 */
import { landmark } from '../anatomy/landmarks';
import { add, cross, dot, length, normalize, scale, sub, type Vec3 } from '../anatomy/vec';
import { turnAbout } from '../clinical/knee-planning';
import { ease } from './kit/ease';
import { keyedMemo } from './kit/memo';
import {
  cutDirection,
  cutMiddle,
  cutNormal,
  depthOf,
  ENTRY_OVERRUN,
  kneeBodies,
  kneePlan,
  KNEE_KERF,
  medialApproach,
  nearCortex,
  nearDir,
  sectionFrame,
  secondCutDirection,
  type KneeKind,
} from './knee-osteotomy';
import type {
  ImplantUse,
  InstrumentUse,
  PlanContext,
  StepContext,
  StepDef,
  ToolPose,
  ToolTarget,
} from './types';

/**
 * The model's tibia from its knee centre to its plafond, its femur from its knee centre to its hip
 * centre, its fibula from its head to its lateral malleolus, mm: they turn a station in mm into a
 * tool target's fraction.
 */
const TIBIA_LENGTH = 383.3;
const FEMUR_LENGTH = 435;
const FIBULA_LENGTH = 374.9;

/** A station `below` mm down the tibia from its knee centre (along its mechanical axis), give or take `within`. */
export const tibiaStation = (below: number, within: number): NonNullable<ToolTarget['station']> => ({
  from: 'kneeCentre',
  to: 'plafondCentre',
  at: below / TIBIA_LENGTH,
  within,
});

/** A station `above` mm up the femur from its knee centre, give or take `within`. */
export const femurStation = (above: number, within: number): NonNullable<ToolTarget['station']> => ({
  from: 'kneeCentre',
  to: 'hipCentre',
  at: above / FEMUR_LENGTH,
  within,
});

/** A station `below` mm down the fibula from its head's centre, give or take `within`. */
export const fibulaStation = (below: number, within: number): NonNullable<ToolTarget['station']> => ({
  from: 'head',
  to: 'lateralMalleolus',
  at: below / FIBULA_LENGTH,
  within,
});

/** A knee osteotomy's station: `depth` mm from the knee centre into the cut bone's shaft. */
export const kneeStation = (kind: KneeKind, depth: number, within: number) =>
  kind.site === 'tibia' ? tibiaStation(depth, within) : femurStation(depth, within);

/**
 * Where the technique puts each tool of a knee osteotomy (CLINICAL §2), as its procedure states it:
 * the guide wires' tips at the hinge, a saw's at the end of its pass, the chisels and the graft in
 * the opened cut, the plate's first hole on the near cortex, each screw's tip in its fragment.
 */
export interface KneeTargets {
  readonly wires: ToolTarget;
  readonly saw: ToolTarget;
  readonly secondSaw?: ToolTarget;
  readonly chisels?: ToolTarget;
  readonly graft?: ToolTarget;
}

/**
 * How far anterior of the coronal plane the plate lies, mm: anteromedial on the tibia's flat medial
 * face; in the coronal plane on the lateral tibia (its anterolateral face is hollowed by the
 * tibialis anterior) and on the femur.
 */
const plateZ = (kind: KneeKind) => (kind.site === 'tibia' && medialApproach(kind) ? 6 : 0);
/** The plate runs on this far past its end holes, mm (its top end well below the joint line). */
const PLATE_END = 6;
/** Locking plate thickness, mm (the plate design's own). */
const PLATE_THICKNESS = 4.5;
/** The plate stands this far off the cortex line the gauge finds, mm (the cortex is not flat). */
const PLATE_CLEARANCE = 0.6;
/** Guide wires lie this far from the cut's centre line, on the side of the bone the saw must keep, mm. */
const WIRE_OFFSET = 1.5;
/** The wires' antero-posterior positions, mm (one anterior, one posterior, in the cut plane). */
const WIRE_Z = [10, -10] as const;
/** A saw blade is thicker than the model's kerf: its tip's centre line lies this far into the face it bears on, mm. */
export const BLADE_BEARING = 0.3;
/** A locking screw's threads fill this share of the bone along its line: its tip short of the far cortex. */
const SCREW_FILL = 0.85;
/** Screws in the joint's fragment end at least this far from the cut, mm. */
const SCREW_CLEARANCE = 3;

/** A direction of the pre-op frame carried by a body's final placement. */
export function placedDir(ctx: StepContext, body: string, at: Vec3, d: Vec3): Vec3 {
  return normalize(sub(ctx.placed(body, add(at, d)), ctx.placed(body, at)));
}

/** A direction of the final placement taken back to the body's pre-op frame (placements are rigid). */
function unplacedDir(ctx: StepContext, body: string, at: Vec3, d: Vec3): Vec3 {
  const o = ctx.placed(body, at);
  const axes = (
    [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ] as const
  ).map((e) => sub(ctx.placed(body, add(at, e)), o));
  return normalize([dot(axes[0]!, d), dot(axes[1]!, d), dot(axes[2]!, d)]);
}

/** The knee from the near side and in front, like the surgeon's view over the wound. */
export function kneeView(ctx: StepContext, kind: KneeKind, distance = 200, up = 0.25, front = 0.8) {
  const from = add(add(nearDir(ctx, kind), [0, up, 0]), [0, 0, front]);
  return { target: cutMiddle(ctx, kind), from, distance };
}

/** A step's camera on the knee from the near side. */
export function kneeCamera(kind: KneeKind, distance: number, up = 0.25, front = 0.8) {
  return (ctx: StepContext) => kneeView(ctx, kind, distance, up, front);
}

/** The skin incision: a longitudinal cut over the near cortex, from `from` to `to` mm from the joint. */
export function incisionStep(kind: KneeKind, from: number, to: number): StepDef {
  return {
    id: 'incision',
    phase: 'open',
    duration: 3,
    skin: true,
    camera: kneeCamera(kind, 240),
    instruments: [
      {
        id: 'scalpel',
        kind: 'scalpel',
        path: (ctx, p) => {
          const f = sectionFrame(ctx, kind);
          const near = nearDir(ctx, kind);
          const tip = add(nearCortex(ctx, kind, from + (to - from) * p, plateZ(kind)), scale(near, 6));
          return { tip, direction: scale(near, -1), up: scale(f.axis, -1) };
        },
      },
    ],
  };
}

/** A line from outside the near cortex to the hinge, beside one of the cuts, at depth z. */
function wireLine(ctx: PlanContext, kind: KneeKind, which: 'first' | 'second', z: number) {
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
  return {
    id,
    kind: 'kwire',
    action: 'spin',
    target,
    path: (ctx, p) => {
      const w = wireLine(ctx, kind, which, z);
      return { tip: add(w.entry, scale(w.dir, w.length * drive(p))), direction: w.dir };
    },
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
      (p) => (drive === 'placed' ? 1 : Math.max(0, Math.min(1, p * 2 - i))),
      target,
    ),
  );
}

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
    path: (ctx, p) => {
      const plan = kneePlan(ctx, kind);
      const first = which === 'first';
      const d = first ? cutDirection(ctx, kind) : secondCutDirection(ctx, kind);
      const start = first ? plan.cutStart : (plan.secondCutStart ?? plan.cutStart);
      const reach = length(sub(plan.hinge, start)) - stop;
      // The blade (thicker than the model's kerf) bears on the face of the fragment that stays
      // put: the joint's for the first cut, the shaft's (below the wedge) for the second.
      const n = cutNormal(ctx, kind);
      const face = scale(first ? n : scale(n, -1), KNEE_KERF / 2 + BLADE_BEARING);
      const tip = add(add(start, face), scale(d, -ENTRY_OVERRUN + (reach + ENTRY_OVERRUN) * p));
      return { tip, direction: d, up: cross([0, 0, 1], d) };
    },
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
    path: (ctx: StepContext, p: number): ToolPose => {
      const plan = kneePlan(ctx, kind);
      const d = cutDirection(ctx, kind);
      const n = cutNormal(ctx, kind);
      const turned = plan.transform.angle * ease(p);
      // The shaft's face turns with the opening; the joint's stays; the middle one bears on the
      // joint's face where the gap is as thin as it.
      const turn = face === -1 ? turned : 0;
      const offset = face === 0 ? KNEE_KERF / 2 + BLADE_BEARING : face * (KNEE_KERF / 2 + 0.75);
      const mouth = turnAbout(add(plan.cutStart, scale(n, offset)), plan.hinge, turn);
      const dir = turnAbout(d, [0, 0, 0], turn);
      const inserted = Math.max(0, Math.min(1, p * 3 - i)) * depth[i]! * plan.cutLength;
      return {
        tip: add(add(mouth, scale(dir, inserted - 4)), [0, 0, -4 + 4 * i]),
        direction: dir,
        up: turnAbout(n, [0, 0, 0], turn),
      };
    },
  }));
}

/**
 * The graft wedge fills the opened gap from the near cortex this far towards the hinge: most of it,
 * its inner end where the gap has narrowed to a few millimetres (bearing on both faces).
 */
const GRAFT_FRACTION = 0.75;
/** Its antero-posterior width and centre, mm (posteromedial, where the gap is widest and clear of the tuberosity). */
const GRAFT_WIDTH = 20;
const GRAFT_Z = -3;

/** The gap's bisector at the end of the opening: a unit direction from the hinge towards the near cortex. */
function gapBisector(ctx: PlanContext, kind: KneeKind): Vec3 {
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

/** The graft wedge, pushed in from the near side over the step; it stays. */
export function graftWedge(kind: KneeKind, target: ToolTarget): ImplantUse {
  return {
    id: 'graft',
    kind: 'graftWedge',
    target,
    fixedTo: kneeBodies(kind.site).joint,
    shape: (ctx) => graftShape(ctx, kind),
    path: (ctx, p) => {
      const plan = kneePlan(ctx, kind);
      const b = gapBisector(ctx, kind);
      const L = graftShape(ctx, kind)[0]!;
      const inner = add(add(plan.hinge, scale(b, plan.cutLength - L)), [0, 0, GRAFT_Z]);
      const out = 35 * (1 - ease(p));
      return { tip: add(inner, scale(b, out)), direction: scale(b, -1), up: cross([0, 0, 1], b) };
    },
  };
}

/** Where the plate's holes sit: depths from the near joint line (joint fragment) and from the cut (shaft). */
export interface PlateLayout {
  readonly joint: readonly number[];
  readonly shaft: readonly number[];
  /** Where the plate's first hole lies on the near cortex. */
  readonly plateTarget: ToolTarget;
  /** Where each screw's tip lies, in the plate's order. */
  readonly screwTargets: readonly ToolTarget[];
}

/**
 * A distal-femur locking plate on the near cortex (`side`): three screws above the notch, four in
 * the shaft above the cut; its first hole `plateAbove` mm above the knee centre, each screw's tip at
 * its own level (mm above it), in the plate's order.
 */
export function distalFemurPlate(
  side: 'medial' | 'lateral',
  plateAbove: number,
  screwsAbove: readonly number[],
): PlateLayout {
  return {
    joint: [24, 32, 40],
    shaft: [12, 24, 36, 48],
    plateTarget: { part: 'femur', side, station: femurStation(plateAbove, 6), within: 4 },
    screwTargets: screwsAbove.map((above) => ({
      part: 'femur',
      station: femurStation(above, 10),
      within: 0,
    })),
  };
}

interface Hole {
  readonly body: string;
  /** On the near cortex, pre-op frame of its body. */
  readonly at: Vec3;
  readonly depth: number;
}

/** The plate's holes on the near cortex, in the order along the plate (joint end first). */
function plateHoles(ctx: PlanContext, kind: KneeKind, layout: PlateLayout): Hole[] {
  const plan = kneePlan(ctx, kind);
  const bodies = kneeBodies(kind.site);
  // Shaft holes count from the shaft's face of the cut on the near cortex.
  const shaftFace = depthOf(ctx, kind, plan.secondCutStart ?? plan.cutStart);
  return [
    ...layout.joint.map((depth) => ({
      body: bodies.joint,
      depth,
      at: nearCortex(ctx, kind, depth, plateZ(kind)),
    })),
    ...layout.shaft.map((s) => {
      const depth = shaftFace + s;
      return { body: bodies.shaft, depth, at: nearCortex(ctx, kind, depth, plateZ(kind)) };
    }),
  ];
}

type PlateFit = ReturnType<typeof fitPlate>;
const fitted = keyedMemo<PlateFit>();

/**
 * The plate as fitted to this plan: the plate, each of its screws and the scene ask for it many
 * times (every frame, every render), and fitting it scans the bone at each hole.
 */
function plateLayout(ctx: StepContext, kind: KneeKind, layout: PlateLayout): PlateFit {
  return fitted([ctx, kind, layout], () => fitPlate(ctx, kind, layout));
}

/** The plate's frame (tip at its joint end, along the plate, outward) and its stations, final placement. */
function fitPlate(ctx: StepContext, kind: KneeKind, layout: PlateLayout) {
  const holes = plateHoles(ctx, kind, layout).map((h) => ({ ...h, placed: ctx.placed(h.body, h.at) }));
  const first = holes[0]!.placed;
  const last = holes[holes.length - 1]!.placed;
  const along = normalize(sub(last, first));
  const near = placedDir(ctx, holes[0]!.body, holes[0]!.at, nearDir(ctx, kind));
  const up = normalize(sub(near, scale(along, dot(near, along))));
  const tip = sub(first, scale(along, PLATE_END));
  // Each hole's station: where the bone's surface is seen along the plate's normal (a flare or a
  // condyle may stand out further that way than straight sideways), off it by the clearance. The
  // plate's ends continue its end segments.
  const faces = holes.map((h) => {
    const normal = unplacedDir(ctx, h.body, h.at, up);
    const inner = sub(h.at, scale(normal, 8));
    const surface = add(inner, scale(normal, ctx.gauge.reach(kind.site, inner, normal)));
    return { surface, normal };
  });
  const stations = holes.map((h, i) => {
    const r = sub(ctx.placed(h.body, faces[i]!.surface), tip);
    return [dot(r, along), dot(r, up) + PLATE_CLEARANCE] as const;
  });
  const lastStation = stations[stations.length - 1]!;
  const all = [
    [0, stations[0]![1]] as const,
    ...stations,
    [lastStation[0] + PLATE_END, lastStation[1]] as const,
  ];
  return { holes, faces, tip, along, up, stations: all };
}

/** The locking plate on the near cortex across the osteotomy; placed after the correction. */
export function lockingPlate(kind: KneeKind, layout: PlateLayout): ImplantUse {
  return {
    id: 'plate',
    kind: 'plate',
    target: layout.plateTarget,
    fixedTo: kneeBodies(kind.site).shaft,
    shape: (ctx) => plateLayout(ctx, kind, layout).stations.flat(),
    path: (ctx, p) => {
      const l = plateLayout(ctx, kind, layout);
      // Brought onto the bone from the near side over the first quarter of the step. The plate is
      // built extending towards its tool frame's −Z: that is `along`.
      const lift = 25 * (1 - Math.min(1, p * 4));
      return { tip: add(l.tip, scale(l.up, lift)), direction: scale(l.along, -1), up: l.up };
    },
  };
}

/** The shaft's own axis, pre-op: the femur's anatomical one (mid-shaft to knee centre), the tibia's mechanical one. */
function shaftAxis(ctx: PlanContext, kind: KneeKind): Vec3 {
  const lm = ctx.landmarks;
  return kind.site === 'femur'
    ? normalize(sub(landmark(lm, 'femur', 'centre'), landmark(lm, 'femur', 'kneeCentre')))
    : normalize(sub(landmark(lm, 'tibia', 'kneeCentre'), landmark(lm, 'tibia', 'plafondCentre')));
}

/** One locking screw through a plate hole, perpendicular to its fragment's axis, driven in turn. */
function lockingScrew(kind: KneeKind, layout: PlateLayout, index: number, count: number): ImplantUse {
  const line = (ctx: StepContext) => {
    const l = plateLayout(ctx, kind, layout);
    const hole = l.holes[index]!;
    const face = l.faces[index]!;
    const station = l.stations[index + 1]!;
    const inJoint = hole.body === kneeBodies(kind.site).joint;
    // Parallel to the joint in the joint's fragment (the plateau or condylar screws); square to
    // the shaft's own axis in the shaft's (the femur's anatomical axis is not its mechanical one).
    const near = nearDir(ctx, kind);
    const axis = shaftAxis(ctx, kind);
    const into = scale(inJoint ? near : normalize(sub(near, scale(axis, dot(near, axis)))), -1);
    // The head sits in the plate: its back end on the plate's outer face.
    const head = add(add(l.tip, scale(l.along, station[0])), scale(l.up, station[1] + PLATE_THICKNESS));
    const headAtRest = add(face.surface, scale(into, -(PLATE_CLEARANCE + PLATE_THICKNESS)));
    // The bone along the screw's line: from where it enters the near cortex to the far one (the
    // line runs from the head, whose length to the bone it adds: the cortex is not square to it).
    const inside = add(headAtRest, scale(into, dot(sub(face.surface, headAtRest), into) + 6));
    const back = ctx.gauge.reach(kind.site, inside, scale(into, -1));
    const chord = back + ctx.gauge.reach(kind.site, inside, into);
    const entry = sub(inside, scale(into, back));
    // The tip stops short of the far cortex.
    let reach = SCREW_FILL * chord;
    if (inJoint) {
      // A screw in the joint's fragment stops short of the cut below it.
      const plan = kneePlan(ctx, kind);
      const n = cutNormal(ctx, kind);
      // A closing wedge's faces press together by up to inset·sin α (see closingPivot).
      const inset = Number(ctx.params.hinge ?? 10);
      const press =
        kind.approach === 'closing' ? inset * Math.sin((Math.abs(plan.correction) * Math.PI) / 180) : 0;
      const above = dot(sub(entry, add(plan.cutStart, scale(n, KNEE_KERF / 2))), n) - SCREW_CLEARANCE - press;
      const sink = -dot(into, n);
      if (sink > 0) reach = Math.min(reach, above / sink);
    }
    const dir = placedDir(ctx, hole.body, hole.at, into);
    const toBone = dot(sub(entry, headAtRest), into);
    return { head, dir, length: 2 * Math.round((toBone + reach) / 2) };
  };
  return {
    id: `screw-${index + 1}`,
    kind: 'lockingScrew',
    target: layout.screwTargets[index],
    fixedTo: index < layout.joint.length ? kneeBodies(kind.site).joint : kneeBodies(kind.site).shaft,
    length: (ctx) => line(ctx).length,
    path: (ctx, p) => {
      const s = line(ctx);
      // The screws go in one after another over the rest of the step, after the plate.
      const t = Math.min(1, Math.max(0, (p - 0.25) * (count / 0.75) - index));
      return { tip: add(s.head, scale(s.dir, s.length * t - 6 * (1 - t))), direction: s.dir };
    },
  };
}

/** The plate and its screws, for a fixation step. */
export function plateAndScrews(kind: KneeKind, layout: PlateLayout): ImplantUse[] {
  const count = layout.joint.length + layout.shaft.length;
  return [
    lockingPlate(kind, layout),
    ...Array.from({ length: count }, (_, i) => lockingScrew(kind, layout, i, count)),
  ];
}

/** The skin closed over the implants. */
export function closureStep(kind: KneeKind): StepDef {
  return { id: 'closure', phase: 'close', duration: 3, skin: true, camera: kneeCamera(kind, 240) };
}

/** Numbers the technical captions quote. */
export function kneeCaptionValues(ctx: StepContext, kind: KneeKind) {
  const p = kneePlan(ctx, kind);
  return {
    alpha: Math.abs(p.correction),
    cutLength: p.cutLength,
    gap: p.gap,
    target: p.targetWbl,
    hinge: Number(ctx.params.hinge ?? 10),
    predictedWbl: p.predictedWbl,
  };
}
