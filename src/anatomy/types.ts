import type { Sdf } from './sdf';
import type { Vec3 } from './vec';

export type Region = 'foot' | 'knee';

/** One bone as the model generator sees it: a shape, where to mesh it, and its named points. */
export interface BoneDef {
  /** Bone id, unique within its region (see FOOT_PARTS / KNEE_PARTS). */
  readonly id: string;
  /** Signed distance (mm, negative inside) in the region frame: +X medial, +Y up, +Z anterior/distal. */
  readonly sdf: Sdf;
  /** Box enclosing the bone with at least 2 mm margin, region frame, mm. */
  readonly bounds: { readonly min: Vec3; readonly max: Vec3 };
  /** Triangle budget after simplification (≤ 15 000 for any bone that is cut). */
  readonly maxTriangles: number;
  /** Grid edge for meshing, mm: small enough to keep the bone's detail. */
  readonly edge: number;
  /** Named points in the region frame, mm (base, head, hipCentre …). */
  readonly landmarks: Readonly<Record<string, Vec3>>;
  /** Soft tissue (skin) rather than bone: not required to be genus 0, drawn translucent. */
  readonly soft?: boolean;
}
