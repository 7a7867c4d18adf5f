import type { Fragment } from './cut';

/** A fragment ready for the GPU: bone surface first, then the cut faces with their own vertices. */
export interface RenderFragment {
  readonly positions: Float32Array;
  readonly normals: Float32Array;
  readonly indices: Uint32Array;
  /** Triangles [0, boneTriangles) are bone surface; the rest are cut faces (drawn as cancellous bone). */
  readonly boneTriangles: number;
  readonly volume: number;
}

/**
 * Splits the cut faces off the bone surface (they meet at a sharp saw edge, so they must not share
 * normals) and computes area-weighted vertex normals for each side.
 */
export function toRenderFragment(f: Fragment): RenderFragment {
  const triCount = f.indices.length / 3;
  const order: number[] = [];
  for (let t = 0; t < triCount; t++) if (!f.cutFace[t]) order.push(t);
  const boneTriangles = order.length;
  for (let t = 0; t < triCount; t++) if (f.cutFace[t]) order.push(t);

  const remap = [new Map<number, number>(), new Map<number, number>()];
  const pos: number[] = [];
  const indices = new Uint32Array(triCount * 3);
  order.forEach((t, k) => {
    const side = remap[f.cutFace[t] ? 1 : 0]!;
    for (let c = 0; c < 3; c++) {
      const v = f.indices[t * 3 + c]!;
      let i = side.get(v);
      if (i === undefined) {
        i = pos.length / 3;
        side.set(v, i);
        pos.push(f.positions[v * 3]!, f.positions[v * 3 + 1]!, f.positions[v * 3 + 2]!);
      }
      indices[k * 3 + c] = i;
    }
  });
  const positions = new Float32Array(pos);
  const normals = new Float32Array(positions.length);
  for (let t = 0; t < indices.length; t += 3) {
    const [a, b, c] = [indices[t]! * 3, indices[t + 1]! * 3, indices[t + 2]! * 3];
    const ux = positions[b]! - positions[a]!, uy = positions[b + 1]! - positions[a + 1]!, uz = positions[b + 2]! - positions[a + 2]!; // prettier-ignore
    const vx = positions[c]! - positions[a]!, vy = positions[c + 1]! - positions[a + 1]!, vz = positions[c + 2]! - positions[a + 2]!; // prettier-ignore
    const nx = uy * vz - uz * vy;
    const ny = uz * vx - ux * vz;
    const nz = ux * vy - uy * vx;
    for (const i of [a, b, c]) {
      normals[i] = normals[i]! + nx;
      normals[i + 1] = normals[i + 1]! + ny;
      normals[i + 2] = normals[i + 2]! + nz;
    }
  }
  for (let i = 0; i < normals.length; i += 3) {
    const l = Math.hypot(normals[i]!, normals[i + 1]!, normals[i + 2]!) || 1;
    normals[i] = normals[i]! / l;
    normals[i + 1] = normals[i + 1]! / l;
    normals[i + 2] = normals[i + 2]! / l;
  }
  return { positions, normals, indices, boneTriangles, volume: f.volume };
}
