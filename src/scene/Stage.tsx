import { CameraControls } from '@react-three/drei';
import { Canvas, type ThreeEvent } from '@react-three/fiber';
import { useCallback, useEffect, useRef } from 'react';
import { Sphere, type BufferGeometry } from 'three';
import { SEX_SCALE } from '../anatomy/sizes';
import { useSession } from '../state/session-store';
import { useView } from '../state/view-store';
import { DEFAULT_VIEW } from './camera-views';
import { RegionBones } from './RegionBones';
import { useRegionModel } from './use-region-model';
import { exposeRenderInfo } from './render-info';

const focusSphere = new Sphere();

/** The 3D view: lights, camera controls and the posed bones of the current region. */
export function Stage() {
  const region = useSession((s) => s.region);
  const side = useSession((s) => s.side);
  const sex = useSession((s) => s.sex);
  const resetCount = useView((s) => s.resetCount);
  const model = useRegionModel(region);
  const controls = useRef<CameraControls>(null);
  const viewKey = `${region}/${side}/${sex}`;
  const shownView = useRef('');

  useEffect(() => {
    const c = controls.current;
    if (!c) return;
    const { position: p, target: t } = DEFAULT_VIEW[region];
    const k = SEX_SCALE[region][sex];
    const m = side === 'left' ? -k : k;
    const animate = shownView.current !== '' && shownView.current.startsWith(region);
    shownView.current = viewKey;
    void c.setLookAt(p[0] * m, p[1] * k, p[2] * k, t[0] * m, t[1] * k, t[2] * k, animate);
  }, [region, side, sex, viewKey, resetCount, model]);

  const focus = useCallback((geometry: BufferGeometry, e: ThreeEvent<MouseEvent>) => {
    if (!geometry.boundingSphere || !controls.current) return;
    focusSphere.copy(geometry.boundingSphere).applyMatrix4(e.object.matrixWorld);
    focusSphere.radius *= 1.4;
    void controls.current.fitToSphere(focusSphere, true);
  }, []);

  return (
    <Canvas
      frameloop="demand"
      dpr={[1, 2]}
      camera={{ fov: 35, near: 5, far: 10000, position: [0, 300, 600] }}
      onCreated={(state) => exposeRenderInfo(state.gl)}
      onPointerMissed={() => useView.setState({ hovered: null })}
    >
      <hemisphereLight args={['#ffffff', '#5d5348', 1.6]} />
      <directionalLight position={[300, 600, 500]} intensity={2.2} />
      <directionalLight position={[-400, 200, -300]} intensity={0.7} />
      {model && <RegionBones key={region} model={model} onFocus={focus} />}
      <CameraControls ref={controls} makeDefault minDistance={40} maxDistance={4000} />
    </Canvas>
  );
}
