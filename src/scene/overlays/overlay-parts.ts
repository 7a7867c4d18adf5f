import {
  BufferAttribute,
  BufferGeometry,
  CylinderGeometry,
  DoubleSide,
  MeshBasicMaterial,
  SphereGeometry,
  Vector3,
  type Object3D,
} from 'three';
import type { Vec3 } from '../../anatomy/vec';
import type { Frame } from '../../engine/evaluate';

/** Colours of the overlay: the load line before surgery, the current one, the angle annotations. */
export const OVERLAY_COLOURS = {
  pre: '#e4572e',
  current: '#2bb673',
  axis: '#3a86ff',
  arc: '#ffbe0b',
  ruler: '#1f2a33',
} as const;

/** Draw order above the bones (0) and the skin (1): overlays are drawn last, on top of everything. */
export const OVERLAY_ORDER = { axes: 20, lines: 22, arcs: 26, zone: 30, ruler: 31, dots: 34 } as const;

/**
 * Drawn on top of the bones at any angle, never written to depth, slightly see-through. One pass
 * for both faces: a single colour blends alike in any order, and three.js would otherwise compile
 * a second shader program for the back faces, which delays the first frame that shows an overlay.
 */
function overlayMaterial(color: string, opacity = 0.92): MeshBasicMaterial {
  return new MeshBasicMaterial({
    color,
    transparent: true,
    opacity,
    depthTest: false,
    depthWrite: false,
    toneMapped: false,
    side: DoubleSide,
    forceSinglePass: true,
  });
}

/** Created once for the app's lifetime, like the bone materials. */
export const OVERLAY_MATERIALS = {
  pre: overlayMaterial(OVERLAY_COLOURS.pre),
  current: overlayMaterial(OVERLAY_COLOURS.current),
  axis: overlayMaterial(OVERLAY_COLOURS.axis, 0.85),
  arc: overlayMaterial(OVERLAY_COLOURS.arc, 0.95),
  ruler: overlayMaterial(OVERLAY_COLOURS.ruler, 0.85),
  zone: overlayMaterial(OVERLAY_COLOURS.current, 0.45),
} as const;

/**
 * Positions only, like the flat shapes: an unlit overlay has no use for normals or uvs, and with
 * the same attributes every overlay shares one shader program.
 */
function positionsOnly<G extends BufferGeometry>(g: G): G {
  g.deleteAttribute('normal');
  g.deleteAttribute('uv');
  return g;
}

/** Shared for the app's lifetime like the bone materials: unit shapes scaled per use. */
export const UNIT_TUBE = positionsOnly(new CylinderGeometry(1, 1, 1, 10, 1, true));
export const UNIT_BALL = positionsOnly(new SphereGeometry(1, 16, 10));

/** Flat rectangles [x0, x1, y0, y1] in the z = 0 plane, as one geometry (one draw call). */
export function flatRects(rects: readonly (readonly [number, number, number, number])[]): BufferGeometry {
  const position = new Float32Array(rects.length * 12);
  const index: number[] = [];
  rects.forEach(([x0, x1, y0, y1], i) => {
    position.set([x0, y0, 0, x1, y0, 0, x1, y1, 0, x0, y1, 0], i * 12);
    const v = i * 4;
    index.push(v, v + 1, v + 2, v, v + 2, v + 3);
  });
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(position, 3));
  g.setIndex(index);
  return g;
}

/** Overlays are not bones: the pointer passes through them to the bone behind. */
export function noRaycast(): void {}

const from = new Vector3();
const dir = new Vector3();
const Y = new Vector3(0, 1, 0);
const X = new Vector3(1, 0, 0);

/** Places a unit tube along a → b with the given radius (half-thickness), mm. */
export function placeSegment(o: Object3D, a: Vec3, b: Vec3, radius: number): void {
  from.set(a[0], a[1], a[2]);
  dir.set(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
  const len = dir.length();
  o.position.copy(from).addScaledVector(dir, 0.5);
  if (len > 0) o.quaternion.setFromUnitVectors(Y, dir.divideScalar(len));
  o.scale.set(radius, len, radius);
}

/** Puts an object at a with its local +X along a → b (local Y as near up as it can); returns |ab|, mm. */
export function alignX(o: Object3D, a: Vec3, b: Vec3): number {
  dir.set(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
  const len = dir.length();
  if (len > 0) o.quaternion.setFromUnitVectors(X, dir.divideScalar(len));
  o.position.set(a[0], a[1], a[2]);
  return len;
}

/** What an overlay last drew: the measures' track and its moment (see OverlayTrack.moment). */
export interface DrawnAt {
  track: object | null;
  moment: number;
}

/** Nothing drawn yet. */
export const notDrawn = (): DrawnAt => ({ track: null, moment: -2 });

/**
 * Whether the overlay must draw again (the measures moved since it last drew); notes the new
 * moment. An idle redraw (hover, camera) of an unchanged frame costs one comparison.
 */
export function movedSince(
  drawn: DrawnAt,
  track: { moment(frame: Frame | null): number },
  frame: Frame | null,
): boolean {
  const moment = track.moment(frame);
  if (drawn.track === track && drawn.moment === moment) return false;
  drawn.track = track;
  drawn.moment = moment;
  return true;
}
