import type { Ref } from 'react';
import type { Group, Mesh } from 'three';
import { noRaycast, OVERLAY_MATERIALS, OVERLAY_ORDER, UNIT_TUBE } from './overlay-parts';
import { SceneLabel, type LabelOffset } from './SceneLabel';

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
  /** How the label sits on its point (in its own width and height), so it grows away from the bones. */
  readonly offset: LabelOffset;
  /** The group the frame loop moves to where the angle is read. */
  readonly anchor: (group: Group | null) => void;
  /** The span the frame loop writes the angle into. */
  readonly label: (el: HTMLSpanElement | null) => void;
}

/** An angle's value pinned in the scene, above the bones, never taking the pointer. */
export function AngleLabel({ id, offset, anchor, label }: AngleLabelProps) {
  return (
    <SceneLabel
      className="angle-label"
      offset={offset}
      attrs={{ 'data-overlay-measure': id }}
      anchor={anchor}
      label={label}
    />
  );
}
