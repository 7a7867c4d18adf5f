/**
 * A standing long-leg film made in the test: a right lower limb seen from the front (its medial
 * side, the body's midline, on the right of the image), drawn with its landmarks placed for known
 * angles, as a PNG.
 */
import { encodeGreyPng } from './film-fixtures';

type P = readonly [number, number];

/** The angles the drawn limb has (CLINICAL §2's default case: a varus knee). */
export const KNEE_ANGLES = { hka: 172, mpta: 82, ldfa: 88 } as const;

/** A limb's angles, degrees: HKA, mMPTA, mLDFA. */
export interface KneeAngles {
  readonly hka: number;
  readonly mpta: number;
  readonly ldfa: number;
}

/** A valgus knee, its deformity in the femur (a DFO's patient): a low mLDFA, a normal mMPTA. */
export const VALGUS_ANGLES: KneeAngles = { hka: 186, mpta: 90, ldfa: 84 };

export const KNEE_SIZE = { width: 500, height: 1400 } as const;

const rad = (deg: number) => (deg * Math.PI) / 180;
/** A direction `deg` degrees from straight up, positive towards medial (+x). */
const dir = (deg: number): P => [Math.sin(rad(deg)), -Math.cos(rad(deg))];
const along = (from: P, d: P, length: number): P => [from[0] + d[0] * length, from[1] + d[1] * length];

/**
 * The nine knee landmarks in issue 20's order: three on the femoral head's rim, the knee centre,
 * the ankle centre, the condyles' tangent (medial, lateral), the plateau (medial, lateral). The
 * tibia stands upright; the femur leans so that the hip lies medial (varus, HKA under 180); the
 * plateau line makes the mMPTA with the tibial axis medially, the condylar tangent the mLDFA with
 * the femoral axis laterally.
 */
export function kneeLandmarks(a: KneeAngles = KNEE_ANGLES) {
  const knee: P = [220, 760];
  const ankle: P = [220, 1320];
  const femur = dir(180 - a.hka);
  const hip = along(knee, femur, 600);
  const r = 60;
  const rim = [200, 270, 340].map((deg) => along(hip, dir(deg), r));
  // The tibial axis points down (180°); the plateau's medial half turns from it by the mMPTA.
  const plateau = dir(180 - a.mpta);
  const plateauCentre = along(knee, dir(180), 6);
  // The femoral axis points up; the tangent's lateral half turns from it by the mLDFA.
  const condyles = dir(180 - a.hka - a.ldfa);
  const condyleCentre = along(knee, dir(0), 6);
  const points: P[] = [
    rim[0]!,
    rim[1]!,
    rim[2]!,
    knee,
    ankle,
    along(condyleCentre, condyles, -70),
    along(condyleCentre, condyles, 70),
    along(plateauCentre, plateau, 70),
    along(plateauCentre, plateau, -70),
  ];
  return { points, hip, r };
}

/** The drawn limb (with these angles) as an 8-bit greyscale PNG. */
export function kneePng(a: KneeAngles = KNEE_ANGLES): Buffer {
  const { width, height } = KNEE_SIZE;
  const { points, hip, r } = kneeLandmarks(a);
  const grey = new Uint8Array(width * height).fill(24);
  const rod = (a: P, b: P, w: number, v: number) => {
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const len2 = dx * dx + dy * dy;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / len2));
        if (Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy)) < w) grey[y * width + x] = v;
      }
  };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if (Math.hypot(x - hip[0], y - hip[1]) < r) grey[y * width + x] = 190;
  rod(hip, points[3]!, 22, 170);
  rod(points[5]!, points[6]!, 10, 210);
  rod(points[7]!, points[8]!, 10, 200);
  rod(points[3]!, points[4]!, 20, 170);
  return encodeGreyPng(width, height, grey);
}
