/**
 * Builds the bone models from the SDF definitions: one GLB per region (a node per part, named by
 * part id; indexed, welded, quantized and meshopt-compressed) and landmarks.json. Deterministic, so
 * a test can rebuild and compare with the committed files.
 */
import { Document, Logger, NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { meshopt } from '@gltf-transform/functions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import { REGION_PARTS } from '../../src/anatomy/parts';
import { regionBones } from '../../src/anatomy/regions';
import type { Region } from '../../src/anatomy/types';
import { meshBone, type BoneMesh } from '../../src/geometry/level-set';
import { loadManifold } from '../../src/geometry/manifold-module';

export const REGIONS: readonly Region[] = ['foot', 'knee'];

export interface BuiltModels {
  /** File name in models/ → bytes. */
  readonly files: Record<string, Uint8Array>;
  readonly meshes: Record<Region, BoneMesh[]>;
}

export async function modelIO(): Promise<NodeIO> {
  await MeshoptEncoder.ready;
  await MeshoptDecoder.ready;
  return new NodeIO()
    .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder, 'meshopt.decoder': MeshoptDecoder });
}

async function regionGlb(io: NodeIO, meshes: BoneMesh[]): Promise<Uint8Array> {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.WARN));
  doc.createBuffer();
  const scene = doc.createScene('region');
  for (const m of meshes) {
    const prim = doc
      .createPrimitive()
      // Copies on their own ArrayBuffer, as glTF-Transform's accessors require.
      .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(Float32Array.from(m.positions)))
      .setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(Float32Array.from(m.normals)))
      .setIndices(doc.createAccessor().setType('SCALAR').setArray(Uint32Array.from(m.indices)));
    scene.addChild(doc.createNode(m.id).setMesh(doc.createMesh(m.id).addPrimitive(prim)));
  }
  await doc.transform(meshopt({ encoder: MeshoptEncoder, level: 'medium', quantizationVolume: 'scene' }));
  return io.writeBinary(doc);
}

export async function buildModels(log: (line: string) => void = () => {}): Promise<BuiltModels> {
  const wasm = await loadManifold();
  const io = await modelIO();
  const files: Record<string, Uint8Array> = {};
  const landmarks: Record<string, Record<string, unknown>> = {};
  const meshes = {} as Record<Region, BoneMesh[]>;
  for (const region of REGIONS) {
    const bones = regionBones(region);
    const ids = bones.map((b) => b.id).join(',');
    if (ids !== REGION_PARTS[region].join(',')) throw new Error(`${region}: bones ${ids} ≠ parts list`);
    meshes[region] = bones.map((b) => {
      const t0 = performance.now();
      const m = meshBone(wasm, b);
      log(`${region}/${b.id}: ${m.indices.length / 3} triangles, ${(performance.now() - t0).toFixed(0)} ms`);
      return m;
    });
    files[`${region}.glb`] = await regionGlb(io, meshes[region]);
    landmarks[region] = Object.fromEntries(bones.map((b) => [b.id, b.landmarks]));
  }
  files['landmarks.json'] = new TextEncoder().encode(JSON.stringify(landmarks, null, 1) + '\n');
  return { files, meshes };
}
