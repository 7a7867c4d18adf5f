import { beforeAll, describe, expect, it } from 'vitest';
import { Matrix4 } from 'three';
import { frontalAscent, htoOpening } from '../../src/procedures/defs/hto-opening';
import { cutNormal as kneeCutNormal, kneePlan, KNEE_KERF as HTO_KERF } from '../../src/procedures/knee/plan';

const KIND = { site: 'tibia', approach: 'opening' } as const;
const htoPlan = (ctx: PlanContext) => kneePlan(ctx, KIND);
const cutNormal = (ctx: PlanContext) => kneeCutNormal(ctx, KIND);
import { validateProcedure } from '../../src/procedures/schema';
import type { PlanContext, Params } from '../../src/procedures/types';
import { KNEE_PARTS } from '../../src/anatomy/parts';
import { makePlan } from '../../src/engine/plan';
import { evaluate, keyFrame } from '../../src/engine/evaluate';
import { movedLandmarks } from '../../src/engine/post-op';
import { transformPoint } from '../../src/engine/rigid';
import { measureKnee } from '../../src/clinical/knee-alignment';
import { cutJobs } from '../../src/engine/fragments';
import { runCutChain } from '../../src/geometry/cut-chain';
import { containsPoint } from '../../src/anatomy/point-in-mesh';
import { loadManifold, type ManifoldToplevel } from '../../src/geometry/manifold-module';
import { add, dot, normalize, scale, sub, type Vec3 } from '../../src/anatomy/vec';
import { kneeCase } from '../../scripts/models/knee-case';
import { plateauY } from '../../src/anatomy/knee/tibia';

const DEG = Math.PI / 180;

let wasm: ManifoldToplevel;
beforeAll(async () => {
  wasm = await loadManifold();
});

async function htoCase(params: Params = { target: 62.5, hinge: 10 }) {
  const k = await kneeCase();
  const ctx: PlanContext = { landmarks: k.landmarks, params, gauge: k.gauge };
  return { ...k, ctx };
}

function jobsFor(ctx: PlanContext) {
  return cutJobs(htoOpening.cuts, ctx);
}

describe('medial opening-wedge high tibial osteotomy', () => {
  it('is a valid definition', () => {
    expect(validateProcedure(htoOpening, [...KNEE_PARTS])).toEqual([]);
  });

  // Closed fragments and volumes that add up, at every hinge: tests/unit/invariants.test.ts.
  it('cuts the posed tibia into a proximal and a distal fragment and the hinge sliver', async () => {
    for (const hinge of [5, 10, 15]) {
      const { ctx, posed } = await htoCase({ target: 62.5, hinge });
      const tibia = posed.get('tibia')!;
      const [stage] = runCutChain(wasm, 'tibia', tibia, jobsFor(ctx));
      expect(Object.keys(stage!.fragments).sort()).toEqual(['tibiaDistal', 'tibiaHinge', 'tibiaProximal']);
      // The sliver the hinge's bend takes up: a few hundred mm³ at most.
      expect(stage!.fragments.tibiaHinge!.volume).toBeLessThan(800);
      // A 0.8 mm kerf across a ~60 × 55 mm metaphysis: about 2–3 cm³.
      expect(stage!.removedVolume).toBeGreaterThan(1000);
      expect(stage!.removedVolume).toBeLessThan(4500);
      // Inner landmarks lie in the fragment that holds them.
      const lm = ctx.landmarks.tibia!;
      expect(containsPoint(stage!.fragments.tibiaDistal!, lm.centre!)).toBe(true);
      expect(containsPoint(stage!.fragments.tibiaProximal!, lm.centre!)).toBe(false);
      // Biplanar: the tuberosity (2 mm inside its surface) stays with the shaft; the whole plateau,
      // front rim included, with the head.
      const tub = add(lm.tuberosity!, [0, 0, -2]);
      expect(containsPoint(stage!.fragments.tibiaDistal!, tub)).toBe(true);
      for (const x of [-30, -15, 0, 15, 30])
        for (const z of [-15, 0, 15]) {
          const rim: Vec3 = [x, plateauY(x, z) - 4, z];
          if (!containsPoint(tibia, rim)) continue;
          expect(containsPoint(stage!.fragments.tibiaProximal!, rim), `plateau ${x},${z}`).toBe(true);
        }
    }
  });

  it('the cut runs from the medial entry through the planned hinge', async () => {
    const { ctx } = await htoCase();
    const plan = htoPlan(ctx);
    const [piece] = htoOpening.cuts[0]!.cutter(ctx);
    const n = cutNormal(ctx);
    // Every corner lies within half the kerf of the plane through cutStart and hinge.
    for (const c of piece!) expect(Math.abs(dot(sub(c, plan.cutStart), n))).toBeLessThan(HTO_KERF / 2 + 1e-9);
    expect(Math.abs(dot(sub(plan.hinge, plan.cutStart), n))).toBeLessThan(1e-9);
    // Plan sanity on the default case: D ~ 55–62 mm, α ~ 10–12°, gap = D·tan α.
    expect(plan.cutLength).toBeGreaterThan(50);
    expect(plan.cutLength).toBeLessThan(65);
    expect(plan.gap).toBeCloseTo(plan.cutLength * Math.tan(plan.correction * DEG), 9);
  });

  it('opening puts the load line on the target; the medial gap is the planned one', async () => {
    for (const target of [55, 62.5, 70]) {
      const { ctx, patient, posed } = await htoCase({ target, hinge: 10 });
      const plan = makePlan(htoOpening, ctx);
      const end = evaluate(plan, plan.timeline.total);
      const post = movedLandmarks(htoOpening, patient.landmarks, end.transforms);
      expect(Math.abs(measureKnee(post).wbl - target)).toBeLessThan(0.5);
      const pre = measureKnee(patient.landmarks);
      expect(pre.hka).toBeCloseTo(172, 6);
      // The proximal tibia and the femur stay put.
      expect(post.tibia!.plateauMedial).toEqual(patient.landmarks.tibia!.plateauMedial);
      expect(post.femur!.hipCentre).toEqual(patient.landmarks.femur!.hipCentre);

      // The gap measured on the fragments: from the proximal fragment's cut face, 1 mm inside the
      // medial cortex, straight down (along −n) to the opened distal fragment's face.
      const o = htoPlan(ctx);
      const [stage] = runCutChain(wasm, 'tibia', posed.get('tibia')!, jobsFor(ctx));
      const proximal = stage!.fragments.tibiaProximal!;
      const distal = stage!.fragments.tibiaDistal!;
      const n = cutNormal(ctx);
      const d = normalize(sub(o.hinge, o.cutStart));
      const s = 1;
      const face = add(add(o.cutStart, scale(d, s)), scale(n, HTO_KERF / 2));
      expect(containsPoint(proximal, add(face, scale(n, 0.1)))).toBe(true);
      const inv = new Matrix4().fromArray(end.transforms.tibiaDistal!).invert().elements;
      let t = 0;
      while (t < 30 && !containsPoint(distal, transformPoint(inv, sub(face, scale(n, t))) as Vec3)) t += 0.02;
      // Before the opening the faces are one kerf apart; the opening adds D·tan α (Hernigou) there.
      const opened = t - HTO_KERF;
      const expected = o.gap - s * Math.tan(o.correction * DEG);
      expect(Math.abs(opened - expected)).toBeLessThan(0.5);
      expect(Math.abs(opened + s * Math.tan(o.correction * DEG) - o.gap)).toBeLessThan(0.5);
    }
  });

  it('frames every step from 15–25 cm; implants are fixed to existing bodies; captions are finite', async () => {
    const { ctx } = await htoCase();
    const plan = makePlan(htoOpening, ctx);
    // The clock, the cameras and the tools' poses of every step: tests/unit/invariants.test.ts.
    for (const span of plan.timeline.spans) {
      const cam = plan.cameras[span.index]!;
      const dist = Math.hypot(...sub(cam.position, cam.target));
      expect(dist).toBeGreaterThanOrEqual(150);
      expect(dist).toBeLessThanOrEqual(250);
    }
    expect(htoOpening.steps[0]!.phase).toBe('open');
    expect(htoOpening.steps.at(-1)!.phase).toBe('close');
    const openStep = htoOpening.steps.findIndex((s) => s.plays?.includes('open'));
    const cutStep = htoOpening.steps.findIndex((s) => s.cuts?.includes('main'));
    expect(openStep).toBeGreaterThan(cutStep);
    const bodies = new Set<string>([...KNEE_PARTS, 'tibiaProximal', 'tibiaDistal']);
    // The graft wedge, the plate and its 4 + 4 locking screws.
    expect(plan.implants.map((i) => i.use.kind).sort()).toEqual(
      ['graftWedge', 'plate', ...Array<string>(8).fill('lockingScrew')].sort(),
    );
    for (const { use, step } of plan.implants) {
      expect(bodies.has(use.fixedTo)).toBe(true);
      expect(step).toBeGreaterThan(openStep);
    }
    const screws = plan.implants.filter((i) => i.use.kind === 'lockingScrew');
    expect(screws.filter((i) => i.use.fixedTo === 'tibiaProximal')).toHaveLength(4);
    expect(screws.filter((i) => i.use.fixedTo === 'tibiaDistal')).toHaveLength(4);
    const caps = htoOpening.captionValues!(plan.ctx);
    for (const k of ['alpha', 'cutLength', 'gap', 'target', 'hinge', 'predictedWbl'])
      expect(Number.isFinite(caps[k])).toBe(true);
    expect(caps.predictedWbl).toBeCloseTo(62.5, 6);
  });

  it('each screw lies in its own fragment, driven from the medial cortex', async () => {
    const { ctx, posed } = await htoCase();
    const plan = makePlan(htoOpening, ctx);
    const [stage] = runCutChain(wasm, 'tibia', posed.get('tibia')!, jobsFor(ctx));
    const end = evaluate(plan, plan.timeline.total);
    const uses = new Map(plan.implants.map((i) => [i.use.id, i.use]));
    for (const screw of end.implants.filter((i) => i.kind === 'lockingScrew')) {
      const body = uses.get(screw.id)!.fixedTo as 'tibiaProximal' | 'tibiaDistal';
      const other = body === 'tibiaProximal' ? 'tibiaDistal' : 'tibiaProximal';
      const len = screw.length!;
      expect(len).toBeGreaterThan(12);
      expect(len).toBeLessThan(80);
      // Pointing lateral.
      expect(screw.pose.direction[0]).toBeLessThan(-0.9);
      const inv = (b: string) => new Matrix4().fromArray(end.transforms[b]!).invert().elements;
      let own = 0;
      let wrong = 0;
      for (let k = 2; k <= len; k += 2) {
        const p = sub(screw.pose.tip, scale(screw.pose.direction, len - k));
        if (containsPoint(stage!.fragments[body]!, transformPoint(inv(body), p))) own++;
        if (containsPoint(stage!.fragments[other]!, transformPoint(inv(other), p))) wrong++;
      }
      // The first ~6 mm run through the plate (4.5 mm) and its clearance off the cortex.
      expect(own).toBeGreaterThanOrEqual(Math.floor((len - 6) / 2) - 2);
      expect(wrong).toBe(0);
    }
  });

  it('the ascending cut is sawn from the front, behind the tuberosity, just below the plateau, at 110° to the oblique cut', async () => {
    const { ctx } = await htoCase();
    const plan = makePlan(htoOpening, ctx);
    const i = htoOpening.steps.findIndex((st) => st.id === 'frontal-cut');
    const saw = keyFrame(plan, i).instruments.find((t) => t.id === 'saw-frontal')!;
    // Its target: the tibia's anterior side, 22 ± 10 mm below the knee centre (just below the plateau).
    expect(saw.target).toMatchObject({ part: 'tibia', side: 'anterior' });
    expect(saw.target!.station!.at * 383.3).toBeCloseTo(22, 0);
    expect(saw.target!.station!.within).toBeLessThanOrEqual(10);
    // Driven across the frontal plane from the medial side (not down out of the joint), in front of the bone's centre.
    expect(saw.pose.direction[0]).toBeLessThan(-0.8);
    expect(Math.abs(saw.pose.direction[1])).toBeLessThan(0.6);
    expect(saw.pose.tip[2]).toBeGreaterThan(10);
    // The cut's plane rises at 110° to the oblique cut.
    const w = frontalAscent(ctx);
    expect(Math.acos(dot(w, cutNormal(ctx))) / DEG + 90).toBeCloseTo(110, 6);
    expect(w[2]).toBeGreaterThan(0);
  });
});
