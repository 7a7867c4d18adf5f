/**
 * Benchmark baseline: the smallest React Three Fiber page with one lit mesh of ~15k triangles. Its
 * wrapper gets data-ready="true" after the first rendered frame, like the app's stage.
 */
import { Canvas, useFrame } from '@react-three/fiber';
import { useRef, type RefObject } from 'react';
import { createRoot } from 'react-dom/client';

function MarkReady({ wrapper }: { wrapper: RefObject<HTMLDivElement | null> }) {
  const done = useRef(false);
  useFrame(() => {
    if (done.current) return;
    done.current = true;
    // The frame is drawn after the useFrame callbacks, so mark on the next one.
    requestAnimationFrame(() => wrapper.current?.setAttribute('data-ready', 'true'));
  });
  return null;
}

function Baseline() {
  const wrapper = useRef<HTMLDivElement>(null);
  return (
    <div ref={wrapper} data-testid="stage" style={{ width: '100%', height: '100%' }}>
      <Canvas camera={{ position: [0, 0, 4], fov: 50 }}>
        <ambientLight intensity={0.4} />
        <directionalLight position={[3, 4, 5]} intensity={2} />
        {/* 240 × 32 segments × 2 = 15 360 triangles */}
        <mesh>
          <torusKnotGeometry args={[1, 0.3, 240, 32]} />
          <meshStandardMaterial color="#e8dcc4" roughness={0.6} />
        </mesh>
        <MarkReady wrapper={wrapper} />
      </Canvas>
    </div>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
createRoot(root).render(<Baseline />);
