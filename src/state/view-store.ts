import { create } from 'zustand';
import type { Region } from '../anatomy/types';
import type { RegionModel } from '../anatomy/mesh';
import { usePlayback } from './playback-store';
import { useSession } from './session-store';

export type LoadStatus = 'loading' | 'ready' | 'error';

/** Transient view state: never in the URL. */
interface ViewState {
  /** Model loading for the current region. */
  status: LoadStatus;
  /** Fraction of the model file received while loading, 0–1. */
  progress: number;
  /** Models loaded so far: they stay for the session, so switching back to a region is instant. */
  models: Partial<Record<Region, RegionModel>>;
  /** Bumped to ask the model loader to try again. */
  attempt: number;
  /** Bones are drawn on screen (the first frame after loading). */
  drawn: boolean;
  /**
   * Every bone the open procedure cuts has its fragments (true when no procedure is open); false
   * until the procedure layer has loaded and said so, so the page never reports ready too early.
   */
  cutsReady: boolean;
  /** The part under the pointer (or last tapped), with the pointer's position in the stage. */
  hovered: { part: string; x: number; y: number } | null;
  /** Bumped to ask the camera to return to the region's default view. */
  resetCount: number;
  /** The bone the camera should move onto (world-space bounding sphere), set by a double-click. */
  focus: { centre: [number, number, number]; radius: number } | null;
  /** Draws the view now and returns it as a PNG data URL; set by the stage while it is mounted. */
  snapshot: (() => string) | null;
  /** A fluoroscopy shot on screen (a percutaneous step's opening), in its projection. */
  fluoroShot: 'ap' | 'lat' | null;
  /** The main view shows the patient before surgery (the before/after toggle). */
  showingBefore: boolean;
  /** The second view beside the main one (before surgery, or a compared procedure) is drawn and cut. */
  secondReady: boolean;
  retry(): void;
  resetView(): void;
}

export const useView = create<ViewState>()((set) => ({
  status: 'loading',
  progress: 0,
  models: {},
  attempt: 0,
  drawn: false,
  cutsReady: false,
  hovered: null,
  resetCount: 0,
  focus: null,
  snapshot: null,
  fluoroShot: null,
  showingBefore: false,
  secondReady: false,
  // Views mounted again (see StagePanes) have drawn nothing yet.
  retry: () =>
    set((s) => ({
      attempt: s.attempt + 1,
      status: 'loading',
      progress: 0,
      drawn: false,
      cutsReady: false,
      secondReady: false,
    })),
  resetView: () => set((s) => ({ resetCount: s.resetCount + 1 })),
}));

// Playing (or a kiosk moving on), another operation or a comparison shows the operation again,
// not the patient before it.
const showOperation = () => {
  if (useView.getState().showingBefore) useView.setState({ showingBefore: false });
};
usePlayback.subscribe((clock) => clock.playing && showOperation());
useSession.subscribe((now, was) => {
  if (now.procedure !== was.procedure || now.compare !== was.compare) showOperation();
});
