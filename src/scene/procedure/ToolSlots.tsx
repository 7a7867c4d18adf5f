import { useFrame, useThree } from '@react-three/fiber';
import { startTransition, useEffect, useRef, useState } from 'react';
import type { Group } from 'three';
import type { ToolState } from '../../engine/evaluate';
import type { Plan } from '../../engine/plan';
import type { InstrumentUse, ToolPose } from '../../engine/instruments';
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

/** How long the parameters must rest before a hidden tool is rebuilt to their new sizes, ms. */
const HIDDEN_REBUILD_DELAY_MS = 400;

interface ToolSize {
  readonly length?: number;
  readonly shape?: readonly number[];
}

/**
 * A tool's sizes as drawn. On show, they follow the plan at once; hidden (a later step's plate while
 * a slider is dragged at the start), they follow once the parameters have rested, in a background
 * render: a drag does not rebuild, move after move, tools nobody sees.
 */
function useDrawnSize(size: ToolSize, shown: boolean): ToolSize {
  const key = JSON.stringify(size);
  const [drawn, setDrawn] = useState({ key, size });
  // On show, the drawn sizes are the plan's (set while rendering: no extra commit).
  if (shown && drawn.key !== key) setDrawn({ key, size });
  useEffect(() => {
    if (shown || drawn.key === key) return;
    const timer = setTimeout(() => startTransition(() => setDrawn({ key, size })), HIDDEN_REBUILD_DELAY_MS);
    return () => clearTimeout(timer);
    // The key stands for the size's numbers: a new object with the same numbers changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, shown, drawn.key]);
  return shown ? size : drawn.size;
}

/** The tool of that id among those on show (a loop, not a callback made each frame). */
function toolById(tools: readonly ToolState[], id: string): ToolState | undefined {
  for (let i = 0; i < tools.length; i++) if (tools[i]!.id === id) return tools[i];
  return undefined;
}

/** One tool or implant: placed every frame from the evaluated frame, without React state. */
function ToolSlot({ use, plan, implant, stepIndex, shown }: SlotProps) {
  const group = useRef<Group>(null);
  const invalidate = useThree((s) => s.invalidate);
  const pane = usePane();
  // A slot mounted after the last frame must still get one, or it stays hidden until the next.
  useEffect(() => invalidate(), [invalidate]);
  const size = useDrawnSize({ length: use.length?.(plan.ctx), shape: use.shape?.(plan.ctx) }, shown);
  useFrame(() => {
    const g = group.current;
    const frame = pane.frame;
    if (!g || !frame) return;
    const state = implant
      ? toolById(frame.implants, use.id)
      : frame.step === stepIndex
        ? toolById(frame.instruments, use.id)
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
        length={size.length}
        shape={size.shape}
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
