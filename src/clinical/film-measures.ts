import type { Vec3 } from '../anatomy/vec';
import { sub } from '../anatomy/vec';
import { crossingFraction } from './knee-alignment';
import { coronalAngle, coronalTurn, transverseDirection, wrap180 } from './plane-angles';

/** A point on a radiograph, image pixels: x to the right, y DOWN (as the image's rows run). */
export type FilmPoint = readonly [x: number, y: number];
export type FilmRegion = 'foot' | 'knee';
export type FilmMeasureId = 'hva' | 'ima' | 'dmaa' | 'hvia' | 'hka' | 'mpta' | 'ldfa' | 'jlca' | 'wbl';

/**
 * Landmark ids in the fixed placement order of issue 20 item 3 (foot 10, knee 9): a test places
 * point i at the projection of landmark FILM_LANDMARKS[region][i].
 */
export const FILM_LANDMARKS = {
  foot: [
    'm1Base',
    'm1Head',
    'p1Base',
    'p1Head',
    'm2Base',
    'm2Head',
    'articularMedial',
    'articularLateral',
    'p2Base',
    'p2Tip',
  ],
  knee: [
    'hipRim1',
    'hipRim2',
    'hipRim3',
    'kneeCentre',
    'ankleCentre',
    'condyleMedial',
    'condyleLateral',
    'plateauMedial',
    'plateauLateral',
  ],
} as const satisfies Readonly<Record<FilmRegion, readonly string[]>>;

export type FilmLandmarkId = (typeof FILM_LANDMARKS)[FilmRegion][number];

/** Which measures a region's film gives, in display order. */
export const FILM_MEASURES = {
  foot: ['hva', 'ima', 'dmaa', 'hvia'],
  knee: ['hka', 'mpta', 'ldfa', 'jlca', 'wbl'],
} as const satisfies Readonly<Record<FilmRegion, readonly FilmMeasureId[]>>;

type Points = readonly (FilmPoint | undefined)[];
type Vec2 = readonly [number, number];

const minus = (a: FilmPoint, b: FilmPoint): Vec2 => [a[0] - b[0], a[1] - b[1]];
const mid = (a: FilmPoint, b: FilmPoint): FilmPoint => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

/** Centre of the circle through three points (the femoral head's rim); undefined when they are in a line. */
export function circleCentre(a: FilmPoint, b: FilmPoint, c: FilmPoint): FilmPoint | undefined {
  const [bx, by] = minus(b, a);
  const [cx, cy] = minus(c, a);
  const d = 2 * (bx * cy - by * cx);
  // Relative to the points' spread, so the test does not depend on the film's resolution.
  const spread = Math.max(Math.hypot(bx, by), Math.hypot(cx, cy));
  if (spread === 0 || Math.abs(d) < 1e-9 * spread * spread) return undefined;
  const b2 = bx * bx + by * by;
  const c2 = cx * cx + cy * cy;
  return [a[0] + (cy * b2 - by * c2) / d, a[1] + (bx * c2 - cx * b2) / d];
}

/** mm per pixel from a ruler drawn over an object of known length; NaN when the ruler has no length. */
export function mmPerPixelFromRuler(a: FilmPoint, b: FilmPoint, knownMm: number): number {
  const px = Math.hypot(b[0] - a[0], b[1] - a[1]);
  return px > 0 && knownMm > 0 ? knownMm / px : NaN;
}

/** The distance between two points of the film in mm, at a calibration of mmPerPixel. */
export function filmDistanceMm(a: FilmPoint, b: FilmPoint, mmPerPixel: number): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]) * mmPerPixel;
}

/**
 * A map from the film to the app's canonical right-side frame: `first` (+X) medial, `second`
 * (+Z on the foot's transverse plane, +Y on the knee's coronal one) anterior or up. Angles do not
 * change under a rotation of the film, so the only thing to decide is whether the film shows the
 * canonical side or its mirror image (a left limb, or a film flipped on the light box): that is
 * read from the landmarks' own medial and forward directions, never from the film's side marker.
 */
function canonicalMap(medial: Vec2, forward: Vec2): (p: FilmPoint) => readonly [number, number] {
  const sx = mirrorSign(medial, forward);
  return (p) => [sx * p[0], -p[1]];
}

/** +1 when the film shows the canonical (right) side, −1 for its mirror image (see canonicalMap). */
export function mirrorSign(medial: Vec2, forward: Vec2): 1 | -1 {
  // Image y runs down; (x, −y) is a right-handed frame in which X × Y must come out positive.
  const handed = medial[0] * -forward[1] - -medial[1] * forward[0];
  return handed >= 0 ? 1 : -1;
}

function footMeasures(p: Points): Partial<Record<FilmMeasureId, number>> {
  const [m1b, m1h, p1b, p1h, m2b, m2h, artM, artL, p2b, p2t] = p;
  // The second metatarsal lies lateral to the first; failing it, the head's articular ends say it.
  const medial =
    m1b && m1h && m2b && m2h
      ? minus(mid(m1b, m1h), mid(m2b, m2h))
      : artM && artL
        ? minus(artM, artL)
        : undefined;
  const forward = m1b && m1h ? minus(m1h, m1b) : p1b && p1h ? minus(p1h, p1b) : undefined;
  if (!medial || !forward) return {};
  const map = canonicalMap(medial, forward);
  const at = (q: FilmPoint): Vec3 => {
    const [x, z] = map(q);
    return [x, 0, z];
  };
  const axis = (a?: FilmPoint, b?: FilmPoint) => (a && b ? transverseDirection(at(a), at(b)) : undefined);
  const m1 = axis(m1b, m1h);
  const p1 = axis(p1b, p1h);
  const m2 = axis(m2b, m2h);
  const p2 = axis(p2b, p2t);
  const articular = axis(artL, artM);
  const out: Partial<Record<FilmMeasureId, number>> = {};
  // The same formulas as measureFoot (foot-angles.ts), so the film's angles mean what the model's do.
  if (m1 !== undefined && p1 !== undefined) out.hva = wrap180(m1 - p1);
  if (m1 !== undefined && m2 !== undefined) out.ima = wrap180(m1 - m2);
  if (m1 !== undefined && articular !== undefined) out.dmaa = wrap180(90 - (articular - m1));
  if (p1 !== undefined && p2 !== undefined) out.hvia = wrap180(p1 - p2);
  return out;
}

function kneeMeasures(p: Points): Partial<Record<FilmMeasureId, number>> {
  const [r1, r2, r3, knee, ankle, condM, condL, platM, platL] = p;
  const hip = r1 && r2 && r3 ? circleCentre(r1, r2, r3) : undefined;
  const medial = condM && condL ? minus(condM, condL) : platM && platL ? minus(platM, platL) : undefined;
  // Up: the hip lies above the knee and the ankle, the condyles above the plateau.
  const up =
    hip && ankle
      ? minus(hip, ankle)
      : hip && knee
        ? minus(hip, knee)
        : knee && ankle
          ? minus(knee, ankle)
          : condM && condL && platM && platL
            ? minus(mid(condM, condL), mid(platM, platL))
            : undefined;
  if (!medial || !up) return {};
  const map = canonicalMap(medial, up);
  const at = (q: FilmPoint): Vec3 => {
    const [x, y] = map(q);
    return [x, y, 0];
  };
  const out: Partial<Record<FilmMeasureId, number>> = {};
  // The same formulas as measureKnee (knee-alignment.ts), with one knee centre for both bones.
  if (hip && knee && ankle) out.hka = 180 - coronalTurn(sub(at(knee), at(hip)), sub(at(ankle), at(knee)));
  if (hip && knee && condM && condL)
    out.ldfa = coronalAngle(sub(at(hip), at(knee)), sub(at(condL), at(condM)));
  if (knee && ankle && platM && platL)
    out.mpta = coronalAngle(sub(at(ankle), at(knee)), sub(at(platM), at(platL)));
  if (condM && condL && platM && platL)
    out.jlca = coronalTurn(sub(at(condL), at(condM)), sub(at(platL), at(platM)));
  if (hip && ankle && platM && platL)
    out.wbl = crossingFraction(at(hip), at(ankle), at(platM), at(platL)) * 100;
  return out;
}

/**
 * Every measure whose points are all placed (points[i] belongs to FILM_LANDMARKS[region][i]),
 * degrees (WBL in % of the plateau's width from its medial edge), with the signs of the 3D
 * measures in clinical/. A signed angle also needs to know which way is medial: on the foot the
 * second metatarsal (points 5–6) or the head's articular ends (7–8) tell it, on the knee the
 * condyles (6–7) or the plateau (8–9); until one of them is placed no angle is given.
 */
export function measureFilm(region: FilmRegion, points: Points): Partial<Record<FilmMeasureId, number>> {
  const all = region === 'foot' ? footMeasures(points) : kneeMeasures(points);
  const out: Partial<Record<FilmMeasureId, number>> = {};
  for (const id of FILM_MEASURES[region]) {
    const v = all[id];
    if (v !== undefined && Number.isFinite(v)) out[id] = v;
  }
  return out;
}
