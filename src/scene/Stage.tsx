import { Canvas, useThree } from '@react-three/fiber';
import { memo, useEffect } from 'react';
import { useSession } from '../state/session-store';
import { useView } from '../state/view-store';
import { CameraRig } from './CameraRig';
import { RegionBones } from './RegionBones';
import { exposeRenderInfo } from './render-info';
import { useRegionModel } from './use-region-model';
import { XrayView } from './xray/XrayView';

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

/**
 * The 3D view: lights, camera controls and the posed bones of the current region. Memoised: the
 * page around it re-renders on every parameter change, the canvas only when its own stores change.
 */
export const Stage = memo(function Stage() {
  const region = useSession((s) => s.region);
  const model = useRegionModel(region);
  const chosen = useSession((s) => (s.view === 'xray' ? s.proj : null));
  // The user's X-ray view, or a percutaneous step's fluoroscopy shot in its own projection.
  const shot = useView((s) => s.fluoroShot);
  const xray = chosen ?? shot;
  return (
    <Canvas
      frameloop="demand"
      dpr={[1, 2]}
      camera={{ fov: 35, near: 5, far: 10000, position: [0, 300, 600] }}
      onCreated={(state) => exposeRenderInfo(state.gl, state.scene)}
      onPointerMissed={() => useView.setState({ hovered: null })}
    >
      <hemisphereLight args={['#ffffff', '#5d5348', 1.6]} />
      <directionalLight position={[300, 600, 500]} intensity={2.2} />
      <directionalLight position={[-400, 200, -300]} intensity={0.7} />
      {model && <RegionBones key={region} model={model} />}
      <CameraRig />
      <SnapshotSource />
      {xray && <XrayView proj={xray} />}
    </Canvas>
  );
});
