import { Html } from '@react-three/drei';
import type { CSSProperties, Ref } from 'react';
import type { Group, Mesh } from 'three';
import { noRaycast, OVERLAY_MATERIALS, OVERLAY_ORDER, UNIT_TUBE } from './overlay-parts';

/** A bone's axis as the study overlays draw it: a unit tube that placeSegment stretches each frame. */
export function AxisTube({ ref }: { readonly ref: Ref<Mesh> }) {
  return (
    <mesh
      ref={ref}
      geometry={UNIT_TUBE}
      material={OVERLAY_MATERIALS.axis}
      renderOrder={OVERLAY_ORDER.axes}
      raycast={noRaycast}
    />
  );
}

interface AngleLabelProps {
  /** The measure it shows (`data-overlay-measure`, read by the tests). */
  readonly id: string;
  readonly style: CSSProperties;
  /** The group the frame loop moves to where the angle is read. */
  readonly anchor: Ref<Group>;
  /** The span the frame loop writes the angle into. */
  readonly label: Ref<HTMLSpanElement>;
}

/** An angle's value pinned in the scene, above the bones, never taking the pointer. */
export function AngleLabel({ id, style, anchor, label }: AngleLabelProps) {
  return (
    <group ref={anchor}>
      <Html pointerEvents="none" zIndexRange={[1, 0]} style={style}>
        <span data-overlay-measure={id} ref={label} />
      </Html>
    </group>
  );
}
