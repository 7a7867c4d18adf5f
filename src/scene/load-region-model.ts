import { Mesh, Matrix3, Vector3, type BufferAttribute, type InterleavedBufferAttribute } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

import type { RegionModel, RestMesh } from '../anatomy/mesh';

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

/**
 * Loads a region's GLB and bakes each node's transform (the dequantization) into float arrays, so
 * posing and cutting work in millimetres of the region frame.
 */
export async function loadRegionModel(
  url: string,
  onProgress?: (fraction: number) => void,
): Promise<RegionModel> {
  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
  const gltf = await loader.loadAsync(url, (e) => {
    if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
  });
  gltf.scene.updateMatrixWorld(true);
  const parts = new Map<string, RestMesh>();
  const normalMatrix = new Matrix3();
  gltf.scene.traverse((o) => {
    if (!(o instanceof Mesh)) return;
    const g = o.geometry;
    normalMatrix.getNormalMatrix(o.matrixWorld);
    parts.set(o.name, {
      positions: bake(g.getAttribute('position'), (p) => p.applyMatrix4(o.matrixWorld)),
      normals: bake(g.getAttribute('normal'), (n) => n.applyMatrix3(normalMatrix).normalize()),
      index: Uint32Array.from(g.index!.array),
    });
    g.dispose();
  });
  return parts;
}
