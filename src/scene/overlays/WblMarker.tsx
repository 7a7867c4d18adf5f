import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { Group, Mesh } from 'three';
import type { RegionLandmarks } from '../../anatomy/landmarks';
import {
  FUJISAWA_POINT,
  kneeOverlay,
  overlayTrack,
  WBL_NEUTRAL,
  WBL_TARGET_ZONE,
} from '../../engine/overlay-measures';
import type { Plan } from '../../engine/plan';
import {
  flatRects,
  movedSince,
  noRaycast,
  notDrawn,
  OVERLAY_MATERIALS,
  OVERLAY_ORDER,
  UNIT_BALL,
  alignX,
} from './overlay-parts';
import { usePane } from '../pane';

/** Radius of the dots where the lines cross, mm. */
const DOT_RADIUS = 2.6;

/**
 * The ruler drawn along x from 0 (medial edge) to 1 (lateral edge), y in mm: its group is scaled
 * by the plateau's width, so ticks drawn as 1/75 of it are about 1 mm wide on any knee.
 */
const u = (mm: number) => mm / 75;
const tick = (at: number, halfWidth: number, halfHeight: number) =>
  [at - u(halfWidth), at + u(halfWidth), -halfHeight, halfHeight] as const;
const RULER = flatRects([
  [0, 1, -0.8, 0.8],
  tick(0, 0.7, 4),
  tick(1, 0.7, 4),
  tick(WBL_NEUTRAL / 100, 0.6, 6),
  tick(FUJISAWA_POINT / 100, 0.4, 3.5),
]);
const ZONE = flatRects([[WBL_TARGET_ZONE[0] / 100, WBL_TARGET_ZONE[1] / 100, -4.5, 4.5]]);

interface Props {
  readonly plan: Plan | undefined;
  readonly pre: RegionLandmarks;
}

/**
 * A ruler across the tibial plateau from its medial to its lateral edge: the 60–70 % target zone
 * shaded, a tick at 50 % (and a short one at the Fujisawa point), and a dot where each load line
 * crosses it.
 */
export function WblMarker({ plan, pre }: Props) {
  const invalidate = useThree((s) => s.invalidate);
  const pane = usePane();
  const root = useRef<Group>(null);
  const scaled = useRef<Group>(null);
  const preDot = useRef<Mesh>(null);
  const nowDot = useRef<Mesh>(null);
  const drawnAt = useRef(notDrawn());

  useEffect(() => invalidate(), [plan, pre, invalidate]);

  useFrame(() => {
    const g = root.current;
    const s = scaled.current;
    const a = preDot.current;
    const b = nowDot.current;
    if (!g || !s || !a || !b) return;
    const track = overlayTrack(kneeOverlay, plan, pre);
    if (!movedSince(drawnAt.current, track, pane.frame)) return;
    const { ruler, before, now } = track.at(pane.frame);
    // The plateau travels with its fragment; both dots are read off the ruler where it is now.
    const width = alignX(g, ruler.medial, ruler.lateral);
    s.scale.set(width, 1, 1);
    a.position.set((before.wbl / 100) * width, 0, 0.5);
    b.position.set((now.wbl / 100) * width, 0, 0.5);
    b.visible = Boolean(plan);
  });

  return (
    <group ref={root} name="overlay:wbl-marker">
      <group ref={scaled}>
        <mesh
          geometry={ZONE}
          material={OVERLAY_MATERIALS.zone}
          renderOrder={OVERLAY_ORDER.zone}
          raycast={noRaycast}
        />
        <mesh
          geometry={RULER}
          material={OVERLAY_MATERIALS.ruler}
          renderOrder={OVERLAY_ORDER.ruler}
          raycast={noRaycast}
        />
      </group>
      <mesh
        ref={nowDot}
        geometry={UNIT_BALL}
        scale={DOT_RADIUS}
        material={OVERLAY_MATERIALS.current}
        renderOrder={OVERLAY_ORDER.dots}
        raycast={noRaycast}
      />
      <mesh
        ref={preDot}
        geometry={UNIT_BALL}
        scale={DOT_RADIUS}
        material={OVERLAY_MATERIALS.pre}
        renderOrder={OVERLAY_ORDER.dots + 1}
        raycast={noRaycast}
      />
    </group>
  );
}
