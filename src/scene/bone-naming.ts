import type { PointerEvent as ReactPointerEvent } from 'react';
import { useView } from '../state/store';
import { TapTracker } from './tap';

/** The main view's fingers (only it names bones: the label is placed in its coordinates). */
const taps = new TapTracker();

/** A finger or a pen: no hover, so it names a bone by tapping it. */
const tapping = (e: PointerEvent | ReactPointerEvent) => e.pointerType !== 'mouse';

/**
 * For the main view's canvas wrapper: every finger that goes down or lifts, wherever it is, so that
 * a second finger makes a pinch rather than two taps, and a tap on empty space puts a tapped
 * bone's name away. React hears a lift after the scene's own handler, which has named a bone by then.
 */
export const tapWatch = {
  onPointerDown: (e: ReactPointerEvent) => {
    if (tapping(e)) taps.down(e.pointerId, e.clientX, e.clientY, e.timeStamp);
  },
  onPointerUp: (e: ReactPointerEvent) => {
    if (!tapping(e)) return;
    const tap = taps.end(e.pointerId, e.clientX, e.clientY, e.timeStamp);
    if (tap === 'missed' && useView.getState().hovered?.pinned) useView.setState({ hovered: null });
  },
  onPointerCancel: (e: ReactPointerEvent) => taps.cancel(e.pointerId),
};

/**
 * A finger lifting over a bone: if it tapped, the bone's name shows by the finger for a few seconds
 * (see HoverLabel). False when this was no tap (a mouse, a drag, a pinch).
 */
export function nameTappedBone(part: string, e: PointerEvent): boolean {
  if (!tapping(e) || !taps.isTap(e.pointerId, e.clientX, e.clientY, e.timeStamp)) return false;
  taps.claim(e.pointerId);
  useView.setState({ hovered: { part, x: e.offsetX, y: e.offsetY, pinned: true } });
  return true;
}

/** Whether the pointer is a mouse: only a mouse hovers. */
export const isMouse = (e: PointerEvent | MouseEvent): boolean =>
  !('pointerType' in e) || e.pointerType === 'mouse' || e.pointerType === '';
