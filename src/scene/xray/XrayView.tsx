import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useState } from 'react';
import { SEX_SCALE } from '../../anatomy/sizes';
import { useStore } from 'zustand';
import { modelFilmPoints } from '../../engine/film-points';
import { usePosedPatient } from '../../state/patient';
import { usePlayback } from '../../state/playback-store';
import { useProcedurePlan } from '../../state/procedure-plan';
import { useSession } from '../../state/store';
import { useView } from '../../state/store';
import { usePane } from '../pane';
import { usePanePlan } from '../use-pane-plan';
import type { Projection } from '../../state/session-slice';
import { stageCovered } from '../../state/view-slice';
import type { XrayMode } from './xray-mode';

/**
 * The fluoroscopy view, mounted while the session asks for it. Its frame callback has priority 1,
 * which turns off R3F's own render: from then on the canvas shows only what the X-ray mode draws
 * (nothing until its code has loaded), centred on the current step and from the chosen projection.
 * The rendering loads on first use (React.lazy would split the initial chunks anew: ~0.6 KB more).
 */
export function XrayView({ proj }: { readonly proj: Projection }) {
  const get = useThree((s) => s.get);
  const [mode, setMode] = useState<XrayMode | null>(null);
  const region = useSession((s) => s.region);
  const side = useSession((s) => s.side);
  const sex = useSession((s) => s.sex);
  // The view of the patient before surgery is aimed as the operation beside it is.
  const pane = usePane();
  const before = pane.kind === 'before';
  const own = usePanePlan()?.plan;
  const main = useProcedurePlan()?.plan;
  const plan = before ? main : own;
  const ownStep = useStore(pane.status, (s) => s.step);
  const mainStep = usePlayback((s) => s.step);
  const step = before ? mainStep : ownStep;
  const stepTarget = plan?.cameras[step]?.target;

  useEffect(() => {
    let live = true;
    let started: XrayMode | undefined;
    useView.setState({ hovered: null });
    import('./xray-mode')
      .then((m) => {
        if (live) setMode((started = m.startXray(get())));
      })
      .catch(() => useSession.getState().set({ view: '3d' }));
    return () => {
      live = false;
      started?.stop();
    };
  }, [get]);

  // The standing film between the controls over the view's top and bottom edges: framed anew, it
  // is not on screen until a frame shows it (the controls tell their size a frame after they come).
  const top = useView((v) => stageCovered(v, 'top'));
  const bottom = useView((v) => stageCovered(v, 'bottom'));
  useLayoutEffect(() => {
    mode?.coverBy({ top, bottom });
    if (proj === 'standing') pane.changed();
  }, [mode, pane, proj, top, bottom]);

  useLayoutEffect(
    () => mode?.aim(region, proj, side, SEX_SCALE[region][sex], stepTarget),
    [mode, region, proj, side, sex, stepTarget],
  );

  // The test surface: where the film landmarks of the patient (before surgery) fall on this image.
  const patient = usePosedPatient();
  useEffect(() => {
    const viz = window.__viz;
    if (!mode || !pane.primary || !viz) return;
    const hook = () => mode.project(modelFilmPoints(region, patient.landmarks));
    viz.xrayLandmarks = hook;
    return () => {
      if (viz.xrayLandmarks === hook) delete viz.xrayLandmarks;
    };
  }, [mode, pane, region, patient]);

  useFrame((state) => mode?.render(state), 1);
  return null;
}
