import { createContext, useCallback, useContext, useLayoutEffect, useRef } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Object3D } from 'three';
import type { Frame } from '../engine/evaluate';
import { useView } from '../state/view-store';

/**
 * What a 3D view shows: the open procedure (`main`, which drives the shared clock), the patient
 * before surgery (`before`: the anatomy alone) or a second procedure on the same patient
 * (`other`, the session's `vs`), played on the main clock scaled to its own length.
 */
export type PaneKind = 'main' | 'before' | 'other';

/** A drawn body: a whole part, or a fragment some cut left of it. */
export interface BodyEntry {
  readonly object: Object3D;
  readonly part: string;
  /** For fragments: the index of the cut (in the part's chain) that made it, and its id. */
  readonly stage?: number;
  readonly fragment?: string;
  readonly soft?: boolean;
}

/** What a view reports about itself; the main view mirrors it into the app's stores. */
export interface PaneStatus {
  /** 0-based step on show. */
  readonly step: number;
  /** The i18n key of that step's title (null with no procedure). */
  readonly title: string | null;
  /** A fluoroscopy shot on screen, in its projection. */
  readonly shot: 'ap' | 'lat' | null;
  /** Bones have been drawn. */
  readonly drawn: boolean;
  /** Every bone the procedure cuts has its fragments on screen. */
  readonly cutsReady: boolean;
}

/** The flags a view reports once what it shows is on screen (the page's data-ready, the kiosk's wait). */
export type ReadyFlag = 'drawn' | 'cutsReady';

/**
 * Which reporter answers for the main view's flags in the app's view store: the main view of an app
 * mounted again (after a failure) takes them over from the last one's, however late that one goes.
 */
const mainOwners = new Map<ReadyFlag, object>();
// A retry mounts new views: the old ones, still being torn down, answer for nothing from then on.
useView.subscribe((now, was) => now.attempt !== was.attempt && mainOwners.clear());

/** One 3D view's own bodies, last frame and status: two views side by side never share them. */
export class Pane {
  private readonly bodies = new Set<BodyEntry>();
  private readonly owners = new Map<ReadyFlag, object>();
  private shownFrame: Frame | null = null;
  readonly status: StoreApi<PaneStatus> = createStore<PaneStatus>()(() => ({
    step: 0,
    title: null,
    shot: null,
    drawn: false,
    cutsReady: false,
  }));

  constructor(readonly kind: PaneKind) {}

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

  /**
   * A component (one per mount) that reports `flag` takes it over, false until it reports. Only the
   * newest reporter changes the flag: an older one unmounting or reporting late (the last region's
   * bones, a canvas torn down after the new one drew) would otherwise leave it false for good, and
   * the page never ready, the kiosk never moving on.
   */
  claim(flag: ReadyFlag, reporter: object): void {
    this.owners.set(flag, reporter);
    if (this.primary) mainOwners.set(flag, reporter);
    this.report(flag, reporter, false);
  }

  /** Sets `flag` if `reporter` still answers for it (the main view mirrors it into the view store). */
  report(flag: ReadyFlag, reporter: object, value: boolean): void {
    if (this.owners.get(flag) === reporter) this.status.setState({ [flag]: value });
    if (this.primary && mainOwners.get(flag) === reporter) useView.setState({ [flag]: value });
  }

  /** The reporter unmounts: what it reported is gone with it, unless another has taken over. */
  release(flag: ReadyFlag, reporter: object): void {
    this.report(flag, reporter, false);
    if (this.owners.get(flag) === reporter) this.owners.delete(flag);
    if (mainOwners.get(flag) === reporter) mainOwners.delete(flag);
  }

  /** Adds a body for the driver to place each frame; returns the removal. */
  register(entry: BodyEntry): () => void {
    this.bodies.add(entry);
    return () => this.bodies.delete(entry);
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

/**
 * Makes the calling component the reporter of its view's `flag` while it is mounted, and returns its
 * report. Claimed in a layout effect, as useFrame subscribes: a frame drawn before passive effects
 * run finds the flag claimed. A report from a mount that has gone changes nothing.
 */
export function useReadyFlag(flag: ReadyFlag): (value: boolean) => void {
  const pane = usePane();
  const claim = useRef<object | null>(null);
  useLayoutEffect(() => {
    const me = {};
    claim.current = me;
    pane.claim(flag, me);
    return () => pane.release(flag, me);
  }, [pane, flag]);
  return useCallback(
    (value: boolean) => {
      if (claim.current) pane.report(flag, claim.current, value);
    },
    [pane, flag],
  );
}
