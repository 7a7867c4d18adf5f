/**
 * The scarf's Z on the first metatarsal (CLINICAL §1.2): its limbs, the shaft's width at the cut,
 * the shift and shortening, the two screws, the saw's passes and the views.
 */
import { add, cross, length, normalize, scale, sub, type Vec3 } from '../../../anatomy/vec';
import { landmark } from '../../../anatomy/landmarks';
import { between } from '../../kit/bone-frame';
import { medialView, station } from '../../kit/camera';
import type { ToolPath } from '../../kit/tool-paths';
import { perContext, sampledAlong } from '../../kit/case-memo';
import { m1 } from '../../foot/first-ray';
import type { PlanContext, StepContext } from '../../types';

/** Saw kerf, mm (CLINICAL: 0.5–1). */
export const KERF = 0.6;
/** The long limb ends this far behind (mm, along the shaft) and above the head centre. */
export const LONG_END_BEHIND = 2;
export const LONG_END_ABOVE = 3;
/** Length of the long limb, mm, along its (horizontal) direction: ~ the middle 40 % of the shaft. */
export const LONG_LIMB = 21;
/** The short limbs: ~45° to the long limb, angled a further 10–15° proximally. */
export const SHORT_LIMB_ANGLE = 45;
export const SHORT_LIMB_TILT = 12;
/** The long limb's length along the shaft per mm of its own (the metatarsal is declined ~21°). */
export const LONG_ALONG_SHAFT = Math.cos((21 * Math.PI) / 180);
/** Half the ML span of every saw piece: wider than any first metatarsal. */
export const SPAN = 20;
/** The distal screw stops this far short of the articular cartilage, mm. */
export const CARTILAGE_MARGIN = 2;

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
export function widthStation(ctx: PlanContext): Vec3 {
  const z = scarfZ(ctx);
  return scale(add(z.distalEnd, z.proximalEnd), 0.5);
}

/** Width of the metatarsal across the shift direction at the middle of the long limb, mm. */
export const scarfWidth = perContext((ctx: PlanContext): number => {
  const f = m1(ctx);
  return ctx.gauge.width('metatarsal1', widthStation(ctx), f.axis, f.medial);
});

/** Lateral translation of the plantar fragment, mm: shift % of the width at the cut. */
export function scarfShiftMm(ctx: PlanContext): number {
  return (Number(ctx.params.shift) / 100) * scarfWidth(ctx);
}

/** Shortening, mm: the plantar fragment slides proximally along the long limb. */
export function scarfShortenMm(ctx: PlanContext): number {
  return Number(ctx.params.shorten ?? 0);
}

/** The Z as it is drawn in the books: from straight medial (a touch above), the whole of it in view. */
export const zView = (distance = 100) =>
  medialView(m1, station(-12, -1), { dorsal: 0.12, distal: 0.05 }, distance);

/** A surgeon's view of the first metatarsal from medial and above, centred on the Z. */
export const shaftView = (distance = 140, fromDorsal = 0.5, fromDistal = 0.2) =>
  medialView(m1, station(-11), { dorsal: fromDorsal, distal: fromDistal }, distance);

export function line(entry: Vec3, target: Vec3) {
  const d = sub(target, entry);
  return { entry, target, dir: normalize(d), length: length(d) };
}

/** The distal screw enters the dorsal fragment this far behind the head centre, mm. */
export const DISTAL_ENTRY = -9;
/** The proximal screw: in the proximal part of the Z, well apart from the distal one, mm behind the head. */
export const PROXIMAL_ENTRY = -24;
export const PROXIMAL_TIP = -14;

/** Distal screw: from the dorsal cortex of the shaft fragment, oblique into the head, 2 mm short of cartilage. */
export function distalScrew(ctx: StepContext) {
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
export const DISTAL_TIP = 4.5;

/**
 * Proximal screw: from dorsomedial on the shaft fragment, in the proximal part of the Z, to
 * plantar-lateral in the plantar fragment, angled distally like the distal one (not square across
 * the shaft on the AP view).
 */
export function proximalScrew(ctx: StepContext) {
  const f = m1(ctx);
  const entry = f.at(PROXIMAL_ENTRY, 5.5, 3);
  return line(entry, ctx.placed('plantar', f.at(PROXIMAL_TIP, -6, -2.5)));
}

/** The saw's handpiece leans this far from straight medial towards the open side of its cut, degrees. */
export const SAW_LEAN = 60;

/**
 * The micro-saw in one plane of the Z at `at`: the blade flat in the plane that holds the medial
 * direction and `inPlane`, its tip going from medial of the bone to the lateral cortex (q 0–1); the
 * handpiece trails medially and along `inPlane`, clear of the Z seen from the medial side.
 */
export function sawIn(ctx: StepContext, at: Vec3, inPlane: Vec3, q: number, across = boneAcross(ctx, at)) {
  const f = m1(ctx);
  const [medial, lateral] = across;
  const from = medial + 4;
  const to = -lateral - 0.5;
  return {
    tip: add(at, scale(f.medial, from + (to - from) * Math.min(1, Math.max(0, q)))),
    direction: scale(between(f.medial, inPlane, SAW_LEAN), -1),
    up: normalize(cross(f.medial, inPlane)),
  };
}

/** How far the metatarsal reaches medially and laterally from `at`, mm. */
function boneAcross(ctx: PlanContext, at: Vec3): readonly [number, number] {
  const f = m1(ctx);
  return [
    ctx.gauge.reach('metatarsal1', at, f.medial),
    ctx.gauge.reach('metatarsal1', at, scale(f.medial, -1)),
  ];
}

/** The long cut's saw station, `s` (0–1) of the way from the Z's distal corner to its proximal end. */
export function longCutAt(ctx: PlanContext, s: number): Vec3 {
  const z = scarfZ(ctx);
  return add(z.distalEnd, scale(z.along, -LONG_LIMB * s));
}

/** The bone across the long cut as the saw runs along it (see sampledAlong). */
export const longCutAcross = sampledAlong(16, (ctx: PlanContext, s) => boneAcross(ctx, longCutAt(ctx, s)));

/** The saw through to the lateral cortex at the Z's distal corner (the first fifth), then along the long limb. */
export const longCutStroke: ToolPath = (ctx, p) => {
  const s = Math.max(0, p - 0.2) / 0.8;
  return sawIn(ctx, longCutAt(ctx, s), scale(scarfZ(ctx).along, -1), p / 0.2, longCutAcross(ctx, s));
};

/** The saw through one short limb of the Z: the proximal one (the handpiece below the sole) or the distal one. */
export const shortLimbStroke =
  (end: 'proximal' | 'distal'): ToolPath =>
  (ctx, q) => {
    const z = scarfZ(ctx);
    return end === 'proximal'
      ? sawIn(ctx, add(z.proximalEnd, scale(z.short, -3)), scale(z.short, -1), q)
      : sawIn(ctx, add(z.distalEnd, scale(z.short, 1.5)), z.short, q);
  };
