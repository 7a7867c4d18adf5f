import { useFrame, useThree } from '@react-three/fiber';
import { useLayoutEffect, useRef } from 'react';
import { Vector3, type Group } from 'three';
import type { Vec3 } from '../../anatomy/vec';
import { labelHost } from './label-host';

interface SceneLabelProps {
  /** Its look (a class of styles.css), beside `scene-label`. */
  readonly className: string;
  /** Where it is pinned, in the parent's frame; or the caller moves the group through `anchor`. */
  readonly position?: Vec3;
  /** How the label sits on its point, in its own widths and heights: `[-0.5, -1.3]` centres it above. */
  readonly offset?: LabelOffset;
  /** Attributes the tests read it by (`data-testid`, `data-overlay-measure`). */
  readonly attrs?: Readonly<Record<string, string>>;
  /** Its text; or leave it out and write into the element `label` hands over. */
  readonly text?: string;
  /** The group to move to where the label belongs. */
  readonly anchor?: (group: Group | null) => void;
  /** The label's element, for a caller that writes it every frame. */
  readonly label?: (el: HTMLSpanElement | null) => void;
}

/** A label's shift from its point, in its own width and height (a CSS translate in percent / 100). */
export type LabelOffset = readonly [x: number, y: number];
const AT_POINT: LabelOffset = [0, 0];

const at = new Vector3();

/** Where a label was last put (tenths of a pixel), so an unmoved one is left alone; rewritten in place. */
interface Placed {
  off: boolean;
  x: number;
  y: number;
}

/** Not placed yet, or hidden (off): the next placement writes it whatever it was. */
function forget(placed: Placed, off: boolean): void {
  placed.off = off;
  placed.x = NaN;
  placed.y = NaN;
}

/** `value` moved into [0, room] (a label wider than the view keeps its left edge in it). */
const within = (value: number, room: number) => Math.max(0, Math.min(value, room));

/**
 * A page element pinned to a point of the scene: a span laid over the canvas and moved each frame to
 * where the point projects. Made by hand rather than with drei's Html, which mounts a React root per
 * label and unmounts it in an effect cleanup: when the cleanup runs while React renders (a view torn
 * down, a suspended tree hidden and shown again), the unmount is put off and races the root made
 * again on the same element, and React throws "removeChild: not a child of this node" (URL fuzz).
 */
export function SceneLabel({
  className,
  position,
  offset = AT_POINT,
  attrs,
  text,
  anchor,
  label,
}: SceneLabelProps) {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const group = useRef<Group | null>(null);
  const span = useRef<HTMLSpanElement | null>(null);
  const placed = useRef<Placed>({ off: false, x: NaN, y: NaN });

  useLayoutEffect(() => {
    const host = labelHost(gl.domElement);
    if (!host) return;
    const el = document.createElement('span');
    host.appendChild(el);
    span.current = el;
    forget(placed.current, false);
    label?.(el);
    return () => {
      el.remove();
      span.current = null;
      label?.(null);
    };
    // Only the first `label` is told (the callers' callbacks just keep the element in a ref): a new
    // callback each render must not make the element again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gl]);

  useLayoutEffect(() => {
    const el = span.current;
    if (!el) return;
    el.className = `scene-label ${className}`;
    for (const [name, value] of Object.entries(attrs ?? {})) el.setAttribute(name, value);
    if (text === undefined || el.textContent === text) return;
    el.textContent = text;
    // Placed by its size: a frame places it again (a new language while paused draws none).
    invalidate();
  });

  useFrame(({ camera, size }) => {
    const g = group.current;
    const el = span.current;
    if (!g || !el) return;
    // The camera controls moved the camera earlier in this frame; its matrices follow only at render.
    camera.updateMatrixWorld();
    g.updateWorldMatrix(true, false);
    at.setFromMatrixPosition(g.matrixWorld).project(camera);
    // Behind the camera, past its far plane or outside the view: its point is not seen, so no label.
    if (at.z < -1 || at.z > 1 || Math.abs(at.x) > 1 || Math.abs(at.y) > 1) {
      if (!placed.current.off) el.style.display = 'none';
      forget(placed.current, true);
      return;
    }
    // Shown before it is measured (a hidden label has no size).
    if (placed.current.off) el.style.display = '';
    // The label whole inside the view, however near its edge the point is.
    const dx = offset[0];
    const dy = offset[1];
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const left = within(((at.x + 1) / 2) * size.width + dx * w, size.width - w);
    const top = within(((1 - at.y) / 2) * size.height + dy * h, size.height - h);
    // Tenths of a pixel: a label that has not moved is not written to (nor a string made for it).
    const x = Math.round(left * 10);
    const y = Math.round(top * 10);
    const last = placed.current;
    if (!last.off && last.x === x && last.y === y) return;
    last.off = false;
    last.x = x;
    last.y = y;
    el.style.transform = `translate3d(${x / 10}px, ${y / 10}px, 0)`;
  });

  return (
    <group
      position={position}
      ref={(g) => {
        group.current = g;
        anchor?.(g);
      }}
    />
  );
}
