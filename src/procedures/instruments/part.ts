import type { MaterialKind } from './materials';
import type { MeshBuilder } from './mesh-builder';

/** How a moving part of a tool turns: about `axis` (tool frame) through `pivot` (tool frame, mm). */
export interface PartMotion {
  readonly kind: 'oscillate' | 'spin';
  readonly pivot: readonly [number, number, number];
  readonly axis: 'y' | 'z';
}

/** One piece of a tool as it is built, before it becomes a BufferGeometry. */
export interface PartDesign {
  readonly mesh: MeshBuilder;
  readonly material: MaterialKind;
  readonly motion?: PartMotion;
}
