import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { Mesh } from 'three';
import type { RegionLandmarks } from '../../anatomy/landmarks';
import { kneeOverlay, overlayTrack } from '../../engine/overlay-measures';
import type { Plan } from '../../engine/plan';
import {
  movedSince,
  noRaycast,
  notDrawn,
  OVERLAY_MATERIALS,
  OVERLAY_ORDER,
  placeSegment,
  UNIT_TUBE,
} from './overlay-parts';
import { usePane } from '../pane';

/** Radius of the load-line tubes, mm: a couple of pixels on a full-length view. */
const LINE_RADIUS = 1.2;

interface Props {
  /** The open procedure's plan; undefined shows the pre-operative line alone. */
  readonly plan: Plan | undefined;
  /** The patient's pre-operative landmarks, region frame. */
  readonly pre: RegionLandmarks;
}

/**
 * The hip–ankle load line before the operation and, with a procedure open, where it runs now: the
 * current line follows the bones as they move and ends as the post-operative line.
 */
export function LoadLines({ plan, pre }: Props) {
  const invalidate = useThree((s) => s.invalidate);
  const pane = usePane();
  const before = useRef<Mesh>(null);
  const now = useRef<Mesh>(null);
  const drawnAt = useRef(notDrawn());
  // The WBLs last drawn, for the test hook.
  const drawn = useRef<{ pre: number; current: number } | null>(null);

  useEffect(() => invalidate(), [plan, pre, invalidate]);
  useEffect(() => {
    const viz = window.__viz;
    if (!viz || !pane.primary) return;
    const hook = () => drawn.current;
    viz.loadLine = hook;
    return () => {
      if (viz.loadLine === hook) delete viz.loadLine;
    };
  }, [pane]);

  useFrame(() => {
    const a = before.current;
    const b = now.current;
    if (!a || !b) return;
    const track = overlayTrack(kneeOverlay, plan, pre);
    if (!movedSince(drawnAt.current, track, pane.frame)) return;
    const { before: p, now: c } = track.at(pane.frame);
    placeSegment(a, p.hip, p.ankle, LINE_RADIUS);
    placeSegment(b, c.hip, c.ankle, LINE_RADIUS);
    b.visible = Boolean(plan);
    const wbl = (drawn.current ??= { pre: 0, current: 0 });
    wbl.pre = p.wbl;
    wbl.current = c.wbl;
  });

  // The pre-operative line is drawn over the current one: until the bones move, it is what shows.
  return (
    <>
      <mesh
        ref={now}
        geometry={UNIT_TUBE}
        name="overlay:load-line-post"
        material={OVERLAY_MATERIALS.current}
        renderOrder={OVERLAY_ORDER.lines}
        raycast={noRaycast}
      />
      <mesh
        ref={before}
        geometry={UNIT_TUBE}
        name="overlay:load-line-pre"
        material={OVERLAY_MATERIALS.pre}
        renderOrder={OVERLAY_ORDER.lines + 1}
        raycast={noRaycast}
      />
    </>
  );
}
