/**
 * The cutters procedures compose their cuts from (see ConvexPiece in geometry/cutters): a saw's flat
 * kerf, one limb of a V or Z, a wedge about a hinge.
 */
import { add, cross, normalize, scale, type Vec3 } from '../../anatomy/vec';
import type { ConvexPiece } from '../../geometry/cutters';
import { between } from './bone-frame';

/**
 * A flat saw cut: a slab of thickness `kerf` (mm) centred on the plane through `centre`, spanning
 * ±halfU along u and ±halfV along v (both in the plane, mm).
 */
export function slab(
  centre: Vec3,
  u: Vec3,
  v: Vec3,
  halfU: number,
  halfV: number,
  kerf: number,
): ConvexPiece {
  const uu = normalize(u);
  const n = normalize(cross(uu, v));
  const vv = cross(n, uu);
  const pts: Vec3[] = [];
  for (const su of [-halfU, halfU])
    for (const sv of [-halfV, halfV])
      for (const sn of [-kerf / 2, kerf / 2])
        pts.push(add(add(add(centre, scale(uu, su)), scale(vv, sv)), scale(n, sn)));
  return pts;
}

/**
 * A half-plane saw cut that starts at a line (through `start`, direction `along`) and runs a
 * distance `reach` in direction `toward`; `overlap` mm extends it behind the start so two limbs meet
 * without a sliver of bone left between them.
 */
export function limb(
  start: Vec3,
  along: Vec3,
  toward: Vec3,
  reach: number,
  halfWidth: number,
  kerf: number,
  overlap = 0,
): ConvexPiece {
  const t = normalize(toward);
  const centre = add(start, scale(t, (reach - overlap) / 2));
  return slab(centre, t, along, (reach + overlap) / 2, halfWidth, kerf);
}

/** A solid wedge with its apex on the hinge line, between two half-planes leaving it in directions a and b. */
export function wedge(
  hinge: Vec3,
  along: Vec3,
  a: Vec3,
  b: Vec3,
  reach: number,
  halfWidth: number,
): ConvexPiece {
  const w = normalize(along);
  const pts: Vec3[] = [];
  for (const s of [-halfWidth, halfWidth]) {
    const h = add(hinge, scale(w, s));
    pts.push(h, add(h, scale(normalize(a), reach)), add(h, scale(normalize(b), reach)));
  }
  return pts;
}

/**
 * A fan about a hinge line running `along`: the wedge between the directions turned `fromDeg` and
 * `fromDeg + spanDeg` from `side` towards `toward` (both unit, perpendicular): the slot one pass of
 * a burr sweeps about its hinge.
 */
export function fan(
  hinge: Vec3,
  along: Vec3,
  side: Vec3,
  toward: Vec3,
  fromDeg: number,
  spanDeg: number,
  reach: number,
  halfWidth: number,
): ConvexPiece {
  return wedge(
    hinge,
    along,
    between(side, toward, fromDeg),
    between(side, toward, fromDeg + spanDeg),
    reach,
    halfWidth,
  );
}
