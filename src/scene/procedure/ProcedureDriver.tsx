import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef, useState } from 'react';
import type { RenderStage } from '../../geometry/cut-worker';
import { createFrame, evaluate, keyFrame } from '../../engine/evaluate';
import type { Plan } from '../../engine/plan';
import { cutChains, visibleFragments } from '../../engine/fragments';
import type { Case } from '../../engine/case';
import { advanced, usePlayback } from '../../state/playback-store';
import { useSession } from '../../state/store';
import { fluoroShot } from '../../engine/fluoroscopy';
import { useView } from '../../state/store';
import { usePane, type BodyEntry, type Pane } from '../pane';
import type { RegionModel } from '../../anatomy/mesh';
import { posedBones, toolPlacements } from '../../engine/tool-placement';

interface Props {
  readonly state: Case | undefined;
  readonly stages: ReadonlyMap<string, RenderStage[]>;
  readonly model: RegionModel;
}

/** The step's title key (null with no procedure). */
function titleOf(plan: Plan | null, step: number): string | null {
  const s = plan?.proc.steps[step];
  return s ? `proc.${s.strings ?? plan.proc.id}.step.${s.id}.title` : null;
}

/**
 * Tells the view's status (and, for the main view, the app) which step and X-ray shot are on show.
 * `reported` remembers the plan last told, so an unchanged frame builds no title.
 */
function report(
  pane: Pane,
  plan: Plan | null,
  step: number,
  shot: 'ap' | 'lat' | null,
  reported: { plan: Plan | null },
) {
  const now = pane.status.getState();
  if (now.step !== step || now.shot !== shot || reported.plan !== plan) {
    reported.plan = plan;
    const title = titleOf(plan, step);
    if (now.step !== step || now.shot !== shot || now.title !== title)
      pane.status.setState({ step, shot, title });
  }
  if (pane.primary && shot !== useView.getState().fluoroShot) useView.setState({ fluoroShot: shot });
}

/** What the driver drew last, kept in one object for the view's life (rewritten, never replaced). */
interface Drawn {
  /** The view's own frame, which evaluate writes into. */
  readonly frame: ReturnType<typeof createFrame>;
  /** Whether the frame holds anything yet, and what it was evaluated for. */
  plan: Plan | null;
  still: number | null;
  step: number;
  stages: Props['stages'] | null;
  skin: boolean;
  /** The plan last reported in the view's status. */
  readonly reported: { plan: Plan | null };
  /** Fragments on show per cut part, refilled when the step changes. */
  readonly shown: Map<string, Set<string>>;
}

function newDrawn(): Drawn {
  return {
    frame: createFrame(),
    plan: null,
    still: null,
    step: -1,
    stages: null,
    skin: false,
    reported: { plan: null },
    shown: new Map(),
  };
}

/** Each fragment's name in the sets of fragments on show, made once per drawn body. */
const fragmentKeys = new WeakMap<BodyEntry, string>();

function fragmentKey(b: BodyEntry): string {
  let key = fragmentKeys.get(b);
  if (key === undefined) fragmentKeys.set(b, (key = `${b.stage}#${b.fragment}`));
  return key;
}

/** Places and shows one body as the last evaluated frame has it. */
function placeBody(drawn: Drawn, b: BodyEntry): void {
  const { frame, shown, skin } = drawn;
  const body = b.fragment ?? b.part;
  const t = frame.transforms[body];
  b.object.matrixAutoUpdate = false;
  if (t) b.object.matrix.fromArray(t);
  else b.object.matrix.identity();
  const partCut = (shown.get(b.part)?.size ?? 0) > 0;
  b.object.visible = frame.removed.includes(body)
    ? false
    : b.fragment
      ? (shown.get(b.part)?.has(fragmentKey(b)) ?? false)
      : b.soft
        ? skin || frame.skin
        : !partCut;
}

/** With no procedure: every whole part in place, fragments hidden, the skin as the session says. */
function placeIntact(skin: boolean, b: BodyEntry): void {
  b.object.matrixAutoUpdate = false;
  b.object.matrix.identity();
  b.object.visible = b.fragment ? false : b.soft ? skin : true;
}

/**
 * This view's time on the shared clock: the main view's own; a compared procedure at the same
 * fraction of its own length, so both start and end together.
 */
function paneTime(pane: Pane, time: number, total: number, ownTotal: number): number {
  if (pane.primary) return time;
  return total > 0 ? (Math.min(time, total) / total) * ownTotal : 0;
}

/**
 * Each frame: advances the clock while playing (the main view only), evaluates the procedure and
 * places every body — whole parts, fragments, removals — without going through React. With no
 * procedure it shows the intact anatomy.
 */
export function ProcedureDriver({ state, stages, model }: Props) {
  const pane = usePane();
  const invalidate = useThree((s) => s.invalidate);
  // One frame per view, written in place each time the clock or the plan moves (no allocation).
  const [first] = useState(newDrawn);
  const drawnRef = useRef(first);
  // The visitors the frame loop hands to eachBody, made once (not a closure per frame).
  const [place] = useState(() => ({
    body: (b: BodyEntry) => placeBody(drawnRef.current, b),
    intact: (b: BodyEntry) => placeIntact(drawnRef.current.skin, b),
  }));
  useEffect(() => {
    // The clock keeps its length (and place) while the user looks at the patient before surgery.
    if (pane.primary && (state || !useView.getState().showingBefore))
      usePlayback.setState({ total: state?.plan.timeline.total ?? 0 });
    invalidate();
    return usePlayback.subscribe(() => invalidate());
  }, [pane, state, invalidate]);
  useEffect(() => useSession.subscribe(() => invalidate()), [invalidate]);
  useEffect(() => {
    const viz = window.__viz;
    if (!pane.primary || !viz) return;
    // The test surface: each tool on show against the bones as they lie in the frame on show.
    const hook = () => {
      const drawn = drawnRef.current;
      if (!state || drawn.plan !== state.plan) return [];
      const meshOf = (part: string) => {
        const positions = state.positionsOf(part);
        const indices = model.get(part)?.index;
        return positions && indices ? { positions, indices } : undefined;
      };
      const { frame } = drawn;
      return toolPlacements(state.plan, frame, posedBones(state.plan, frame, meshOf, stages));
    };
    viz.toolPlacements = hook;
    return () => {
      if (viz.toolPlacements === hook) delete viz.toolPlacements;
    };
  }, [pane, state, stages, model]);

  useFrame((_, delta) => {
    const drawn = drawnRef.current;
    drawn.skin = useSession.getState().skin;
    if (!state) {
      pane.show(null);
      report(pane, null, 0, null, drawn.reported);
      pane.eachBody(place.intact);
      return;
    }
    const clock = usePlayback.getState();
    // The main view drives the clock; a slow frame (software rendering, a busy kiosk) still advances.
    const next = clock.playing && pane.primary ? advanced(clock, delta) : clock;
    const { time } = next;
    const own = paneTime(pane, time, clock.total, state.plan.timeline.total);
    // Paused on a step, the main view shows its key frame (the still its caption describes).
    const still = pane.primary && !next.playing && clock.key !== null ? clock.key : null;
    const { frame } = drawn;
    const lastStep = drawn.plan === state.plan ? drawn.step : -1;
    // Re-evaluate only when the clock or the plan moved; an idle redraw (hover, camera) reuses it.
    if (drawn.plan !== state.plan || frame.time !== own || (still === null) !== (drawn.still === null)) {
      if (still !== null) keyFrame(state.plan, still, frame);
      else evaluate(state.plan, own, frame);
    }
    pane.show(frame);
    report(
      pane,
      state.plan,
      frame.step,
      fluoroShot(state.plan.proc, frame.step, frame.progress),
      drawn.reported,
    );
    if (
      pane.primary &&
      (time !== clock.time ||
        frame.step !== clock.step ||
        (clock.playing && time >= clock.total && !clock.loop))
    ) {
      usePlayback.setState({
        time,
        step: frame.step,
        playing: next.playing,
      });
    }
    // Which fragments show changes only with the step (cuts are made per step) or new fragments.
    if (lastStep !== frame.step || drawn.stages !== stages) {
      drawn.shown.clear();
      for (const [part, chain] of cutChains(state.plan.proc)) {
        const partStages = stages.get(part);
        if (!partStages) continue;
        const made = chain.filter((c) => frame.cuts.includes(c.id)).length;
        const ids = partStages.map((st) => Object.keys(st.fragments));
        drawn.shown.set(part, visibleFragments(chain, ids, made));
      }
    }
    drawn.plan = state.plan;
    drawn.still = still;
    drawn.step = frame.step;
    drawn.stages = stages;
    pane.eachBody(place.body);
    if (clock.playing && pane.primary) invalidate();
  });
  return null;
}
