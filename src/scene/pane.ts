import { createContext, useContext } from 'react';
import type { Object3D } from 'three';
import type { Frame } from '../engine/evaluate';
import { useView } from '../state/store';
import { type PaneFacts, type PaneKind, type PanePlay, type ViewState } from '../state/view-slice';

export type { PaneKind };

/** A drawn body: a whole part, or a fragment some cut left of it. */
export interface BodyEntry {
  readonly object: Object3D;
  readonly part: string;
  /** For fragments: the index of the cut (in the part's chain) that made it, and its id. */
  readonly stage?: number;
  readonly fragment?: string;
  readonly soft?: boolean;
}

/** What a view tells about what it shows (the main view's is the app's). */
export type PaneStatus = Pick<PaneFacts, 'step' | 'title' | 'shot'>;

/** Before a view has mounted (or once it has gone): step 0, nothing on show. */
const UNMOUNTED: PaneStatus = { step: 0, title: null, shot: null };

/** Each mounted view is a new one: a view mounted again (a retry, a new region) never answers for the last. */
let lastPaneId = 0;

/**
 * One 3D view's own bodies, last frame and facts: two views side by side never share them. Its
 * facts live in the app's store (the view slice's `panes`), written only while it answers for its
 * kind: from its mount until it unmounts or a newer view of its kind mounts.
 */
export class Pane {
  readonly id = ++lastPaneId;
  private readonly bodies = new Set<BodyEntry>();
  private shownFrame: Frame | null = null;

  constructor(readonly kind: PaneKind) {}

  /** The step, title and X-ray shot on show, as a read-only store for `useStore` (and the driver's writes). */
  readonly status = {
    getState: (): PaneStatus => this.facts() ?? UNMOUNTED,
    getInitialState: (): PaneStatus => UNMOUNTED,
    subscribe: (listener: (now: PaneStatus, was: PaneStatus) => void) =>
      useView.subscribe((now, was) => {
        const [a, b] = [now.panes[this.kind], was.panes[this.kind]];
        if (a !== b) listener(a?.id === this.id ? a : UNMOUNTED, b?.id === this.id ? b : UNMOUNTED);
      }),
    setState: (patch: Partial<PaneStatus>) => this.report(() => patch),
  };

  /** The main view owns the clock, the hover label and the test hooks. */
  get primary(): boolean {
    return this.kind === 'main';
  }

  /** The frame the driver last evaluated, for the tools and overlays read in their own useFrame. */
  get frame(): Frame | null {
    return this.shownFrame;
  }

  /** The driver's new frame (null with no procedure). */
  show(frame: Frame | null): void {
    this.shownFrame = frame;
  }

  /** Visits every body the driver places each frame. */
  eachBody(visit: (body: BodyEntry) => void): void {
    this.bodies.forEach(visit);
  }

  /** Adds a body for the driver to place each frame; returns the removal. */
  register(entry: BodyEntry): () => void {
    this.bodies.add(entry);
    return () => this.bodies.delete(entry);
  }

  /** This view's facts in the view state (the store's now by default), while it answers for its kind. */
  facts(view: Pick<ViewState, 'panes'> = useView.getState()): PaneFacts | undefined {
    const facts = view.panes[this.kind];
    return facts?.id === this.id ? facts : undefined;
  }

  /** The view mounts: it answers for its kind, nothing on screen yet. Returns its unmount. */
  attach(): () => void {
    useView.getState().attachPane(this.kind, this.id);
    return () => useView.getState().detachPane(this.kind, this.id);
  }

  /** What it shows has changed (bones, plan, fragments): not on screen until a frame is drawn. */
  changed(): void {
    this.report((f) => ({ shown: f.shown + 1 }));
  }

  /** A frame showing the `shown` count has been drawn on screen. */
  drew(shown: number): void {
    this.report(() => ({ drawn: shown }));
  }

  /** What its fragments and tools are made for, and whether every bone it cuts has its fragments. */
  settle(plays: PanePlay, cutsSettled: boolean): void {
    this.report(() => ({ plays, cutsSettled }));
  }

  private report(patch: (facts: PaneFacts) => Partial<PaneFacts>): void {
    useView.getState().reportPane(this.kind, this.id, patch);
  }
}

const PaneContext = createContext<Pane | null>(null);
export const PaneProvider = PaneContext.Provider;

/** The view this component draws in (a scene component is always inside one). */
export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error('A scene component was drawn outside a 3D view (no PaneProvider)');
  return pane;
}
