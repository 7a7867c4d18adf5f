/**
 * The locking plate of a knee osteotomy: its holes laid out on the near cortex across the cut,
 * fitted to the planned case, and its locking screws, each as long as the bone allows.
 */
import { landmark } from '../../anatomy/landmarks';
import { add, dot, normalize, scale, sub, type Vec3 } from '../../anatomy/vec';
import { perContext } from '../kit/case-memo';
import { keyedMemo } from '../kit/memo';
import {
  cutNormal,
  depthOf,
  kneeBodies,
  kneePlan,
  KNEE_KERF,
  nearCortex,
  nearDir,
  type KneeKind,
} from './plan';
import type { ImplantUse, PlanContext, StepContext, ToolTarget } from '../types';
import { femurStation, plateZ } from './steps';
import { placedDir, unplacedDir } from '../kit/placed';

/** The plate runs on this far past its end holes, mm (its top end well below the joint line). */
export const PLATE_END = 6;
/** Locking plate thickness, mm (the plate design's own). */
export const PLATE_THICKNESS = 4.5;
/** The plate stands this far off the cortex line the gauge finds, mm (the cortex is not flat). */
export const PLATE_CLEARANCE = 0.6;
/** A locking screw's threads fill this share of the bone along its line: its tip short of the far cortex. */
export const SCREW_FILL = 0.85;
/** Screws in the joint's fragment end at least this far from the cut, mm. */
export const SCREW_CLEARANCE = 3;

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

export interface Hole {
  readonly body: string;
  /** On the near cortex, pre-op frame of its body. */
  readonly at: Vec3;
  readonly depth: number;
}

/** The plate's holes on the near cortex, in the order along the plate (joint end first). */
export function plateHoles(ctx: PlanContext, kind: KneeKind, layout: PlateLayout): Hole[] {
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

export type PlateFit = ReturnType<typeof fitPlate>;
export const fitted = keyedMemo<PlateFit>();

/**
 * The plate as fitted to this plan: the plate, each of its screws and the scene ask for it many
 * times (every frame, every render), and fitting it scans the bone at each hole.
 */
export function plateLayout(ctx: StepContext, kind: KneeKind, layout: PlateLayout): PlateFit {
  return fitted([ctx, kind, layout], () => fitPlate(ctx, kind, layout));
}

/** The plate's frame (tip at its joint end, along the plate, outward) and its stations, final placement. */
export function fitPlate(ctx: StepContext, kind: KneeKind, layout: PlateLayout) {
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
export function shaftAxis(ctx: PlanContext, kind: KneeKind): Vec3 {
  const lm = ctx.landmarks;
  return kind.site === 'femur'
    ? normalize(sub(landmark(lm, 'femur', 'centre'), landmark(lm, 'femur', 'kneeCentre')))
    : normalize(sub(landmark(lm, 'tibia', 'kneeCentre'), landmark(lm, 'tibia', 'plafondCentre')));
}

/** One locking screw through a plate hole, perpendicular to its fragment's axis, driven in turn. */
export function lockingScrew(kind: KneeKind, layout: PlateLayout, index: number, count: number): ImplantUse {
  const line = perContext((ctx: StepContext) => {
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
  });
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
