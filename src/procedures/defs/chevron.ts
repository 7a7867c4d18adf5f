import { add, cross, normalize, scale } from '../../anatomy/vec';
import { perContext } from '../kit/case-memo';
import { limb } from '../kit/cutters';
import { between, towards } from '../kit/bone-frame';
import { medialView, station } from '../kit/camera';
import { inTurn, type ToolPath } from '../kit/tool-paths';
import { screwAxis, wireThenScrew, type ScrewLine } from '../kit/fixation';
import {
  DISTAL_INCISION,
  headAndShaft,
  m1,
  m1Target,
  medialApproach,
  medialTrim,
  medialTrimCut,
  openShiftTissue,
  type MedialTrim,
  headShift,
} from '../foot/first-ray';
import { openBunionResults } from '../../clinical/published-results';
import type { PlanContext, ProcedureDef, StepContext } from '../types';

const DEG = Math.PI / 180;
/** Saw kerf, mm (CLINICAL: 0.5–1). */
const KERF = 0.6;
/** The V's limbs are 60° apart (CLINICAL §1.1). */
export const CHEVRON_ANGLE = 60;
/** Where the shaft width is taken: 10 mm behind the apex, where the limbs leave the metaphysis. */
export const WIDTH_STATION = -10;

/** Width of the metatarsal across the shift direction at the cut, mm. */
export const chevronWidth = perContext((ctx: PlanContext): number => {
  const f = m1(ctx);
  return ctx.gauge.width('metatarsal1', f.at(WIDTH_STATION), f.axis, f.medial);
});

/** Lateral translation of the head, mm: shift % of the width at the cut. */
export function chevronShiftMm(ctx: PlanContext): number {
  return (Number(ctx.params.shift) / 100) * chevronWidth(ctx);
}

/** A surgeon's view of the first metatarsal head from medial and above, at `distance` mm. */
const headView = (distance = 130, fromDorsal = 0.7) =>
  medialView(m1, station(-6), { dorsal: fromDorsal, distal: 0.3 }, distance);

/**
 * The V from straight medial, looking laterally at it lying on its side (apex distal, limbs dorsal
 * and plantar): only there do its limbs show their 60°; seen from above the medial face curves them.
 */
const sideView = (distance = 120) => medialView(m1, station(-7), { distal: 0.08 }, distance);

/** The screw enters the dorsal cortex this far behind the head centre: ~3 mm proximal to the dorsal limb. */
const SCREW_ENTRY = -15;
/** Its tip: plantar-distal in the head, ~2 mm inside the cartilage. */
const SCREW_TIP = [2, -5.5] as const;

/**
 * From dorsal-proximal to the cut, steeply plantar-distal across the dorsal limb into the head
 * (~36° to the shaft): a screw brought to it stands over its entry, not over the shaft or the base.
 */
function screwLine(ctx: StepContext): ScrewLine {
  const f = m1(ctx);
  const entry = f.at(SCREW_ENTRY, 7, 0.5);
  const target = ctx.placed('capital', f.at(...SCREW_TIP, 0));
  return { entry, target };
}

/** Where along a limb (from the apex) the saw works, mm. */
const SAW_ALONG_LIMB = 7;
/** How far the saw's handpiece leans from straight medial towards the open end of its limb, degrees. */
const SAW_LEAN = 62;

/** The saw's stroke in each limb, plantar then dorsal: from medial of the bone to the lateral cortex. */
const limbStrokes = perContext((ctx: PlanContext) =>
  ([false, true] as const).map((dorsalLimb) => {
    const f = m1(ctx);
    const limbDir = between(scale(f.axis, -1), scale(f.dorsal, dorsalLimb ? 1 : -1), CHEVRON_ANGLE / 2);
    const mid = add(f.head, scale(limbDir, SAW_ALONG_LIMB));
    const from = ctx.gauge.reach('metatarsal1', mid, f.medial) + 4;
    const to = -ctx.gauge.reach('metatarsal1', mid, scale(f.medial, -1)) - 0.5;
    return { limbDir, mid, from, to };
  }),
);

/**
 * The micro-saw in one limb of the V: the blade flat in the limb's plane, its tip going from medial
 * of the bone to the lateral cortex; the handpiece trails medially and back along the limb (proximal,
 * dorsal for the dorsal limb) so that from the side the V is not hidden behind it.
 */
const limbStroke =
  (dorsalLimb: boolean): ToolPath =>
  (ctx, q) => {
    const f = m1(ctx);
    const { limbDir, mid, from, to } = limbStrokes(ctx)[dorsalLimb ? 1 : 0]!;
    const handle = between(f.medial, limbDir, SAW_LEAN);
    return {
      tip: add(mid, scale(f.medial, from + (to - from) * q)),
      direction: scale(handle, -1),
      up: normalize(cross(f.medial, limbDir)),
    };
  };

/** The medial step the shift leaves proud, trimmed flush with the head and tapering over 30 mm. */
const TRIM: MedialTrim = { halfWidth: (ctx) => chevronWidth(ctx) / 2, shiftMm: chevronShiftMm, taper: 30 };

/**
 * The open chevron releases the contracted lateral structures through the joint and closes by
 * plicating the medial capsule over the corrected toe (CLINICAL §1.1; its capsule-repair caption).
 */
const capsule = openShiftTissue('capital', chevronShiftMm, true);

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
  // The sources only this operation cites (the shared ones: clinical/references.ts).
  sources: {
    5: 'Anatomical basis of chevron displacement (metatarsal head width, 50 % shift = 6.0/5.0 mm)',
    6: 'Austin & Leventen, Clin Orthop 1981;157:25–30; Hetherington, "Austin procedure" chapter',
    7: 'link.springer.com/article/10.1007/s10195-015-0366-7',
    8: 'wheelessonline.com/bones/chevron-osteotomy',
    9: 'podiatry2-0.com/?p=544',
    10: 'musculoskeletalkey.com/chevron-osteotomy',
    11: 'musculoskeletalkey.com/distal-chevron-osteotomy-perspective-2',
    12: 'foot-health.info/Exostectomy_Osteotomy',
  },
  published: openBunionResults([67, 68, 69]),
  // CLINICAL §1.1: a mild to moderate bunion, HVA up to ~30–35°, IMA up to ~15–16° [6][7][8].
  indication: {
    suits: { hva: [15, 35], ima: [9, 16] },
    case: { id: 'mildBunion', quotes: { hva: 25, ima: 11 } },
  },
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
    medialTrimCut(TRIM),
  ],
  motions: [
    {
      id: 'shift',
      body: 'capital',
      kind: 'translate',
      direction: towards(m1, 'lateral'),
      amount: chevronShiftMm,
    },
    {
      id: 'impact',
      body: 'capital',
      kind: 'translate',
      direction: towards(m1, 'proximal'),
      amount: () => 0.8,
    },
    ...capsule.motions,
  ],
  follows: capsule.follows,
  steps: [
    ...medialApproach(
      {
        incision: headView(170, 1.1),
        capsule: headView(150, 1.1),
        eminence: headView(120, 0.3),
      },
      DISTAL_INCISION,
    ),
    {
      id: 'cut',
      duration: 5,
      camera: sideView(100),
      cuts: ['v'],
      instruments: [
        {
          id: 'saw',
          kind: 'saw',
          action: 'oscillate',
          // The plantar limb, then the dorsal one: the still ends with the tip at the lateral cortex
          // in the head's metaphysis.
          target: m1Target('lateral', -SAW_ALONG_LIMB * Math.cos((CHEVRON_ANGLE / 2) * DEG)),
          path: inTurn(limbStroke(false), limbStroke(true)),
        },
      ],
    },
    { id: 'shift', duration: 4, camera: headView(140, 2.2), plays: ['shift'] },
    { id: 'impact', duration: 2, camera: headView(130, 1.2), plays: ['impact'] },
    {
      id: 'fixation',
      duration: 5,
      camera: headView(140, 1.2),
      ...wireThenScrew('screw', 'cannulatedScrew', 'capital', screwLine, m1Target('plantar', SCREW_TIP[0])),
    },
    // Along the medial cortex from the head to where the trim runs out into the shaft.
    medialTrim(headView(120, 0.4), TRIM, -2, 14),
    {
      id: 'capsule-repair',
      duration: 4,
      camera: headView(170, 2.5),
      plays: ['rebalance', 'settle'],
    },
    { id: 'closure', phase: 'close', duration: 3, skin: true, camera: headView(170, 1) },
  ],
  ...headShift('capital'),
  captionValues: (ctx) => ({
    vAngle: CHEVRON_ANGLE,
    shiftMm: chevronShiftMm(ctx),
    shiftPct: Number(ctx.params.shift),
    widthMm: chevronWidth(ctx),
    screwMm: Math.round(screwAxis(screwLine(ctx)).length),
  }),
};

/** The picker lists the procedures by this number, lowest first. */
export const order = 1;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = chevron;
