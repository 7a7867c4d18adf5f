/** Transient view state: the store's `view` slice. */
export { useView } from './store';
export type { LoadStatus, PaneFacts, PaneKind, ViewState } from './view-slice';
