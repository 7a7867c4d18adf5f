import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { Group } from 'three';
import type { Plan } from '../../engine/plan';
import type { InstrumentUse, ToolPose } from '../../procedures/types';
import { useStore } from 'zustand';
import { Instrument } from '../instruments/Instrument';
import { applyToolPose } from '../instruments/tool-pose';
import { usePane } from '../pane';

/** The tool drawn at its own origin; its slot's group carries the pose. */
const AT_ORIGIN: ToolPose = { tip: [0, 0, 0], direction: [0, 0, 1], up: [0, 1, 0] };

interface SlotProps {
  readonly use: InstrumentUse;
  readonly plan: Plan;
  readonly implant: boolean;
  /** The step the tool belongs to (a saw used in three steps has three slots). */
  readonly stepIndex: number;
  /** Whether the tool's step is on (drives its own animation; set at step changes only). */
  readonly shown: boolean;
}

/** One tool or implant: placed every frame from the evaluated frame, without React state. */
function ToolSlot({ use, plan, implant, stepIndex, shown }: SlotProps) {
  const group = useRef<Group>(null);
  const invalidate = useThree((s) => s.invalidate);
  const pane = usePane();
  // A slot mounted after the last frame must still get one, or it stays hidden until the next.
  useEffect(() => invalidate(), [invalidate]);
  useFrame(() => {
    const g = group.current;
    const frame = pane.frame;
    if (!g || !frame) return;
    const state = implant
      ? frame.implants.find((s) => s.id === use.id)
      : frame.step === stepIndex
        ? frame.instruments.find((s) => s.id === use.id)
        : undefined;
    g.visible = Boolean(state);
    if (state) applyToolPose(g, state.pose);
  });
  return (
    <group ref={group} visible={false}>
      <Instrument
        kind={use.kind}
        pose={AT_ORIGIN}
        action={implant ? undefined : use.action}
        length={use.length?.(plan.ctx)}
        shape={use.shape?.(plan.ctx)}
        visible={shown}
      />
    </group>
  );
}

/** Every tool and implant of a procedure, mounted once; each shows in its own steps. */
export function ToolSlots({ plan }: { readonly plan: Plan }) {
  const step = useStore(usePane().status, (s) => s.step);
  return (
    <>
      {plan.proc.steps.flatMap((s, i) => [
        ...(s.instruments ?? []).map((use) => (
          <ToolSlot
            key={`${i}/tool/${use.id}`}
            use={use}
            plan={plan}
            implant={false}
            stepIndex={i}
            shown={i === step}
          />
        )),
        ...(s.implants ?? []).map((use) => (
          <ToolSlot
            key={`${i}/implant/${use.id}`}
            use={use}
            plan={plan}
            implant
            stepIndex={i}
            shown={i <= step}
          />
        )),
      ])}
    </>
  );
}
