import type { Region } from '../anatomy/types';
import type { RegionModel } from '../anatomy/mesh';
import type { Params } from '../procedures/types';
import type { SliceAccess } from './store';

export type LoadStatus = 'loading' | 'ready' | 'error';

/**
 * What a 3D view shows: the open procedure (`main`, which drives the shared clock), the patient
 * before surgery (`before`: the anatomy alone) or a second procedure on the same patient
 * (`other`, the session's `vs`), played on the main clock scaled to its own length.
 */
export type PaneKind = 'main' | 'before' | 'other';

/** What a view plays: a procedure (null: the anatomy alone) with its parameters. */
export interface PanePlay {
  readonly procedure: string | null;
  readonly params: Params;
}

/** What is true of one mounted 3D view: what it shows, and whether that is on screen. */
export interface PaneFacts {
  /** The mounted view these facts are of (a view mounted again is another one). */
  readonly id: number;
  /** 0-based step on show. */
  readonly step: number;
  /** The i18n key of that step's title (null with no procedure). */
  readonly title: string | null;
  /** A fluoroscopy shot on screen, in its projection. */
  readonly shot: 'ap' | 'lat' | null;
  /** What its fragments, tools and clock were last made for (null until its procedure layer is in). */
  readonly plays: PanePlay | null;
  /** Counts the changes of what the view shows (its bones, plan, fragments). */
  readonly shown: number;
  /** The `shown` count of the last frame drawn on screen. */
  readonly drawn: number;
  /** Every bone the view's procedure cuts has its fragments (true with no procedure). */
  readonly cutsSettled: boolean;
}

/** Rows of the stage a control covers, CSS pixels, counted from the stage's top or its bottom edge. */
export interface StageCover {
  readonly edge: 'top' | 'bottom';
  readonly px: number;
}

/** How far the stage is covered from one edge: its deepest control there, CSS pixels. */
export function stageCovered(v: Pick<ViewState, 'stageCover'>, edge: StageCover['edge']): number {
  let px = 0;
  for (const cover of Object.values(v.stageCover)) if (cover.edge === edge) px = Math.max(px, cover.px);
  return px;
}

/** Transient view state: never in the URL. */
export interface ViewState {
  /** Model loading for the current region. */
  readonly status: LoadStatus;
  /** Fraction of the model file received while loading, 0–1. */
  readonly progress: number;
  /** Models loaded so far: they stay for the session, so switching back to a region is instant. */
  readonly models: Partial<Record<Region, RegionModel>>;
  /** Bumped to ask the model loader to try again (and the views to mount afresh). */
  readonly attempt: number;
  /** False once the 3D view found no WebGL to draw with: an explanation takes the views' place. */
  readonly webgl: boolean;
  /**
   * The stage's rows its controls cover, CSS pixels, by control: from its top (the corner
   * controls) or from its bottom (the caption and playback). A standing film is drawn between them.
   */
  readonly stageCover: Readonly<Record<string, StageCover>>;
  /** The views mounted now, by kind: each answers only for itself (see `Pane` in the scene). */
  readonly panes: Partial<Record<PaneKind, PaneFacts>>;
  /**
   * The part under the pointer (or last tapped), with the pointer's position in the stage; pinned
   * when a finger tapped it (it stays a few seconds, as there is no hover to keep it).
   */
  readonly hovered: { part: string; x: number; y: number; pinned?: boolean } | null;
  /** Bumped to ask the camera to return to the region's default view. */
  readonly resetCount: number;
  /** The bone the camera should move onto (world-space bounding sphere), set by a double-click. */
  readonly focus: { centre: [number, number, number]; radius: number } | null;
  /** Draws the view now and returns it as a PNG data URL; set by the stage while it is mounted. */
  readonly snapshot: (() => string) | null;
  /** A fluoroscopy shot on screen (a percutaneous step's opening), in its projection. */
  readonly fluoroShot: 'ap' | 'lat' | null;
  /** The main view shows the patient before surgery (the before/after toggle). */
  readonly showingBefore: boolean;
  /**
   * The patient's radiograph is open over the views. Only the fact: the image itself lives in the
   * film view's own memory, wiped when it closes, never in this store.
   */
  readonly filmOpen: boolean;
  retry(): void;
  resetView(): void;
  /** A control over the stage tells the rows it covers now, or (null) that it is gone. */
  coverStage(id: string, cover: StageCover | null): void;
  /** A view mounts: it answers for its kind from now on, with nothing on screen yet. */
  attachPane(kind: PaneKind, id: number): void;
  /** A view unmounts: its facts go with it (unless a newer view of its kind has taken over). */
  detachPane(kind: PaneKind, id: number): void;
  /** A view tells what is true of it now; a view that no longer answers for its kind is not heard. */
  reportPane(kind: PaneKind, id: number, patch: (facts: PaneFacts) => Partial<PaneFacts>): void;
}

/** A view just mounted: nothing drawn, its cuts not yet known. */
const mounted = (id: number): PaneFacts => ({
  id,
  step: 0,
  title: null,
  shot: null,
  plays: null,
  shown: 0,
  drawn: -1,
  cutsSettled: false,
});

/** The view state, as a slice of the app's store. */
export function viewSlice({ set }: SliceAccess<ViewState>): ViewState {
  const withPane = (v: ViewState, kind: PaneKind, facts: PaneFacts | undefined) => ({
    panes: { ...v.panes, [kind]: facts },
  });
  return {
    status: 'loading',
    progress: 0,
    models: {},
    attempt: 0,
    webgl: true,
    stageCover: {},
    panes: {},
    hovered: null,
    resetCount: 0,
    focus: null,
    snapshot: null,
    fluoroShot: null,
    showingBefore: false,
    filmOpen: false,
    // The views mount afresh (see StagePanes): the old ones, still being torn down, answer for nothing.
    retry: () => set((v) => ({ attempt: v.attempt + 1, status: 'loading', progress: 0, panes: {} })),
    resetView: () => set((v) => ({ resetCount: v.resetCount + 1 })),
    coverStage: (id, cover) =>
      set((v) => {
        const was = v.stageCover[id];
        if (was?.edge === cover?.edge && was?.px === cover?.px) return v;
        const stageCover = { ...v.stageCover };
        if (cover) stageCover[id] = cover;
        else delete stageCover[id];
        return { stageCover };
      }),
    attachPane: (kind, id) =>
      set((v) => ((v.panes[kind]?.id ?? -1) > id ? v : withPane(v, kind, mounted(id)))),
    detachPane: (kind, id) => set((v) => (v.panes[kind]?.id === id ? withPane(v, kind, undefined) : v)),
    reportPane: (kind, id, patch) =>
      set((v) => {
        const facts = v.panes[kind];
        if (facts?.id !== id) return v;
        const change = patch(facts);
        const same = (Object.keys(change) as (keyof PaneFacts)[]).every((k) => change[k] === facts[k]);
        return same ? v : withPane(v, kind, { ...facts, ...change });
      }),
  };
}
