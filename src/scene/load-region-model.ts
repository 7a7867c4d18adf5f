import { Mesh, Matrix3, Vector3, type BufferAttribute, type InterleavedBufferAttribute } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

import type { RegionModel, RestMesh } from '../anatomy/mesh';
import { damaged } from './fetch-model';

const v = new Vector3();

function bake(attr: BufferAttribute | InterleavedBufferAttribute, apply: (p: Vector3) => void): Float32Array {
  const out = new Float32Array(attr.count * 3);
  for (let i = 0; i < attr.count; i++) {
    v.fromBufferAttribute(attr, i);
    apply(v);
    v.toArray(out, i * 3);
  }
  return out;
}

/** Every vertex a finite number and every triangle within the vertices: a truncated file is neither. */
function checkPart(url: string, name: string, part: RestMesh): void {
  const vertices = part.positions.length / 3;
  if (vertices === 0 || part.index.length === 0 || part.index.length % 3 !== 0)
    throw damaged(url, `${name} has no triangles`);
  if (part.normals.length !== part.positions.length) throw damaged(url, `${name} has no normals`);
  for (const x of part.positions) if (!Number.isFinite(x)) throw damaged(url, `${name} has a broken vertex`);
  for (const i of part.index) if (i >= vertices) throw damaged(url, `${name} has a broken triangle`);
}

/**
 * Reads a region's GLB (fetched by fetchModel, from `url`) and bakes each node's transform (the
 * dequantization) into float arrays, so posing and cutting work in millimetres of the region frame.
 * Rejects (never throws elsewhere) when the file is damaged.
 */
export async function parseRegionModel(url: string, bytes: ArrayBuffer): Promise<RegionModel> {
  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
  const gltf = await loader.parseAsync(bytes, '').catch((error: unknown) => {
    // Garbage or a cut-short file arrives as a parse error.
    throw damaged(url, error instanceof Error ? error.message : 'unreadable', error);
  });
  gltf.scene.updateMatrixWorld(true);
  const parts = new Map<string, RestMesh>();
  const normalMatrix = new Matrix3();
  const meshes: Mesh[] = [];
  gltf.scene.traverse((o) => {
    if (o instanceof Mesh) meshes.push(o);
  });
  try {
    for (const o of meshes) {
      const g = o.geometry;
      const position = g.getAttribute('position');
      const normal = g.getAttribute('normal');
      if (!position || !normal || !g.index)
        throw damaged(url, `${o.name} lacks vertices, normals or triangles`);
      normalMatrix.getNormalMatrix(o.matrixWorld);
      const part: RestMesh = {
        positions: bake(position, (p) => p.applyMatrix4(o.matrixWorld)),
        normals: bake(normal, (n) => n.applyMatrix3(normalMatrix).normalize()),
        index: Uint32Array.from(g.index.array),
      };
      checkPart(url, o.name, part);
      parts.set(o.name, part);
    }
  } finally {
    for (const o of meshes) o.geometry.dispose();
  }
  if (parts.size === 0) throw damaged(url, 'it holds no bones');
  return parts;
}
