/** Transient view state: the store's `view` slice. */
export { useView } from './store';
export type { LoadStatus, PaneFacts, PaneKind, PanePlay, ViewState } from './view-slice';
