/**
 * The three moments a printed handout shows, on the procedure's clock: before (the bones as they
 * are, the skin already out of the way), the key cut (the end of the first step that cuts), after
 * (the end of the last step before the closure). A step that opens on a fluoroscopy shot is taken
 * once the shot has given way to the 3D view.
 */
import { SHOT_FRACTION } from '../engine/fluoroscopy';
import type { Timeline } from '../engine/timeline';
import type { ProcedureDef } from '../procedures/types';

export const HANDOUT_FRAMES = ['before', 'cut', 'after'] as const;
export type HandoutFrame = (typeof HANDOUT_FRAMES)[number];

/** How far inside a step a picture is taken, in seconds, so the clock is clearly in that step. */
const INSIDE = 0.05;

/** Each frame's step (0-based) and time, seconds. */
export function handoutTimes(
  proc: ProcedureDef,
  timeline: Timeline,
): readonly { readonly frame: HandoutFrame; readonly step: number; readonly time: number }[] {
  const steps = proc.steps;
  const open = steps.findIndex((s) => !s.skin && s.phase !== 'close');
  const before = open < 0 ? 0 : open;
  const firstCut = steps.findIndex((s) => s.cuts?.length);
  const cut = firstCut < 0 ? before : firstCut;
  const lastOpen = steps.findLastIndex((s) => !s.skin && s.phase !== 'close');
  const after = Math.max(cut, lastOpen < 0 ? steps.length - 1 : lastOpen);
  const span = (i: number) => timeline.spans[i]!;
  const shot = steps[before]!.fluoro ? SHOT_FRACTION * (span(before).end - span(before).start) : 0;
  return [
    { frame: 'before', step: before, time: span(before).start + shot + INSIDE },
    { frame: 'cut', step: cut, time: span(cut).end - INSIDE },
    { frame: 'after', step: after, time: span(after).end - INSIDE },
  ];
}
