import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { cutsSlice, type CutStatus } from './cuts-slice';
import { playbackSlice, type Playback } from './playback-slice';
import { sessionSlice, type SessionState } from './session-slice';
import { viewSlice, type ViewState } from './view-slice';

/** The app's one store: what the user chose (session), the view, the clock and the cut worker's news. */
export interface AppState {
  readonly session: SessionState;
  readonly view: ViewState;
  readonly playback: Playback;
  readonly cuts: CutStatus;
}

/** A change to one slice: the values that change, or a function of the slice giving them. */
export type SlicePatch<S> = Partial<S> | ((s: S) => Partial<S>);

/** What a slice's actions write and read: their own slice of the one store. */
export interface SliceAccess<S> {
  readonly set: (patch: SlicePatch<S>) => void;
  readonly get: () => S;
}

/**
 * Playing (or a kiosk moving on), another operation or a comparison shows the operation again, not
 * the patient before it: a rule of every change, not a subscription.
 */
function showsOperationAgain(was: AppState, now: AppState): boolean {
  return (
    now.view.showingBefore &&
    ((now.playback.playing && !was.playback.playing) ||
      now.session.procedure !== was.session.procedure ||
      now.session.compare !== was.session.compare)
  );
}

/** Every change goes through here: one slice's new values, then the rule across slices. */
function update<K extends keyof AppState>(key: K, patch: SlicePatch<AppState[K]>): void {
  const was = appStore.getState();
  const change = typeof patch === 'function' ? patch(was[key]) : patch;
  if (change === was[key] || Object.keys(change).length === 0) return;
  const now: AppState = { ...was, [key]: { ...was[key], ...change } };
  appStore.setState(
    showsOperationAgain(was, now) ? { ...now, view: { ...now.view, showingBefore: false } } : now,
    true,
  );
}

const access = <K extends keyof AppState>(key: K): SliceAccess<AppState[K]> => ({
  set: (patch) => update(key, patch),
  get: () => appStore.getState()[key],
});

const appStore = createStore<AppState>()(() => ({
  session: sessionSlice(access('session')),
  view: viewSlice(access('view')),
  playback: playbackSlice(access('playback')),
  cuts: cutsSlice(access('cuts')),
}));

/**
 * One slice of the store as a hook (`useSession((s) => s.lang)`), with the store's own
 * getState/setState/subscribe narrowed to the slice: the components' way in.
 */
export interface SliceHook<S> {
  /** The whole slice (a component re-renders on any change of it). */
  (): S;
  <T>(selector: (s: S) => T): T;
  getState(): S;
  setState(patch: SlicePatch<S>): void;
  /** Calls `listener` after each change of this slice. */
  subscribe(listener: (now: S, was: S) => void): () => void;
}

function sliceHook<K extends keyof AppState>(key: K): SliceHook<AppState[K]> {
  function useSlice<T>(selector?: (s: AppState[K]) => T): T | AppState[K] {
    return useStore(appStore, (s) => (selector ? selector(s[key]) : s[key]));
  }
  return Object.assign(useSlice as SliceHook<AppState[K]>, {
    getState: () => appStore.getState()[key],
    setState: (patch: SlicePatch<AppState[K]>) => update(key, patch),
    subscribe: (listener: (now: AppState[K], was: AppState[K]) => void) =>
      appStore.subscribe((now, was) => {
        if (now[key] !== was[key]) listener(now[key], was[key]);
      }),
  });
}

/** What the user chose; everything in it is reflected in the URL. */
export const useSession = sliceHook('session');
/** Transient view state (never in the URL): model loading, hover, camera requests, the views' facts. */
export const useView = sliceHook('view');
/** The procedure's clock. */
export const usePlayback = sliceHook('playback');
/** How the geometry worker is doing. */
export const useCutStatus = sliceHook('cuts');

/** Reads the whole store with a selector (for what derives from several slices, like readiness). */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

/** The whole store now, outside React (a kiosk's timer, a test). */
export const appState = (): AppState => appStore.getState();
