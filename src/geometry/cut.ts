import type { Vec3 } from '../anatomy/sdf';
import type { ConvexPiece } from './cutters';
import type { ManifoldToplevel } from './manifold-module';

/** A closed triangle mesh, region frame, mm. */
export interface MeshData {
  readonly positions: Float32Array;
  readonly indices: Uint32Array;
}

/** One piece of a cut bone. */
export interface Fragment extends MeshData {
  /** Per triangle: 1 where it lies on a saw cut (drawn as cancellous bone), 0 on the bone's surface. */
  readonly cutFace: Uint8Array;
  /** Enclosed volume, mm³. */
  readonly volume: number;
  /** Centre of the fragment's bounding box, used to tell the pieces apart. */
  readonly centre: Vec3;
}

export interface CutResult {
  readonly fragments: Fragment[];
  readonly boneVolume: number;
  /** Bone removed by the saw's kerf or the wedge, mm³. */
  readonly removedVolume: number;
}

/**
 * Cuts a bone with a cutter made of convex pieces: the cutter is subtracted (the kerf or the wedge
 * leaves the bone) and what remains falls apart into fragments. Every manifold object made here is
 * deleted before returning.
 */
export function cutBone(wasm: ManifoldToplevel, bone: MeshData, cutter: readonly ConvexPiece[]): CutResult {
  const { Manifold, Mesh } = wasm;
  const owned: { delete(): void }[] = [];
  const keep = <T extends { delete(): void }>(m: T): T => (owned.push(m), m);
  try {
    const input = keep(
      new Manifold(new Mesh({ numProp: 3, vertProperties: bone.positions, triVerts: bone.indices })),
    );
    // A fresh original id tells the bone's own surface from the faces the cutter leaves.
    const solid = keep(input.asOriginal());
    const boneId = solid.originalID();
    const tool = keep(
      Manifold.union(
        cutter.map((piece) =>
          keep(Manifold.hull(piece.map((p): [number, number, number] => [p[0], p[1], p[2]]))),
        ),
      ),
    );
    const rest = keep(solid.subtract(tool));
    const fragments = rest.decompose().map((part) => {
      keep(part);
      const mesh = part.getMesh();
      const triCount = mesh.triVerts.length / 3;
      const cutFace = new Uint8Array(triCount);
      for (let r = 0; r < mesh.runOriginalID.length; r++) {
        if (mesh.runOriginalID[r] === boneId) continue;
        cutFace.fill(1, mesh.runIndex[r]! / 3, mesh.runIndex[r + 1]! / 3);
      }
      const box = part.boundingBox();
      const positions = new Float32Array(mesh.numVert * 3);
      for (let i = 0; i < mesh.numVert; i++)
        for (let k = 0; k < 3; k++) positions[i * 3 + k] = mesh.vertProperties[i * mesh.numProp + k]!;
      return {
        positions,
        indices: new Uint32Array(mesh.triVerts),
        cutFace,
        volume: part.volume(),
        centre: [
          (box.min[0] + box.max[0]) / 2,
          (box.min[1] + box.max[1]) / 2,
          (box.min[2] + box.max[2]) / 2,
        ] as Vec3,
      };
    });
    const boneVolume = solid.volume();
    const kept = fragments.reduce((s, f) => s + f.volume, 0);
    return { fragments, boneVolume, removedVolume: boneVolume - kept };
  } finally {
    for (const m of owned) m.delete();
  }
}
