import { add, scale } from '../../anatomy/vec';
import { inTurn, driven, during } from '../kit/tool-paths';
import { fromBase, towards } from '../kit/bone-frame';
import { wholeMm } from '../kit/fixation';
import { limb, slab } from '../kit/cutters';
import {
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
import type { ProcedureDef } from '../types';
import {
  KERF,
  LONG_END_BEHIND,
  LONG_END_ABOVE,
  LONG_LIMB,
  SHORT_LIMB_ANGLE,
  SHORT_LIMB_TILT,
  LONG_ALONG_SHAFT,
  SPAN,
  scarfZ,
  scarfWidth,
  scarfShiftMm,
  scarfShortenMm,
  zView,
  shaftView,
  DISTAL_ENTRY,
  PROXIMAL_ENTRY,
  PROXIMAL_TIP,
  distalScrew,
  DISTAL_TIP,
  proximalScrew,
  longCutStroke,
  shortLimbStroke,
} from './scarf/geometry';

/**
 * Scarf osteotomy (CLINICAL §1.2): a Z seen from the medial side, sawn from medial to lateral.
 *
 * Geometry chosen here (region frame, +X medial, +Y dorsal, +Z distal):
 * - The long limb lies in a horizontal plane (parallel to the sole: its plane holds the medial
 *   direction and the shaft axis projected onto the ground). It ends distally at E, 2 mm behind and
 *   3 mm dorsal to the head centre (in the bone's own frame), and runs LONG_LIMB mm proximally
 *   from there. Because the first metatarsal is declined (~20°), a horizontal line runs through the
 *   bone from plantar-proximal to dorsal-distal, as the Z requires.
 * - Two short limbs, one at each end of the long limb, both holding the medial direction. Each is
 *   SHORT_LIMB_ANGLE (45°) to the long limb, tilted SHORT_LIMB_TILT (12°) further proximally, so it
 *   meets the long limb at 57° (nearly square to the shaft): the distal limb leaves E dorsally, the
 *   proximal one leaves the proximal end P plantarly, and the two are exactly parallel (one is the
 *   other's direction reversed), so the plantar fragment can slide laterally.
 * The bone falls into the dorsal "shaft" fragment (with the base) and the plantar, head-bearing one.
 */

/** The medial trim tapers from the distal corner to nothing this far behind the head centre, mm. */
const TRIM_TAPER = 14;
/** The overhanging medial corner: flush with the shifted head, tapering into the shaft. */
const TRIM: MedialTrim = {
  halfWidth: (ctx) => scarfWidth(ctx) / 2,
  shiftMm: scarfShiftMm,
  taper: TRIM_TAPER,
};

/** The scarf closes by plicating the medial capsule over the corrected toe. */
const capsule = openShiftTissue('plantar', scarfShiftMm, false);

export const scarf: ProcedureDef = {
  id: 'scarf',
  region: 'foot',
  // CLINICAL §1.2 "After" (brief text D).
  recovery: [
    { at: 0, unit: 'day', key: 'recovery.heelWeight' },
    { at: 1, to: 1.5, unit: 'month', key: 'recovery.recovered' },
  ],
  references: [13, 14, 15, 16, 17, 67, 68, 71],
  // The sources only this operation cites (the shared ones: clinical/references.ts).
  sources: {
    13: 'musculoskeletalkey.com/scarf-osteotomy-2',
    14: 'Weil & Bowen, scarf osteotomy',
    15: 'boneschool.com, scarf osteotomy technique',
    16: "Campbell's Operative Orthopaedics, scarf figure",
    17: 'Clinical outcomes of scarf-Akin osteotomy (troughing rates)',
  },
  published: openBunionResults([67, 68]),
  // CLINICAL §1.2: a moderate bunion, IMA ~12–23° [13][14].
  indication: { suits: { ima: [12, 23] }, case: { id: 'moderateBunion', quotes: { hva: 36, ima: 18 } } },
  icon: 'M3 9h12l3-4h3M3 15h3l3-4h12',
  addons: ['akin'],
  params: [
    {
      id: 'shift',
      kind: 'number',
      unit: '%',
      default: 50,
      min: 0,
      max: 75,
      step: 1,
      limit: { above: 70, warning: 'proc.scarf.warn.shift' },
      // The medial overhang to trim follows the shift, so the trim cut is redone.
      recut: true,
    },
    { id: 'shorten', kind: 'number', unit: 'mm', default: 0, min: 0, max: 3, step: 0.5, recut: false },
  ],
  cuts: [
    {
      // The long limb alone leaves the bone in one piece, slotted through from medial to lateral.
      id: 'long',
      bone: 'metatarsal1',
      cutter: (ctx) => {
        const z = scarfZ(ctx);
        const mid = scale(add(z.distalEnd, z.proximalEnd), 0.5);
        // A kerf past each corner so the short limbs meet it without a sliver.
        return [slab(mid, z.along, z.medial, LONG_LIMB / 2 + KERF, SPAN, KERF)];
      },
      fragments: [{ id: 'slotted', probe: fromBase(m1, 8), holds: [] }],
    },
    {
      id: 'short',
      bone: 'slotted',
      cutter: (ctx) => {
        const z = scarfZ(ctx);
        return [
          limb(z.distalEnd, z.medial, z.short, 14, SPAN, KERF, KERF),
          limb(z.proximalEnd, z.medial, scale(z.short, -1), 14, SPAN, KERF, KERF),
        ];
      },
      fragments: headAndShaft('plantar'),
    },
    medialTrimCut(TRIM),
  ],
  motions: [
    {
      id: 'shift',
      body: 'plantar',
      kind: 'translate',
      direction: towards(m1, 'lateral'),
      amount: scarfShiftMm,
    },
    {
      // Along the long limb (it stays on the cut): proximally and parallel to the sole.
      id: 'shorten',
      body: 'plantar',
      kind: 'translate',
      direction: (ctx) => scale(scarfZ(ctx).along, -1),
      amount: scarfShortenMm,
    },
    ...capsule.motions,
  ],
  follows: capsule.follows,
  steps: [
    ...medialApproach(
      {
        incision: shaftView(190, 1.1),
        capsule: shaftView(170, 1.1),
        eminence: shaftView(130, 0.3, 0.6),
      },
      { start: -34, length: 48 },
    ),
    {
      id: 'long-cut',
      duration: 5,
      camera: zView(),
      cuts: ['long'],
      instruments: [
        {
          id: 'saw',
          kind: 'saw',
          action: 'oscillate',
          // Through to the lateral cortex first, then along the limb to its proximal end; the
          // handpiece trails medially and proximally, below the line of the cut.
          target: m1Target('lateral', -LONG_LIMB * LONG_ALONG_SHAFT),
          path: longCutStroke,
        },
      ],
    },
    {
      id: 'short-cuts',
      duration: 5,
      camera: zView(),
      cuts: ['short'],
      instruments: [
        {
          id: 'saw',
          kind: 'saw',
          action: 'oscillate',
          // The proximal limb (the handpiece below the sole), then the distal one: the still ends
          // with the tip at the lateral cortex in the distal limb, the handpiece up and away.
          target: m1Target('lateral', -LONG_END_BEHIND, 5),
          path: inTurn(shortLimbStroke('proximal'), shortLimbStroke('distal')),
        },
      ],
    },
    { id: 'shift', duration: 4, camera: shaftView(150, 2.2, 0.4), plays: ['shift', 'shorten'] },
    {
      id: 'fixation',
      duration: 5,
      camera: shaftView(150, 1.2),
      instruments: [
        {
          id: 'wire',
          kind: 'kwire',
          action: 'spin',
          // The distal screw's wire, then the proximal one's: the still ends at the proximal tip,
          // plantar-lateral: in the plantar fragment, on its lateral side.
          target: m1Target('lateral', PROXIMAL_TIP),
          path: inTurn(driven(distalScrew, during(0, 0.5)), driven(proximalScrew, during(0, 0.5))),
        },
      ],
      implants: [
        {
          id: 'screw-distal',
          kind: 'cannulatedScrew',
          fixedTo: 'plantar',
          target: m1Target('plantar', DISTAL_TIP),
          length: wholeMm(distalScrew),
          // Driven in over the step's second quarter, the proximal one over its last fifth (its
          // wire goes in once the tool has been carried over from the distal one: inTurn).
          path: driven(distalScrew, during(0.25, 0.5)),
        },
        {
          id: 'screw-proximal',
          kind: 'cannulatedScrew',
          fixedTo: 'plantar',
          target: m1Target('lateral', PROXIMAL_TIP),
          length: wholeMm(proximalScrew),
          path: driven(proximalScrew, during(0.8, 1)),
        },
      ],
    },
    medialTrim(shaftView(130, 0.4), TRIM, 0, TRIM_TAPER - 2),
    {
      id: 'capsule-repair',
      duration: 4,
      camera: shaftView(180, 2.5, 0.6),
      plays: ['rebalance', 'settle'],
    },
    { id: 'closure', phase: 'close', duration: 3, skin: true, camera: shaftView(180, 1) },
  ],
  ...headShift('plantar'),
  captionValues: (ctx) => ({
    shiftMm: scarfShiftMm(ctx),
    shiftPct: Number(ctx.params.shift),
    widthMm: scarfWidth(ctx),
    shortenMm: scarfShortenMm(ctx),
    longMm: LONG_LIMB,
    shortAngle: SHORT_LIMB_ANGLE + SHORT_LIMB_TILT,
    tilt: SHORT_LIMB_TILT,
    behindMm: LONG_END_BEHIND,
    aboveMm: LONG_END_ABOVE,
    screwDistalMm: Math.round(distalScrew(ctx).length),
    screwProximalMm: Math.round(proximalScrew(ctx).length),
    // How far behind the distal screw's entry the proximal one goes in, mm.
    screwGapMm: DISTAL_ENTRY - PROXIMAL_ENTRY,
  }),
};

/** The picker lists the procedures by this number, lowest first. */
export const order = 2;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = scarf;
