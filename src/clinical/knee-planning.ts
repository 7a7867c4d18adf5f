/**
 * Planning mathematics for knee osteotomies (CLINICAL.md §2): where the hinge and the cut lie, the
 * correction angle by the Miniaci method, the wedge height by Hernigou's rule, the post-operative
 * alignment and the warnings. Pure geometry in the coronal plane of the posed landmarks
 * (+X medial, +Y up, +Z anterior, mm, right leg); angles in degrees.
 *
 * Sign convention: the correction α is positive when it corrects varus (it raises the HKA); a
 * valgus knee needs a negative α. The moving segment turns about an axis along +Z through the
 * hinge: for a tibial osteotomy the distal segment turns by −α, for a femoral one the proximal
 * segment turns by +α (the same relative turn of the leg below the cut against the leg above).
 */
import { landmark, type RegionLandmarks } from '../anatomy/landmarks';
import { add, dot, length, scale, sub, type Vec3 } from '../anatomy/vec';
import type { BoneGauge } from './bone-gauge';
import { measureKnee, type KneeAlignment } from './knee-alignment';
import { coronalTurn } from './plane-angles';

export type OsteotomySite = 'tibia' | 'femur';
export type OsteotomyApproach = 'opening' | 'closing';

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

/** A rigid turn in the coronal plane, for the app to animate the correction. */
export interface CoronalTurn {
  /** Unit axis of the turn (+Z, anterior). */
  readonly axis: Vec3;
  /** A point on the axis: the hinge. */
  readonly pivot: Vec3;
  /** Angle about `axis`, degrees, right-handed. */
  readonly angle: number;
  /** Which side of the cut moves: the leg below it (tibia) or the femur above it (femur). */
  readonly segment: 'distal' | 'proximal';
}

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

/** Default hinge depth inside the far cortex, mm (CLINICAL §2.1/§2.3: 5–10). */
export const HINGE_INSET = 10;
/** HTO (opening): the cut enters the medial cortex this far below the medial plateau, mm (§2.1: 35–40). */
export const HTO_CUT_BELOW = 37.5;
/** HTO (closing): the upper cut runs parallel to the plateau this far below it, mm (§2.2: ~20). */
export const HTO_CLOSING_BELOW = 20;
/** HTO (opening): the hinge never lies closer than this below the lateral plateau, mm (plateau fracture). */
export const HTO_HINGE_MIN_BELOW = 10;
/** HTO (opening): hinge depth below the lateral plateau when no fibula is found, mm. */
const HTO_HINGE_FALLBACK_BELOW = 15;
/** DFO: the hinge lies this far above the joint line, at the top of the far condyle, mm (§2.3). */
export const DFO_HINGE_ABOVE = 35;
/** DFO: the cut enters the near cortex this far above the joint line and runs obliquely down, mm. */
export const DFO_CUT_ABOVE = 50;
/**
 * The metaphysis near the joint is taken as normal: its axis meets the joint line at this angle
 * (CLINICAL §2: mMPTA and mLDFA ~87). The section centre at a cut level is found along that axis.
 */
export const METAPHYSIS_JOINT_ANGLE = 87;

/** Limits (CLINICAL §2). */
export const GAP_LIMIT_MM = 11;
export const POST_MPTA_LIMIT = 95;
export const TIBIAL_CORRECTION_LIMIT = 12.5;
export const HTO_VALGUS_HKA = 183;
export const DFO_VARUS_HKA = 177;

const DEG = Math.PI / 180;

/**
 * Hernigou's wedge height: the opening (or the closing wedge's base) at the near cortex, D · tan|α|,
 * mm, D the cut's length from the near cortex to the hinge (about the tibia's width), α in degrees.
 */
export const hernigouGap = (cutLength: number, correction: number): number =>
  cutLength * Math.tan(Math.abs(correction) * DEG);

const Z: Vec3 = [0, 0, 1];

/** p turned about +Z through pivot by `deg` degrees (z kept). */
export function turnAbout(p: Vec3, pivot: Vec3, deg: number): Vec3 {
  if (deg === 0) return p;
  const c = Math.cos(deg * DEG);
  const s = Math.sin(deg * DEG);
  const x = p[0] - pivot[0];
  const y = p[1] - pivot[1];
  return [pivot[0] + x * c - y * s, pivot[1] + x * s + y * c, p[2]];
}

/** A coronal direction turned by `deg` degrees about +Z. */
function turnDir(v: Vec3, deg: number): Vec3 {
  return turnAbout(v, [0, 0, 0], deg);
}

/** Unit vector of the coronal part of v. */
function coronalUnit(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1]);
  return [v[0] / l, v[1] / l, 0];
}

/**
 * A metaphysis's section frame: origin at the bone's knee centre landmark, `axis` along the
 * metaphysis away from the joint (unit), `medial` perpendicular to it in the coronal plane (unit,
 * towards +X). Cortices at a level are the section's centre on the axis ± half the gauge's width.
 */
export interface SectionFrame {
  readonly bone: 'tibia' | 'femur';
  readonly origin: Vec3;
  readonly axis: Vec3;
  readonly medial: Vec3;
}

/** The proximal tibia's section frame (axis distal). */
export function tibialFrame(lm: RegionLandmarks): SectionFrame {
  const toMedial = coronalUnit(
    sub(landmark(lm, 'tibia', 'plateauMedial'), landmark(lm, 'tibia', 'plateauLateral')),
  );
  // Distal axis: the plateau's medial direction turned clockwise by the normal mMPTA.
  const axis = turnDir(toMedial, -METAPHYSIS_JOINT_ANGLE);
  return { bone: 'tibia', origin: landmark(lm, 'tibia', 'kneeCentre'), axis, medial: turnDir(axis, 90) };
}

/** The distal femur's section frame (axis proximal). */
export function femoralFrame(lm: RegionLandmarks): SectionFrame {
  const toLateral = coronalUnit(
    sub(landmark(lm, 'femur', 'condyleLateral'), landmark(lm, 'femur', 'condyleMedial')),
  );
  // Proximal axis: the condylar line's lateral direction turned clockwise by the normal mLDFA.
  const axis = turnDir(toLateral, -METAPHYSIS_JOINT_ANGLE);
  return { bone: 'femur', origin: landmark(lm, 'femur', 'kneeCentre'), axis, medial: turnDir(axis, -90) };
}

/** How far a point lies along the frame's axis from its origin, mm. */
function depthOf(f: SectionFrame, p: Vec3): number {
  return dot(sub(p, f.origin), f.axis);
}

/** The medial and lateral cortices of the bone's section at `depth` along the frame's axis. */
function cortices(f: SectionFrame, depth: number, gauge: BoneGauge) {
  const centre = add(f.origin, scale(f.axis, depth));
  const half = gauge.width(f.bone, centre, f.axis, f.medial) / 2;
  return {
    medial: add(centre, scale(f.medial, half)),
    lateral: add(centre, scale(f.medial, -half)),
    width: 2 * half,
  };
}

/**
 * Depth of the fibular head's tip along the tibial frame, found with the gauge: the highest slice
 * that still meets the fibula, scanning up from the head's landmark in 0.5 mm steps.
 */
export function fibularTipDepth(lm: RegionLandmarks, gauge: BoneGauge): number | undefined {
  const f = tibialFrame(lm);
  const start = depthOf(f, landmark(lm, 'fibula', 'head'));
  let tip: number | undefined;
  for (let d = start; d > start - 40; d -= 0.5) {
    const w = gauge.width('fibula', add(f.origin, scale(f.axis, d)), f.axis, f.medial);
    if (w > 0) tip = d;
    else if (tip !== undefined) break;
  }
  return tip;
}

interface CutGeometry {
  readonly hinge: Vec3;
  readonly cutStart: Vec3;
}

/** Hinge and cut entry for each site and approach (see the constants for the numbers). */
function cutGeometry(
  lm: RegionLandmarks,
  site: OsteotomySite,
  approach: OsteotomyApproach,
  inset: number,
  gauge: BoneGauge,
): CutGeometry {
  if (site === 'tibia') {
    const f = tibialFrame(lm);
    const platM = landmark(lm, 'tibia', 'plateauMedial');
    const platL = landmark(lm, 'tibia', 'plateauLateral');
    if (approach === 'opening') {
      // §2.1: medial entry 35–40 mm below the joint, oblique up to a lateral hinge at the fibular head's tip.
      const start = cortices(f, depthOf(f, platM) + HTO_CUT_BELOW, gauge).medial;
      const lowest = depthOf(f, platL) + HTO_HINGE_MIN_BELOW;
      const tip = fibularTipDepth(lm, gauge) ?? depthOf(f, platL) + HTO_HINGE_FALLBACK_BELOW;
      const h = cortices(f, Math.max(tip, lowest), gauge).lateral;
      return { hinge: add(h, scale(f.medial, inset)), cutStart: start };
    }
    // §2.2: the upper cut parallel to the plateau ~20 mm below it; the cuts converge on a medial hinge.
    const along = coronalUnit(sub(platM, platL));
    const down = turnDir(along, -90);
    const mid = scale(add(platM, platL), 0.5);
    const onCut = add(mid, scale(down, HTO_CLOSING_BELOW));
    // Where the cut line crosses the metaphysis axis: the section's reference point.
    const t = dot(sub(onCut, f.origin), down) / dot(f.axis, down);
    const centre = add(f.origin, scale(f.axis, t));
    const half = gauge.width('tibia', centre, down, along) / 2;
    return {
      hinge: add(centre, scale(along, half - inset)),
      cutStart: add(centre, scale(along, -half)),
    };
  }
  // §2.3 DFO: the cut enters the near cortex above the condyles and runs down to a hinge at the far one.
  const f = femoralFrame(lm);
  const condM = landmark(lm, 'femur', 'condyleMedial');
  const condL = landmark(lm, 'femur', 'condyleLateral');
  const lateralOpening = approach === 'opening';
  const nearCond = lateralOpening ? condL : condM;
  const farCond = lateralOpening ? condM : condL;
  const near = cortices(f, depthOf(f, nearCond) + DFO_CUT_ABOVE, gauge);
  const far = cortices(f, depthOf(f, farCond) + DFO_HINGE_ABOVE, gauge);
  const towardsNear = scale(f.medial, lateralOpening ? -1 : 1);
  return {
    hinge: add(lateralOpening ? far.medial : far.lateral, scale(towardsNear, inset)),
    cutStart: lateralOpening ? near.lateral : near.medial,
  };
}

/**
 * Where the moving end of the leg must go: the point of the line through `fixedEnd` and `target`
 * at the same distance from the hinge as `movingEnd` (the nearer of the two; the foot of the
 * perpendicular if the circle misses the line).
 */
function onLoadLine(fixedEnd: Vec3, target: Vec3, hinge: Vec3, movingEnd: Vec3): Vec3 {
  const dx = target[0] - fixedEnd[0];
  const dy = target[1] - fixedEnd[1];
  const len = Math.hypot(dx, dy);
  const ux = dx / len;
  const uy = dy / len;
  const r = Math.hypot(movingEnd[0] - hinge[0], movingEnd[1] - hinge[1]);
  // Foot of the perpendicular from the hinge, then ± along the line.
  const s0 = (hinge[0] - fixedEnd[0]) * ux + (hinge[1] - fixedEnd[1]) * uy;
  const fx = fixedEnd[0] + ux * s0;
  const fy = fixedEnd[1] + uy * s0;
  const h2 = r * r - (hinge[0] - fx) ** 2 - (hinge[1] - fy) ** 2;
  const k = Math.sqrt(Math.max(0, h2));
  const a: Vec3 = [fx + ux * k, fy + uy * k, movingEnd[2]];
  const b: Vec3 = [fx - ux * k, fy - uy * k, movingEnd[2]];
  const da = Math.hypot(a[0] - movingEnd[0], a[1] - movingEnd[1]);
  const db = Math.hypot(b[0] - movingEnd[0], b[1] - movingEnd[1]);
  return da <= db ? a : b;
}

/**
 * The Miniaci correction angle, degrees (+ corrects varus). Tibia: the new load line runs from the
 * hip centre through the target point on the plateau line; the ankle centre turns about the hinge
 * onto it. Femur: the plateau and ankle stay; the hip centre turns about the hinge onto the line
 * from the ankle centre through the target. Either way the post-operative hip–ankle line crosses
 * the plateau at the target.
 */
export function miniaciAngle(
  lm: RegionLandmarks,
  site: OsteotomySite,
  targetWbl: number,
  hinge: Vec3,
): number {
  const hip = landmark(lm, 'femur', 'hipCentre');
  const ankle = landmark(lm, 'talus', 'ankleCentre');
  const platM = landmark(lm, 'tibia', 'plateauMedial');
  const platL = landmark(lm, 'tibia', 'plateauLateral');
  const target = add(platM, scale(sub(platL, platM), targetWbl / 100));
  if (site === 'tibia') {
    const newAnkle = onLoadLine(hip, target, hinge, ankle);
    // The distal segment turns by −α.
    return -coronalTurn(sub(ankle, hinge), sub(newAnkle, hinge));
  }
  const newHip = onLoadLine(ankle, target, hinge, hip);
  // The proximal segment turns by +α.
  return coronalTurn(sub(hip, hinge), sub(newHip, hinge));
}

/** Parts that move whole with the segment (the cut bone itself moves landmark by landmark). */
const WHOLE_PARTS: Record<OsteotomySite, readonly string[]> = { tibia: ['talus', 'fibula'], femur: [] };

/**
 * The post-operative landmarks: the moving segment (the leg below a tibial cut, the femur above a
 * femoral one) turned about the hinge by the plan's transform. Landmarks of the cut bone move when
 * they lie on the moving side of the cut line (cutStart–hinge) in the coronal plane. `fraction`
 * (0–1) turns only part of the way, for animation.
 */
export function applyCorrection(
  lm: RegionLandmarks,
  plan: Pick<OsteotomyPlan, 'site' | 'hinge' | 'cutStart' | 'transform'>,
  fraction = 1,
): RegionLandmarks {
  const { pivot, angle } = plan.transform;
  const moving = movingSide(plan);
  const out: Record<string, Record<string, Vec3>> = {};
  for (const [part, points] of Object.entries(lm)) {
    const whole = WHOLE_PARTS[plan.site].includes(part);
    const cut = part === plan.site;
    out[part] = Object.fromEntries(
      Object.entries(points).map(([k, p]) => [
        k,
        whole || (cut && moving(p)) ? turnAbout(p, pivot, angle * fraction) : p,
      ]),
    );
  }
  return out;
}

/** Whether a point lies on the moving side of the cut line. */
function movingSide(plan: Pick<OsteotomyPlan, 'site' | 'hinge' | 'cutStart'>): (p: Vec3) => boolean {
  const d = coronalUnit(sub(plan.hinge, plan.cutStart));
  let n: Vec3 = [-d[1], d[0], 0];
  // Tibia: the distal side (−Y) moves; femur: the proximal side (+Y).
  if (n[1] < 0 !== (plan.site === 'tibia')) n = scale(n, -1);
  return (p) => dot(sub(p, plan.hinge), n) > 0;
}

/** The rigid turn for a correction α at a site. */
export function correctionTransform(site: OsteotomySite, hinge: Vec3, correction: number): CoronalTurn {
  return site === 'tibia'
    ? { axis: Z, pivot: hinge, angle: -correction, segment: 'distal' }
    : { axis: Z, pivot: hinge, angle: correction, segment: 'proximal' };
}

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
