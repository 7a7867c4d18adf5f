import { add, cross, length, normalize, scale, sub, type Vec3 } from '../../anatomy/vec';
import { landmark } from '../../anatomy/landmarks';
import { limb, slab } from '../kit/cutters';
import { between } from '../bone-frame';
import {
  headAndShaft,
  m1,
  m1Target,
  medialApproach,
  medialTrim,
  medialTrimCut,
  softTissue,
  type MedialTrim,
} from '../first-ray';
import { openBunionResults } from '../../clinical/published-results';
import type { PlanContext, ProcedureDef, StepContext } from '../types';

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

/** Saw kerf, mm (CLINICAL: 0.5–1). */
const KERF = 0.6;
/** The long limb ends this far behind (mm, along the shaft) and above the head centre. */
export const LONG_END_BEHIND = 2;
export const LONG_END_ABOVE = 3;
/** Length of the long limb, mm, along its (horizontal) direction: ~ the middle 40 % of the shaft. */
export const LONG_LIMB = 21;
/** The short limbs: ~45° to the long limb, angled a further 10–15° proximally. */
export const SHORT_LIMB_ANGLE = 45;
export const SHORT_LIMB_TILT = 12;
/** The long limb's length along the shaft per mm of its own (the metatarsal is declined ~21°). */
const LONG_ALONG_SHAFT = Math.cos((21 * Math.PI) / 180);
/** Half the ML span of every saw piece: wider than any first metatarsal. */
const SPAN = 20;
/** The medial trim tapers from the distal corner to nothing this far behind the head centre, mm. */
const TRIM_TAPER = 14;
/** The distal screw stops this far short of the articular cartilage, mm. */
const CARTILAGE_MARGIN = 2;

/** The Z on this patient: its two corners and the directions of its limbs (all region frame). */
export function scarfZ(ctx: PlanContext) {
  const f = m1(ctx);
  // The shaft direction projected onto the ground (the long limb's direction, distal).
  const along = normalize([f.axis[0], 0, f.axis[2]]);
  const up: Vec3 = [0, 1, 0];
  const distalEnd = f.at(-LONG_END_BEHIND, LONG_END_ABOVE);
  const proximalEnd = add(distalEnd, scale(along, -LONG_LIMB));
  // Distal short limb, running dorsally out of the bone from the distal corner; its angle to the
  // long limb is measured from the long limb's distal continuation.
  const short = between(along, up, SHORT_LIMB_ANGLE + SHORT_LIMB_TILT);
  return { f, along, up, distalEnd, proximalEnd, short, medial: f.medial };
}

/** Where the width is taken: the middle of the long limb. */
function widthStation(ctx: PlanContext): Vec3 {
  const z = scarfZ(ctx);
  return scale(add(z.distalEnd, z.proximalEnd), 0.5);
}

/** Width of the metatarsal across the shift direction at the middle of the long limb, mm. */
export function scarfWidth(ctx: PlanContext): number {
  const f = m1(ctx);
  return ctx.gauge.width('metatarsal1', widthStation(ctx), f.axis, f.medial);
}

/** Lateral translation of the plantar fragment, mm: shift % of the width at the cut. */
export function scarfShiftMm(ctx: PlanContext): number {
  return (Number(ctx.params.shift) / 100) * scarfWidth(ctx);
}

/** Shortening, mm: the plantar fragment slides proximally along the long limb. */
export function scarfShortenMm(ctx: PlanContext): number {
  return Number(ctx.params.shorten ?? 0);
}

/** The Z as it is drawn in the books: from straight medial (a touch above), the whole of it in view. */
function zView(ctx: StepContext, distance = 100) {
  const f = m1(ctx);
  return {
    target: f.at(-12, -1),
    from: add(add(f.medial, scale(f.dorsal, 0.12)), scale(f.axis, 0.05)),
    distance,
  };
}

/** A surgeon's view of the first metatarsal from medial and above, centred on the Z. */
function shaftView(ctx: StepContext, distance = 140, fromDorsal = 0.5, fromDistal = 0.2) {
  const f = m1(ctx);
  return {
    target: f.at(-11),
    from: add(add(f.medial, scale(f.dorsal, fromDorsal)), scale(f.axis, fromDistal)),
    distance,
  };
}

function line(entry: Vec3, target: Vec3) {
  const d = sub(target, entry);
  return { entry, target, dir: normalize(d), length: length(d) };
}

/** The distal screw enters the dorsal fragment this far behind the head centre, mm. */
const DISTAL_ENTRY = -9;
/** The proximal screw: in the proximal part of the Z, well apart from the distal one, mm behind the head. */
const PROXIMAL_ENTRY = -24;
const PROXIMAL_TIP = -14;

/** Distal screw: from the dorsal cortex of the shaft fragment, oblique into the head, 2 mm short of cartilage. */
function distalScrew(ctx: StepContext) {
  const f = m1(ctx);
  const lm = ctx.landmarks;
  const radius =
    length(
      sub(landmark(lm, 'metatarsal1', 'articularMedial'), landmark(lm, 'metatarsal1', 'articularLateral')),
    ) / 2;
  const entry = f.at(DISTAL_ENTRY, 7.2, 1.5);
  // Plantar-distal in the head, on the line from the head centre, radius − 2 mm out.
  const inHead = add(f.head, scale(between(f.axis, scale(f.dorsal, -1), 35), radius - CARTILAGE_MARGIN));
  return line(entry, ctx.placed('plantar', inHead));
}

/** Where the distal screw's tip lies, mm along the shaft from the head centre. */
const DISTAL_TIP = 4.5;

/**
 * Proximal screw: from dorsomedial on the shaft fragment, in the proximal part of the Z, to
 * plantar-lateral in the plantar fragment, angled distally like the distal one (not square across
 * the shaft on the AP view).
 */
function proximalScrew(ctx: StepContext) {
  const f = m1(ctx);
  const entry = f.at(PROXIMAL_ENTRY, 5.5, 3);
  return line(entry, ctx.placed('plantar', f.at(PROXIMAL_TIP, -6, -2.5)));
}

/** The saw's handpiece leans this far from straight medial towards the open side of its cut, degrees. */
const SAW_LEAN = 60;

/**
 * The micro-saw in one plane of the Z at `at`: the blade flat in the plane that holds the medial
 * direction and `inPlane`, its tip going from medial of the bone to the lateral cortex (q 0–1); the
 * handpiece trails medially and along `inPlane`, clear of the Z seen from the medial side.
 */
function sawIn(ctx: StepContext, at: Vec3, inPlane: Vec3, q: number) {
  const f = m1(ctx);
  const medial = ctx.gauge.reach('metatarsal1', at, f.medial);
  const lateral = ctx.gauge.reach('metatarsal1', at, scale(f.medial, -1));
  const from = medial + 4;
  const to = -lateral - 0.5;
  return {
    tip: add(at, scale(f.medial, from + (to - from) * Math.min(1, Math.max(0, q)))),
    direction: scale(between(f.medial, inPlane, SAW_LEAN), -1),
    up: normalize(cross(f.medial, inPlane)),
  };
}

/** The overhanging medial corner: flush with the shifted head, tapering into the shaft. */
const TRIM: MedialTrim = {
  halfWidth: (ctx) => scarfWidth(ctx) / 2,
  shiftMm: scarfShiftMm,
  taper: TRIM_TAPER,
};

/** The scarf closes by plicating the medial capsule over the corrected toe. */
const capsule = softTissue({
  head: 'plantar',
  shiftMm: scarfShiftMm,
  shiftFraction: (ctx) => Number(ctx.params.shift) / 100,
  work: () => ({ plication: true, lateralRelease: false }),
});

export const scarf: ProcedureDef = {
  id: 'scarf',
  region: 'foot',
  // CLINICAL §1.2 "After" (brief text D).
  recovery: [
    { at: 0, unit: 'day', key: 'recovery.heelWeight' },
    { at: 1, to: 1.5, unit: 'month', key: 'recovery.recovered' },
  ],
  references: [13, 14, 15, 16, 17, 67, 68, 71],
  published: openBunionResults([67, 68]),
  // CLINICAL §1.2: IMA ~12–23°.
  quiz: { answers: 'moderateBunion', wrongFor: ['toeDeviation'] },
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
      fragments: [{ id: 'slotted', probe: (ctx) => m1(ctx).at(-m1(ctx).length + 8), holds: [] }],
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
      direction: (ctx) => scale(m1(ctx).medial, -1),
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
        incision: (ctx) => shaftView(ctx, 190, 1.1),
        capsule: (ctx) => shaftView(ctx, 170, 1.1),
        eminence: (ctx) => shaftView(ctx, 130, 0.3, 0.6),
      },
      { start: -34, length: 48 },
    ),
    {
      id: 'long-cut',
      duration: 5,
      camera: (ctx) => zView(ctx),
      cuts: ['long'],
      instruments: [
        {
          id: 'saw',
          kind: 'saw',
          action: 'oscillate',
          // Through to the lateral cortex first, then along the limb to its proximal end; the
          // handpiece trails medially and proximally, below the line of the cut.
          target: m1Target('lateral', -LONG_LIMB * LONG_ALONG_SHAFT),
          path: (ctx, p) => {
            const z = scarfZ(ctx);
            const at = add(z.distalEnd, scale(z.along, (-LONG_LIMB * Math.max(0, p - 0.2)) / 0.8));
            return sawIn(ctx, at, scale(z.along, -1), p / 0.2);
          },
        },
      ],
    },
    {
      id: 'short-cuts',
      duration: 5,
      camera: (ctx) => zView(ctx),
      cuts: ['short'],
      instruments: [
        {
          id: 'saw',
          kind: 'saw',
          action: 'oscillate',
          // The proximal limb (the handpiece below the sole), then the distal one: the still ends
          // with the tip at the lateral cortex in the distal limb, the handpiece up and away.
          target: m1Target('lateral', -LONG_END_BEHIND, 5),
          path: (ctx, p) => {
            const z = scarfZ(ctx);
            if (p < 0.5) return sawIn(ctx, add(z.proximalEnd, scale(z.short, -3)), scale(z.short, -1), p * 2);
            return sawIn(ctx, add(z.distalEnd, scale(z.short, 1.5)), z.short, (p - 0.5) * 2);
          },
        },
      ],
    },
    { id: 'shift', duration: 4, camera: (ctx) => shaftView(ctx, 150, 2.2, 0.4), plays: ['shift', 'shorten'] },
    {
      id: 'fixation',
      duration: 5,
      camera: (ctx) => shaftView(ctx, 150, 1.2),
      instruments: [
        {
          id: 'wire',
          kind: 'kwire',
          action: 'spin',
          // The distal screw's wire, then the proximal one's: the still ends at the proximal tip,
          // plantar-lateral: in the plantar fragment, on its lateral side.
          target: m1Target('lateral', PROXIMAL_TIP),
          path: (ctx, p) => {
            const s = p < 0.5 ? distalScrew(ctx) : proximalScrew(ctx);
            const q = p < 0.5 ? p * 2 : (p - 0.5) * 2;
            return { tip: add(s.entry, scale(s.dir, s.length * Math.min(1, q * 2))), direction: s.dir };
          },
        },
      ],
      implants: [
        {
          id: 'screw-distal',
          kind: 'cannulatedScrew',
          fixedTo: 'plantar',
          target: m1Target('plantar', DISTAL_TIP),
          length: (ctx) => Math.round(distalScrew(ctx).length),
          path: (ctx, p) => {
            const s = distalScrew(ctx);
            const depth = Math.min(1, Math.max(0, p * 4 - 1));
            return { tip: add(s.entry, scale(s.dir, s.length * depth)), direction: s.dir };
          },
        },
        {
          id: 'screw-proximal',
          kind: 'cannulatedScrew',
          fixedTo: 'plantar',
          target: m1Target('lateral', PROXIMAL_TIP),
          length: (ctx) => Math.round(proximalScrew(ctx).length),
          path: (ctx, p) => {
            const s = proximalScrew(ctx);
            const depth = Math.min(1, Math.max(0, p * 4 - 3));
            return { tip: add(s.entry, scale(s.dir, s.length * depth)), direction: s.dir };
          },
        },
      ],
    },
    medialTrim((ctx) => shaftView(ctx, 130, 0.4), TRIM, 0, TRIM_TAPER - 2),
    {
      id: 'capsule-repair',
      duration: 4,
      camera: (ctx) => shaftView(ctx, 180, 2.5, 0.6),
      plays: ['rebalance', 'settle'],
    },
    { id: 'closure', phase: 'close', duration: 3, skin: true, camera: (ctx) => shaftView(ctx, 180, 1) },
  ],
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
