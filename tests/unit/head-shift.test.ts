import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../src/engine/outcome';
import { makePlan } from '../../src/engine/plan';
import { footCase } from '../../scripts/models/foot-case';
import { everySitting } from '../sittings';

/** Every foot sitting that declares a measured head shift (the `shift-mm` readout). */
const shifting = everySitting().filter((s) => s.proc.lateralShifts?.shiftMm);

describe('the head shift a bunion operation shows is measured on the moved model', () => {
  it('is declared by the operations that move the first metatarsal head', () => {
    expect(new Set(shifting.map((s) => s.proc.id))).toEqual(new Set(['chevron', 'scarf', 'mis-bunion']));
  });

  // The planned shift is along the cut; the readout is the head's travel across the foot, less where
  // the cut is oblique (scarf, percutaneous: 1–3 mm less) and never more than planned.
  it.each(shifting.map((s) => [s.label, s] as const))('%s: within the planned shift', async (_, s) => {
    const { ctx } = await footCase(s.params);
    const plan = makePlan(s.proc, ctx);
    const { values } = outcomeOf(plan, 'foot', ctx.landmarks);
    const planned = s.proc.captionValues!(plan.ctx).shiftMm!;
    expect(values.shiftMm).toBeGreaterThan(0.6 * planned);
    expect(values.shiftMm).toBeLessThanOrEqual(planned + 0.5);
  });
});
