import { createElement, useEffect, useSyncExternalStore, type ComponentType } from 'react';
import type { Pane } from '../scene/pane';

type StageComponent = ComponentType<{ readonly pane: Pane }>;

/**
 * The 3D view (React Three Fiber, three.js's renderer, the camera controls and the scene) is its own
 * chunk, out of the initial JS: the page's first script asks for it at once (main.tsx), beside the
 * bone model, so it downloads while the strings arrive and the page's DOM is drawn. A failed fetch
 * is forgotten, so a view mounted again (the load error's retry) fetches afresh.
 */
export const preloadStage = () =>
  (pending ??= import('../scene/Stage').then(
    (m) => {
      stage = m.Stage;
      for (const listener of listeners) listener();
      return stage;
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  ));
let pending: Promise<StageComponent> | undefined;
let stage: StageComponent | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The 3D view of `pane` once its chunk is in (nothing until then; the chunk is asked for if nobody
 * has yet). Not React.lazy: a Suspense boundary that has shown its fallback holds the content back
 * for 300 ms more, and the chunk usually lands just after the page's first render. A failed fetch
 * is told to `onError` (the view's load error and its retry).
 */
export function LoadedStage({ pane, onError }: { readonly pane: Pane; readonly onError: () => void }) {
  const loaded = useSyncExternalStore(
    subscribe,
    () => stage,
    () => undefined,
  );
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
