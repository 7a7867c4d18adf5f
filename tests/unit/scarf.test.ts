import { beforeAll, describe, expect, it } from 'vitest';
import {
  LONG_END_ABOVE,
  LONG_END_BEHIND,
  SHORT_LIMB_ANGLE,
  SHORT_LIMB_TILT,
  scarfShiftMm,
  scarfWidth,
  scarfZ,
} from '../../src/procedures/defs/scarf/geometry';
import { scarf } from '../../src/procedures/defs/scarf';
import { boneFrame } from '../../src/procedures/kit/bone-frame';
import { makePlan } from '../../src/engine/plan';
import { evaluate } from '../../src/engine/evaluate';
import { movedLandmarks, rootPart } from '../../src/engine/post-op';
import { measureFoot } from '../../src/clinical/foot-angles';
import { cross, dot, normalize, sub, type Vec3 } from '../../src/anatomy/vec';
import { cutJobs } from '../../src/engine/fragments';
import { runCutChain } from '../../src/geometry/cut-chain';
import { loadManifold, type ManifoldToplevel } from '../../src/geometry/manifold-module';
import type { MeshData } from '../../src/geometry/cut';
import type { ConvexPiece } from '../../src/geometry/cutters';
import type { PlanContext } from '../../src/procedures/types';
import { beforeSoftTissue, footCase } from '../../scripts/models/foot-case';
import { en, it as it_ } from '../locale-strings';

const deg = (a: Vec3, b: Vec3) => (Math.acos(Math.min(1, Math.abs(dot(a, b)))) * 180) / Math.PI;

/** A slab's plane normal: the direction of its smallest extent (the kerf). */
function normalOf(piece: ConvexPiece): Vec3 {
  // slab() lists corners as (±u, ±v, ±n) with n varying fastest.
  return normalize(sub(piece[1]!, piece[0]!));
}

/** A slab's long direction (u): from its corners' first pair along u. */
function longDirOf(piece: ConvexPiece): Vec3 {
  return normalize(sub(piece[4]!, piece[0]!));
}

function cutsOf(ctx: PlanContext) {
  const [long] = scarf.cuts.find((c) => c.id === 'long')!.cutter(ctx);
  const [distal, proximal] = scarf.cuts.find((c) => c.id === 'short')!.cutter(ctx);
  return { long: long!, distal: distal!, proximal: proximal! };
}

/** The posed case at the end, or just before the soft tissue closes when `shifted`. */
async function endState(params: Record<string, number>, shifted = false) {
  const { ctx, patient } = await footCase(params);
  const plan = makePlan(scarf, ctx);
  const end = evaluate(plan, shifted ? beforeSoftTissue(plan) : plan.timeline.total);
  return { ctx, patient, plan, end, post: movedLandmarks(scarf, patient.landmarks, end.transforms) };
}

let wasm: ManifoldToplevel;
beforeAll(async () => {
  wasm = await loadManifold();
});

function manifoldOf(f: MeshData) {
  return new wasm.Manifold(new wasm.Mesh({ numProp: 3, vertProperties: f.positions, triVerts: f.indices }));
}

describe('scarf osteotomy: the Z', () => {
  it('short limbs are parallel, ~45° (+ the proximal tilt) to the long limb; all hold the ML direction', async () => {
    const { ctx } = await footCase({ shift: 50, shorten: 0 });
    const { long, distal, proximal } = cutsOf(ctx);
    const f = boneFrame(ctx.landmarks, 'metatarsal1');
    expect(deg(normalOf(distal), normalOf(proximal))).toBeLessThan(0.5);
    const angle = deg(longDirOf(long), longDirOf(distal));
    expect(Math.abs(angle - (SHORT_LIMB_ANGLE + SHORT_LIMB_TILT))).toBeLessThan(0.5);
    expect(angle).toBeGreaterThanOrEqual(45);
    expect(angle).toBeLessThanOrEqual(60);
    // Sawn from medial to lateral: every limb's plane contains the medial direction.
    for (const p of [long, distal, proximal]) expect(Math.abs(dot(normalOf(p), f.medial))).toBeLessThan(1e-6);
    // The long limb is parallel to the sole and runs distally upwards through the declined bone.
    expect(Math.abs(normalOf(long)[1])).toBeGreaterThan(0.9999);
    const z = scarfZ(ctx);
    expect(dot(sub(z.distalEnd, z.proximalEnd), f.dorsal)).toBeGreaterThan(3);
    // The distal short limb leaves dorsally, the proximal one plantarly, on the same line direction.
    expect(dot(longDirOf(distal), f.dorsal) * dot(longDirOf(proximal), f.dorsal)).toBeLessThan(0);
    expect(Math.abs(dot(cross(longDirOf(distal), longDirOf(proximal)), f.medial))).toBeLessThan(1e-6);
  });

  it('the long limb ends ~2 mm behind and ~3 mm above the head centre', async () => {
    const { ctx } = await footCase({ shift: 50, shorten: 0 });
    const f = boneFrame(ctx.landmarks, 'metatarsal1');
    const d = sub(scarfZ(ctx).distalEnd, f.head);
    expect(-dot(d, f.axis)).toBeCloseTo(LONG_END_BEHIND, 6);
    expect(dot(d, f.dorsal)).toBeCloseTo(LONG_END_ABOVE, 6);
    expect(Math.abs(dot(d, f.medial))).toBeLessThan(1e-6);
  });

  it('runCutChain leaves exactly a closed shaft and plantar fragment; volumes add up', async () => {
    const { ctx, posed } = await footCase({ shift: 50, shorten: 0 });
    const jobs = cutJobs(scarf.cuts, ctx);
    const m1 = posed.get('metatarsal1')!;
    const before = manifoldOf(m1);
    const boneVolume = before.volume();
    before.delete();
    const [long, short, trim] = runCutChain(wasm, 'metatarsal1', m1, jobs);
    // The long limb alone slots the bone without splitting it.
    expect(Object.keys(long!.fragments)).toEqual(['slotted']);
    expect(Object.keys(short!.fragments).sort()).toEqual(['plantar', 'shaft']);
    for (const frag of Object.values(short!.fragments)) {
      const m = manifoldOf(frag);
      expect(m.status()).toBe('NoError');
      expect(m.genus()).toBe(0);
      m.delete();
      expect(frag.cutFace.some((x) => x === 1)).toBe(true);
    }
    const kept = Object.values(short!.fragments).reduce((s, f) => s + f.volume, 0);
    const removed = long!.removedVolume + short!.removedVolume;
    expect(Math.abs(boneVolume - kept - removed) / boneVolume).toBeLessThan(0.01);
    // The plantar fragment is a real part of the bone (the head and the plantar shaft).
    expect(short!.fragments.plantar!.volume).toBeGreaterThan(0.15 * boneVolume);
    expect(short!.fragments.shaft!.volume).toBeGreaterThan(0.5 * boneVolume);
    // The trim takes only the overhanging medial corner of the shaft fragment.
    expect(Object.keys(trim!.fragments)).toEqual(['shaft']);
    expect(trim!.removedVolume).toBeGreaterThan(5);
    expect(trim!.removedVolume).toBeLessThan(0.05 * boneVolume);
    const t = manifoldOf(trim!.fragments.shaft!);
    expect(t.status()).toBe('NoError');
    expect(t.genus()).toBe(0);
    t.delete();
  });
});

describe('scarf osteotomy: the correction', () => {
  it('translates the plantar fragment laterally by shift % of the width at the cut', async () => {
    for (const shift of [0, 30, 50, 75]) {
      const { ctx, patient, post } = await endState({ shift, shorten: 0 }, true);
      const f = boneFrame(patient.landmarks, 'metatarsal1');
      const moved = sub(post.metatarsal1!.head!, patient.landmarks.metatarsal1!.head!);
      const lateral = -dot(moved, f.medial);
      expect(Math.abs(lateral - (shift / 100) * scarfWidth(ctx))).toBeLessThan(0.1);
      expect(scarfShiftMm(ctx)).toBeCloseTo(lateral, 1);
      // The dorsal fragment and its base stay put.
      expect(post.metatarsal1!.base).toEqual(patient.landmarks.metatarsal1!.base);
    }
    const { ctx } = await footCase({ shift: 50, shorten: 0 });
    expect(scarfWidth(ctx)).toBeGreaterThan(10);
    expect(scarfWidth(ctx)).toBeLessThan(16);
  });

  it('shorten slides the head that many mm proximally along the long limb', async () => {
    for (const shorten of [0, 1.5, 3]) {
      const { ctx, patient, post } = await endState({ shift: 50, shorten }, true);
      const moved = sub(post.metatarsal1!.head!, patient.landmarks.metatarsal1!.head!);
      const z = scarfZ(ctx);
      expect(Math.abs(-dot(moved, z.along) - shorten)).toBeLessThan(0.1);
      // Proximally along the shaft too, and not up or down.
      const f = boneFrame(patient.landmarks, 'metatarsal1');
      expect(-dot(moved, f.axis)).toBeGreaterThan(shorten * 0.9 - 0.1);
      expect(Math.abs(moved[1])).toBeLessThan(1e-6);
    }
  });

  it('more shift, less IMA; the toe keeps some valgus', async () => {
    const results = [];
    for (const shift of [0, 25, 50, 75])
      results.push(measureFoot((await endState({ shift, shorten: 0 })).post));
    for (let i = 1; i < results.length; i++) expect(results[i]!.ima).toBeLessThan(results[i - 1]!.ima);
    for (let i = 1; i < results.length; i++) expect(results[i]!.hva).toBeLessThan(results[i - 1]!.hva);
    expect(results[2]!.hva).toBeGreaterThan(8);
  });
});

describe('scarf osteotomy: the procedure data', () => {
  it('the timeline covers every step; every motion is played; implants ride existing bodies', async () => {
    const { ctx, plan } = await endState({ shift: 50, shorten: 1 });
    expect(plan.timeline.total).toBeCloseTo(
      scarf.steps.reduce((s, st) => s + st.duration, 0),
      6,
    );
    const seen = new Set<number>();
    for (let t = 0; t < plan.timeline.total; t += 0.25) seen.add(evaluate(plan, t).step);
    expect([...seen].sort((a, b) => a - b)).toEqual(scarf.steps.map((_, i) => i));
    for (const s of scarf.steps) {
      expect(s.duration).toBeGreaterThanOrEqual(2);
      expect(s.duration).toBeLessThanOrEqual(5);
    }
    const played = new Set(scarf.steps.flatMap((s) => s.plays ?? []));
    for (const m of scarf.motions) expect(played).toContain(m.id);
    const cut = new Set(scarf.steps.flatMap((s) => s.cuts ?? []));
    for (const c of scarf.cuts) expect(cut).toContain(c.id);
    const bodies = new Set([
      ...scarf.cuts.flatMap((c) => c.fragments.map((f) => f.id)),
      ...Object.keys(ctx.landmarks),
    ]);
    const implants = scarf.steps.flatMap((s) => s.implants ?? []);
    expect(implants).toHaveLength(2);
    for (const i of implants) {
      expect(bodies).toContain(i.fixedTo);
      expect(rootPart(scarf, i.fixedTo)).toBe('metatarsal1');
    }
    for (const m of scarf.motions) expect(bodies).toContain(m.body);
    for (const f of scarf.follows) expect(bodies).toContain(f.follows);
  });

  it('the distal screw stops ~2 mm short of the head cartilage; caption values are sensible', async () => {
    const { plan } = await endState({ shift: 50, shorten: 0 });
    const lm = plan.ctx.landmarks.metatarsal1!;
    const radius = Math.hypot(...sub(lm.articularMedial!, lm.articularLateral!)) / 2;
    const distal = scarf.steps.flatMap((s) => s.implants ?? []).find((i) => i.id === 'screw-distal')!;
    const tip = distal.path(plan.ctx, 1).tip;
    const head = plan.ctx.placed('plantar', lm.head!);
    expect(Math.abs(Math.hypot(...sub(tip, head)) - (radius - 2))).toBeLessThan(0.01);
    const v = scarf.captionValues!(plan.ctx);
    expect(v.shiftPct).toBe(50);
    expect(v.screwDistalMm).toBeGreaterThan(12);
    expect(v.screwDistalMm).toBeLessThan(30);
    expect(v.screwProximalMm).toBeGreaterThan(8);
    expect(v.screwProximalMm).toBeLessThan(24);
    expect(v.shortAngle).toBe(SHORT_LIMB_ANGLE + SHORT_LIMB_TILT);
  });

  it('has a title and both voices for every step, in English and Italian, quoting known values', async () => {
    const { plan } = await endState({ shift: 50, shorten: 0 });
    const known = new Set([...Object.keys(scarf.captionValues!(plan.ctx)), 'hvaPost']);
    for (const lang of [en.proc.scarf, it_.proc.scarf]) {
      expect(Object.keys(lang.step).sort()).toEqual(scarf.steps.map((s) => s.id).sort());
      for (const step of Object.values(lang.step))
        for (const text of [step.title, step.patient, step.technical]) {
          expect(text.trim()).not.toBe('');
          for (const [, name] of text.matchAll(/{{(\w+)}}/g)) expect(known).toContain(name);
        }
      expect(Object.keys(lang.param).sort()).toEqual(scarf.params.map((p) => p.id).sort());
    }
  });
});
