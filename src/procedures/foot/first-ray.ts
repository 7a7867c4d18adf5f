import { add, normalize, scale, sub, type Vec3 } from '../../anatomy/vec';
import { measureFoot } from '../../clinical/foot-angles';
import { transverseDirection } from '../../clinical/plane-angles';
import { raySettling, toeRealignment, type SoftTissueWork } from '../../clinical/toe-balance';
import { boneFrame, fromBase, pointOf, type BoneFrame } from '../kit/bone-frame';
import type {
  CutDef,
  FollowDef,
  MotionDef,
  PlanContext,
  ProcedureDef,
  StepContext,
  StepDef,
  ToolTarget,
} from '../types';

/** The first metatarsal's frame on this patient. */
export const m1 = (ctx: PlanContext): BoneFrame => boneFrame(ctx.landmarks, 'metatarsal1');

/** The model's first metatarsal from base to head, mm: turns a station in mm behind the head into a tool target's fraction. */
export const M1_LENGTH = 48.7;

/** A tool target on the first metatarsal, `fromHead` mm along its axis from the head centre (negative: proximal). */
export function m1Target(side: ToolTarget['side'], fromHead: number, within = 4): ToolTarget {
  return {
    part: 'metatarsal1',
    ...(side ? { side } : {}),
    station: { from: 'base', to: 'head', at: 1 + fromHead / M1_LENGTH, within },
  };
}

type View = StepDef['camera'];

/** A scalpel drawn along the medial side of the first metatarsal, from `start` mm (from the head) over `length`. */
function medialScalpel(start: number, length: number, depth: number) {
  return {
    id: 'scalpel',
    kind: 'scalpel' as const,
    path: (ctx: StepContext, p: number) => {
      const f = m1(ctx);
      // Held like a pen from medial and behind: the tip in the skin, the edge leading distally.
      const direction = normalize(add(scale(f.medial, -1), add(scale(f.axis, 0.7), scale(f.dorsal, -0.3))));
      return { tip: f.at(start + length * p, 1, depth), direction, up: scale(f.axis, -1) };
    },
  };
}

/**
 * The head shift a bunion operation shows (its `shift-mm` readout and the captions' shiftMm): how
 * far the first metatarsal head travelled laterally, measured on the moved model. The shift it
 * plans is the head-bearing fragment's (`head`) translation against the shaft's, at the point `at`
 * (the head's centre unless the fragment also turns there).
 */
export function headShift(head: string, at: (ctx: PlanContext) => Vec3 = (ctx) => m1(ctx).head) {
  return {
    lateralShifts: { shiftMm: { part: 'metatarsal1', landmark: 'head' } },
    readouts: {
      'shift-mm': {
        value: 'shiftMm',
        unit: 'mm',
        measuredAs: { kind: 'shift', body: head, against: 'shaft', part: 'metatarsal1', at },
      },
    },
  } as const satisfies Pick<ProcedureDef, 'lateralShifts' | 'readouts'>;
}

/** The medial incision over the head a distal osteotomy needs: from 22 mm behind the head centre, 40 mm long. */
export const DISTAL_INCISION = { start: -22, length: 40 } as const;

/** The two ends of a medial incision: where its scalpel starts and stops. */
export function medialIncisionEnds(
  ctx: StepContext,
  incision: { start: number; length: number },
): [Vec3, Vec3] {
  const scalpel = medialScalpel(incision.start, incision.length, 15);
  return [scalpel.path(ctx, 0).tip, scalpel.path(ctx, 1).tip];
}

/**
 * The medial approach to the first metatarsal head that open bunion operations share: the skin
 * incision, the capsule opened, the bump (medial eminence) sawn off flush.
 */
export function medialApproach(
  views: { incision: View; capsule: View; eminence: View },
  incision: { start: number; length: number },
): StepDef[] {
  return [
    {
      id: 'incision',
      phase: 'open',
      duration: 4,
      skin: true,
      camera: views.incision,
      instruments: [medialScalpel(incision.start, incision.length, 15)],
    },
    {
      id: 'capsule',
      phase: 'open',
      duration: 3,
      camera: views.capsule,
      instruments: [medialScalpel(incision.start + 4, incision.length - 8, 11)],
    },
    {
      id: 'eminence',
      duration: 4,
      camera: views.eminence,
      removes: ['eminence'],
      instruments: [
        {
          id: 'saw',
          kind: 'saw',
          action: 'oscillate',
          // The blade in the sagittal plane of the flush cut, its tip ending at the bump's plantar edge.
          target: m1Target('medial', -2),
          path: (ctx, p) => {
            const f = m1(ctx);
            return { tip: f.at(-2, 12 - 16 * p, 7.8), direction: scale(f.dorsal, -1), up: f.medial };
          },
        },
      ],
    },
  ];
}

/** What a first-metatarsal osteotomy tells the soft-tissue model (clinical/toe-balance). */
export interface FirstRayCorrection {
  /** The fragment that carries the head (and, on it, the toe). */
  readonly head: string;
  /** The head's lateral translation, mm. */
  readonly shiftMm: (ctx: PlanContext) => number;
  /** The same as a fraction of the metatarsal's width at the cut (0–1). */
  readonly shiftFraction: (ctx: PlanContext) => number;
  /** The soft-tissue actions the operation performs. */
  readonly work: (ctx: PlanContext) => SoftTissueWork;
}

const UP: Vec3 = [0, 1, 0];

/** The IMA the head's translation alone corrects, degrees: the base-to-head line turning laterally. */
function translationCorrection(ctx: PlanContext, shiftMm: number): number {
  const f = m1(ctx);
  const moved = sub(f.head, scale(f.medial, shiftMm));
  return transverseDirection(f.base, f.head) - transverseDirection(f.base, moved);
}

/**
 * The end of a first-metatarsal osteotomy, as the soft tissue makes it (clinical/toe-balance): the
 * toe turns medially on the head by the share of its subluxation the operation's soft-tissue work
 * and translation take away (`rebalance`), and the whole first ray gives a little of its correction
 * back at its base (`settle`). Both are played by the step that closes the joint's soft tissue.
 */
export function softTissue(c: FirstRayCorrection): { motions: MotionDef[]; follows: FollowDef[] } {
  return {
    motions: [
      {
        id: 'rebalance',
        body: 'proximalPhalanx1',
        kind: 'rotate',
        direction: () => UP,
        pivot: (ctx) => m1(ctx).head,
        amount: (ctx) => toeRealignment(measureFoot(ctx.landmarks), c.work(ctx), c.shiftFraction(ctx)),
      },
      {
        id: 'settle',
        body: 'metatarsal1',
        kind: 'rotate',
        // About the vertical through the base: a positive turn takes the head medially (into varus).
        direction: () => UP,
        pivot: (ctx) => m1(ctx).base,
        amount: (ctx) => raySettling(translationCorrection(ctx, c.shiftMm(ctx)), c.shiftFraction(ctx)),
      },
    ],
    follows: [
      { body: c.head, follows: 'metatarsal1' },
      { body: 'eminence', follows: 'metatarsal1' },
      { body: 'proximalPhalanx1', follows: c.head },
      { body: 'distalPhalanx1', follows: 'proximalPhalanx1' },
    ],
  };
}

/** The medial trim after a lateral shift (see medialTrimCut). */
export interface MedialTrim {
  /** Half the bone's width at the cut, mm. */
  readonly halfWidth: (ctx: PlanContext) => number;
  /** The head's lateral shift, mm. */
  readonly shiftMm: (ctx: PlanContext) => number;
  /** The trim tapers into the shaft over this many mm behind the head, mm. */
  readonly taper: number;
}

/** Where the trim's plane lies `fromHead` mm along the shaft: its distance medial of the axis, mm. */
function trimOffset(t: MedialTrim, ctx: PlanContext, fromHead: number): number {
  const half = t.halfWidth(ctx);
  const flush = half - t.shiftMm(ctx);
  return flush + ((half + 0.5 - flush) * (2 - fromHead)) / (2 + t.taper);
}

/**
 * Trimming the medial step the shift leaves proud: the saw runs down the medial cortex from
 * `start` mm behind the head over `length` mm, the blade in the trim's plane, its tip going from
 * the dorsal half of the cortex to the middle of the bone's height.
 */
export function medialTrim(camera: View, trim: MedialTrim, start: number, length: number): StepDef {
  return {
    id: 'trim',
    duration: 4,
    camera,
    cuts: ['trim'],
    instruments: [
      {
        id: 'saw',
        kind: 'saw',
        action: 'oscillate',
        target: m1Target('medial', start - length),
        path: (ctx, p) => {
          const f = m1(ctx);
          const at = start - length * p;
          return {
            tip: f.at(at, 6 - 6 * p, trimOffset(trim, ctx, at)),
            direction: scale(f.dorsal, -1),
            up: f.medial,
          };
        },
      },
    ],
  };
}

/** The landmarks the head-bearing piece of a first-metatarsal osteotomy carries. */
const HEAD_LANDMARKS = ['head', 'articularMedial', 'articularLateral', 'sesamoidGroove', 'eminence'];

/** The shaft piece, recognised by a point near the base. */
const shaft: CutDef['fragments'][number] = {
  id: 'shaft',
  probe: fromBase(m1, 8),
  holds: ['base'],
};

/** The two pieces a first-metatarsal osteotomy leaves: the head-bearing one (named `headId`) and the shaft. */
export function headAndShaft(headId: string): CutDef['fragments'] {
  return [{ id: headId, probe: pointOf(m1, 4), holds: HEAD_LANDMARKS }, shaft];
}

/**
 * The medial trim after a lateral shift: everything of the shaft standing medial to the shifted
 * head, flush with the head's medial side distally, tapering into the shaft over `taper` mm.
 */
export function medialTrimCut(trim: MedialTrim): CutDef {
  return {
    id: 'trim',
    bone: 'shaft',
    cutter: (ctx) => {
      const f = m1(ctx);
      const pts: Vec3[] = [];
      for (const station of [2, -trim.taper]) {
        const offset = trimOffset(trim, ctx, station);
        for (const d of [-14, 14]) pts.push(f.at(station, d, offset), f.at(station, d, offset + 20));
      }
      return [pts];
    },
    fragments: [shaft],
  };
}

/**
 * An open shift osteotomy's soft tissue (chevron, scarf): the head shifted by the `shift` parameter
 * (a percentage of the width at the cut), the medial capsule plicated over the corrected toe, the
 * lateral structures released or not.
 */
export function openShiftTissue(
  head: string,
  shiftMm: (ctx: PlanContext) => number,
  lateralRelease: boolean,
) {
  return softTissue({
    head,
    shiftMm,
    shiftFraction: (ctx) => Number(ctx.params.shift) / 100,
    work: () => ({ plication: true, lateralRelease }),
  });
}
