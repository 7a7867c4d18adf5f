import type { Region } from '../../anatomy/types';
import { add, cross, dot, normalize, scale, sub, type Vec3 } from '../../anatomy/vec';
import type { Projection } from '../../state/session-slice';
import { beamDirection, FIELD_MM } from './xray-camera';

/**
 * The C's radius as a share of the image field, a schematic size: a real C-arm (≈ 1 m from tube to
 * intensifier) would not fit in a view of the forefoot, so it is drawn shrunk about the limb.
 */
const RADIUS_OF_FIELD = 0.62;

/** Where the C-arm is drawn, region frame (mm): tube and intensifier on the beam through the centre. */
export interface CArmPlacement {
  /** The X-ray tube, beam side. */
  readonly source: Vec3;
  /** The image intensifier's face, across the limb from the tube. */
  readonly intensifier: Vec3;
  /** Unit beam direction, tube to intensifier. */
  readonly beam: Vec3;
  /** Unit direction from the centre to the middle of the C's arc: across the line of sight. */
  readonly back: Vec3;
  /** The C's radius and the image field's diameter, mm. */
  readonly radius: number;
  readonly fieldMm: number;
}

/** The C's radius and the image field's diameter for a region, mm. */
export function cArmSize(region: Region): { radius: number; fieldMm: number } {
  return { radius: RADIUS_OF_FIELD * FIELD_MM[region], fieldMm: FIELD_MM[region] };
}

/**
 * The C-arm taking a projection of `centre`, its arc turned to the side of a viewer at `eye`, so it
 * shows as a C and never stands between the viewer and the limb.
 */
export function cArmPlacement(region: Region, proj: Projection, centre: Vec3, eye: Vec3): CArmPlacement {
  const beam = beamDirection(region, proj);
  const { radius, fieldMm } = cArmSize(region);
  // Across both the beam and the line of sight: the C is seen whole, beside the limb, never over it.
  let back = cross(beam, sub(centre, eye));
  // Looking straight down the beam: any direction across it will do.
  if (dot(back, back) < 1e-6) back = cross(beam, Math.abs(beam[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0]);
  return {
    source: sub(centre, scale(beam, radius)),
    intensifier: add(centre, scale(beam, radius)),
    beam,
    back: normalize(back),
    radius,
    fieldMm,
  };
}
