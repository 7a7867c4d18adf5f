/** The cut worker's news: the store's `cuts` slice. */
export { useCutStatus } from './store';
export type { CutStatus } from './cuts-slice';
