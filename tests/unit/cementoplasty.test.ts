import { beforeAll, describe, expect, it } from 'vitest';
import { KNEE_PARTS } from '../../src/anatomy/parts';
import { add, length, scale, sub } from '../../src/anatomy/vec';
import { evaluate } from '../../src/engine/evaluate';
import { cutChains, cutJobs } from '../../src/engine/fragments';
import { makePlan } from '../../src/engine/plan';
import { runCutChain } from '../../src/geometry/cut-chain';
import { loadManifold, type ManifoldToplevel } from '../../src/geometry/manifold-module';
import { containsPoint } from '../../src/anatomy/point-in-mesh';
import {
  lesionCentre,
  lesionVolume,
  skinNick,
  trocarPath,
} from '../../src/procedures/defs/cementoplasty/lesion';
import { cementoplasty } from '../../src/procedures/defs/cementoplasty';
import { cementPlan } from '../../src/procedures/defs/cementoplasty/steps';
import { validateProcedure } from '../../src/procedures/schema';
import type { Params, PlanContext } from '../../src/procedures/types';
import { kneeCase } from '../../scripts/models/knee-case';

let wasm: ManifoldToplevel;
beforeAll(async () => {
  wasm = await loadManifold();
});

async function planFor(params: Params) {
  const k = await kneeCase();
  const ctx: PlanContext = { landmarks: k.landmarks, params, gauge: k.gauge };
  const proc = cementoplasty(params);
  return { k, ctx, proc, plan: makePlan(proc, ctx) };
}

/** Time of a step's start and its duration. */
function span(plan: ReturnType<typeof makePlan>, id: string) {
  const i = plan.proc.steps.findIndex((s) => s.id === id);
  const s = plan.timeline.spans[i]!;
  return { start: s.start, duration: s.end - s.start };
}

/** Volume of cement drawn in the cavity at time t, mL: the largest bolus in it (the smaller ones lie inside). */
function cementShown(plan: ReturnType<typeof makePlan>, t: number): number {
  const boluses = evaluate(plan, t).implants.filter((i) => i.kind === 'cement' && i.id !== 'leak');
  return Math.max(0, ...boluses.map((b) => b.shape![0]! * (b.pose.size ?? 1) ** 3));
}

describe('cementoplasty', () => {
  it('is valid for each site, with and without a leak; one definition per site and leak', () => {
    const cases: Params[] = [{}, { site: 'femur' }, { volume: 20 }, { pace: 0.4, site: 'femur' }];
    for (const params of cases) expect(validateProcedure(cementoplasty(params), KNEE_PARTS)).toEqual([]);
    expect(cementoplasty({ site: 'femur', volume: 4 })).toBe(cementoplasty({ site: 'femur', volume: 6 }));
    expect(cementoplasty({})).not.toBe(cementoplasty({ volume: 20 }));
  });

  it('readouts: fill = cement / lesion volume (within 2 %); the lesion volume is its cavity in the cut bone (within 2 %)', async () => {
    for (const params of [
      { site: 'tibia', lesion: 30, volume: 8 },
      { site: 'femur', lesion: 22, volume: 3.5 },
    ]) {
      const { k, ctx, proc, plan } = await planFor(params);
      const values = proc.captionValues!(plan.ctx);
      const readout = (id: string) => values[proc.readouts![id]!.value]!;
      expect(readout('cement')).toBe(params.volume);
      expect(Math.abs(readout('fill') / 100 - readout('cement') / readout('lesion-volume'))).toBeLessThan(
        0.02,
      );
      // The cavity: what the lesion's cut removes beyond the needle's track alone.
      const [part, chain] = [...cutChains(proc)][0]!;
      const jobs = cutJobs(chain, ctx);
      const hollowed = runCutChain(wasm, part, k.posed.get(part)!, jobs)[0]!;
      const track = runCutChain(wasm, part, k.posed.get(part)!, [
        { ...jobs[0]!, cutter: jobs[0]!.cutter.slice(1) },
      ])[0]!;
      const cavityMl = (hollowed.removedVolume - track.removedVolume) / 1000;
      expect(Math.abs(cavityMl - readout('lesion-volume')) / readout('lesion-volume')).toBeLessThan(0.02);
      expect(Object.keys(hollowed.fragments)).toEqual([`${params.site}Host`]);
    }
  });

  it('cement grows by increments of the pace to the injected volume; nothing leaks at a safe pace within the lesion', async () => {
    const { plan } = await planFor({ volume: 8, pace: 0.15 });
    expect(plan.implants.map((i) => i.use.id)).toEqual(['cement-first', 'cement']);
    const fill = span(plan, 'cement-fill');
    const first = span(plan, 'cement-first');
    expect(cementShown(plan, first.start - 0.01)).toBe(0);
    let last = 0;
    for (let t = first.start; t <= fill.start + fill.duration + 1e-9; t += 0.05) {
      const now = cementShown(plan, t);
      expect(now).toBeGreaterThanOrEqual(last - 1e-9);
      // One increment at a time at most between these close instants.
      expect(now - last).toBeLessThanOrEqual(0.15 * 3 + 1e-6);
      last = now;
    }
    expect(last).toBeCloseTo(8, 6);
    expect(plan.proc.warnings!(plan.ctx)).toEqual([]);
  });

  it('a leak: more cement than the lesion holds, or pushed too fast; both warned', async () => {
    const over = await planFor({ lesion: 20, volume: 6 });
    const lesion = lesionVolume(over.ctx);
    expect(cementPlan(over.ctx).leak).toBeCloseTo(6 - lesion, 9);
    const leak = over.plan.implants.find((i) => i.use.id === 'leak')!;
    const end = evaluate(over.plan, over.plan.timeline.total).implants.find((i) => i.id === 'leak')!;
    expect(end.shape![0]).toBeCloseTo(6 - lesion, 1);
    expect(leak).toBeDefined();
    // The leak collects outside the bone.
    expect(containsPoint(over.k.posed.get('tibia')!, end.pose.tip)).toBe(false);
    expect(over.proc.warnings!(over.plan.ctx)).toContain('proc.cementoplasty.warn.overflow');

    // A hair over what the lesion holds: warned, too little to draw (a bolus is 0.05 mL at least).
    const hair = await planFor({ lesion: 28, volume: 11.5 });
    expect(cementPlan(hair.ctx).leak).toBeGreaterThan(0);
    expect(cementPlan(hair.ctx).leak).toBeLessThan(0.05);
    expect(hair.plan.implants.some((i) => i.use.id === 'leak')).toBe(false);
    expect(hair.proc.warnings!(hair.plan.ctx)).toContain('proc.cementoplasty.warn.overflow');

    const fast = await planFor({ volume: 8, pace: 0.4 });
    expect(cementPlan(fast.ctx).leak).toBeGreaterThan(0);
    expect(fast.plan.implants.some((i) => i.use.id === 'leak')).toBe(true);
    const pace = fast.proc.params.find((p) => p.id === 'pace')!;
    expect(pace.kind === 'number' && 0.4 > pace.limit!.above).toBe(true);
  });

  it('the needle: from a skin nick to the lesion centre, through no other bone; the handle stays outside', async () => {
    for (const site of ['tibia', 'femur'] as const) {
      const { k, ctx, plan } = await planFor({ site });
      const { tip, direction } = trocarPath(ctx);
      expect(tip).toEqual(lesionCentre(ctx));
      const nick = skinNick(ctx);
      const depth = length(sub(tip, nick));
      expect(depth).toBeGreaterThan(20);
      for (let s = 0; s <= depth; s += 1) {
        const p = add(nick, scale(direction, s));
        for (const other of ['femur', 'tibia', 'patella', 'fibula'].filter((b) => b !== site))
          expect(containsPoint(k.posed.get(other)!, p), `${site}: ${other} at ${s} mm`).toBe(false);
      }
      const needle = evaluate(plan, span(plan, 'check').start + 0.1).instruments[0]!;
      expect(needle.kind).toBe('trocar');
      expect(length(sub(needle.pose.tip, tip))).toBeLessThan(1e-6);
      expect(needle.shape![1]).toBeGreaterThan(depth + 20);
    }
  });

  it('warns of a lesion through the cortex: a 45 mm tibial lesion, not a 30 mm one', async () => {
    const warned = async (lesion: number) => {
      const { proc, plan } = await planFor({ lesion });
      return proc.warnings!(plan.ctx).includes('proc.cementoplasty.warn.cortex');
    };
    expect(await warned(45)).toBe(true);
    expect(await warned(30)).toBe(false);
  });

  it('setting and standing up are shown as fast-forwarded clocks (10–15 min, about 2 h)', () => {
    const steps = cementoplasty({}).steps;
    const setting = steps.find((s) => s.id === 'setting')!.clock!;
    expect(setting).toBeGreaterThanOrEqual(10);
    expect(setting).toBeLessThanOrEqual(15);
    expect(steps.find((s) => s.id === 'stand')!.clock).toBe(120);
    expect(steps.filter((s) => s.fluoro).map((s) => s.fluoro)).toEqual(['ap', 'ap', 'lat', 'lat', 'ap']);
  });
});
