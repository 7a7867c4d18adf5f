import { describe, expect, it } from 'vitest';
import { chevron, chevronShiftMm, chevronWidth, CHEVRON_ANGLE } from '../../src/procedures/defs/chevron';
import { boneFrame } from '../../src/procedures/kit/bone-frame';
import { makePlan } from '../../src/engine/plan';
import { evaluate } from '../../src/engine/evaluate';
import { movedLandmarks } from '../../src/engine/post-op';
import { measureFoot } from '../../src/clinical/foot-angles';
import { dot, normalize, sub } from '../../src/anatomy/vec';
import { beforeSoftTissue, footCase } from '../../scripts/models/foot-case';

describe('chevron osteotomy', () => {
  it('the V limbs meet at 60° with the apex at the head centre, pointing distally', async () => {
    const { ctx } = await footCase({ shift: 30 });
    const [a, b] = chevron.cuts[0]!.cutter(ctx);
    // Each limb is a slab; its long direction runs from the apex along the limb.
    const dirOf = (piece: readonly (readonly [number, number, number])[]) => {
      const centre = piece.reduce((s, p) => [s[0] + p[0] / 8, s[1] + p[1] / 8, s[2] + p[2] / 8], [0, 0, 0]);
      return normalize(sub(centre as [number, number, number], boneFrame(ctx.landmarks, 'metatarsal1').head));
    };
    const angle = (Math.acos(dot(dirOf(a!), dirOf(b!))) * 180) / Math.PI;
    expect(Math.abs(angle - CHEVRON_ANGLE)).toBeLessThan(0.5);
    const f = boneFrame(ctx.landmarks, 'metatarsal1');
    expect(dot(dirOf(a!), f.axis)).toBeLessThan(0);
    expect(dot(dirOf(b!), f.axis)).toBeLessThan(0);
  });

  it('moves the head laterally by shift % of the width at the cut', async () => {
    for (const shift of [0, 30, 50, 80]) {
      const { ctx, patient } = await footCase({ shift });
      const plan = makePlan(chevron, ctx);
      const shifted = evaluate(plan, beforeSoftTissue(plan));
      const post = movedLandmarks(chevron, patient.landmarks, shifted.transforms);
      const f = boneFrame(patient.landmarks, 'metatarsal1');
      const moved = sub(post.metatarsal1!.head!, patient.landmarks.metatarsal1!.head!);
      const lateral = -dot(moved, f.medial);
      expect(Math.abs(lateral - (shift / 100) * chevronWidth(ctx))).toBeLessThan(0.1);
      expect(chevronShiftMm(ctx)).toBeCloseTo(lateral, 1);
    }
    const { ctx } = await footCase({ shift: 50 });
    // CLINICAL §1.1: 50 % is about 6 mm in a man's foot.
    expect(chevronShiftMm(ctx)).toBeGreaterThan(5.5);
    expect(chevronShiftMm(ctx)).toBeLessThan(7.5);
  });

  it('corrects the angles: more shift, less IMA and HVA; the toe keeps some valgus', async () => {
    const results = [];
    for (const shift of [0, 30, 50]) {
      const { ctx, patient } = await footCase({ shift });
      const plan = makePlan(chevron, ctx);
      const end = evaluate(plan, plan.timeline.total);
      results.push(measureFoot(movedLandmarks(chevron, patient.landmarks, end.transforms)));
    }
    expect(results[1]!.ima).toBeLessThan(results[0]!.ima);
    expect(results[2]!.ima).toBeLessThan(results[1]!.ima);
    expect(results[2]!.hva).toBeLessThan(results[1]!.hva);
    // As in every published series: a residual valgus, never a straight or varus toe (CLINICAL §5).
    for (const r of results) expect(r.hva).toBeGreaterThan(8);
    expect(results[1]!.hva).toBeLessThan(24);
  });
});
