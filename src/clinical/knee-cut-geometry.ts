/**
 * Where a knee osteotomy's cut lies (CLINICAL.md §2): the metaphysis's section frame, the cortices
 * the gauge finds at a level, the fibular head's tip, and each site's and approach's hinge and cut
 * entry. Coronal plane of the posed landmarks (+X medial, +Y up, +Z anterior, mm, right leg).
 */
import { landmark, type RegionLandmarks } from '../anatomy/landmarks';
import { add, dot, scale, sub, type Vec3 } from '../anatomy/vec';
import type { BoneGauge } from './bone-gauge';

/** The bone cut: the tibia (HTO) or the femur (DFO). */
export type OsteotomySite = 'tibia' | 'femur';
/** Whether the correction opens a gap at the near cortex or closes a wedge taken out there. */
export type OsteotomyApproach = 'opening' | 'closing';

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

const DEG = Math.PI / 180;

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
export function coronalUnit(v: Vec3): Vec3 {
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

/** A frame worked out once per pose: the knee's tools ask for it every frame. */
function oncePerPose(make: (lm: RegionLandmarks) => SectionFrame): (lm: RegionLandmarks) => SectionFrame {
  const made = new WeakMap<RegionLandmarks, SectionFrame>();
  return (lm) => {
    let frame = made.get(lm);
    if (!frame) made.set(lm, (frame = make(lm)));
    return frame;
  };
}

/** The proximal tibia's section frame (axis distal). */
export const tibialFrame = oncePerPose((lm) => {
  const toMedial = coronalUnit(
    sub(landmark(lm, 'tibia', 'plateauMedial'), landmark(lm, 'tibia', 'plateauLateral')),
  );
  // Distal axis: the plateau's medial direction turned clockwise by the normal mMPTA.
  const axis = turnDir(toMedial, -METAPHYSIS_JOINT_ANGLE);
  return { bone: 'tibia', origin: landmark(lm, 'tibia', 'kneeCentre'), axis, medial: turnDir(axis, 90) };
});

/** The distal femur's section frame (axis proximal). */
export const femoralFrame = oncePerPose((lm) => {
  const toLateral = coronalUnit(
    sub(landmark(lm, 'femur', 'condyleLateral'), landmark(lm, 'femur', 'condyleMedial')),
  );
  // Proximal axis: the condylar line's lateral direction turned clockwise by the normal mLDFA.
  const axis = turnDir(toLateral, -METAPHYSIS_JOINT_ANGLE);
  return { bone: 'femur', origin: landmark(lm, 'femur', 'kneeCentre'), axis, medial: turnDir(axis, -90) };
});

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

/** The hinge point and where the saw enters the near cortex (region frame, posed, mm). */
export interface CutGeometry {
  readonly hinge: Vec3;
  readonly cutStart: Vec3;
}

/** Hinge and cut entry for each site and approach (see the constants for the numbers). */
export function cutGeometry(
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
