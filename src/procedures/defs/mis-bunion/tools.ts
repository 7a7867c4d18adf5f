/**
 * The percutaneous bunion operation's cut and tools: the MICA chevron cut with the burr, the burr's
 * passes over the bump, the screws of MICA, the lever that shifts the head, and the views.
 */
import { add, normalize, scale, sub, type Vec3 } from '../../../anatomy/vec';
import { limb } from '../../kit/cutters';
import { between } from '../../kit/bone-frame';
import { BURR_DIAMETER, eminenceProud, passDepth } from '../../foot/burr';
import { headAndShaft, m1, m1Target } from '../../foot/first-ray';
import type { ScrewLine } from '../../kit/fixation';
import type { CutDef, InstrumentUse, PlanContext, StepContext } from '../../types';
import { onSkin } from '../../kit/skin';
import { medialView, station } from '../../kit/camera';
import { throughPortal, type TipPath, type ToolPath } from '../../kit/tool-paths';

/** The MICA chevron's apex lies this far behind the head's centre: extra-articular, mm. */
export const MICA_APEX = -8;
/** Its limbs are 60° apart like the open chevron's, made with the burr's 2 mm kerf. */
export const MICA_ANGLE = 60;
/**
 * The head, pushed across, is impacted on the shaft until the burr's kerf closes on both limbs:
 * along the axis, the kerf over the sine of the limbs' half-angle (the shortening a burr chevron
 * brings), mm.
 */
export const MICA_IMPACTION = BURR_DIAMETER / Math.sin((MICA_ANGLE / 2) * (Math.PI / 180));
/** The forefoot from medial and above, as the C-arm and the surgeon see it: aimed `at` mm from the head. */
export const view = (distance: number, fromDorsal = 0.8, at = -6) =>
  medialView(m1, station(at), { dorsal: fromDorsal, distal: 0.3 }, distance);

/** The eminence's centre lies ~2 mm behind the head's: where the burr ends a pass, mm from the head. */
export const EMINENCE_STATION = -2;

/**
 * The burr's pose in pass k over the bump: across it and back, ending on the plantar rim of the
 * layer it leaves (as far as the bump reaches there), where the still shows it.
 */
const bumpSweep =
  (k: number): ToolPath =>
  (ctx, p) => {
    const f = m1(ctx);
    const { top } = eminenceProud(ctx);
    const layer = sub(top, scale(f.medial, k * passDepth(ctx)));
    const [plantar, dorsal] = ctx.gauge.span('eminence', layer, f.medial, f.dorsal);
    const s = Math.sin(p * Math.PI * 3.5);
    const sweep = s * Math.max(1, (s > 0 ? dorsal : -plantar) - 0.5);
    const tip = add(add(layer, scale(f.medial, BURR_DIAMETER / 2)), scale(f.dorsal, sweep));
    return { tip, direction: normalize(add(f.axis, scale(f.medial, -0.15))), up: f.dorsal };
  };

/**
 * The burr entering through the medial portal proximal to the bump, its bit lying along the bone,
 * sweeping the bump dorsal to plantar in pass k: its deepest point on the layer the pass leaves.
 * The last of the full passes takes the bump flush with the head: it works on the metatarsal.
 */
export function burrPass(k: number, flush: boolean): InstrumentUse {
  return {
    id: `burr-${k}`,
    kind: 'burr',
    action: 'spin',
    target: flush ? m1Target('medial', EMINENCE_STATION, 5) : { part: 'eminence', side: 'medial' },
    path: bumpSweep(k),
  };
}

/** The MICA chevron's limbs: back from the apex, dorsal and plantar, each a burr's kerf. */
function micaLimbs(ctx: PlanContext) {
  const f = m1(ctx);
  const apex = f.at(MICA_APEX);
  const back = scale(f.axis, -1);
  return [
    limb(apex, f.medial, between(back, f.dorsal, MICA_ANGLE / 2), 30, 20, BURR_DIAMETER, 1.5),
    limb(apex, f.medial, between(back, scale(f.dorsal, -1), MICA_ANGLE / 2), 30, 20, BURR_DIAMETER, 1.5),
  ];
}

/** The MICA chevron: two limbs from an extra-articular apex, cut with the burr. */
export const micaCut: CutDef = {
  id: 'v',
  bone: 'metatarsal1',
  cutter: micaLimbs,
  fragments: headAndShaft('capital'),
};

/** Half the metatarsal's width at a station (mm behind the head's centre), pre-op, mm. */
export function halfWidthAt(ctx: PlanContext, station: number): number {
  const f = m1(ctx);
  return ctx.gauge.width('metatarsal1', f.at(station), f.axis, f.medial) / 2;
}

/**
 * The MICA screws (CLINICAL §1.4 [28][29]): each from a stab on the medial shaft proximal to the
 * chevron, oblique distally and laterally, through the shaft's lateral cortex at the cut and into
 * the lateral half of the displaced head, stopping ~2 mm short of its cartilage. The distal screw
 * in the dorsal half, the more oblique; the proximal one, entering further back, in the plantar
 * half, flatter: each crosses the cut where the shifted head still rests on the shaft.
 */
export const MICA_SCREWS = {
  distal: { entry: -20, entryDorsal: 1.5, tip: 3, tipDorsal: 3, tipLateral: 4.5 },
  proximal: { entry: -26, entryDorsal: -3, tip: -3, tipDorsal: -3, tipLateral: 4.5 },
} as const;

/** Where a MICA screw enters: just inside the medial cortex of the shaft, pre-op (its head seats on it). */
export function micaEntry(ctx: PlanContext, distal: boolean): Vec3 {
  const s = MICA_SCREWS[distal ? 'distal' : 'proximal'];
  return m1(ctx).at(s.entry, s.entryDorsal, halfWidthAt(ctx, s.entry) - 1);
}

export function micaScrew(distal: boolean) {
  return (ctx: StepContext): ScrewLine => {
    const f = m1(ctx);
    const s = MICA_SCREWS[distal ? 'distal' : 'proximal'];
    // Both ends as the bones lie when the screws go in: the head shifted, the ray settled.
    const entry = ctx.placed('shaft', micaEntry(ctx, distal));
    const target = ctx.placed('capital', f.at(s.tip, s.tipDorsal, -s.tipLateral));
    return { entry, target };
  };
}

/** Where a MICA wire and screw end: in the lateral half of the displaced head. */
export const IN_HEAD = m1Target('lateral', 0, 4);

/** The medial portal at the neck the lever goes in by, proximal to the cut at `cut` mm from the head. */
const neckPortal = (cut: number) => (ctx: PlanContext) => {
  const f = m1(ctx);
  return onSkin(ctx, f.at(cut - 3), f.medial);
};

/** The lever's tip in the head just distal to the cut, going with the head from where it was to where the step leaves it. */
const leverTip =
  (cut: number): TipPath =>
  (ctx, p) => {
    const f = m1(ctx);
    const inHead = f.at(cut + 3, 0, 2);
    const to = ctx.placed('capital', inHead);
    return { tip: add(inHead, scale(sub(to, inHead), p)), up: f.dorsal };
  };

/**
 * The K-wire the head is pushed across with: in through the medial portal, its tip in the head just
 * distal to the cut (`cut` mm from the head's centre), levering it laterally; it comes out at the
 * end of the step (the classic leaves no metal, MICA's screws hold the head). The head moving,
 * the tip goes with it, from where it was to where the step leaves it; the wire pivots in the portal.
 */
export function headLever(cut: number): InstrumentUse {
  return {
    id: 'lever',
    kind: 'kwire',
    target: m1Target(undefined, cut + 3, 3),
    path: throughPortal(neckPortal(cut), leverTip(cut)),
  };
}

/** The burr's pose cutting the MICA chevron (see micaBurr): the plantar limb, then the dorsal. */
const chevronStrokes: ToolPath = (ctx, p) => {
  const f = m1(ctx);
  const dorsalLimb = p >= 0.5;
  const q = dorsalLimb ? (p - 0.5) * 2 : p * 2;
  const limbDir = between(scale(f.axis, -1), scale(f.dorsal, dorsalLimb ? 1 : -1), MICA_ANGLE / 2);
  const apex = f.at(MICA_APEX, 0, -(halfWidthAt(ctx, MICA_APEX) - 1));
  const tip = add(apex, scale(limbDir, 10 * Math.sin(Math.PI * q)));
  const lean = -Math.cos(Math.PI * p);
  const handle = add(add(f.medial, scale(f.axis, -0.35)), scale(f.dorsal, 0.25 * lean));
  return { tip, direction: normalize(scale(handle, -1)), up: f.axis };
};

/**
 * The MICA chevron with the burr: in through the medial portal at the neck, its tip on the lateral
 * cortex at the apex, the plantar limb cut out and back, then the dorsal one, ending at the apex.
 * The handpiece leans proximally (and towards the limb being cut), so on the lateral shot the bit
 * reads as a short line ending at the neck, not end-on over its own handpiece.
 */
export function micaBurr(): InstrumentUse {
  return {
    id: 'burr-v',
    kind: 'burr',
    action: 'spin',
    // At the neck, where the apex lies (80–85 % of the way base→head).
    target: m1Target('lateral', MICA_APEX, 3),
    path: chevronStrokes,
  };
}
