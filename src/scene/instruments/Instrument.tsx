import { useFrame, useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { Vector3, type Group } from 'three';
import type { InstrumentKind, PartMotion, ToolPose } from '../../engine/instruments';
import { instrumentParts, type InstrumentPart } from './geometry';
import { applyInstrumentEnvironment, INSTRUMENT_MATERIALS } from './materials';
import { applyToolPose } from './tool-pose';

/** Saw blade swing either side of centre, radians (±4°). */
const OSCILLATION_AMPLITUDE = (4 * Math.PI) / 180;
/** Blade swings per second: a real saw's ~200 Hz cannot be shown, this reads as "fast" without strobing. */
const OSCILLATION_HZ = 9;
/** Turns per second of a spinning part, slow enough that flutes and threads read as turning. */
const SPIN_HZ = 2.5;
/** Both motions repeat after this many seconds, so the phase can wrap without a jump. */
const PHASE_WRAP = 2;
/** Longest frame step fed to the motions, s: the first frame after the demand loop idles is long. */
const MAX_STEP = 0.1;

const AXES = { y: new Vector3(0, 1, 0), z: new Vector3(0, 0, 1) } as const;

export interface InstrumentProps {
  readonly kind: InstrumentKind;
  /** Where the tool is: tip, pointing direction and optional up, region frame, mm. */
  readonly pose: ToolPose;
  /** The tool's own motion: the saw blade oscillates; a drill, K-wire or screw spins. */
  readonly action?: 'oscillate' | 'spin';
  /** Screw length, tip to back end, mm; other kinds ignore it. */
  readonly length?: number;
  /** Made-to-measure sizes of an implant, a trocar or a cement bolus (see InstrumentOptions.shape). */
  readonly shape?: readonly number[];
  readonly visible: boolean;
}

/** A surgical tool or implant drawn at its pose; the saw blade and drill bit move while `action` asks. */
export function Instrument({ kind, pose, action, length, shape, visible }: InstrumentProps) {
  const root = useRef<Group>(null);
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  // The shape's numbers, not the array's identity, decide the geometry.
  const shapeKey = shape?.join(',');
  const parts = useMemo(
    () => instrumentParts(kind, { length, shape: shapeKey?.split(',').map(Number) }),
    [kind, length, shapeKey],
  );

  useLayoutEffect(() => applyInstrumentEnvironment(gl), [gl]);

  useLayoutEffect(() => {
    if (root.current) applyToolPose(root.current, pose);
    invalidate();
  }, [pose, visible, invalidate]);

  return (
    <group
      ref={root}
      name={`instrument:${kind}`}
      visible={visible}
      // The sizes it was built to, for the tests (a tool rebuilt to the plan's numbers or not).
      userData={{ size: `${length ?? ''}|${shapeKey ?? ''}` }}
    >
      {parts.map((part, i) =>
        part.motion ? (
          <MovingPart
            key={i}
            part={part}
            motion={part.motion}
            active={visible && action === part.motion.kind}
          />
        ) : (
          <mesh key={i} geometry={part.geometry} material={INSTRUMENT_MATERIALS[part.material]} />
        ),
      )}
    </group>
  );
}

interface MovingPartProps {
  readonly part: InstrumentPart;
  readonly motion: PartMotion;
  readonly active: boolean;
}

/** A part that turns about its pivot while active, keeping the demand frameloop running meanwhile. */
function MovingPart({ part, motion, active }: MovingPartProps) {
  const pivot = useRef<Group>(null);
  const phase = useRef(0);
  const invalidate = useThree((s) => s.invalidate);
  const [px, py, pz] = motion.pivot;

  useLayoutEffect(() => {
    // Starting needs one frame to get the loop going; stopping puts the part back at rest.
    if (!active) {
      phase.current = 0;
      pivot.current?.quaternion.identity();
    }
    invalidate();
  }, [active, invalidate]);

  useFrame((_, delta) => {
    const g = pivot.current;
    if (!active || !g) return;
    phase.current = (phase.current + Math.min(delta, MAX_STEP)) % PHASE_WRAP;
    const t = phase.current;
    const angle =
      motion.kind === 'oscillate'
        ? OSCILLATION_AMPLITUDE * Math.sin(2 * Math.PI * OSCILLATION_HZ * t)
        : // Positive about +Z is clockwise seen from behind the tool: the way a right-handed screw drives in.
          2 * Math.PI * SPIN_HZ * t;
    g.quaternion.setFromAxisAngle(AXES[motion.axis], angle);
    invalidate();
  });

  return (
    <group ref={pivot} position={[px, py, pz]}>
      <mesh
        geometry={part.geometry}
        material={INSTRUMENT_MATERIALS[part.material]}
        position={[-px, -py, -pz]}
      />
    </group>
  );
}
