/** Checks the tests run on meshes with manifold itself: closed, genus, volume. */
import type { MeshData } from '../../src/geometry/cut';
import { loadManifold } from '../../src/geometry/manifold-module';

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
