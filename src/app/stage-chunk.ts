import { createElement, useEffect } from 'react';
import { lazyChunk } from '../state/lazy-chunk';
import type { Pane } from '../scene/pane';

/**
 * The 3D view (React Three Fiber, three.js's renderer, the camera controls and the scene) is its own
 * chunk, out of the initial JS: the page's first script asks for it at once (early-loads.ts), beside
 * the bone model, so it downloads while the strings arrive and the page's DOM is drawn. A failed
 * fetch is forgotten, so a view mounted again (the load error's retry) fetches afresh.
 */
const stageChunk = lazyChunk(() => import('../scene/Stage').then((m) => m.Stage));
export const preloadStage = stageChunk.preload;

/**
 * The 3D view of `pane` once its chunk is in (nothing until then; the chunk is asked for if nobody
 * has yet). A failed fetch is told to `onError` (the view's load error and its retry).
 */
export function LoadedStage({ pane, onError }: { readonly pane: Pane; readonly onError: () => void }) {
  const loaded = stageChunk.use();
  useEffect(() => {
    if (loaded) return;
    let live = true;
    preloadStage().catch((error: unknown) => {
      console.warn('The 3D view could not be loaded', error);
      if (live) onError();
    });
    return () => {
      live = false;
    };
  }, [loaded, onError]);
  return loaded ? createElement(loaded, { pane }) : null;
}
