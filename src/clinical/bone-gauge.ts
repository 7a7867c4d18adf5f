import { dot, sub, type Vec3 } from '../anatomy/sdf';
import type { BoneGauge } from '../procedures/types';

/** Half-thickness of the slice a width is measured in, mm. */
const SLICE = 1;
/** Vertices this close to a line count as on it: the closest radius that finds any, mm (edges are 1–5 mm). */
const LINE_RADII = [2.5, 4, 6];

/**
 * Measures the posed bones as a surgeon measures on an X-ray: the width of a bone across a
 * direction, in the slice perpendicular to its axis at a given point.
 */
export function meshGauge(positionsOf: (bone: string) => Float32Array | undefined): BoneGauge {
  const gauge: BoneGauge = {
    width(bone, at, axis, across) {
      const [lo, hi] = gauge.span(bone, at, axis, across);
      return hi > lo ? hi - lo : 0;
    },
    span(bone, at, axis, across) {
      const pos = positionsOf(bone);
      if (!pos) throw new Error(`No mesh for ${bone}`);
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < pos.length; i += 3) {
        const d: Vec3 = sub([pos[i]!, pos[i + 1]!, pos[i + 2]!], at);
        if (Math.abs(dot(d, axis)) > SLICE) continue;
        const s = dot(d, across);
        if (s < lo) lo = s;
        if (s > hi) hi = s;
      }
      return hi > lo ? [lo, hi] : [0, 0];
    },
    reach(bone, at, dir) {
      const pos = positionsOf(bone);
      if (!pos) throw new Error(`No mesh for ${bone}`);
      // Where the mesh is coarse no vertex may lie that close to the line: widen the search.
      for (const radius of LINE_RADII) {
        let far = 0;
        for (let i = 0; i < pos.length; i += 3) {
          const d: Vec3 = sub([pos[i]!, pos[i + 1]!, pos[i + 2]!], at);
          const along = dot(d, dir);
          if (along > far && dot(d, d) - along * along < radius * radius) far = along;
        }
        if (far > 0) return far;
      }
      return 0;
    },
  };
  return gauge;
}
