import type { Vec3 } from '../anatomy/vec';
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
 * Builds the manifold of a bone or fragment with two origin ids: its bone surface, and any faces an
 * earlier cut left (so they stay marked as cut after the next cut).
 */
function asManifold(
  wasm: ManifoldToplevel,
  bone: MeshData & { cutFace?: Uint8Array },
  keep: <T extends { delete(): void }>(m: T) => T,
) {
  const { Manifold, Mesh } = wasm;
  const boneId = Manifold.reserveIDs(2);
  const triCount = bone.indices.length / 3;
  const order: number[] = [];
  for (let t = 0; t < triCount; t++) if (!bone.cutFace?.[t]) order.push(t);
  const boneTris = order.length;
  for (let t = 0; t < triCount; t++) if (bone.cutFace?.[t]) order.push(t);
  const triVerts = new Uint32Array(triCount * 3);
  order.forEach((t, k) => triVerts.set(bone.indices.subarray(t * 3, t * 3 + 3), k * 3));
  const mesh = new Mesh({
    numProp: 3,
    vertProperties: bone.positions,
    triVerts,
    runIndex: new Uint32Array([0, boneTris * 3, triCount * 3]),
    runOriginalID: new Uint32Array([boneId, boneId + 1]),
  });
  return { solid: keep(new Manifold(mesh)), boneId };
}

/** A cheap fingerprint of a mesh: its sizes and a spread sample of its coordinates. */
function fingerprint(mesh: MeshData): string {
  const p = mesh.positions;
  const step = Math.max(1, Math.floor(p.length / 64));
  let h = 0;
  for (let i = 0; i < p.length; i += step) h = (h * 31 + Math.round(p[i]! * 1000)) | 0;
  return `${p.length}/${mesh.indices.length}/${h}`;
}

/**
 * The manifolds of the last few whole bones cut: a re-cut of the same posed bone (a new hinge, a
 * new wedge) skips rebuilding it, about a third of the cut's time on a 15 k-triangle bone. The
 * oldest is deleted when a new one comes in; `clear` deletes them all.
 */
export class BoneSolidCache {
  private readonly entries = new Map<string, { solid: { delete(): void }; boneId: number }>();
  constructor(private readonly capacity = 4) {}

  get(wasm: ManifoldToplevel, bone: MeshData) {
    const key = fingerprint(bone);
    let e = this.entries.get(key);
    if (e) this.entries.delete(key);
    else {
      e = asManifold(wasm, bone, (m) => m);
      if (this.entries.size >= this.capacity) {
        const [oldKey, old] = this.entries.entries().next().value!;
        old.solid.delete();
        this.entries.delete(oldKey);
      }
    }
    this.entries.set(key, e);
    return e as ReturnType<typeof asManifold>;
  }

  clear(): void {
    for (const e of this.entries.values()) e.solid.delete();
    this.entries.clear();
  }
}

/**
 * Cuts a bone with a cutter made of convex pieces: the cutter is subtracted (the kerf or the wedge
 * leaves the bone) and what remains falls apart into fragments; with `keepInside`, what lies inside
 * the cutter is what remains (a burr that takes everything outside a shape). Every manifold object
 * made here is deleted before returning, except a whole bone kept in `cache`.
 */
export function cutBone(
  wasm: ManifoldToplevel,
  bone: MeshData & { cutFace?: Uint8Array },
  cutter: readonly ConvexPiece[],
  cache?: BoneSolidCache,
  keepInside = false,
): CutResult {
  const { Manifold } = wasm;
  const owned: { delete(): void }[] = [];
  const keep = <T extends { delete(): void }>(m: T): T => (owned.push(m), m);
  try {
    const { solid, boneId } = cache && !bone.cutFace ? cache.get(wasm, bone) : asManifold(wasm, bone, keep);
    const tool = keep(
      Manifold.union(
        cutter.map((piece) =>
          keep(Manifold.hull(piece.map((p): [number, number, number] => [p[0], p[1], p[2]]))),
        ),
      ),
    );
    const rest = keep(keepInside ? solid.intersect(tool) : solid.subtract(tool));
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
