import { useCallback } from 'react';
import { useView } from '../state/store';
import type { StageCover } from '../state/view-slice';

/**
 * A ref for a control laid over the stage (absolutely placed in it) that tells the store which of
 * the stage's rows it covers while it is there: from the stage's top down to its bottom edge, or,
 * along the stage's bottom, its height. The X-ray view draws a standing film between them.
 *
 * What it tells is the deepest the control has reached since the window last changed size: a
 * caption a line longer at one step than at the next would otherwise zoom the film in and out as
 * the steps play.
 */
export function useStageCover(id: string, edge: StageCover['edge']): (el: HTMLElement | null) => () => void {
  return useCallback(
    (el: HTMLElement | null) => {
      const { coverStage } = useView.getState();
      if (!el) return () => undefined;
      let deepest = 0;
      const measure = () => {
        // A hidden control (the kiosk's attract loop hides the view's) covers nothing.
        const px = !el.offsetParent ? 0 : edge === 'top' ? el.offsetTop + el.offsetHeight : el.offsetHeight;
        deepest = px === 0 ? 0 : Math.max(deepest, px);
        coverStage(id, { edge, px: deepest });
      };
      const resized = () => {
        deepest = 0;
        measure();
      };
      // It reports at once (before the next frame is painted), then on every change of size.
      const observer = new ResizeObserver(measure);
      observer.observe(el);
      window.addEventListener('resize', resized);
      return () => {
        observer.disconnect();
        window.removeEventListener('resize', resized);
        coverStage(id, null);
      };
    },
    [id, edge],
  );
}
