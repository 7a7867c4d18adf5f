import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import {
  ConeGeometry,
  CylinderGeometry,
  Matrix4,
  MeshStandardMaterial,
  TorusGeometry,
  Vector3,
  type Group,
} from 'three';
import { cross } from '../../anatomy/vec';
import { SHOT_FRACTION } from '../../engine/fluoroscopy';
import type { Plan } from '../../engine/plan';
import { useSession } from '../../state/store';
import { usePane } from '../pane';
import { cArmPlacement, cArmSize } from '../xray/c-arm';
import { noRaycast } from './overlay-parts';

/** The C's steel tube and the housings, mm (schematic, like the C's radius). */
const ARC_TUBE = 2.5;
const HOUSING_DEPTH = 24;
const SOURCE_SIZE = { radius: 16, length: 30 } as const;

/** Created once for the app's lifetime, like the bone materials; see-through so the limb shows. */
const HOUSING = new MeshStandardMaterial({
  color: '#c9d2da',
  roughness: 0.5,
  metalness: 0.2,
  transparent: true,
  opacity: 0.4,
  depthWrite: false,
});
const BEAM = new MeshStandardMaterial({
  color: '#ffe38a',
  emissive: '#ffe38a',
  emissiveIntensity: 0.4,
  transparent: true,
  opacity: 0.1,
  depthWrite: false,
});

const basis = new Matrix4();
const ax = new Vector3();
const ay = new Vector3();
const az = new Vector3();

/**
 * The C-arm where it stands for the current step's fluoroscopy (AP or lateral), drawn in the 3D view
 * once the shot is taken: tube, intensifier, the C joining them beside the limb, and a faint beam.
 */
export function CArm({ plan }: { readonly plan: Plan }) {
  const region = useSession((s) => s.region);
  const group = useRef<Group>(null);
  const invalidate = useThree((s) => s.invalidate);
  const pane = usePane();
  // What the C-arm last showed: the plan and the step whose shot it stands for (-1: none, -2: not yet).
  const shownFor = useRef<{ step: number; plan: Plan | null }>({ step: -2, plan: null });
  const { radius, fieldMm } = cArmSize(region);
  const shapes = useMemo(
    () => ({
      arc: new TorusGeometry(radius, ARC_TUBE, 8, 48, Math.PI),
      intensifier: new CylinderGeometry(fieldMm / 2, fieldMm / 2, HOUSING_DEPTH, 40),
      source: new ConeGeometry(SOURCE_SIZE.radius, SOURCE_SIZE.length, 24),
      beam: new ConeGeometry(fieldMm / 2, 2 * radius, 40, 1, true),
    }),
    [radius, fieldMm],
  );
  useEffect(() => () => Object.values(shapes).forEach((g) => g.dispose()), [shapes]);

  useFrame(() => {
    const g = group.current;
    const frame = pane.frame;
    if (!g) return;
    const proj = frame ? plan.proc.steps[frame.step]?.fluoro : undefined;
    const show = Boolean(proj && frame && frame.progress >= SHOT_FRACTION);
    // A step has one projection: the step says which shot stands.
    const step = show ? frame!.step : -1;
    const last = shownFor.current;
    if (last.step === step && last.plan === plan) return;
    last.step = step;
    last.plan = plan;
    g.visible = show;
    if (show) {
      const camera = plan.cameras[frame!.step]!;
      const c = cArmPlacement(region, proj!, camera.target, camera.position);
      // The C's own frame: X from the centre to the tube, Y towards its arc's middle.
      const z = cross([-c.beam[0], -c.beam[1], -c.beam[2]], c.back);
      ax.set(-c.beam[0], -c.beam[1], -c.beam[2]);
      ay.set(...c.back);
      az.set(...z);
      basis.makeBasis(ax, ay, az);
      g.quaternion.setFromRotationMatrix(basis);
      g.position.set(...camera.target);
    }
    invalidate();
  });

  return (
    <group ref={group} name="overlay:carm" visible={false}>
      <mesh geometry={shapes.arc} material={HOUSING} raycast={noRaycast} />
      {/* The intensifier across the beam (local −X), the tube on the other side pointing at the limb. */}
      <mesh
        geometry={shapes.intensifier}
        material={HOUSING}
        raycast={noRaycast}
        position={[-radius - HOUSING_DEPTH / 2, 0, 0]}
        rotation={[0, 0, Math.PI / 2]}
      />
      <mesh
        geometry={shapes.source}
        material={HOUSING}
        raycast={noRaycast}
        position={[radius - SOURCE_SIZE.length / 2, 0, 0]}
        rotation={[0, 0, Math.PI / 2]}
      />
      <mesh geometry={shapes.beam} material={BEAM} raycast={noRaycast} rotation={[0, 0, -Math.PI / 2]} />
    </group>
  );
}
