import { createElement, useEffect, useSyncExternalStore } from 'react';
import type { RegionModel } from '../anatomy/mesh';
import { useView } from '../state/store';
import type { ProcedureLayer } from './procedure/ProcedureLayer';

/**
 * Fragments, tools, overlays and the clock: their own chunk, out of the initial JS. Every view mounts
 * them with the bones, so the app fetches them while the model downloads (see main.tsx): fetched
 * only once the bones render, they came a few frames after them (~0.5 s later in software WebGL).
 * A failed fetch is forgotten, so a view mounted again (its retry) fetches afresh. This module
 * imports no three.js: the app's first script starts the fetch.
 */
export const preloadProcedureLayer = () =>
  (pending ??= import('./procedure/ProcedureLayer').then(
    (m) => {
      layer = m.ProcedureLayer;
      for (const listener of listeners) listener();
      return layer;
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  ));
let pending: Promise<typeof ProcedureLayer> | undefined;
let layer: typeof ProcedureLayer | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The procedure layer over `model` once its chunk is in (nothing until then; the chunk is asked for
 * if nobody has yet). Not React.lazy: a Suspense boundary that has shown its fallback holds the
 * content back for 300 ms more. A failed fetch is the view's load error (its retry mounts the view
 * again).
 */
export function LoadedProcedureLayer({ model }: { readonly model: RegionModel }) {
  const loaded = useSyncExternalStore(
    subscribe,
    () => layer,
    () => undefined,
  );
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
