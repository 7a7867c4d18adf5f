import type { NodeIO } from '@gltf-transform/core';
import type { Vec3 } from '../../src/anatomy/vec';
import type { BoneMesh } from '../../src/geometry/level-set';

/** Measurements a radiologist or an anatomist would take on a bone mesh, mm. */
export function boneExtent(m: BoneMesh, from: Vec3, to: Vec3) {
  const ax = [to[0] - from[0], to[1] - from[1], to[2] - from[2]];
  const l = Math.hypot(ax[0]!, ax[1]!, ax[2]!);
  const dir = ax.map((a) => a / l) as [number, number, number];
  const n = m.positions.length / 3;
  const p = (i: number): Vec3 => [m.positions[i * 3]!, m.positions[i * 3 + 1]!, m.positions[i * 3 + 2]!];
  const along = (q: Vec3) =>
    (q[0] - from[0]) * dir[0] + (q[1] - from[1]) * dir[1] + (q[2] - from[2]) * dir[2];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = along(p(i));
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  /** Medio-lateral (X) extent of the vertices within ±1.5 mm of station s along the axis. */
  const widthAtStation = (s: number) => {
    let a = Infinity;
    let b = -Infinity;
    for (let i = 0; i < n; i++) {
      const q = p(i);
      if (Math.abs(along(q) - s) > 1.5) continue;
      a = Math.min(a, q[0]);
      b = Math.max(b, q[0]);
    }
    return b - a;
  };
  const extentWhere = (keep: (q: Vec3) => boolean, axis: 'x' | 'z') => {
    const k = axis === 'x' ? 0 : 2;
    let a = Infinity;
    let b = -Infinity;
    for (let i = 0; i < n; i++) {
      const q = p(i);
      if (!keep(q)) continue;
      a = Math.min(a, q[k]);
      b = Math.max(b, q[k]);
    }
    return b - a;
  };
  return {
    length: hi - lo,
    /** ML width at a fraction of the bone's length from its proximal end. */
    widthAt: (fraction: number) => widthAtStation(lo + fraction * (hi - lo)),
    widthAtPoint: (q: Vec3) => widthAtStation(along(q)),
    widthBelow: (y: number, axis: 'x' | 'z') => extentWhere((q) => q[1] < y, axis),
    widthAbove: (y: number, axis: 'x' | 'z') => extentWhere((q) => q[1] > y, axis),
    /** Twice the median distance from the centre of the vertices of the head's upper half. */
    headDiameter: (c: Vec3) => {
      const d: number[] = [];
      for (let i = 0; i < n; i++) {
        const q = p(i);
        const r = Math.hypot(q[0] - c[0], q[1] - c[1], q[2] - c[2]);
        if (q[1] > c[1] + 5 && r < 35) d.push(r);
      }
      d.sort((x, y) => x - y);
      return 2 * d[Math.floor(d.length / 2)]!;
    },
  };
}

/** Reads a region GLB back into float positions (dequantized, node transforms applied) and indices. */
export async function decodeRegionGlb(io: NodeIO, bytes: Uint8Array) {
  const doc = await io.readBinary(bytes);
  const out = new Map<string, { positions: Float32Array; indices: Uint32Array }>();
  for (const node of doc.getRoot().listNodes()) {
    const prim = node.getMesh()?.listPrimitives()[0];
    if (!prim) continue;
    const pos = prim.getAttribute('POSITION')!;
    const mat = node.getWorldMatrix();
    const positions = new Float32Array(pos.getCount() * 3);
    const el: number[] = [];
    for (let i = 0; i < pos.getCount(); i++) {
      pos.getElement(i, el);
      const [x, y, z] = el as [number, number, number];
      positions[i * 3] = mat[0] * x + mat[4] * y + mat[8] * z + mat[12];
      positions[i * 3 + 1] = mat[1] * x + mat[5] * y + mat[9] * z + mat[13];
      positions[i * 3 + 2] = mat[2] * x + mat[6] * y + mat[10] * z + mat[14];
    }
    out.set(node.getName(), { positions, indices: Uint32Array.from(prim.getIndices()!.getArray()!) });
  }
  return out;
}
