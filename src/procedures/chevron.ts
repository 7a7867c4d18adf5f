import { scale, sub, add, normalize } from '../anatomy/sdf';
import { limb } from '../geometry/cutters';
import { between } from './bone-frame';
import { screwAxis, wireThenScrew, type ScrewLine } from './fixation';
import { headAndShaft, m1, medialApproach, medialTrim, medialTrimCut, softTissue } from './first-ray';
import type { PlanContext, ProcedureDef, StepContext } from './types';

/** Saw kerf, mm (CLINICAL: 0.5–1). */
const KERF = 0.6;
/** The V's limbs are 60° apart (CLINICAL §1.1). */
export const CHEVRON_ANGLE = 60;
/** Where the shaft width is taken: 10 mm behind the apex, where the limbs leave the metaphysis. */
export const WIDTH_STATION = -10;

/** Width of the metatarsal across the shift direction at the cut, mm. */
export function chevronWidth(ctx: PlanContext): number {
  const f = m1(ctx);
  return ctx.gauge.width('metatarsal1', f.at(WIDTH_STATION), f.axis, f.medial);
}

/** Lateral translation of the head, mm: shift % of the width at the cut. */
export function chevronShiftMm(ctx: PlanContext): number {
  return (Number(ctx.params.shift) / 100) * chevronWidth(ctx);
}

/** A surgeon's view of the first metatarsal head from medial and above, at `distance` mm. */
function headView(ctx: StepContext, distance = 130, fromDorsal = 0.7) {
  const f = m1(ctx);
  return {
    target: f.at(-6),
    from: add(add(f.medial, scale(f.dorsal, fromDorsal)), scale(f.axis, 0.3)),
    distance,
  };
}

function screwLine(ctx: StepContext): ScrewLine {
  const f = m1(ctx);
  const entry = f.at(-17, 6.5, 1);
  const target = ctx.placed('capital', f.at(1, -3.5, 0));
  return { entry, target };
}

/**
 * The open chevron releases the contracted lateral structures through the joint and closes by
 * plicating the medial capsule over the corrected toe (CLINICAL §1.1; its capsule-repair caption).
 */
const capsule = softTissue({
  head: 'capital',
  shiftMm: chevronShiftMm,
  shiftFraction: (ctx) => Number(ctx.params.shift) / 100,
  work: () => ({ plication: true, lateralRelease: true }),
});

export const chevron: ProcedureDef = {
  id: 'chevron',
  region: 'foot',
  // CLINICAL §1.1 "After" [12].
  recovery: [
    { at: 1, unit: 'day', key: 'recovery.stiffShoe' },
    { at: 3, to: 4, unit: 'week', key: 'recovery.shoeOff' },
    { at: 6, to: 8, unit: 'week', key: 'recovery.boneHealed' },
  ],
  references: [5, 6, 7, 8, 9, 10, 11, 12, 67, 68, 69],
  icon: 'M3 8h9l3 4-3 4H3M15 12l3-4h3v8h-3z',
  addons: ['akin'],
  params: [
    {
      id: 'shift',
      kind: 'number',
      unit: '%',
      default: 30,
      min: 0,
      max: 90,
      step: 1,
      limit: { above: 50, warning: 'proc.chevron.warn.shift' },
      // The medial step left proud follows the shift, so the trim cut is redone.
      recut: true,
    },
  ],
  cuts: [
    {
      id: 'v',
      bone: 'metatarsal1',
      cutter: (ctx) => {
        const f = m1(ctx);
        const half = CHEVRON_ANGLE / 2;
        const back = scale(f.axis, -1);
        return [
          limb(f.head, f.medial, between(back, f.dorsal, half), 30, 20, KERF, 1.2),
          limb(f.head, f.medial, between(back, scale(f.dorsal, -1), half), 30, 20, KERF, 1.2),
        ];
      },
      fragments: headAndShaft('capital'),
    },
    medialTrimCut((ctx) => chevronWidth(ctx) / 2, chevronShiftMm, 30),
  ],
  motions: [
    {
      id: 'shift',
      body: 'capital',
      kind: 'translate',
      direction: (ctx) => scale(m1(ctx).medial, -1),
      amount: chevronShiftMm,
    },
    {
      id: 'impact',
      body: 'capital',
      kind: 'translate',
      direction: (ctx) => scale(m1(ctx).axis, -1),
      amount: () => 0.8,
    },
    ...capsule.motions,
  ],
  follows: capsule.follows,
  steps: [
    ...medialApproach(
      {
        incision: (ctx) => headView(ctx, 170, 1.1),
        capsule: (ctx) => headView(ctx, 150, 1.1),
        eminence: (ctx) => headView(ctx, 120, 0.3),
      },
      { start: -22, length: 40 },
    ),
    {
      id: 'cut',
      duration: 5,
      camera: (ctx) => headView(ctx, 120, 0.5),
      cuts: ['v'],
      instruments: [
        {
          id: 'saw',
          kind: 'saw',
          action: 'oscillate',
          path: (ctx, p) => {
            const f = m1(ctx);
            const dorsalLimb = p < 0.5;
            const q = dorsalLimb ? p * 2 : (p - 0.5) * 2;
            const dir = between(scale(f.axis, -1), scale(f.dorsal, dorsalLimb ? 1 : -1), CHEVRON_ANGLE / 2);
            const mid = add(f.head, scale(dir, 7));
            return {
              tip: add(mid, scale(f.medial, 12 - 22 * q)),
              direction: scale(f.medial, -1),
              up: normalize(sub(scale(f.dorsal, dorsalLimb ? 1 : -1), scale(dir, dorsalLimb ? 0.5 : -0.5))),
            };
          },
        },
      ],
    },
    { id: 'shift', duration: 4, camera: (ctx) => headView(ctx, 140, 2.2), plays: ['shift'] },
    { id: 'impact', duration: 2, camera: (ctx) => headView(ctx, 130, 1.2), plays: ['impact'] },
    {
      id: 'fixation',
      duration: 5,
      camera: (ctx) => headView(ctx, 140, 1.2),
      ...wireThenScrew('screw', 'cannulatedScrew', 'capital', screwLine),
    },
    medialTrim(
      (ctx) => headView(ctx, 120, 0.4),
      (ctx) => chevronWidth(ctx) / 2,
      -8,
      20,
    ),
    {
      id: 'capsule-repair',
      duration: 4,
      camera: (ctx) => headView(ctx, 170, 2.5),
      plays: ['rebalance', 'settle'],
    },
    { id: 'closure', phase: 'close', duration: 3, skin: true, camera: (ctx) => headView(ctx, 170, 1) },
  ],
  captionValues: (ctx) => ({
    vAngle: CHEVRON_ANGLE,
    shiftMm: chevronShiftMm(ctx),
    shiftPct: Number(ctx.params.shift),
    widthMm: chevronWidth(ctx),
    screwMm: Math.round(screwAxis(screwLine(ctx)).length),
  }),
};
