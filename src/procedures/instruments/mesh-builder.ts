import { BufferAttribute, BufferGeometry } from 'three';

/** Triangle a-b-c's normal scaled by twice its area (the cross product of its edges from a). */
function faceNormal(p: readonly number[], a: number, b: number, c: number): [number, number, number] {
  const ex = p[3 * b]! - p[3 * a]!;
  const ey = p[3 * b + 1]! - p[3 * a + 1]!;
  const ez = p[3 * b + 2]! - p[3 * a + 2]!;
  const fx = p[3 * c]! - p[3 * a]!;
  const fy = p[3 * c + 1]! - p[3 * a + 1]!;
  const fz = p[3 * c + 2]! - p[3 * a + 2]!;
  return [ey * fz - ez * fy, ez * fx - ex * fz, ex * fy - ey * fx];
}

/**
 * Collects triangles with per-vertex normals. Triangles are wound to agree with their vertices'
 * normals, so shape code states which way a surface faces and never has to think about winding.
 */
export class MeshBuilder {
  readonly positions: number[] = [];
  readonly normals: number[] = [];
  readonly indices: number[] = [];

  get vertexCount(): number {
    return this.positions.length / 3;
  }

  get triangleCount(): number {
    return this.indices.length / 3;
  }

  /** Adds a vertex; the normal is normalised here. Returns its index. */
  vertex(x: number, y: number, z: number, nx: number, ny: number, nz: number): number {
    const l = Math.hypot(nx, ny, nz) || 1;
    this.positions.push(x, y, z);
    this.normals.push(nx / l, ny / l, nz / l);
    return this.positions.length / 3 - 1;
  }

  /** Adds triangle a-b-c facing the mean of its vertex normals; degenerate triangles are dropped. */
  triangle(a: number, b: number, c: number): void {
    const n = this.normals;
    const [cx, cy, cz] = faceNormal(this.positions, a, b, c);
    const area2 = Math.hypot(cx, cy, cz);
    if (area2 < 1e-10) return;
    const mx = n[3 * a]! + n[3 * b]! + n[3 * c]!;
    const my = n[3 * a + 1]! + n[3 * b + 1]! + n[3 * c + 1]!;
    const mz = n[3 * a + 2]! + n[3 * b + 2]! + n[3 * c + 2]!;
    if (cx * mx + cy * my + cz * mz >= 0) this.indices.push(a, b, c);
    else this.indices.push(a, c, b);
  }

  /** Quad a-b-c-d (in order around its edge) as two triangles. */
  quad(a: number, b: number, c: number, d: number): void {
    this.triangle(a, b, c);
    this.triangle(a, c, d);
  }

  /**
   * Replaces the normals of vertices from `firstVertex` on with area-weighted face normals of the
   * triangles from `firstIndex` on, for surfaces whose true normal is awkward to state (a twisted
   * flute). Their winding must already be right, which `triangle` ensured from rough normals.
   */
  smoothNormals(firstVertex: number, firstIndex: number): void {
    const p = this.positions;
    const acc = new Float64Array(this.positions.length - 3 * firstVertex);
    for (let t = firstIndex; t < this.indices.length; t += 3) {
      const a = this.indices[t]!;
      const b = this.indices[t + 1]!;
      const c = this.indices[t + 2]!;
      const [nx, ny, nz] = faceNormal(p, a, b, c);
      for (const v of [a, b, c]) {
        const o = 3 * (v - firstVertex);
        acc[o] = acc[o]! + nx;
        acc[o + 1] = acc[o + 1]! + ny;
        acc[o + 2] = acc[o + 2]! + nz;
      }
    }
    for (let o = 0; o < acc.length; o += 3) {
      const l = Math.hypot(acc[o]!, acc[o + 1]!, acc[o + 2]!);
      if (l === 0) continue;
      const i = 3 * firstVertex + o;
      this.normals[i] = acc[o]! / l;
      this.normals[i + 1] = acc[o + 1]! / l;
      this.normals[i + 2] = acc[o + 2]! / l;
    }
  }

  toGeometry(): BufferGeometry {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(this.positions), 3));
    g.setAttribute('normal', new BufferAttribute(new Float32Array(this.normals), 3));
    const Index = this.vertexCount > 65535 ? Uint32Array : Uint16Array;
    g.setIndex(new BufferAttribute(new Index(this.indices), 1));
    g.computeBoundingBox();
    g.computeBoundingSphere();
    return g;
  }
}

/** One indexed geometry holding all of `parts` (positions, normals, index). */
export function mergeGeometries(parts: readonly BufferGeometry[]): BufferGeometry {
  const merged = new MeshBuilder();
  for (const part of parts) {
    const base = merged.vertexCount;
    const pos = part.getAttribute('position');
    const nor = part.getAttribute('normal');
    for (let i = 0; i < pos.count; i++) {
      merged.positions.push(pos.getX(i), pos.getY(i), pos.getZ(i));
      merged.normals.push(nor.getX(i), nor.getY(i), nor.getZ(i));
    }
    const index = part.getIndex();
    if (!index) throw new Error('mergeGeometries: expected indexed geometry');
    for (let i = 0; i < index.count; i++) merged.indices.push(base + index.getX(i));
  }
  return merged.toGeometry();
}
