/**
 * Planning a knee osteotomy (CLINICAL.md §2): where the hinge and the cut lie (knee-cut-geometry),
 * the correction angle by the Miniaci method and the wedge height by Hernigou's rule
 * (knee-correction), the post-operative alignment and the warnings. Pure geometry in the coronal
 * plane of the posed landmarks (+X medial, +Y up, +Z anterior, mm, right leg); angles in degrees.
 */
import type { RegionLandmarks } from '../anatomy/landmarks';
import { length, sub, type Vec3 } from '../anatomy/vec';
import type { BoneGauge } from './bone-gauge';
import { measureKnee, type KneeAlignment } from './knee-alignment';
import {
  applyCorrection,
  correctionTransform,
  hernigouGap,
  miniaciAngle,
  type CoronalTurn,
} from './knee-correction';
import {
  cutGeometry,
  HINGE_INSET,
  turnAbout,
  type OsteotomyApproach,
  type OsteotomySite,
} from './knee-cut-geometry';

/** What the surgeon chooses: the site, the approach, the target, the hinge, an angle of their own. */
export interface OsteotomyOptions {
  /** 'tibia': high tibial osteotomy (HTO); 'femur': distal femoral osteotomy (DFO). */
  readonly site: OsteotomySite;
  /**
   * HTO: 'opening' = medial opening wedge (§2.1), 'closing' = lateral closing wedge (§2.2).
   * DFO: 'opening' = lateral opening wedge, 'closing' = medial closing wedge (§2.3).
   */
  readonly approach: OsteotomyApproach;
  /** Where the new load line should cross the plateau, % of its width from the medial edge. */
  readonly targetWbl: number;
  /** How far inside the far cortex the hinge lies, mm (default 10, CLINICAL 5–10). */
  readonly hingeInset?: number;
  /** The surgeon's own correction angle, degrees (+ corrects varus); replaces the Miniaci angle. */
  readonly angle?: number;
}

/** A planned osteotomy: where it cuts, how far it turns, what it predicts and warns of. */
export interface OsteotomyPlan {
  readonly site: OsteotomySite;
  readonly approach: OsteotomyApproach;
  readonly targetWbl: number;
  /** The hinge point: `hingeInset` mm inside the far cortex (region frame, posed, mm). */
  readonly hinge: Vec3;
  /** Where the (first) cut enters the near cortex; it runs straight to the hinge. */
  readonly cutStart: Vec3;
  /** Closing wedges only: where the second cut enters the near cortex (it also ends at the hinge). */
  readonly secondCutStart?: Vec3;
  /** D: length of the cut from the near cortex to the hinge, mm. */
  readonly cutLength: number;
  /** α, degrees, + corrects varus (Miniaci angle, or the override). */
  readonly correction: number;
  /** Opening height or closing wedge base at the near cortex, D·tan|α|, mm (never negative). */
  readonly gap: number;
  /** WBL % after the correction (measured on the corrected landmarks). */
  readonly predictedWbl: number;
  /** HKA after the correction, degrees. */
  readonly predictedHka: number;
  /** The whole post-operative alignment. */
  readonly post: KneeAlignment;
  /** The pre-operative alignment the plan started from. */
  readonly pre: KneeAlignment;
  /** The rigid turn that applies the correction (see `applyCorrection`). */
  readonly transform: CoronalTurn;
  /** i18n keys of the limits the plan passes (CLINICAL §2, "Limits to warn about"). */
  readonly warnings: string[];
}

/** Limits (CLINICAL §2). */
export const GAP_LIMIT_MM = 11;
export const POST_MPTA_LIMIT = 95;
export const TIBIAL_CORRECTION_LIMIT = 12.5;
export const HTO_VALGUS_HKA = 183;
export const DFO_VARUS_HKA = 177;

/** Every warning a plan may earn (i18n keys). */
export const KNEE_WARNINGS = [
  'warn.knee.hingeFracture',
  'warn.knee.lateralOverload',
  'warn.knee.doubleLevel',
  'warn.knee.otherProcedure',
] as const;

/** The warnings a plan earns (i18n keys). */
export function planWarnings(
  site: OsteotomySite,
  approach: OsteotomyApproach,
  pre: KneeAlignment,
  post: KneeAlignment,
  correction: number,
  gap: number,
): string[] {
  const w: string[] = [];
  // The far hinge is stretched by an opening; a closing wedge's height does not load it so.
  if (approach === 'opening' && gap > GAP_LIMIT_MM) w.push('warn.knee.hingeFracture');
  if (post.mpta > POST_MPTA_LIMIT) w.push('warn.knee.lateralOverload');
  if (site === 'tibia' && Math.abs(correction) > TIBIAL_CORRECTION_LIMIT) w.push('warn.knee.doubleLevel');
  if ((site === 'tibia' && pre.hka > HTO_VALGUS_HKA) || (site === 'femur' && pre.hka < DFO_VARUS_HKA)) {
    w.push('warn.knee.otherProcedure');
  }
  return w;
}

/**
 * A knee plan that would turn the wrong way (an HTO on a valgus knee, a DFO on a varus one) is held
 * at 0°, its warning saying the other procedure fits: `plan` is run with the options, and again at
 * 0° when its correction has the wrong sign for the site (+ corrects varus). The 3D plan and the
 * plan on the film both go through here.
 */
export function heldIfWrongWay<
  P extends { readonly correction: number; readonly warnings: readonly string[] } | null | undefined,
>(options: OsteotomyOptions, plan: (options: OsteotomyOptions) => P): P {
  const made = plan(options);
  // No plan (a film's points missing) stays none; the same points plan at 0° too.
  if (!made || made.correction * (options.site === 'tibia' ? 1 : -1) >= 0) return made;
  const held = plan({ ...options, angle: 0 })!;
  return { ...held, warnings: [...new Set([...held.warnings, 'warn.knee.otherProcedure'])] };
}

/**
 * Plans a knee osteotomy on the posed (pre-operative) landmarks. The gauge measures the bone's
 * width at each cut level; the cortices are placed at ± half that width about the metaphysis axis
 * (see METAPHYSIS_JOINT_ANGLE).
 *
 * - HTO opening (§2.1): the cut enters the medial cortex HTO_CUT_BELOW mm below the medial
 *   plateau and rises to a hinge `hingeInset` mm inside the lateral cortex at the level of the
 *   fibular head's tip (at least HTO_HINGE_MIN_BELOW mm below the lateral plateau).
 * - HTO closing (§2.2): the upper cut runs parallel to the plateau HTO_CLOSING_BELOW mm below it,
 *   from the lateral cortex to a hinge `hingeInset` mm inside the medial cortex; the second cut
 *   leaves the hinge α below it.
 * - DFO (§2.3): the cut enters the near cortex (lateral for opening, medial for closing)
 *   DFO_CUT_ABOVE mm above the joint line and runs down to a hinge `hingeInset` mm inside the far
 *   cortex, DFO_HINGE_ABOVE mm above the joint line.
 *
 * α is the Miniaci angle for `targetWbl` unless `angle` overrides it; gap = D·tan|α| (Hernigou).
 */
export function planOsteotomy(
  lm: RegionLandmarks,
  options: OsteotomyOptions,
  gauge: BoneGauge,
): OsteotomyPlan {
  const { site, approach, targetWbl } = options;
  const inset = options.hingeInset ?? HINGE_INSET;
  const { hinge, cutStart } = cutGeometry(lm, site, approach, inset, gauge);
  const cutLength = length(sub(hinge, cutStart));
  const correction = options.angle ?? miniaciAngle(lm, site, targetWbl, hinge);
  const gap = hernigouGap(cutLength, correction);
  const transform = correctionTransform(site, hinge, correction);
  const pre = measureKnee(lm);
  const post = measureKnee(applyCorrection(lm, { site, hinge, cutStart, transform }));
  const secondCutStart = approach === 'closing' ? turnAbout(cutStart, hinge, -transform.angle) : undefined;
  return {
    site,
    approach,
    targetWbl,
    hinge,
    cutStart,
    ...(secondCutStart ? { secondCutStart } : {}),
    cutLength,
    correction,
    gap,
    predictedWbl: post.wbl,
    predictedHka: post.hka,
    post,
    pre,
    transform,
    warnings: planWarnings(site, approach, pre, post, correction, gap),
  };
}
