/**
 * How a knee osteotomy corrects (CLINICAL.md §2): the Miniaci angle that puts the load line on its
 * target, Hernigou's wedge height, and the rigid coronal turn of the moving segment about the hinge.
 *
 * Sign convention: the correction α is positive when it corrects varus (it raises the HKA); a
 * valgus knee needs a negative α. The moving segment turns about an axis along +Z through the
 * hinge: for a tibial osteotomy the distal segment turns by −α, for a femoral one the proximal
 * segment turns by +α (the same relative turn of the leg below the cut against the leg above).
 */
import { landmark, type RegionLandmarks } from '../anatomy/landmarks';
import { add, dot, scale, sub, type Vec3 } from '../anatomy/vec';
import { coronalUnit, turnAbout, type OsteotomySite } from './knee-cut-geometry';
import { coronalTurn } from './plane-angles';

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

/** Where a plan cuts and how it turns: what moving the landmarks needs. */
export interface PlacedCorrection {
  readonly site: OsteotomySite;
  readonly hinge: Vec3;
  readonly cutStart: Vec3;
  readonly transform: CoronalTurn;
}

const DEG = Math.PI / 180;
const Z: Vec3 = [0, 0, 1];

/**
 * Hernigou's wedge height: the opening (or the closing wedge's base) at the near cortex, D · tan|α|,
 * mm, D the cut's length from the near cortex to the hinge (about the tibia's width), α in degrees.
 */
export const hernigouGap = (cutLength: number, correction: number): number =>
  cutLength * Math.tan(Math.abs(correction) * DEG);

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
export function applyCorrection(lm: RegionLandmarks, plan: PlacedCorrection, fraction = 1): RegionLandmarks {
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
function movingSide(plan: Omit<PlacedCorrection, 'transform'>): (p: Vec3) => boolean {
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
