import { beforeAll, describe, expect, it } from 'vitest';
import { akin, akinWith } from '../../src/procedures/defs/akin';
import { AKIN_STATION, akinAngle, akinHinge, akinWidth } from '../../src/procedures/defs/akin/wedge';
import { between, boneFrame } from '../../src/procedures/kit/bone-frame';
import { validateProcedure } from '../../src/procedures/schema';
import { FOOT_PARTS } from '../../src/anatomy/parts';
import { makePlan } from '../../src/engine/plan';
import { evaluate } from '../../src/engine/evaluate';
import { movedLandmarks } from '../../src/engine/post-op';
import { transformPoint } from '../../src/engine/rigid';
import { measureFoot } from '../../src/clinical/foot-angles';
import { transverseDirection } from '../../src/clinical/plane-angles';
import { cutJobs } from '../../src/engine/fragments';
import { runCutChain } from '../../src/geometry/cut-chain';
import { containsPoint } from '../../src/anatomy/point-in-mesh';
import { loadManifold, type ManifoldToplevel } from '../../src/geometry/manifold-module';
import { add, cross, dot, normalize, scale, sub } from '../../src/anatomy/vec';
import { Matrix4 } from 'three';
import { footCase } from '../../scripts/models/foot-case';
import { wedgeVolume } from '../../scripts/models/mesh-checks';

const DEG = 180 / Math.PI;

let wasm: ManifoldToplevel;
beforeAll(async () => {
  wasm = await loadManifold();
});

function jobsFor(ctx: Parameters<typeof akinAngle>[0]) {
  return cutJobs(akin.cuts, ctx);
}

describe('Akin osteotomy', () => {
  it('is a valid definition in both fixation variants', () => {
    expect(validateProcedure(akin, FOOT_PARTS)).toEqual([]);
    expect(validateProcedure(akinWith('screw'), FOOT_PARTS)).toEqual([]);
  });

  it('sets the wedge angle to 2·atan(base / (2·width)), within the published band', async () => {
    for (const base of [1, 2, 3, 4]) {
      const { ctx } = await footCase({ wedge: base, fixation: 'staple' });
      const width = akinWidth(ctx);
      // CLINICAL §1.3: the phalanx is 12.6–23.2 mm wide at the cut; the model's slender phalanx ~12.4.
      expect(width).toBeGreaterThan(11.5);
      expect(width).toBeLessThan(23.2);
      const expected = 2 * Math.atan(base / (2 * width)) * DEG;
      expect(Math.abs(akinAngle(ctx) - expected)).toBeLessThan(0.3);
      // The cutter's two faces really are that far apart.
      const [piece] = akin.cuts[0]!.cutter(ctx);
      const hinge = piece![0]!;
      const a = normalize(sub(piece![1]!, hinge));
      const b = normalize(sub(piece![2]!, hinge));
      expect(Math.abs(Math.acos(dot(a, b)) * DEG - expected)).toBeLessThan(0.3);
      if (base >= 2) {
        expect(akinAngle(ctx)).toBeGreaterThanOrEqual(5.9);
        expect(akinAngle(ctx)).toBeLessThanOrEqual(18.4);
      }
    }
  });

  it('places the wedge base medial, the hinge at the lateral cortex, the first face ⟂ the axis', async () => {
    const { ctx } = await footCase({ wedge: 3, fixation: 'staple' });
    const f = boneFrame(ctx.landmarks, 'proximalPhalanx1');
    const [piece] = akin.cuts[0]!.cutter(ctx);
    const hinge = akinHinge(ctx);
    const centre = add(f.base, scale(f.axis, AKIN_STATION));
    // Hinge lateral of the centre by about half the width, level with the first cut.
    expect(dot(sub(hinge, centre), f.medial)).toBeLessThan(-akinWidth(ctx) / 2);
    expect(dot(sub(hinge, centre), f.medial)).toBeGreaterThan(-akinWidth(ctx) / 2 - 1);
    expect(Math.abs(dot(sub(hinge, f.base), f.axis) - AKIN_STATION)).toBeLessThan(0.01);
    const first = normalize(sub(piece![1]!, piece![0]!));
    expect(Math.abs(dot(first, f.axis))).toBeLessThan(1e-9);
    expect(dot(first, f.medial)).toBeGreaterThan(0.999);
    // At the medial cortex the faces are about `wedge` mm apart (the apex sits 0.5 mm outside the lateral cortex).
    const second = normalize(sub(piece![2]!, piece![0]!));
    const r = akinWidth(ctx) + 0.5;
    const gap = Math.hypot(...sub(scale(second, r), scale(first, r)));
    expect(gap).toBeGreaterThan(3);
    expect(gap).toBeLessThan(3 * 1.05);
  });

  it('cuts in the base metaphysis: ≥ ~10 mm from the joint line, ~3 mm past the flare (CLINICAL §1.3)', async () => {
    const { ctx, posed } = await footCase({ wedge: 3, fixation: 'staple' });
    const f = boneFrame(ctx.landmarks, 'proximalPhalanx1');
    const pos = posed.get('proximalPhalanx1')!.positions;
    // The joint line on the AP view: the base's rim, the most proximal point of the phalanx.
    let rim = Infinity;
    for (let i = 0; i < pos.length; i += 3)
      rim = Math.min(rim, dot(sub([pos[i]!, pos[i + 1]!, pos[i + 2]!], f.base), f.axis));
    expect(AKIN_STATION - rim).toBeGreaterThanOrEqual(9.5);
    expect(AKIN_STATION - rim).toBeLessThan(12);
    // The flare: where the base narrows fast (> 1 mm of width a mm); the cut lies 2.5–5 mm past it.
    const width = (s: number) => ctx.gauge.width('proximalPhalanx1', f.at(s - f.length), f.axis, f.medial);
    let flareEnd = 0;
    for (let s = 1; s < 12; s += 0.5) if (width(s) - width(s + 0.5) > 0.5) flareEnd = s + 0.5;
    expect(AKIN_STATION - flareEnd).toBeGreaterThanOrEqual(2.5);
    expect(AKIN_STATION - flareEnd).toBeLessThanOrEqual(5);
    // The base metaphysis: in the proximal 40 % of the phalanx from its base to its head.
    expect(AKIN_STATION / f.length).toBeLessThan(0.4);
  });

  // Closed fragments and volumes that add up, at every wedge: tests/unit/invariants.test.ts.
  it('leaves a base and a toe; the removed bone is the analytic wedge', async () => {
    for (const base of [1, 3, 4]) {
      const { ctx, posed } = await footCase({ wedge: base, fixation: 'staple' });
      const pp1 = posed.get('proximalPhalanx1')!;
      const [stage] = runCutChain(wasm, 'proximalPhalanx1', pp1, jobsFor(ctx));
      expect(Object.keys(stage!.fragments).sort()).toEqual(['akinBase', 'akinToe']);
      const f = boneFrame(ctx.landmarks, 'proximalPhalanx1');
      const angle = akinAngle(ctx);
      const analytic = wedgeVolume(
        pp1,
        akinHinge(ctx),
        between(f.medial, f.axis, angle / 2),
        f.dorsal,
        angle,
      );
      expect(Math.abs(stage!.removedVolume - analytic) / analytic).toBeLessThan(0.02);
    }
  });

  it('closing the wedge turns the toe medially by the wedge angle', async () => {
    for (const base of [2, 3, 4]) {
      const { ctx, patient } = await footCase({ wedge: base, fixation: 'staple' });
      const plan = makePlan(akin, ctx);
      const end = evaluate(plan, plan.timeline.total);
      const post = movedLandmarks(akin, patient.landmarks, end.transforms);
      const dir = (lm: typeof post) =>
        transverseDirection(lm.distalPhalanx1!.base!, lm.distalPhalanx1!.head!);
      // Positive is towards medial.
      const turn = dir(post) - dir(patient.landmarks);
      expect(Math.abs(turn - akinAngle(ctx))).toBeLessThan(0.5);
      const pre = measureFoot(patient.landmarks);
      const after = measureFoot(post);
      // HVA + HVIA is the first metatarsal against the distal phalanx: it falls by the whole wedge.
      const change = pre.hva + pre.hvia - (after.hva + after.hvia);
      expect(Math.abs(change - akinAngle(ctx))).toBeLessThan(0.5);
      expect(after.hvia).toBeLessThan(pre.hvia);
      // The base fragment and the metatarsal stay where they were.
      expect(post.proximalPhalanx1!.base).toEqual(patient.landmarks.proximalPhalanx1!.base);
    }
  });

  it('plays every step and motion; the staple bridges the osteotomy into both fragments', async () => {
    const { ctx, posed } = await footCase({ wedge: 3, fixation: 'staple' });
    const plan = makePlan(akin, ctx);
    // The clock, the cameras and the tools' poses of every step: tests/unit/invariants.test.ts.
    for (const s of akin.steps) {
      expect(s.duration).toBeGreaterThanOrEqual(2);
      expect(s.duration).toBeLessThanOrEqual(5);
    }
    expect(plan.motions.map((m) => m.def.id)).toEqual(['close']);
    const closeStep = akin.steps.findIndex((s) => s.plays?.includes('close'));
    const cutStep = akin.steps.findIndex((s) => s.cuts?.includes('wedge'));
    expect(cutStep).toBeGreaterThan(0);
    expect(closeStep).toBeGreaterThan(cutStep);
    const bodies = new Set(['akinBase', 'akinToe', ...FOOT_PARTS]);
    for (const { use, step } of plan.implants) {
      expect(bodies.has(use.fixedTo)).toBe(true);
      expect(step).toBeGreaterThan(closeStep);
    }

    // Each leg (sampled every mm from its point to the bridge) lies in one fragment: the proximal
    // leg in the base, the distal one in the toe.
    const [stage] = runCutChain(wasm, 'proximalPhalanx1', posed.get('proximalPhalanx1')!, jobsFor(ctx));
    const end = evaluate(plan, plan.timeline.total);
    const staple = end.implants.find((i) => i.kind === 'staple')!;
    const [bridgeMm, legs, wire] = staple.shape!;
    const bridge = normalize(cross(staple.pose.up!, staple.pose.direction));
    const inv = (body: string) => new Matrix4().fromArray(end.transforms[body]!).invert().elements;
    const inside = (body: 'akinBase' | 'akinToe', side: number) => {
      let n = 0;
      for (let d = 0; d <= legs!; d++) {
        const p = add(add(staple.pose.tip, scale(bridge, side)), scale(staple.pose.direction, -d));
        if (containsPoint(stage!.fragments[body]!, transformPoint(inv(body), p))) n++;
      }
      return n;
    };
    const f = boneFrame(ctx.landmarks, 'proximalPhalanx1');
    const legX = (bridgeMm! - wire!) / 2;
    const proximalSide = dot(bridge, f.axis) > 0 ? -legX : legX;
    expect(inside('akinBase', proximalSide)).toBeGreaterThanOrEqual(legs! - 1);
    expect(inside('akinToe', -proximalSide)).toBeGreaterThanOrEqual(legs! - 1);
    expect(inside('akinToe', proximalSide)).toBe(0);
    expect(inside('akinBase', -proximalSide)).toBe(0);
    // The bridge sits on the medial side.
    expect(dot(staple.pose.direction, f.medial)).toBeLessThan(-0.99);
  });

  it('the screw variant crosses the osteotomy from the toe fragment into the base', async () => {
    const { ctx } = await footCase({ wedge: 3, fixation: 'screw' });
    const proc = akinWith('screw');
    const plan = makePlan(proc, ctx);
    const end = evaluate(plan, plan.timeline.total);
    const screw = end.implants.find((i) => i.kind === 'headlessScrew')!;
    expect(screw.length).toBeGreaterThan(12);
    expect(screw.length).toBeLessThan(26);
    const f = boneFrame(ctx.landmarks, 'proximalPhalanx1');
    // Driven from medial-distal to lateral-proximal.
    expect(dot(screw.pose.direction, f.medial)).toBeLessThan(0);
    expect(dot(screw.pose.direction, f.axis)).toBeLessThan(0);
    const caps = proc.captionValues!(plan.ctx);
    expect(caps.wedgeMm).toBe(3);
    expect(caps.angle).toBeCloseTo(akinAngle(ctx), 6);
  });
});
