/**
 * A tool moves as a hand moves it: within a step, from one frame to the next (60 fps), its tip goes
 * no further than a quick hand would carry it. A tool that jumped (the scalpel into the femur's
 * notch, the saw from one limb of a chevron to the other) fails here.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate';
import { everySitting, sittingCase } from '../sittings';

/** One frame at 60 fps, s. */
const FRAME_S = 1 / 60;
/** The farthest a tool's tip may go in one frame, mm (240 mm/s: a quick hand). */
const MAX_PER_FRAME_MM = 4;

describe('every tool moves continuously within its step', () => {
  it.each(everySitting().map((s) => [`${s.id} [${s.label}]`, s] as const))('%s', async (_name, s) => {
    const { plan } = await sittingCase(s);
    const jumps: string[] = [];
    let moved = 0;
    plan.timeline.spans.forEach((span, i) => {
      const last = new Map<string, readonly number[]>();
      for (let t = span.start; t < span.end; t += FRAME_S) {
        for (const tool of evaluate(plan, t).instruments) {
          const before = last.get(tool.id);
          last.set(tool.id, [...tool.pose.tip]);
          if (!before) continue;
          const step = Math.hypot(...tool.pose.tip.map((v, k) => v - before[k]!));
          if (step > 0.01) moved++;
          if (step > MAX_PER_FRAME_MM)
            jumps.push(
              `${plan.proc.steps[i]!.id} ${tool.id} ${step.toFixed(1)} mm at ${(t - span.start).toFixed(2)} s`,
            );
        }
      }
    });
    expect(moved).toBeGreaterThan(0);
    expect(jumps).toEqual([]);
  });
});
