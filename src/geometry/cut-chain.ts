import type { Vec3 } from '../anatomy/vec';
import { cutBone, type BoneSolidCache, type Fragment, type MeshData } from './cut';
import type { ConvexPiece } from './cutters';
import type { ManifoldToplevel } from './manifold-module';
import { containsPoint } from '../anatomy/point-in-mesh';

/** One cut as the worker receives it: plain data, already placed on the patient's bone. */
export interface CutJob {
  readonly id: string;
  /** The part or an earlier cut's fragment it cuts. */
  readonly bone: string;
  readonly cutter: readonly ConvexPiece[];
  /** What lies inside the cutter stays, the rest is taken (see CutDef.keepsInside). */
  readonly keepsInside?: boolean;
  /** Fragment ids with a point inside each (the pieces are recognised by these). */
  readonly fragments: readonly { readonly id: string; readonly probe: Vec3 }[];
}

export interface CutStage {
  readonly cut: string;
  /** The fragments this cut leaves of its bone, by id. */
  readonly fragments: Readonly<Record<string, Fragment>>;
  readonly removedVolume: number;
}

/** Pieces smaller than this share of the bone (saw dust between two limbs) are dropped. */
const CRUMB = 0.005;

/**
 * Runs a procedure's cuts in order on one bone: each cut works on the part or on a fragment an
 * earlier cut left, and names its pieces by the probe point each contains. With `cache`, the whole
 * bone's manifold is kept for the next chain on the same bone.
 */
export function runCutChain(
  wasm: ManifoldToplevel,
  part: string,
  mesh: MeshData,
  jobs: readonly CutJob[],
  cache?: BoneSolidCache,
): CutStage[] {
  const current = new Map<string, MeshData & { cutFace?: Uint8Array }>([[part, mesh]]);
  const stages: CutStage[] = [];
  for (const job of jobs) {
    const source = current.get(job.bone);
    if (!source) throw new Error(`Cut ${job.id}: nothing named ${job.bone} to cut`);
    const result = cutBone(wasm, source, job.cutter, cache, job.keepsInside);
    const named: Record<string, Fragment> = {};
    result.fragments.forEach((piece, i) => {
      const match = job.fragments.find((f) => containsPoint(piece, f.probe));
      if (match) named[match.id] = piece;
      else if (piece.volume > CRUMB * result.boneVolume) named[`${job.id}-piece${i}`] = piece;
    });
    current.delete(job.bone);
    for (const [id, piece] of Object.entries(named)) current.set(id, piece);
    stages.push({ cut: job.id, fragments: named, removedVolume: result.removedVolume });
  }
  return stages;
}
