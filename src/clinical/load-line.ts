import { landmark, type RegionLandmarks } from '../anatomy/landmarks';
import { lerp3, type Vec3 } from '../anatomy/vec';
import { alignmentPoints, crossingFraction } from './knee-alignment';

const DEG = 180 / Math.PI;

/** The band a varus knee's load line is moved into (CLINICAL §2), % of plateau width from medial. */
export const WBL_TARGET_ZONE = [60, 70] as const;
/** The Fujisawa point, % of plateau width from medial. */
export const FUJISAWA_POINT = 62.5;
/** The middle of the plateau, %. */
export const WBL_NEUTRAL = 50;

/** The hip–ankle load line (mechanical axis of the limb) and where it crosses the tibial plateau. */
export interface LoadLine {
  /** Hip centre, region frame, mm. */
  readonly hip: Vec3;
  /** Ankle centre (talar dome), region frame, mm. */
  readonly ankle: Vec3;
  /** Where the line crosses the plateau line, % of its width from the medial edge (as measureKnee's wbl). */
  readonly wbl: number;
}

export function loadLine(lm: RegionLandmarks): LoadLine {
  const hip = landmark(lm, 'femur', 'hipCentre');
  const ankle = landmark(lm, 'talus', 'ankleCentre');
  const t = crossingFraction(
    hip,
    ankle,
    landmark(lm, 'tibia', 'plateauMedial'),
    landmark(lm, 'tibia', 'plateauLateral'),
  );
  return { hip, ankle, wbl: t * 100 };
}

/** A ruler along the plateau line, from its medial edge (0 %) to its lateral edge (100 %). */
export interface PlateauRuler {
  /** The medial end, region frame, mm. */
  readonly medial: Vec3;
  /** The lateral end, region frame, mm. */
  readonly lateral: Vec3;
}

/**
 * The plateau line moved `anterior` mm forward (+Z), so it can be drawn in front of the bone
 * without changing where it lies on a front view.
 */
export function plateauRuler(lm: RegionLandmarks, anterior = 0): PlateauRuler {
  const m = landmark(lm, 'tibia', 'plateauMedial');
  const l = landmark(lm, 'tibia', 'plateauLateral');
  return { medial: [m[0], m[1], m[2] + anterior], lateral: [l[0], l[1], l[2] + anterior] };
}

/** The point `percent` % of the way from the ruler's medial end to its lateral end. */
export function rulerPoint(r: PlateauRuler, percent: number): Vec3 {
  return lerp3(r.medial, r.lateral, percent / 100);
}

/** The ends of the 60–70 % target zone on the ruler (medial end first). */
export function targetZone(r: PlateauRuler): readonly [Vec3, Vec3] {
  return [rulerPoint(r, WBL_TARGET_ZONE[0]), rulerPoint(r, WBL_TARGET_ZONE[1])];
}

/** The two mechanical axes as segments, region frame, mm. */
export interface MechanicalAxes {
  /** Hip centre → femoral knee centre. */
  readonly femoral: readonly [Vec3, Vec3];
  /** Tibial knee centre → ankle centre. */
  readonly tibial: readonly [Vec3, Vec3];
}

export function mechanicalAxes(lm: RegionLandmarks): MechanicalAxes {
  return {
    femoral: [landmark(lm, 'femur', 'hipCentre'), landmark(lm, 'femur', 'kneeCentre')],
    tibial: [landmark(lm, 'tibia', 'kneeCentre'), landmark(lm, 'talus', 'ankleCentre')],
  };
}

/** An angle drawn as a circular arc in the coronal plane (X medial, Y up). */
export interface AngleArc {
  /** The vertex, region frame, mm. */
  readonly centre: Vec3;
  /** mm. */
  readonly radius: number;
  /** Direction of the first ray, degrees from medial (+X) towards up (+Y). */
  readonly start: number;
  /** Counter-clockwise turn from the first ray to the second, degrees: the angle's value. */
  readonly sweep: number;
}

/** Radii of the three arcs, mm: HKA outside the two joint angles that share its neighbourhood. */
export const ARC_RADIUS = { hka: 50, mpta: 26, ldfa: 26 } as const;

/** Direction of from→to in the coronal plane, degrees from medial towards up. */
export function coronalDirection(from: Vec3, to: Vec3): number {
  return Math.atan2(to[1] - from[1], to[0] - from[0]) * DEG;
}

/** Counter-clockwise turn from direction a to direction b, degrees in [0, 360). */
function ccw(a: number, b: number): number {
  return (((b - a) % 360) + 360) % 360;
}

/** Where the line through a and b meets the line through c and d in the coronal plane (z of c). */
function coronalIntersection(a: Vec3, b: Vec3, c: Vec3, d: Vec3): Vec3 {
  const t = crossingFraction(a, b, c, d);
  return lerp3(c, d, t);
}

/** The three alignment angles of a knee as arcs, each sweeping exactly the measured value. */
export interface AlignmentArcs {
  /** At the knee centre, on the medial side: from the tibial axis round to the femoral one. */
  readonly hka: AngleArc;
  /** Where the tibial axis meets the plateau line: from the axis (down) to the medial plateau. */
  readonly mpta: AngleArc;
  /** Where the femoral axis meets the condylar line: from the axis (up) to the lateral condyle. */
  readonly ldfa: AngleArc;
}

/** HKA, mMPTA and mLDFA as measureKnee defines them, drawn where a radiograph would show them. */
export function alignmentArcs(lm: RegionLandmarks, radius: typeof ARC_RADIUS = ARC_RADIUS): AlignmentArcs {
  const { hip, femKnee, tibKnee, ankle, condM, condL, platM, platL } = alignmentPoints(lm);

  const up = coronalDirection(femKnee, hip);
  const down = coronalDirection(tibKnee, ankle);
  const hkaStart = down;
  const mptaStart = down;
  const ldfaStart = up;
  return {
    hka: {
      centre: lerp3(femKnee, tibKnee, 0.5),
      radius: radius.hka,
      start: hkaStart,
      sweep: ccw(hkaStart, up),
    },
    mpta: {
      centre: coronalIntersection(tibKnee, ankle, platM, platL),
      radius: radius.mpta,
      start: mptaStart,
      sweep: ccw(mptaStart, coronalDirection(platL, platM)),
    },
    ldfa: {
      centre: coronalIntersection(hip, femKnee, condM, condL),
      radius: radius.ldfa,
      start: ldfaStart,
      sweep: ccw(ldfaStart, coronalDirection(condM, condL)),
    },
  };
}

/** The point at fraction f (0–1) along an arc, `out` mm beyond its radius. */
export function arcPoint(arc: AngleArc, f: number, out = 0): Vec3 {
  const a = (arc.start + arc.sweep * f) / DEG;
  const r = arc.radius + out;
  return [arc.centre[0] + r * Math.cos(a), arc.centre[1] + r * Math.sin(a), arc.centre[2]];
}

/** The condylar line (femoral joint line), medial condyle → lateral condyle, mm. */
export function condylarLine(lm: RegionLandmarks): readonly [Vec3, Vec3] {
  return [landmark(lm, 'femur', 'condyleMedial'), landmark(lm, 'femur', 'condyleLateral')];
}
