/**
 * The parts of a knee osteotomy's definition every one of them has: its readouts, the correcting
 * turn, the cut of the bone into fragments, and the step sequences of an opening and of a closing
 * wedge. A procedure's data file puts them together with what is its own (biplanar cut, fibula).
 */
import { landmark } from '../../anatomy/landmarks';
import type { ConvexPiece } from '../../geometry/cutters';
import { closingPivot, hingeSplits, jointProbe, mainCut, secondCut, sliverProbe, wedgeProbe } from './cuts';
import { cutNormal, HALF_DEPTH, kneeBodies, kneePlan, nearDir, type KneeKind } from './plan';
import { kneeAftercare } from './aftercare';
import { closureStep, incisionStep, kneeCamera, kneeCaptionValues, type KneeTargets } from './steps';
import { graftWedge, guideWires, sawPass, stackedChisels } from './tools';
import { plateAndScrews, type PlateLayout } from './plate';
import { kneeParams } from './plan';
import type { CutDef, FollowDef, MotionDef, PlanContext, ProcedureDef, StepDef } from '../types';

/** A closing wedge is lifted out this far towards the surgeon before it disappears, mm. */
const WEDGE_LIFT = 45;

/**
 * The planned numbers shown beside the measured ones: the correction is the shaft's turn against
 * the joint's fragment; an opening wedge's gap is measured at the cut's entry, square to the joint's
 * face. (A closing wedge's gap is bone taken out, closed again by the end: nothing shows it then.)
 */
export function kneeReadouts(kind: KneeKind): NonNullable<ProcedureDef['readouts']> {
  const { joint, shaft } = kneeBodies(kind.site);
  return {
    correction: { value: 'alpha', unit: '°', measuredAs: { kind: 'turn', body: shaft, against: joint } },
    'cut-length': { value: 'cutLength', unit: 'mm' },
    gap: {
      value: 'gap',
      unit: 'mm',
      ...(kind.approach === 'opening' && {
        measuredAs: {
          kind: 'gap',
          body: shaft,
          against: joint,
          at: (ctx) => kneePlan(ctx, kind).cutStart,
          normal: (ctx) => cutNormal(ctx, kind),
        },
      }),
    },
  };
}

/** Landmarks each fragment carries: the joint's with the joint, the far end's with the shaft. */
const HOLDS = {
  tibia: {
    joint: ['kneeCentre', 'plateauMedial', 'plateauLateral'],
    shaft: ['tuberosity', 'plafondCentre', 'medialMalleolus', 'centre'],
  },
  femur: {
    joint: ['kneeCentre', 'condyleMedial', 'condyleLateral'],
    shaft: ['hipCentre', 'trochanterTip', 'centre'],
  },
} as const;

/**
 * The cut of the bone: the joint's fragment, the shaft's, and for a closing wedge the wedge
 * between them, for an opening wedge the hinge's sliver. `saw` defaults to the plan's saw cut(s);
 * the hinge's hairlines are added to it (up to `zTo`, the saw's antero-posterior reach).
 */
export function kneeCut(
  kind: KneeKind,
  saw?: (ctx: PlanContext) => readonly ConvexPiece[],
  jointDepth = kind.site === 'tibia' ? 12 : 15,
  zTo: (ctx: PlanContext) => number = () => HALF_DEPTH,
): CutDef {
  const bodies = kneeBodies(kind.site);
  const closing = kind.approach === 'closing';
  const sawCuts =
    saw ??
    ((ctx: PlanContext) => (closing ? [mainCut(ctx, kind), secondCut(ctx, kind)] : [mainCut(ctx, kind)]));
  return {
    id: closing ? 'wedge' : 'main',
    bone: kind.site,
    cutter: (ctx) => [...sawCuts(ctx), ...hingeSplits(ctx, kind, zTo(ctx))],
    fragments: [
      { id: bodies.joint, probe: (ctx) => jointProbe(ctx, kind, jointDepth), holds: HOLDS[kind.site].joint },
      closing
        ? { id: bodies.wedge, probe: (ctx: PlanContext) => wedgeProbe(ctx, kind), holds: [] }
        : { id: bodies.sliver, probe: (ctx: PlanContext) => sliverProbe(ctx, kind), holds: [] },
      {
        id: bodies.shaft,
        probe: (ctx) => landmark(ctx.landmarks, kind.site, 'centre'),
        holds: HOLDS[kind.site].shaft,
      },
    ],
  };
}

/** The correcting turn of the shaft's fragment about the hinge (the planner's), and a wedge's lift. */
export function kneeMotions(kind: KneeKind): MotionDef[] {
  const bodies = kneeBodies(kind.site);
  const turn: MotionDef = {
    id: kind.approach === 'opening' ? 'open' : 'close',
    body: bodies.shaft,
    kind: 'rotate',
    direction: (ctx) => kneePlan(ctx, kind).transform.axis,
    pivot: (ctx) => kneePlan(ctx, kind).transform.pivot,
    amount: (ctx) => kneePlan(ctx, kind).transform.angle,
  };
  if (kind.approach === 'opening') return [turn];
  const lift: MotionDef = {
    id: 'lift',
    body: bodies.wedge,
    kind: 'translate',
    direction: (ctx) => nearDir(ctx, kind),
    amount: () => WEDGE_LIFT,
  };
  return [lift, { ...turn, pivot: (ctx) => closingPivot(ctx, kind) }];
}

/** Every fragment moves with its bone until a motion of its own. */
export function kneeFollows(kind: KneeKind): FollowDef[] {
  const bodies = kneeBodies(kind.site);
  const ids = [bodies.joint, kind.approach === 'closing' ? bodies.wedge : bodies.sliver, bodies.shaft];
  return ids.map((body) => ({ body, follows: kind.site }));
}

/**
 * Guide wires, the saw cut, opening with stacked chisels, the graft wedge. `cutSteps` replaces the
 * single saw pass (a biplanar cut has two).
 */
export function openingSteps(kind: KneeKind, targets: KneeTargets, cutSteps?: readonly StepDef[]): StepDef[] {
  return [
    {
      id: 'guide-wires',
      duration: 5,
      // Under fluoroscopy (CLINICAL §2.1): the wires' aim is checked on an AP shot.
      fluoro: 'ap',
      camera: kneeCamera(kind, 210, 0.2, 1),
      instruments: guideWires(kind, 'first', 'in', targets.wires),
    },
    ...(cutSteps ?? [
      {
        id: 'cut',
        duration: 5,
        camera: kneeCamera(kind, 190, 0.3, 0.9),
        cuts: ['main'],
        instruments: [
          ...guideWires(kind, 'first', 'placed', targets.wires),
          sawPass(kind, 'first', targets.saw),
        ],
      },
    ]),
    {
      id: 'opening',
      duration: 6,
      camera: kneeCamera(kind, 180, 0.1, 0.5),
      plays: ['open'],
      // The hinge's sliver is the bone its bend takes up: gone once the wedge is open.
      removes: [kneeBodies(kind.site).sliver],
      instruments: stackedChisels(kind, targets.chisels ?? targets.saw),
    },
    {
      id: 'graft',
      duration: 4,
      camera: kneeCamera(kind, 170, 0.1, 0.4),
      implants: [graftWedge(kind, targets.graft ?? targets.saw)],
    },
  ];
}

/** Two converging pairs of wires, the two cuts, the wedge lifted out, the gap closed (with `alsoPlays`). */
export function closingSteps(
  kind: KneeKind,
  targets: KneeTargets,
  alsoPlays: readonly string[] = [],
): StepDef[] {
  return [
    {
      id: 'guide-wires',
      duration: 5,
      // Under fluoroscopy (CLINICAL §2.1): the wires' aim is checked on an AP shot.
      fluoro: 'ap',
      camera: kneeCamera(kind, 210, 0.2, 1),
      instruments: [
        ...guideWires(kind, 'first', 'in', targets.wires),
        ...guideWires(kind, 'second', 'in', targets.wires),
      ],
    },
    {
      id: 'first-cut',
      duration: 4,
      camera: kneeCamera(kind, 190, 0.3, 0.9),
      // The saw runs just under the upper wires (the lower pair stays for the second cut).
      instruments: [
        ...guideWires(kind, 'first', 'placed', targets.wires),
        ...guideWires(kind, 'second', 'placed', targets.wires),
        sawPass(kind, 'first', targets.saw, 6),
      ],
    },
    {
      id: 'second-cut',
      duration: 4,
      camera: kneeCamera(kind, 190, 0.3, 0.9),
      cuts: ['wedge'],
      // Just above the lower wires. (Once the cut is made, the side of a tip at the hinge is read
      // against the shaft's fragment, whose slice there is cut obliquely: the part and level hold.)
      instruments: [
        ...guideWires(kind, 'second', 'placed', { part: targets.wires.part, station: targets.wires.station }),
        sawPass(kind, 'second', targets.secondSaw ?? targets.saw, 6),
      ],
    },
    {
      id: 'wedge-out',
      duration: 3,
      camera: kneeCamera(kind, 200, 0.2, 0.7),
      plays: ['lift'],
      removes: [kneeBodies(kind.site).wedge],
    },
    { id: 'closing', duration: 5, camera: kneeCamera(kind, 190, 0.1, 0.5), plays: ['close', ...alsoPlays] },
  ];
}

/** What makes one knee osteotomy: the rest is every knee osteotomy's (see `kneeOsteotomy`). */
export interface KneeOsteotomySpec {
  readonly id: string;
  readonly kind: KneeKind;
  /** The picker's picture (see ProcedureDef.icon). */
  readonly icon: string;
  /** CLINICAL's sources of its own, after the planning ones every knee osteotomy shares. */
  readonly references: readonly number[];
  /** The citations of the sources only this operation cites (see ProcedureInfo.sources). */
  readonly sources?: Readonly<Record<number, string>>;
  /** The skin incision, from and to this far from the joint line, mm. */
  readonly incision: readonly [number, number];
  /** Where the technique puts the tools. */
  readonly targets: KneeTargets;
  /** The locking plate's holes and where its screws end. */
  readonly plate: PlateLayout;
  /** How far the camera stands from the plate, mm. */
  readonly plateView: number;
  /** The opening or closing steps, when the procedure changes them (a biplanar cut). */
  readonly steps?: readonly StepDef[];
}

/**
 * A knee osteotomy from its data: the knee's parameters, readouts, the planner's turn and
 * warnings, the incision, the opening or closing steps, the plate and the closure. `extra` adds or
 * replaces what is the procedure's own (a biplanar cut, the fibula, its quiz role).
 */
export function kneeOsteotomy(spec: KneeOsteotomySpec, extra: Partial<ProcedureDef> = {}): ProcedureDef {
  const { kind } = spec;
  const main =
    spec.steps ??
    (kind.approach === 'opening' ? openingSteps(kind, spec.targets) : closingSteps(kind, spec.targets));
  return {
    id: spec.id,
    // An HTO corrects a varus knee (the deformity in the tibia), a DFO a valgus one (in the femur).
    treats: kind.site === 'tibia' ? 'varus' : 'valgus',
    region: 'knee',
    kneeCut: kind,
    ...kneeAftercare(kind.site, ...spec.references),
    sources: spec.sources,
    icon: spec.icon,
    params: kneeParams(kind.site),
    readouts: kneeReadouts(kind),
    cuts: [kneeCut(kind)],
    motions: kneeMotions(kind),
    follows: kneeFollows(kind),
    steps: [
      incisionStep(kind, ...spec.incision),
      ...main,
      {
        id: 'plate',
        duration: 6,
        camera: kneeCamera(kind, spec.plateView, 0.1, 0.6),
        implants: plateAndScrews(kind, spec.plate),
      },
      closureStep(kind),
    ],
    captionValues: (ctx) => kneeCaptionValues(ctx, kind),
    warnings: (ctx) => kneePlan(ctx, kind).warnings,
    ...extra,
  };
}
