import { lazy, useSyncExternalStore } from 'react';

type ProcedureUi = typeof import('../ui/procedure-ui');

/**
 * What shows an open procedure (its panel with the outcome table and typical ranges, the step
 * caption, the playback bar) is its own chunk, out of the initial JS: the panel's and the caption's
 * words come with the texts fetched after the first view anyway. It is fetched at start, beside the
 * model and the texts, and the page reports ready only once it is in (when a procedure is open). A
 * failed fetch is forgotten, so the next render (or the app's restart) fetches afresh.
 */
export const preloadProcedureUi = () =>
  (pending ??= import('../ui/procedure-ui').then(
    (m) => {
      loaded = m;
      for (const listener of listeners) listener();
      return m;
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  ));
let pending: Promise<ProcedureUi> | undefined;
let loaded: ProcedureUi | undefined;
const listeners = new Set<() => void>();

export const LazyProcedurePanel = lazy(() =>
  preloadProcedureUi().then((m) => ({ default: m.ProcedurePanel })),
);
export const LazyStepCaption = lazy(() => preloadProcedureUi().then((m) => ({ default: m.StepCaption })));
export const LazyPlaybackBar = lazy(() => preloadProcedureUi().then((m) => ({ default: m.PlaybackBar })));

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True once the procedure's UI code is in. */
export function useProcedureUiLoaded(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => loaded !== undefined,
    () => false,
  );
}
