import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { RenderStage } from '../../geometry/cut-worker';
import { evaluate, type Frame } from '../../engine/evaluate';
import type { Plan } from '../../engine/plan';
import { cutChains, visibleFragments } from '../../engine/fragments';
import type { ProcedureState } from '../../state/procedure-plan';
import { usePlayback } from '../../state/playback-store';
import { useSession } from '../../state/session-store';
import { registeredBodies } from './body-registry';
import { fluoroShot } from '../../engine/fluoroscopy';
import { useView } from '../../state/view-store';

/** Fragments on show per cut part, refilled each frame (kept outside the loop: no allocation). */
const shown = new Map<string, Set<string>>();

/** The frame the scene last drew, for the tool slots that read it in their own useFrame. */
export const currentFrame: { frame: Frame | null } = { frame: null };

interface Props {
  readonly state: ProcedureState | undefined;
  readonly stages: ReadonlyMap<string, RenderStage[]>;
}

/**
 * Each frame: advances the clock while playing, evaluates the procedure and places every body —
 * whole parts, fragments, removals — without going through React. With no procedure it shows the
 * intact anatomy.
 */
export function ProcedureDriver({ state, stages }: Props) {
  const invalidate = useThree((s) => s.invalidate);
  const lastFrame = useRef<{ plan: Plan; frame: Frame; stages: Props['stages'] } | null>(null);
  useEffect(() => {
    usePlayback.setState({ total: state?.plan.timeline.total ?? 0 });
    invalidate();
    return usePlayback.subscribe(() => invalidate());
  }, [state, invalidate]);
  useEffect(() => useSession.subscribe(() => invalidate()), [invalidate]);

  useFrame((_, delta) => {
    const skin = useSession.getState().skin;
    if (!state) {
      currentFrame.frame = null;
      if (useView.getState().fluoroShot) useView.setState({ fluoroShot: null });
      for (const b of registeredBodies()) {
        b.object.matrixAutoUpdate = false;
        b.object.matrix.identity();
        b.object.visible = b.fragment ? false : b.soft ? skin : true;
      }
      return;
    }
    const clock = usePlayback.getState();
    let time = clock.time;
    if (clock.playing) {
      // A slow frame (software rendering, a busy kiosk) still advances, but never jumps a whole step.
      time += Math.min(delta, 0.25) * clock.speed;
      if (time >= clock.total) time = clock.loop ? 0 : clock.total;
    }
    // Re-evaluate only when the clock or the plan moved; an idle redraw (hover, camera) reuses it.
    const last = lastFrame.current;
    const frame =
      last && last.plan === state.plan && last.frame.time === time ? last.frame : evaluate(state.plan, time);
    currentFrame.frame = frame;
    const shot = fluoroShot(state.plan.proc, frame.step, frame.progress);
    if (shot !== useView.getState().fluoroShot) useView.setState({ fluoroShot: shot });
    if (
      time !== clock.time ||
      frame.step !== clock.step ||
      (clock.playing && time >= clock.total && !clock.loop)
    ) {
      usePlayback.setState({
        time,
        step: frame.step,
        playing: clock.playing && (clock.loop || time < clock.total),
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
    lastFrame.current = { plan: state.plan, frame, stages };
    for (const b of registeredBodies()) {
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
    }
    if (clock.playing) invalidate();
  });
  return null;
}
