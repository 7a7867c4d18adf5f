import { containsPoint, distanceToSurface, type TriangleMesh } from '../anatomy/point-in-mesh';
import type { Vec3 } from '../anatomy/vec';
import type { Region } from '../anatomy/types';

/** The side of a bone a point lies on, as a surgeon names it. */
export type BoneSide = 'medial' | 'lateral' | 'anterior' | 'posterior' | 'dorsal' | 'plantar';

/** A bone (or one of its fragments) as it lies now: its pre-operative mesh and the way back to it. */
export interface PosedBone {
  readonly part: string;
  /** The fragment (or the whole part) that lies there now. */
  readonly body: string;
  /** Column-major 4×4 taking a point of the region frame now to the bone's pre-operative frame. */
  readonly toRest: readonly number[];
  readonly mesh: TriangleMesh;
}

/** Where a point lies against the bones nearest it. */
export interface Proximity {
  readonly part: string;
  readonly body: string;
  /** 0 inside the bone; otherwise the distance to its surface, mm. */
  readonly distanceMm: number;
  readonly side: BoneSide;
  /** The point in the bone's pre-operative frame (for stations measured against its landmarks). */
  readonly atRest: Vec3;
}

/** Half-thickness of the slice across the bone whose centre a side is measured from, mm. */
const SLICE_MM = 4;

function restPoint(m: readonly number[], p: Vec3): Vec3 {
  return [
    m[0]! * p[0] + m[4]! * p[1] + m[8]! * p[2] + m[12]!,
    m[1]! * p[0] + m[5]! * p[1] + m[9]! * p[2] + m[13]!,
    m[2]! * p[0] + m[6]! * p[1] + m[10]! * p[2] + m[14]!,
  ];
}

/**
 * The side of the bone a point lies on: from the centre of the bone's slice at the point's level
 * along the limb (foot: along its length, +Z; knee: along the leg, +Y), the larger of the two
 * directions across it (region frame: +X medial, +Y dorsal/up, +Z anterior).
 */
function sideOf(region: Region, pos: ArrayLike<number>, p: Vec3): BoneSide {
  const along = region === 'foot' ? 2 : 1;
  const across = region === 'foot' ? 1 : 2;
  let n = 0;
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (const slice of [SLICE_MM, Infinity]) {
    for (let i = 0; i < pos.length; i += 3) {
      if (Math.abs(pos[i + along]! - p[along]) > slice) continue;
      cx += pos[i]!;
      cy += pos[i + 1]!;
      cz += pos[i + 2]!;
      n++;
    }
    if (n > 0) break;
  }
  const d = [p[0] - cx / n, p[1] - cy / n, p[2] - cz / n];
  if (Math.abs(d[0]!) >= Math.abs(d[across]!)) return d[0]! >= 0 ? 'medial' : 'lateral';
  if (region === 'foot') return d[1]! >= 0 ? 'dorsal' : 'plantar';
  return d[2]! >= 0 ? 'anterior' : 'posterior';
}

function inBounds(pos: ArrayLike<number>, p: Vec3): boolean {
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < pos.length; i++) {
    const v = pos[i]!;
    const k = i % 3;
    if (v < lo[k]!) lo[k] = v;
    if (v > hi[k]!) hi[k] = v;
  }
  return p.every((c, k) => c >= lo[k]! && c <= hi[k]!);
}

function distanceTo(bone: PosedBone, atRest: Vec3): number {
  const inside = inBounds(bone.mesh.positions, atRest) && containsPoint(bone.mesh, atRest);
  return inside ? 0 : distanceToSurface(bone.mesh, atRest);
}

/** How a point lies against one bone. */
function proximityTo(region: Region, bone: PosedBone, p: Vec3): Proximity {
  const atRest = restPoint(bone.toRest, p);
  return {
    part: bone.part,
    body: bone.body,
    distanceMm: distanceTo(bone, atRest),
    side: sideOf(region, bone.mesh.positions, atRest),
    atRest,
  };
}

/** The bone nearest a point (inside one counts as 0 mm; ties go to the first listed). */
export function nearestBone(region: Region, bones: readonly PosedBone[], p: Vec3): Proximity | null {
  let best: PosedBone | null = null;
  let bestMm = Infinity;
  for (const bone of bones) {
    const mm = distanceTo(bone, restPoint(bone.toRest, p));
    if (mm < bestMm) [best, bestMm] = [bone, mm];
    if (bestMm === 0) break;
  }
  return best && proximityTo(region, best, p);
}
