/** Checks the tests run on meshes with manifold itself: closed, genus, volume. */
import type { MeshData } from '../../src/geometry/cut';
import { loadManifold } from '../../src/geometry/manifold-module';
import { cross, dot, normalize, type Vec3 } from '../../src/anatomy/vec';

const wasm = await loadManifold();

function withManifold<T>(f: MeshData, read: (m: InstanceType<typeof wasm.Manifold>) => T): T {
  const m = new wasm.Manifold(new wasm.Mesh({ numProp: 3, vertProperties: f.positions, triVerts: f.indices }));
  try {
    return read(m);
  } finally {
    m.delete();
  }
}

/** A closed, genus-0 mesh: what every bone and fragment must be. */
export const isClosed = (f: MeshData): boolean => withManifold(f, (m) => m.status() === 'NoError' && m.genus() === 0);

/** Enclosed volume, mm³. */
export const meshVolume = (f: MeshData): number => withManifold(f, (m) => m.volume());

/**
 * The analytic volume of a wedge of bone, independent of any boolean cut: the bone's section in
 * the wedge's bisector plane (on the open side of the apex line only), each area element times the
 * wedge's thickness there, 2·r·tan(α/2) at a distance r from the apex line (exact for a prism,
 * second-order accurate for a bone). `bisector` and `along` are unit and perpendicular; degrees.
 */
export function wedgeVolume(bone: MeshData, apex: Vec3, bisector: Vec3, along: Vec3, angle: number): number {
  const n = normalize(cross(bisector, along));
  const m = new Array<number>(16).fill(0);
  [bisector, along, n].forEach((r, i) => {
    m[i] = r[0];
    m[4 + i] = r[1];
    m[8 + i] = r[2];
    m[12 + i] = -dot(r, apex);
  });
  m[15] = 1;
  return withManifold(bone, (solid) => {
    const moved = solid.transform(m as never);
    const open = moved.trimByPlane([1, 0, 0], 0);
    const section = open.slice(0);
    let moment = 0;
    for (const poly of section.toPolygons()) {
      for (let i = 0; i < poly.length; i++) {
        const [x0, y0] = poly[i]!;
        const [x1, y1] = poly[(i + 1) % poly.length]!;
        moment += ((x0 + x1) * (x0 * y1 - x1 * y0)) / 6;
      }
    }
    for (const o of [section, open, moved]) o.delete();
    return 2 * Math.tan((angle * Math.PI) / 360) * moment;
  });
}
