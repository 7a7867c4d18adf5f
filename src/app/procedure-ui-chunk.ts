import { lazy } from 'react';
import { lazyChunk } from '../state/lazy-chunk';

/**
 * What shows an open procedure (its panel with the outcome table and typical ranges, the step
 * caption, the playback bar) is its own chunk, out of the initial JS: the panel's and the caption's
 * words come with the long texts anyway. It is fetched at start, beside the
 * model and the texts, and the page reports ready only once it is in (when a procedure is open). A
 * failed fetch is forgotten, so the next render (or the app's restart) fetches afresh.
 */
const uiChunk = lazyChunk(() => import('../ui/procedure-ui'));
export const preloadProcedureUi = uiChunk.preload;

export const LazyProcedurePanel = lazy(() =>
  preloadProcedureUi().then((m) => ({ default: m.ProcedurePanel })),
);
export const LazyStepCaption = lazy(() => preloadProcedureUi().then((m) => ({ default: m.StepCaption })));
export const LazyPlaybackBar = lazy(() => preloadProcedureUi().then((m) => ({ default: m.PlaybackBar })));

/** True once the procedure's UI code is in. */
export function useProcedureUiLoaded(): boolean {
  return uiChunk.use() !== undefined;
}
