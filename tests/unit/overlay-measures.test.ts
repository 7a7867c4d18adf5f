import { describe, expect, it } from 'vitest';
import type { RegionLandmarks } from '../../src/anatomy/landmarks';
import { createFrame, evaluateStep, keyFrame } from '../../src/engine/evaluate';
import { footOverlay, kneeOverlay, overlayTrack } from '../../src/engine/overlay-measures';
import type { OverlayMeasure } from '../../src/engine/overlay-track';
import { makePlan, type Plan } from '../../src/engine/plan';
import { movedLandmarks } from '../../src/engine/post-op';
import { defaultParams, resolveProcedure } from '../../src/procedures/registry';
import { footCase } from '../../scripts/models/foot-case';
import { DEFAULT_KNEE, kneeCase } from '../../scripts/models/knee-case';

async function caseOf(id: string): Promise<{ plan: Plan; pre: RegionLandmarks }> {
  const params = defaultParams(resolveProcedure(id, {})!);
  const proc = resolveProcedure(id, params)!;
  if (proc.region === 'foot') {
    const { ctx } = await footCase(params);
    return { plan: makePlan(proc, ctx), pre: ctx.landmarks };
  }
  const k = await kneeCase(DEFAULT_KNEE);
  return { plan: makePlan(proc, { landmarks: k.landmarks, params, gauge: k.gauge }), pre: k.landmarks };
}

/** Every number of a measure, in order, to compare two within a tolerance. */
const numbers = (value: unknown): number[] =>
  typeof value === 'number'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(numbers)
      : [];

const measures: Record<string, OverlayMeasure<object>> = {
  'hto-opening': kneeOverlay,
  'dfo-closing': kneeOverlay,
  chevron: footOverlay,
  scarf: footOverlay,
};

describe('overlay measures, worked out once per plan and step', () => {
  it.each(Object.entries(measures))(
    '%s: each step’s still shows exactly what its bones measure; mid-motion within 0.01',
    async (id, measure) => {
      const { plan, pre } = await caseOf(id);
      const track = overlayTrack(measure, plan, pre);
      expect(overlayTrack(measure, plan, pre)).toBe(track);
      const frame = createFrame();
      const exact = (f: typeof frame) => measure(movedLandmarks(plan.proc, pre, f.transforms), pre);
      const first = track.at(keyFrame(plan, 0, frame));
      for (let i = 0; i < plan.proc.steps.length; i++) {
        keyFrame(plan, i, frame);
        expect(track.at(frame)).toBe(first);
        expect(track.at(frame)).toEqual(exact(frame));
        for (const progress of [0, 0.13, 0.5, 0.77, 1]) {
          evaluateStep(plan, i, progress, 0, frame);
          const drawn = numbers(track.at(frame));
          numbers(exact(frame)).forEach((n, k) => expect(drawn[k]).toBeCloseTo(n, 2));
        }
      }
    },
  );

  it('a step that moves no bone has one moment; one that moves them follows its progress', async () => {
    const { plan, pre } = await caseOf('hto-opening');
    const track = overlayTrack(kneeOverlay, plan, pre);
    const moving = new Set(plan.motions.map((r) => r.step));
    const frame = createFrame();
    for (let i = 0; i < plan.proc.steps.length; i++) {
      const at = (p: number) => track.moment(evaluateStep(plan, i, p, 0, frame));
      if (moving.has(i)) expect(at(0.2)).not.toBe(at(0.6));
      else expect(at(0.2)).toBe(at(0.6));
    }
    expect(moving.size).toBeGreaterThan(0);
  });

  it('before surgery (no plan, or no frame yet) it measures the patient as they are', async () => {
    const { plan, pre } = await caseOf('hto-opening');
    expect(overlayTrack(kneeOverlay, undefined, pre).at(null)).toEqual(kneeOverlay(pre, pre));
    expect(overlayTrack(kneeOverlay, plan, pre).at(null)).toEqual(kneeOverlay(pre, pre));
    expect(overlayTrack(kneeOverlay, plan, pre).moment(null)).toBe(-1);
  });
});
