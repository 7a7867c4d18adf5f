import { beforeAll, describe, expect, it } from 'vitest';
import { FOOT_PARTS } from '../../src/anatomy/parts';
import { measureFoot } from '../../src/clinical/foot-angles';
import { evaluate, keyFrame } from '../../src/engine/evaluate';
import { makePlan } from '../../src/engine/plan';
import { movedLandmarks } from '../../src/engine/post-op';
import { runCutChain } from '../../src/geometry/cut-chain';
import { loadManifold, type ManifoldToplevel } from '../../src/geometry/manifold-module';
import { cutChains, cutJobs } from '../../src/engine/fragments';
import { resolveProcedure } from '../../src/procedures/registry';
import { misBunion } from '../../src/procedures/defs/mis-bunion';
import { misShiftMm, openIncisionMm, PORTALS } from '../../src/procedures/defs/mis-bunion/skin';
import { MICA_IMPACTION } from '../../src/procedures/defs/mis-bunion/tools';
import { m1 } from '../../src/procedures/foot/first-ray';
import { add, dot, scale, type Vec3 } from '../../src/anatomy/vec';
import { DMAA_TARGET, reverdinWedgeDeg } from '../../src/procedures/foot/neck-osteotomy';
import { outcomeOf } from '../../src/engine/outcome';
import { validateProcedure } from '../../src/procedures/schema';
import type { Params } from '../../src/procedures/types';
import { beforeSoftTissue, footCase } from '../../scripts/models/foot-case';
import { isClosed } from '../../scripts/models/mesh-checks';
import { containsPoint } from '../../src/anatomy/point-in-mesh';
import { HALLUX } from '../../src/procedures/instruments/bandage';

let wasm: ManifoldToplevel;
beforeAll(async () => {
  wasm = await loadManifold();
});

const CASES: Params[] = [
  { variant: 'classic', passes: 3, shift: 50 },
  { variant: 'classic', passes: 1, shift: 80 },
  { variant: 'mica', passes: 2, shift: 60 },
];

describe('percutaneous bunion surgery', () => {
  it('is valid in every variant; one stable definition per choice', () => {
    for (const p of CASES) expect(validateProcedure(misBunion(p), FOOT_PARTS)).toEqual([]);
    expect(misBunion({ variant: 'mica', passes: 2 })).toBe(misBunion({ variant: 'mica', passes: 2 }));
    expect(misBunion({ variant: 'mica', passes: 2 })).not.toBe(misBunion({ variant: 'mica', passes: 3 }));
  });

  it('classic leaves no implant; MICA two screws, three with a screwed Akin', async () => {
    const classic = await footCase(CASES[0]!);
    expect(makePlan(misBunion(CASES[0]!), classic.ctx).implants).toHaveLength(0);
    const mica = await footCase(CASES[2]!);
    const plan = makePlan(misBunion(CASES[2]!), mica.ctx);
    expect(plan.implants.map((i) => i.use.kind)).toEqual(['cannulatedScrew', 'cannulatedScrew']);
    // The sitting as the registry plays it: the Akin burred through a portal, fixed by a screw.
    const params = { ...CASES[2]!, akin: '1', wedge: 3, fixation: 'screw' };
    const withAkin = resolveProcedure('mis-bunion', params)!;
    expect(withAkin).not.toBe(misBunion(CASES[2]!));
    const both = await footCase(params);
    expect(makePlan(withAkin, both.ctx).implants.map((i) => i.use.kind)).toEqual([
      'cannulatedScrew',
      'cannulatedScrew',
      'headlessScrew',
    ]);
  });

  it('cuts: every pass and the metatarsal cut leave closed fragments; the head moves by shift % of the width', async () => {
    for (const params of CASES) {
      const proc = misBunion(params);
      const { ctx, posed, patient } = await footCase(params);
      for (const [part, chain] of cutChains(proc)) {
        const jobs = cutJobs(chain, ctx);
        const stages = runCutChain(wasm, part, posed.get(part)!, jobs);
        expect(stages).toHaveLength(chain.length);
        for (const [s, c] of stages.map((s, i) => [s, chain[i]!] as const)) {
          for (const f of c.fragments) expect(s.fragments[f.id], `${c.id} ${f.id}`).toBeDefined();
          for (const f of Object.values(s.fragments)) expect(isClosed(f)).toBe(true);
        }
      }
      const plan = makePlan(proc, ctx);
      const end = evaluate(plan, plan.timeline.total);
      const t = evaluate(plan, beforeSoftTissue(plan)).transforms.capital!;
      const f = m1(ctx);
      const moved: Vec3 = [t[12]!, t[13]!, t[14]!];
      // Laterally by shift % of the width; a MICA head impacted on the shaft too, closing the kerf.
      expect(Math.abs(-dot(moved, f.medial) - misShiftMm(ctx))).toBeLessThan(0.01);
      const impacted = params.variant === 'mica' ? MICA_IMPACTION : 0;
      expect(Math.abs(-dot(moved, f.axis) - impacted)).toBeLessThan(0.01);
      // The deformity is corrected: IMA and HVA fall.
      const pre = measureFoot(patient.landmarks);
      const post = measureFoot(movedLandmarks(proc, patient.landmarks, end.transforms));
      expect(post.ima).toBeLessThan(pre.ima - 2);
      expect(post.hva).toBeLessThan(pre.hva - 10);
    }
  });

  it('the burr pulverises the bump: nothing of it is left after the full passes; fewer leave it on the head', async () => {
    for (const variant of ['classic', 'reverdin', 'mica'] as const) {
      const params = { variant, passes: 3 };
      const { ctx } = await footCase(params);
      const plan = makePlan(misBunion(params), ctx);
      const last = plan.proc.steps.findIndex((s) => s.id === 'pass-3');
      expect(plan.proc.steps[last]!.removes).toEqual(['eminence-3']);
      expect(keyFrame(plan, last).removed).toContain('eminence-3');
    }
    const params = { variant: 'classic', passes: 2 };
    const { ctx } = await footCase(params);
    const plan = makePlan(misBunion(params), ctx);
    expect(plan.proc.steps.flatMap((s) => s.removes ?? [])).toEqual([]);
    // What is left rides on the head: it goes where the head goes, not left behind as a fragment.
    const end = evaluate(plan, plan.timeline.total);
    expect(end.transforms['eminence-2']).toEqual(end.transforms.capital);
  });

  it('the portals add up to millimetres; the open incision they replace is measured on the chevron', async () => {
    const { ctx } = await footCase(CASES[0]!);
    const plan = makePlan(misBunion(CASES[0]!), ctx);
    const values = misBunion(CASES[0]!).captionValues!(plan.ctx);
    expect(values.incisionMm).toBe(PORTALS.classic.reduce((s, p) => s + p.mm, 0));
    expect(values.incisionMm).toBeLessThanOrEqual(6);
    expect(values.openIncisionMm).toBeCloseTo(openIncisionMm(plan.ctx), 9);
    expect(values.openIncisionMm).toBeGreaterThan(35);
  });

  it('draws each portal on the skin, to scale, and the open incision beside them', async () => {
    for (const variant of ['classic', 'mica'] as const) {
      const params = { variant, passes: 3, shift: 50 };
      const { ctx, posed } = await footCase(params);
      const plan = makePlan(misBunion(params), ctx);
      const marks = misBunion(params).skinMarks!(plan.ctx);
      expect(marks.portals.map((p) => p.id)).toEqual(PORTALS[variant].map((p) => p.id));
      const skin = posed.get('skinFoot')!;
      for (const p of marks.portals) {
        // On the surface: a millimetre in is skin, a millimetre out is not.
        const step = (d: number) => p.at.map((v, k) => v + d * p.normal[k]!) as [number, number, number];
        expect(containsPoint(skin, step(-1)), `${variant} ${p.id} inside`).toBe(true);
        expect(containsPoint(skin, step(1)), `${variant} ${p.id} outside`).toBe(false);
        expect(Math.hypot(...p.along)).toBeCloseTo(1, 9);
      }
      const [a, b] = marks.openIncision!;
      expect(Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2])).toBeCloseTo(openIncisionMm(plan.ctx), 9);
    }
  });

  it('the bandage wraps the forefoot over the first metatarsal head; the shoe lies under every bone of the foot', async () => {
    const { ctx, posed } = await footCase(CASES[0]!);
    const plan = makePlan(misBunion(CASES[0]!), ctx);
    const last = evaluate(plan, plan.timeline.total);
    const tool = (id: string) => last.instruments.find((i) => i.id === id)!;
    const bandage = tool('bandage-on');
    const [w, h, l] = bandage.shape!;
    const head = ctx.landmarks.metatarsal1!.head!;
    const tip = bandage.pose.tip;
    expect(Math.abs(head[0] - tip[0])).toBeLessThan(w! / 2);
    expect(Math.abs(head[1] - tip[1])).toBeLessThan(h! / 2);
    expect(head[2]).toBeLessThan(tip[2]);
    expect(head[2]).toBeGreaterThan(tip[2] - l!);
    expect(w).toBeGreaterThan(60);
    // Its drawing tapes the big toe where it lies once corrected: the middle of the proximal
    // phalanx at the place HALLUX gives in the bandage's frame (+X medial, +Y up, the tip at z = 0).
    for (const variant of ['classic', 'mica'] as const) {
      const c = await footCase({ variant });
      const p = makePlan(misBunion({ variant }), c.ctx);
      const b = evaluate(p, p.timeline.total).instruments.find((i) => i.id === 'bandage-on')!;
      const [W, H, L] = b.shape!;
      const lm = c.ctx.landmarks.proximalPhalanx1!;
      const mid = p.ctx.placed('proximalPhalanx1', scale(add(lm.base!, lm.head!), 0.5));
      const local = [0, 1, 2].map((k) => mid[k]! - b.pose.tip[k]!);
      expect(Math.abs(local[0]! - (W! / 2 - HALLUX.inset * W!))).toBeLessThan(4);
      expect(Math.abs(local[1]! - HALLUX.rise * H!)).toBeLessThan(4);
      expect(local[2]).toBeGreaterThan(-HALLUX.share * L!);
      expect(local[2]).toBeLessThan(0);
    }
    const shoe = tool('shoe');
    const [length, width] = shoe.shape!;
    let low = Infinity;
    let back = Infinity;
    let front = -Infinity;
    for (const part of FOOT_PARTS) {
      const pos = posed.get(part)?.positions;
      if (!pos || part === 'skinFoot') continue;
      for (let i = 0; i < pos.length; i += 3) {
        low = Math.min(low, pos[i + 1]!);
        back = Math.min(back, pos[i + 2]!);
        front = Math.max(front, pos[i + 2]!);
      }
    }
    // The foot bed is under the lowest bone (the heel pad between), the sole as long as the foot.
    expect(shoe.pose.tip[1]).toBeLessThan(low);
    expect(shoe.pose.tip[1]).toBeGreaterThan(low - 20);
    expect(shoe.pose.tip[2]).toBeGreaterThan(front);
    expect(shoe.pose.tip[2] - length!).toBeLessThan(back);
    expect(width).toBeGreaterThan(w!);
  });

  it('Reverdin-Isham: a closing wedge at the neck squares a tilted joint surface; the straight cut warns it leaves it', async () => {
    const tilted = { hva: 30, ima: 13, dmaa: 16, hvia: 8 };
    const results: Record<string, { dmaa: number; hva: number; warnings: readonly string[] }> = {};
    for (const variant of ['classic', 'reverdin'] as const) {
      const params = { variant, passes: 3, shift: 60 };
      const proc = misBunion(params);
      expect(validateProcedure(proc, FOOT_PARTS)).toEqual([]);
      const { ctx, posed, patient } = await footCase(params, tilted);
      for (const [part, chain] of cutChains(proc)) {
        const stages = runCutChain(wasm, part, posed.get(part)!, cutJobs(chain, ctx));
        for (const s of stages) for (const f of Object.values(s.fragments)) expect(isClosed(f)).toBe(true);
      }
      const plan = makePlan(proc, ctx);
      const { post, warnings } = outcomeOf(plan, 'foot', patient.landmarks);
      results[variant] = { dmaa: post.dmaa!, hva: post.hva!, warnings };
      const tools = proc.steps.flatMap((s) => (s.instruments ?? []).map((i) => i.kind));
      expect(tools).not.toContain('saw');
    }
    const wedge = reverdinWedgeDeg((await footCase({ variant: 'reverdin' }, tilted)).ctx);
    expect(wedge).toBeCloseTo(16 - DMAA_TARGET, 0);
    // The head (and the toe on it) turn back by the wedge; the hinge being lateral, the head also
    // swings a little medially, turning the metatarsal's axis with it, so the DMAA falls by less.
    const dmaaFall = results.classic!.dmaa - results.reverdin!.dmaa;
    expect(dmaaFall).toBeGreaterThan(wedge * 0.5);
    expect(dmaaFall).toBeLessThan(wedge);
    expect(results.classic!.hva - results.reverdin!.hva).toBeGreaterThan(wedge * 0.5);
    expect(results.classic!.warnings).toContain('proc.mis-bunion.warn.dmaa');
    expect(results.reverdin!.warnings).not.toContain('proc.mis-bunion.warn.dmaa');
    const normal = await footCase({ variant: 'classic', passes: 3, shift: 60 });
    const plan = makePlan(misBunion({ variant: 'classic', passes: 3, shift: 60 }), normal.ctx);
    expect(outcomeOf(plan, 'foot', normal.patient.landmarks).warnings).not.toContain(
      'proc.mis-bunion.warn.dmaa',
    );
  });
});
