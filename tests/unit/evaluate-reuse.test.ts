import { describe, expect, it } from 'vitest';
import { createFrame, evaluate, keyFrame, type Frame } from '../../src/engine/evaluate';
import { makePlan, type Plan } from '../../src/engine/plan';
import { defaultParams, resolveProcedure } from '../../src/procedures/registry';
import { footCase } from '../../scripts/models/foot-case';
import { DEFAULT_KNEE, kneeCase } from '../../scripts/models/knee-case';

async function planOf(id: string): Promise<Plan> {
  const params = defaultParams(resolveProcedure(id, {})!);
  const proc = resolveProcedure(id, params)!;
  if (proc.region === 'foot') return makePlan(proc, (await footCase(params)).ctx);
  const k = await kneeCase(DEFAULT_KNEE);
  return makePlan(proc, { landmarks: k.landmarks, params, gauge: k.gauge });
}

/** Moments all over the clock, forwards and back, as a scrubbing hand visits them. */
function moments(plan: Plan): number[] {
  const total = plan.timeline.total;
  const forward = Array.from({ length: 41 }, (_, i) => (total * i) / 40);
  return [...forward, ...forward.reverse().filter((_, i) => i % 3 === 0), total * 0.37, 0];
}

/** The objects a frame is made of, so a test can tell whether the next evaluation kept them. */
function parts(frame: Frame): object[] {
  return [frame.transforms, frame.instruments, frame.implants, ...Object.values(frame.transforms)];
}

describe('evaluate into a reusable frame', () => {
  it.each(['chevron', 'akin', 'hto-opening', 'mis-bunion'])(
    '%s: one frame written again and again holds what a new frame would, in the same objects',
    async (id) => {
      const plan = await planOf(id);
      const frame = createFrame();
      evaluate(plan, 0, frame);
      const kept = parts(frame);
      const tools = new Map<string, object>();
      for (const t of moments(plan)) {
        expect(evaluate(plan, t, frame)).toBe(frame);
        expect(frame).toEqual(evaluate(plan, t));
        // A tool is one use of it: the same saw in two steps is two uses, an implant is placed once.
        const uses = [
          ...frame.instruments.map((tool) => [`${frame.step}/${tool.id}`, tool] as const),
          ...frame.implants.map((tool) => [`implant/${tool.id}`, tool] as const),
        ];
        for (const [use, tool] of uses) {
          const seen = tools.get(use);
          if (seen) expect(tool).toBe(seen);
          else tools.set(use, tool);
        }
      }
      for (let i = 0; i < plan.proc.steps.length; i++) {
        expect(keyFrame(plan, i, frame)).toBe(frame);
        expect(frame).toEqual(keyFrame(plan, i));
      }
      const now = parts(frame);
      expect(now.length).toBe(kept.length);
      now.forEach((part, i) => expect(part).toBe(kept[i]));
    },
  );

  it('forgets the last plan: a frame moved to another procedure holds only its bodies', async () => {
    const chevron = await planOf('chevron');
    const akin = await planOf('akin');
    const frame = createFrame();
    evaluate(chevron, chevron.timeline.total, frame);
    evaluate(akin, akin.timeline.total, frame);
    expect(frame).toEqual(evaluate(akin, akin.timeline.total));
    expect(Object.keys(frame.transforms).sort()).toEqual([...akin.movingBodies].sort());
  });
});
