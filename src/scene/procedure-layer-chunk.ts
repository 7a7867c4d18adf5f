import { createElement, useEffect } from 'react';
import type { RegionModel } from '../anatomy/mesh';
import { lazyChunk } from '../state/lazy-chunk';
import { useView } from '../state/store';

/**
 * Fragments, tools, overlays and the clock: their own chunk, out of the initial JS. Every view mounts
 * them with the bones, so the app fetches them while the model downloads (see early-loads.ts):
 * fetched only once the bones render, they came a few frames after them (~0.5 s later in software
 * WebGL). A failed fetch is forgotten, so a view mounted again (its retry) fetches afresh. This
 * module imports no three.js: the app's first script starts the fetch.
 */
const layerChunk = lazyChunk(() => import('./procedure/ProcedureLayer').then((m) => m.ProcedureLayer));
export const preloadProcedureLayer = layerChunk.preload;

/**
 * The procedure layer over `model` once its chunk is in (nothing until then; the chunk is asked for
 * if nobody has yet). A failed fetch is the view's load error (its retry mounts the view again).
 */
export function LoadedProcedureLayer({ model }: { readonly model: RegionModel }) {
  const loaded = layerChunk.use();
  useEffect(() => {
    if (loaded) return;
    let live = true;
    preloadProcedureLayer().catch((error: unknown) => {
      console.warn('The procedure layer could not be loaded', error);
      if (live) useView.setState({ status: 'error' });
    });
    return () => {
      live = false;
    };
  }, [loaded]);
  return loaded ? createElement(loaded, { model }) : null;
}
