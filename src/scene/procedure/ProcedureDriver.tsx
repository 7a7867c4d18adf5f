import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef, useState } from 'react';
import type { RenderStage } from '../../geometry/cut-worker';
import { evaluate, keyFrame, type Frame } from '../../engine/evaluate';
import type { Plan } from '../../engine/plan';
import { cutChains, visibleFragments } from '../../engine/fragments';
import type { ProcedureState } from '../../state/procedure-plan';
import { advanced, usePlayback } from '../../state/playback-store';
import { useSession } from '../../state/session-store';
import { fluoroShot } from '../../engine/fluoroscopy';
import { useView } from '../../state/view-store';
import { usePane, type Pane } from '../pane';
import type { RegionModel } from '../../anatomy/mesh';
import { posedBones, toolPlacements } from '../../engine/tool-placement';

interface Props {
  readonly state: ProcedureState | undefined;
  readonly stages: ReadonlyMap<string, RenderStage[]>;
  readonly model: RegionModel;
}

/** Tells the view's status (and, for the main view, the app) which step and X-ray shot are on show. */
function report(pane: Pane, plan: Plan | null, step: number, shot: 'ap' | 'lat' | null) {
  const now = pane.status.getState();
  const s = plan?.proc.steps[step];
  const title = s ? `proc.${s.strings ?? plan.proc.id}.step.${s.id}.title` : null;
  if (now.step !== step || now.shot !== shot || now.title !== title)
    pane.status.setState({ step, shot, title });
  if (pane.primary && shot !== useView.getState().fluoroShot) useView.setState({ fluoroShot: shot });
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
  const lastFrame = useRef<{
    plan: Plan;
    frame: Frame;
    stages: Props['stages'];
    still: number | null;
  } | null>(null);
  // Fragments on show per cut part, refilled when the step changes (kept between frames: no allocation).
  const [shown] = useState(() => new Map<string, Set<string>>());
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
      const last = lastFrame.current;
      if (!state || !last || last.plan !== state.plan) return [];
      const meshOf = (part: string) => {
        const positions = state.positionsOf(part);
        const indices = model.get(part)?.index;
        return positions && indices ? { positions, indices } : undefined;
      };
      return toolPlacements(state.plan, last.frame, posedBones(state.plan, last.frame, meshOf, stages));
    };
    viz.toolPlacements = hook;
    return () => {
      if (viz.toolPlacements === hook) delete viz.toolPlacements;
    };
  }, [pane, state, stages, model]);

  useFrame((_, delta) => {
    const skin = useSession.getState().skin;
    if (!state) {
      pane.show(null);
      report(pane, null, 0, null);
      pane.eachBody((b) => {
        b.object.matrixAutoUpdate = false;
        b.object.matrix.identity();
        b.object.visible = b.fragment ? false : b.soft ? skin : true;
      });
      return;
    }
    const clock = usePlayback.getState();
    // The main view drives the clock; a slow frame (software rendering, a busy kiosk) still advances.
    const next = clock.playing && pane.primary ? advanced(clock, delta) : clock;
    const { time } = next;
    // Re-evaluate only when the clock or the plan moved; an idle redraw (hover, camera) reuses it.
    const last = lastFrame.current;
    const own = paneTime(pane, time, clock.total, state.plan.timeline.total);
    // Paused on a step, the main view shows its key frame (the still its caption describes).
    const still = pane.primary && !next.playing && clock.key !== null ? clock.key : null;
    const frame =
      last &&
      last.plan === state.plan &&
      last.frame.time === own &&
      (still === null) === (last.still === null)
        ? last.frame
        : still !== null
          ? keyFrame(state.plan, still)
          : evaluate(state.plan, own);
    pane.show(frame);
    report(pane, state.plan, frame.step, fluoroShot(state.plan.proc, frame.step, frame.progress));
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
    if (!last || last.plan !== state.plan || last.stages !== stages || last.frame.step !== frame.step) {
      shown.clear();
      for (const [part, chain] of cutChains(state.plan.proc)) {
        const partStages = stages.get(part);
        if (!partStages) continue;
        const made = chain.filter((c) => frame.cuts.includes(c.id)).length;
        const ids = partStages.map((st) => Object.keys(st.fragments));
        shown.set(part, visibleFragments(chain, ids, made));
      }
    }
    lastFrame.current = { plan: state.plan, frame, stages, still };
    pane.eachBody((b) => {
      const body = b.fragment ?? b.part;
      const t = frame.transforms[body];
      b.object.matrixAutoUpdate = false;
      if (t) b.object.matrix.fromArray(t);
      else b.object.matrix.identity();
      const partCut = (shown.get(b.part)?.size ?? 0) > 0;
      b.object.visible = frame.removed.includes(body)
        ? false
        : b.fragment
          ? (shown.get(b.part)?.has(`${b.stage}#${b.fragment}`) ?? false)
          : b.soft
            ? skin || frame.skin
            : !partCut;
    });
    if (clock.playing && pane.primary) invalidate();
  });
  return null;
}
