import { Canvas, useFrame, useThree, type RootState } from '@react-three/fiber';
import { memo, useEffect, useLayoutEffect } from 'react';
import { useSession } from '../state/store';
import { useView } from '../state/store';
import { tapWatch } from './bone-naming';
import { CameraRig } from './CameraRig';
import { ContextGuard } from './ContextGuard';
import { RegionBones } from './RegionBones';
import { exposeRenderInfo } from './render-info';
import { useRegionModel } from './use-region-model';
import { XrayView } from './xray/XrayView';
import { PaneProvider, usePane, type Pane } from './pane';
import { makeRenderer } from './renderer';

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

/**
 * Tells the app when a frame has been drawn since what this view shows last changed (its bones,
 * plan or fragments): after a change it asks for a frame, and once that frame is on screen (the
 * browser's next frame callback) it records the change it showed.
 */
function FrameWitness() {
  const pane = usePane();
  const invalidate = useThree((s) => s.invalidate);
  const shown = useView((v) => pane.facts(v)?.shown ?? -1);
  useEffect(() => invalidate(), [shown, invalidate]);
  useFrame(() => {
    const facts = pane.facts();
    if (!facts || facts.drawn === facts.shown) return;
    const drawing = facts.shown;
    requestAnimationFrame(() => pane.drew(drawing));
  });
  return null;
}

const TOUCH_OWNED = { touchAction: 'none' } as const;
/**
 * The view is measured as soon as it is laid out, not 50 ms later (React Three Fiber's default waits
 * for scrolling to settle, and the first measurement goes through the same wait): its WebGL context,
 * and so the first frame, come that much sooner.
 */
const MEASURE_AT_ONCE = { debounce: 0 } as const;

/**
 * In the build, three.js does not read back each shader's compile log before its first use: that
 * read waits for the graphics process to finish compiling (a stall per program, the first frame's
 * above all). The shaders are three.js's and the X-ray view's, which the browser tests compile and
 * draw; development keeps the check.
 */
function onCreated({ gl }: RootState): void {
  gl.debug.checkShaderErrors = import.meta.env.DEV;
}

/**
 * A 3D view: lights, camera controls and the posed bones of the current region. Its pane says what
 * it plays (see PaneKind): the app shows the main one, and beside it, when asked, the patient
 * before surgery or a compared operation. Memoised: the page around it re-renders on every
 * parameter change, the canvas only when what it reads from the store changes.
 */
export const Stage = memo(function Stage({ pane }: { readonly pane: Pane }) {
  // Before the canvas's own components run (they start a frame or more later): what they tell is heard.
  useLayoutEffect(() => pane.attach(), [pane]);
  const region = useSession((s) => s.region);
  const model = useRegionModel(region, pane.primary);
  const chosen = useSession((s) => (s.view === 'xray' ? s.proj : null));
  // The user's X-ray view, or a percutaneous step's fluoroscopy shot in its own projection (the
  // view before surgery takes the shots of the operation beside it).
  const ownShot = useView((v) => pane.facts(v)?.shot ?? null);
  const mainShot = useView((s) => s.fluoroShot);
  const shot = pane.kind === 'before' ? mainShot : ownShot;
  const xray = chosen ?? shot;
  return (
    <Canvas
      gl={makeRenderer}
      frameloop="demand"
      dpr={[1, 2]}
      onCreated={onCreated}
      resize={MEASURE_AT_ONCE}
      camera={{ fov: 35, near: 5, far: 10000, position: [0, 300, 600] }}
      onPointerMissed={() => useView.setState({ hovered: null })}
      // The view takes every finger (orbit, pinch, pan): the page neither scrolls nor zooms under it.
      style={TOUCH_OWNED}
      {...(pane.primary ? tapWatch : undefined)}
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
        <FrameWitness />
        {pane.primary && <SnapshotSource />}
        {xray && <XrayView proj={xray} />}
      </PaneProvider>
    </Canvas>
  );
});
