import { Canvas, useThree } from '@react-three/fiber';
import { memo, useEffect } from 'react';
import { useStore } from 'zustand';
import { useSession } from '../state/session-store';
import { useView } from '../state/view-store';
import { CameraRig } from './CameraRig';
import { ContextGuard } from './ContextGuard';
import { RegionBones } from './RegionBones';
import { exposeRenderInfo } from './render-info';
import { useRegionModel } from './use-region-model';
import { XrayView } from './xray/XrayView';
import { PaneProvider, type Pane } from './pane';

/**
 * Lets the share dialog take a picture: a frame is drawn on the spot (the X-ray one too) and read
 * back in the same task, before the browser may clear the drawing buffer.
 */
function SnapshotSource() {
  const gl = useThree((s) => s.gl);
  const advance = useThree((s) => s.advance);
  useEffect(() => {
    const snapshot = () => {
      advance(performance.now());
      return gl.domElement.toDataURL('image/png');
    };
    useView.setState({ snapshot });
    return () => {
      if (useView.getState().snapshot === snapshot) useView.setState({ snapshot: null });
    };
  }, [gl, advance]);
  return null;
}

/** Counts what this view draws for the benchmark and the tests, while it is on the page. */
function RenderInfoSource({ view }: { readonly view: string }) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  useEffect(() => exposeRenderInfo(gl, scene, view), [gl, scene, view]);
  return null;
}

/** A view beside the main one tells the app when it is drawn with its fragments (the page's data-ready). */
function useSecondReady(pane: Pane) {
  useEffect(() => {
    if (pane.primary) return;
    const report = ({ drawn, cutsReady }: { drawn: boolean; cutsReady: boolean }) =>
      useView.setState({ secondReady: drawn && cutsReady });
    report(pane.status.getState());
    const off = pane.status.subscribe(report);
    return () => {
      off();
      useView.setState({ secondReady: false });
    };
  }, [pane]);
}

/**
 * A 3D view: lights, camera controls and the posed bones of the current region. Its pane says what
 * it plays (see PaneKind): the app shows the main one, and beside it, when asked, the patient
 * before surgery or a compared operation. Memoised: the page around it re-renders on every
 * parameter change, the canvas only when its own stores change.
 */
export const Stage = memo(function Stage({ pane }: { readonly pane: Pane }) {
  useSecondReady(pane);
  const region = useSession((s) => s.region);
  const model = useRegionModel(region, pane.primary);
  const chosen = useSession((s) => (s.view === 'xray' ? s.proj : null));
  // The user's X-ray view, or a percutaneous step's fluoroscopy shot in its own projection (the
  // view before surgery takes the shots of the operation beside it).
  const ownShot = useStore(pane.status, (s) => s.shot);
  const mainShot = useView((s) => s.fluoroShot);
  const shot = pane.kind === 'before' ? mainShot : ownShot;
  const xray = chosen ?? shot;
  return (
    <Canvas
      frameloop="demand"
      dpr={[1, 2]}
      camera={{ fov: 35, near: 5, far: 10000, position: [0, 300, 600] }}
      onPointerMissed={() => useView.setState({ hovered: null })}
    >
      <PaneProvider value={pane}>
        {/* First: its window.__viz is there before the overlays' effects add to it. */}
        <RenderInfoSource view={pane.kind} />
        <hemisphereLight args={['#ffffff', '#5d5348', 1.6]} />
        <directionalLight position={[300, 600, 500]} intensity={2.2} />
        <directionalLight position={[-400, 200, -300]} intensity={0.7} />
        {model && <RegionBones key={region} model={model} />}
        <CameraRig />
        <ContextGuard />
        {pane.primary && <SnapshotSource />}
        {xray && <XrayView proj={xray} />}
      </PaneProvider>
    </Canvas>
  );
});
