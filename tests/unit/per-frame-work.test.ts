import { describe, expect, it } from 'vitest';
import { meshGauge } from '../../src/clinical/bone-gauge';
import { createFrame, evaluate } from '../../src/engine/evaluate';
import { makePlan, type Plan } from '../../src/engine/plan';
import type { PlanContext } from '../../src/procedures/types';
import { footCase } from '../../scripts/models/foot-case';
import { DEFAULT_KNEE, DEFAULT_VALGUS_KNEE, kneeCase } from '../../scripts/models/knee-case';
import { everySitting, type Sitting } from '../sittings';

/**
 * The sitting's plan context with a gauge that counts its whole-mesh scans: each one reads every
 * vertex of a bone (and builds the answer's key), which no frame of playback may pay for.
 */
async function countedCase(s: Sitting): Promise<{ ctx: PlanContext; scans: () => number }> {
  const { posed, landmarks } =
    s.proc.region === 'foot'
      ? await footCase(s.params).then((f) => ({ posed: f.posed, landmarks: f.ctx.landmarks }))
      : await kneeCase(s.proc.treats === 'valgus' ? DEFAULT_VALGUS_KNEE : DEFAULT_KNEE);
  let scans = 0;
  const gauge = meshGauge((bone) => {
    scans++;
    return posed.get(bone)?.positions;
  });
  return { ctx: { landmarks, params: s.params, gauge }, scans: () => scans };
}

/** `count` moments over the whole clock, `offset` (0–1) of the way between evenly spaced ones. */
const moments = (plan: Plan, count: number, offset: number) =>
  Array.from(
    { length: count },
    (_, i) => (plan.timeline.total * Math.min(count - 1, i + offset)) / (count - 1),
  );

describe('the per-frame path measures no bone', () => {
  it.each(everySitting().map((s) => [`${s.id} [${s.label}]`, s] as const))(
    '%s: once every step has been shown, frames at moments never played before scan no bone',
    async (_, s) => {
      const { ctx, scans } = await countedCase(s);
      const plan = makePlan(s.proc, ctx);
      const frame = createFrame();
      // A first pass may measure: what a tool's path needs is worked out when it is first shown.
      for (const t of moments(plan, 41, 0)) evaluate(plan, t, frame);
      const before = scans();
      expect(before).toBeGreaterThan(0);
      // Playback lands on new moments every frame: tools moving along a bone must not scan it again.
      for (const t of moments(plan, 41, 0.37)) evaluate(plan, t, frame);
      for (const t of moments(plan, 97, 0.61)) evaluate(plan, t, frame);
      expect(scans() - before).toBe(0);
    },
  );
});
