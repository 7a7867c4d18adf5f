import type { Vec3 } from '../anatomy/vec';
import { gaugeAnswers } from './gauge-answers';

/** Measurements of the posed bones that a procedure may need (widths at a cut). */
export interface BoneGauge {
  /** Width of a bone across direction `across`, in the slice through `at` perpendicular to `axis`, mm. */
  width(bone: string, at: Vec3, axis: Vec3, across: Vec3): number;
  /** The same slice's extent along `across`, as offsets from `at` ([near −across, near +across]), mm. */
  span(bone: string, at: Vec3, axis: Vec3, across: Vec3): readonly [number, number];
  /** How far along unit `dir` from `at` the bone's surface lies on that line (its farthest point), mm. */
  reach(bone: string, at: Vec3, dir: Vec3): number;
}

/** Half-thickness of the slice a width is measured in, mm. */
const SLICE = 1;
/** Vertices this close to a line count as on it: the closest radius that finds any, mm (edges are 1–5 mm). */
const LINE_RADII = [2.5, 4, 6];
/** Answers kept per patient: a plan asks a few dozen; a drag over a range a few hundred. */
const KEPT_ANSWERS = 2000;

/**
 * Measures the posed bones as a surgeon measures on an X-ray: the width of a bone across a
 * direction, in the slice perpendicular to its axis at a given point. Each answer is kept: a plan
 * asks the same questions again whenever a parameter moves (a slider drag), and each is a scan of
 * a whole mesh. The scans allocate nothing per vertex.
 */
export function meshGauge(positionsOf: (bone: string) => Float32Array | undefined): BoneGauge {
  const meshOf = (bone: string) => {
    const pos = positionsOf(bone);
    if (!pos) throw new Error(`No mesh for ${bone}`);
    return pos;
  };
  // A long run of slider drags asks ever new questions: the oldest answers make way.
  const spans = gaugeAnswers(KEPT_ANSWERS, (bone, at, axis, across: Vec3) => {
    const pos = meshOf(bone);
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < pos.length; i += 3) {
      const dx = pos[i]! - at[0];
      const dy = pos[i + 1]! - at[1];
      const dz = pos[i + 2]! - at[2];
      if (Math.abs(dx * axis[0] + dy * axis[1] + dz * axis[2]) > SLICE) continue;
      const s = dx * across[0] + dy * across[1] + dz * across[2];
      if (s < lo) lo = s;
      if (s > hi) hi = s;
    }
    return (hi > lo ? [lo, hi] : [0, 0]) as readonly [number, number];
  });
  const reaches = gaugeAnswers(KEPT_ANSWERS, (bone, at, dir, _none: undefined) => {
    const pos = meshOf(bone);
    // Where the mesh is coarse no vertex may lie that close to the line: widen the search.
    for (const radius of LINE_RADII) {
      let far = 0;
      for (let i = 0; i < pos.length; i += 3) {
        const dx = pos[i]! - at[0];
        const dy = pos[i + 1]! - at[1];
        const dz = pos[i + 2]! - at[2];
        const along = dx * dir[0] + dy * dir[1] + dz * dir[2];
        if (along > far && dx * dx + dy * dy + dz * dz - along * along < radius * radius) far = along;
      }
      if (far > 0) return far;
    }
    return 0;
  });
  const gauge: BoneGauge = {
    width(bone, at, axis, across) {
      const span = spans(bone, at, axis, across);
      return span[1] > span[0] ? span[1] - span[0] : 0;
    },
    span: spans,
    reach: (bone, at, dir) => reaches(bone, at, dir, undefined),
  };
  return gauge;
}
