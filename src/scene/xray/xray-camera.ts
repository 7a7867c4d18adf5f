import { landmark } from '../../anatomy/landmarks';
import type { Region } from '../../anatomy/types';
import { REST_LANDMARKS } from '../../engine/rest-landmarks';
import type { Projection, Side } from '../../state/session-slice';
import { DEFAULT_VIEW } from '../camera-views';

type Vec3 = readonly [number, number, number];

/**
 * Where the beam goes (the camera's looking direction) and which way is up on the monitor, region
 * frame of the right side (+X medial, +Y up, +Z anterior; on the foot +Z distal).
 */
const BEAMS: Record<Region, Record<Projection, { readonly look: Vec3; readonly up: Vec3 }>> = {
  // Dorsoplantar from above, toes up the screen; lateral from the lateral side, dorsum up. The
  // standing film is dorsoplantar too.
  foot: {
    ap: { look: [0, -1, 0], up: [0, 0, 1] },
    lat: { look: [1, 0, 0], up: [0, 1, 0] },
    standing: { look: [0, -1, 0], up: [0, 0, 1] },
  },
  // From the front, and from the lateral side; the limb upright in both. The long-leg film is an AP.
  knee: {
    ap: { look: [0, 0, -1], up: [0, 1, 0] },
    lat: { look: [1, 0, 0], up: [0, 1, 0] },
    standing: { look: [0, 0, -1], up: [0, 1, 0] },
  },
};

/**
 * The ends of a standing film (CLINICAL §6: the angles are measured on weight-bearing films): the
 * foot's from the heel to the big toe, the knee's long leg from the hip to the ankle; and how much
 * more it shows beyond the landmarks, mm (the heel and toe pulp, the femoral head and the talus whole).
 */
const FILM_ENDS: Record<
  Region,
  {
    readonly from: readonly [string, string];
    readonly to: readonly [string, string];
    readonly margin: number;
  }
> = {
  foot: { from: ['calcaneus', 'centre'], to: ['distalPhalanx1', 'head'], margin: 45 },
  knee: { from: ['talus', 'ankleCentre'], to: ['femur', 'hipCentre'], margin: 75 },
};

function standingFilm(region: Region): { readonly centre: Vec3; readonly heightMm: number } {
  const { from, to, margin } = FILM_ENDS[region];
  const a = landmark(REST_LANDMARKS[region], ...from);
  const b = landmark(REST_LANDMARKS[region], ...to);
  const up = BEAMS[region].standing.up;
  const along = (b[0] - a[0]) * up[0] + (b[1] - a[1]) * up[1] + (b[2] - a[2]) * up[2];
  return {
    centre: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2],
    heightMm: Math.abs(along) + 2 * margin,
  };
}

/**
 * Each region's standing film, region frame, man size: its centre, and its height, which fills the
 * view's height (a film has no round field).
 */
export const STANDING_FILM: Record<Region, { readonly centre: Vec3; readonly heightMm: number }> = {
  foot: standingFilm('foot'),
  knee: standingFilm('knee'),
};

/** The beam's direction (source to intensifier) for a region and projection, right-side region frame. */
export function beamDirection(region: Region, proj: Projection): Vec3 {
  return BEAMS[region][proj].look;
}

/**
 * Diameter of the round image at its centre, mm, man size: a mini C-arm's field over the forefoot,
 * a 9-inch image intensifier over the knee.
 */
export const FIELD_MM: Record<Region, number> = { foot: 170, knee: 230 };

/** Radius of the round field, as a fraction of the viewport's shorter side. */
export const FIELD_RADIUS = 0.47;

/** Camera to centre, mm: the view is orthographic, this only keeps every body between near and far. */
export const XRAY_DISTANCE = 1000;

export interface XrayCamera {
  /** World space (the mirrored, scaled region group applied), mm. */
  readonly position: Vec3;
  readonly target: Vec3;
  /** Unit direction of the beam, source to intensifier. */
  readonly look: Vec3;
  /** Unit direction that is up on the monitor. */
  readonly up: Vec3;
  /** Diameter of the round field at the target, world mm; on a standing film, its height. */
  readonly fieldMm: number;
  /** An intensifier's round field (true), or a film filling the view's height (false). */
  readonly round: boolean;
}

/**
 * The centre of the image, region frame (mm): the open procedure step's camera target, else the
 * region's default view target.
 */
export function xrayCentre(region: Region, stepTarget?: Vec3, proj: Projection = 'ap'): Vec3 {
  if (proj === 'standing') return STANDING_FILM[region].centre;
  return stepTarget ?? DEFAULT_VIEW[region].target;
}

/**
 * The C-arm's camera in world space for a region, projection, side and patient scale: the left
 * side is the right one mirrored in X (as the region group is), so its lateral view comes from +X.
 */
export function xrayCamera(
  region: Region,
  proj: Projection,
  side: Side,
  scale: number,
  centre: Vec3,
): XrayCamera {
  const mx = side === 'left' ? -1 : 1;
  const beam = BEAMS[region][proj];
  const look: Vec3 = [beam.look[0] * mx, beam.look[1], beam.look[2]];
  const up: Vec3 = [beam.up[0] * mx, beam.up[1], beam.up[2]];
  const target: Vec3 = [centre[0] * mx * scale, centre[1] * scale, centre[2] * scale];
  const position: Vec3 = [
    target[0] - look[0] * XRAY_DISTANCE,
    target[1] - look[1] * XRAY_DISTANCE,
    target[2] - look[2] * XRAY_DISTANCE,
  ];
  const film = proj === 'standing';
  const fieldMm = film ? STANDING_FILM[region].heightMm : FIELD_MM[region];
  return { position, target, look, up, fieldMm: fieldMm * scale, round: !film };
}

/** The viewport's rows its controls cover, from its top and from its bottom, pixels. */
export interface Cover {
  readonly top: number;
  readonly bottom: number;
}

const UNCOVERED: Cover = { top: 0, bottom: 0 };

/**
 * The least share of the viewport's height a standing film is drawn on: where the controls cover
 * more (a phone held sideways), the film's ends go under them rather than the film shrink further.
 * On a phone held upright the long leg still fits whole between them, about 190 px tall.
 */
export const MIN_FILM_SHARE = 0.3;

/**
 * The orthographic frustum for a viewport in pixels, world mm from the target: a C-arm's round field
 * of {@link FIELD_RADIUS} of the shorter side spans `fieldMm` about the viewport's centre; a
 * standing film's height spans the rows between the controls at the top and those at the bottom
 * (`cover`), the film's centre halfway between them, so the hip and the ankle are both in sight.
 * With the size of a pixel, mm.
 */
export function xrayFrustum(
  width: number,
  height: number,
  fieldMm: number,
  round = true,
  cover: Cover = UNCOVERED,
): { halfWidth: number; top: number; bottom: number; mmPerPx: number } {
  if (round) {
    const mmPerPx = fieldMm / 2 / (FIELD_RADIUS * Math.max(1, Math.min(width, height)));
    const halfHeight = (height / 2) * mmPerPx;
    return { halfWidth: (width / 2) * mmPerPx, top: halfHeight, bottom: -halfHeight, mmPerPx };
  }
  const rows = Math.max(1, height);
  const covered = Math.max(0, cover.top) + Math.max(0, cover.bottom);
  // Both covers shrink alike when together they leave less than the film's least share.
  const keep = covered > 0 ? Math.min(1, ((1 - MIN_FILM_SHARE) * rows) / covered) : 0;
  const top = Math.max(0, cover.top) * keep;
  const band = rows - covered * keep;
  const mmPerPx = fieldMm / band;
  const centre = top + band / 2;
  return {
    halfWidth: (width / 2) * mmPerPx,
    top: centre * mmPerPx,
    bottom: -(rows - centre) * mmPerPx,
    mmPerPx,
  };
}
