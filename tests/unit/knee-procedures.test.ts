import { beforeAll, describe, expect, it } from 'vitest';
import { Matrix4 } from 'three';
import type { KneeAngles } from '../../src/anatomy/deformity';
import { KNEE_PARTS } from '../../src/anatomy/parts';
import { add, length, normalize, scale, sub, type Vec3 } from '../../src/anatomy/vec';
import { measureKnee } from '../../src/clinical/knee-alignment';
import { evaluate, keyFrame } from '../../src/engine/evaluate';
import { makePlan } from '../../src/engine/plan';
import { movedLandmarks } from '../../src/engine/post-op';
import { transformPoint } from '../../src/engine/rigid';
import { cutJobs } from '../../src/engine/fragments';
import { runCutChain } from '../../src/geometry/cut-chain';
import { loadManifold, type ManifoldToplevel } from '../../src/geometry/manifold-module';
import { containsPoint } from '../../src/anatomy/point-in-mesh';
import {
  cutDirection,
  cutNormal,
  kneeBodies,
  kneePlan,
  KNEE_KERF,
  type KneeKind,
} from '../../src/procedures/knee/plan';
import { procedureById, resolveProcedure } from '../../src/procedures/registry';
import { validateProcedure } from '../../src/procedures/schema';
import type { Params, PlanContext, ProcedureDef } from '../../src/procedures/types';
import { DEFAULT_KNEE, DEFAULT_VALGUS_KNEE, kneeCase } from '../../scripts/models/knee-case';
import { isClosed, meshVolume, wedgeVolume } from '../../scripts/models/mesh-checks';

const DEG = Math.PI / 180;

let wasm: ManifoldToplevel;
beforeAll(async () => {
  wasm = await loadManifold();
});

const KINDS: Record<string, KneeKind> = {
  'hto-opening': { site: 'tibia', approach: 'opening' },
  'hto-closing': { site: 'tibia', approach: 'closing' },
  'dfo-opening': { site: 'femur', approach: 'opening' },
  'dfo-closing': { site: 'femur', approach: 'closing' },
};
const IDS = Object.keys(KINDS);
const isHto = (id: string) => id.startsWith('hto');
/** Every choice combination of the closing HTO, and the plain others. */
const VARIANTS: [string, Params][] = [
  ['hto-opening', {}],
  ['hto-closing', { fibula: 'release', fixation: 'staples' }],
  ['hto-closing', { fibula: 'release', fixation: 'plate' }],
  ['hto-closing', { fibula: 'osteotomy', fixation: 'staples' }],
  ['hto-closing', { fibula: 'osteotomy', fixation: 'plate' }],
  ['dfo-opening', {}],
  ['dfo-closing', {}],
];

async function setup(id: string, extra: Params = {}, angles?: KneeAngles) {
  const base = procedureById(id)!;
  const params: Params = {
    ...Object.fromEntries(base.params.map((p) => [p.id, p.default])),
    ...extra,
  };
  const proc = resolveProcedure(id, params)!;
  const k = await kneeCase(angles ?? (isHto(id) ? DEFAULT_KNEE : DEFAULT_VALGUS_KNEE));
  const ctx: PlanContext = { landmarks: k.landmarks, params, gauge: k.gauge };
  return { ...k, proc, ctx, kind: KINDS[id]! };
}

function cutAll(
  proc: ProcedureDef,
  ctx: PlanContext,
  posed: Map<string, { positions: Float32Array; indices: Uint32Array }>,
) {
  return Object.fromEntries(
    proc.cuts.map((c) => {
      const job = cutJobs([c], ctx);
      return [c.id, runCutChain(wasm, c.bone, posed.get(c.bone)!, job)[0]!];
    }),
  );
}

describe('knee osteotomies', () => {
  it('are offered for the knee, valid in every variant', () => {
    for (const [id, params] of VARIANTS) {
      const proc = resolveProcedure(id, { ...params })!;
      expect(proc.region).toBe('knee');
      expect(validateProcedure(proc, KNEE_PARTS)).toEqual([]);
    }
    // A choice picks one stable definition.
    expect(resolveProcedure('hto-closing', { fibula: 'osteotomy', fixation: 'plate' })).toBe(
      resolveProcedure('hto-closing', { fibula: 'osteotomy', fixation: 'plate' }),
    );
  });

  it('cut the bone into closed fragments whose volumes add up; landmarks in the fragments that hold them', async () => {
    for (const [id, extra] of VARIANTS) {
      const { proc, ctx, posed, landmarks } = await setup(id, extra);
      const stages = cutAll(proc, ctx, posed);
      for (const cut of proc.cuts) {
        const stage = stages[cut.id]!;
        expect(Object.keys(stage.fragments).sort(), `${id} ${cut.id}`).toEqual(
          cut.fragments.map((f) => f.id).sort(),
        );
        for (const f of Object.values(stage.fragments)) expect(isClosed(f)).toBe(true);
        const before = meshVolume(posed.get(cut.bone)!);
        const after = Object.values(stage.fragments).reduce((s, x) => s + x.volume, 0);
        expect(Math.abs(before - after - stage.removedVolume) / before).toBeLessThan(0.01);
        // Landmarks held that lie inside the bone are inside their fragment.
        for (const f of cut.fragments)
          for (const name of f.holds) {
            const p = landmarks[cut.bone]![name]!;
            if (containsPoint(posed.get(cut.bone)!, p))
              expect(containsPoint(stage.fragments[f.id]!, p)).toBe(true);
          }
      }
    }
  });

  it('leave the hinge uncut: the saw stops at the hinge point, the bridge to the far cortex stays bone', async () => {
    for (const id of IDS) {
      const { proc, ctx, posed, kind } = await setup(id);
      const plan = kneePlan(ctx, kind);
      const made = makePlan(proc, ctx);
      const end = evaluate(made, made.timeline.total);
      const stage = Object.values(cutAll(proc, ctx, posed))[0]!;
      const bone = posed.get(kind.site)!;
      const d = cutDirection(ctx, kind);
      const n = cutNormal(ctx, kind);
      const inset = Number(ctx.params.hinge ?? 10);
      const on = (t: number, s: number) => add(add(plan.hinge, scale(d, t)), scale(n, s));
      // Which fragments hold a point: before the correction, and where they lie after it.
      const holdersBefore = (p: Vec3) =>
        Object.entries(stage.fragments)
          .filter(([, m]) => containsPoint(m, p))
          .map(([f]) => f);
      const holdersAfter = (p: Vec3) =>
        Object.entries(stage.fragments)
          .filter(([f]) => !end.removed.includes(f))
          .filter(([f, m]) => {
            const inv = new Matrix4().fromArray(end.transforms[f] ?? new Matrix4().elements).invert();
            return containsPoint(m, transformPoint(inv.elements, p) as Vec3);
          })
          .map(([f]) => f);
      const across = [-0.3, 0.3];
      let bridge = 0;
      for (let t = 3; t < inset + 4; t += 1.5) {
        if (!across.every((s) => containsPoint(bone, on(t, s)))) continue;
        bridge++;
        // No kerf across the bridge: the bone a third of a millimetre either side of the cut's line is there.
        for (const s of across) expect(holdersBefore(on(t, s)), `${id}: bridge at ${t} mm`).toHaveLength(1);
        // Once corrected the bridge is whole, inside the cortex (whose surface turns a little): an
        // opening wedge's exactly (its sliver gone), a closing wedge's pressed together, never open.
        for (const s of [-1.2, -0.4, 0.4, 1.2]) {
          if (t > inset - 2 || !containsPoint(bone, on(t + 2, s))) continue;
          const holders = holdersAfter(on(t, s)).length;
          const label = `${id}: after, ${t} mm past the hinge, ${s} mm off the cut`;
          if (kind.approach === 'opening') expect(holders, label).toBe(1);
          else expect(holders, label).toBeGreaterThanOrEqual(1);
        }
      }
      // The hinge runs to the far cortex: most of its inset is bone.
      expect(bridge, id).toBeGreaterThanOrEqual(Math.floor(inset / 1.5) - 3);
      // The saw's kerf, by contrast, is open from the near cortex to the hinge point.
      for (const t of [-0.5 * plan.cutLength, -4]) {
        expect(containsPoint(bone, on(t, 0)), id).toBe(true);
        expect(holdersBefore(on(t, 0)), `${id}: kerf ${t} mm from the hinge`).toEqual([]);
      }
    }
  });

  it('a closing wedge is the analytic wedge between the saw cuts (within 2 %)', async () => {
    for (const id of ['hto-closing', 'dfo-closing']) {
      for (const target of [50, 62.5]) {
        const { proc, ctx, posed, kind } = await setup(id, { target });
        const plan = kneePlan(ctx, kind);
        const stage = cutAll(proc, ctx, posed)['wedge']!;
        const wedge = stage.fragments[kneeBodies(kind.site).wedge]!;
        // The wedge's faces are the cuts' inner faces, half a kerf inside each planned plane: they
        // meet (k/2)/sin(α/2) from the hinge towards the near cortex.
        const a = normalize(sub(plan.cutStart, plan.hinge));
        const b = normalize(sub(plan.secondCutStart!, plan.hinge));
        const bisector = normalize(add(a, b));
        const half = Math.acos(Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])) / 2;
        const apex = add(plan.hinge, scale(bisector, KNEE_KERF / 2 / Math.sin(half)));
        const analytic = wedgeVolume(posed.get(kind.site)!, apex, bisector, [0, 0, 1], (2 * half) / DEG);
        expect(half * 2).toBeCloseTo(Math.abs(plan.correction) * DEG, 6);
        expect(Math.abs(wedge.volume - analytic) / analytic, `${id} ${target}`).toBeLessThan(0.02);
      }
    }
  });

  it('put the measured post-operative load line on the target; the gap is D·tan α', async () => {
    const varus: KneeAngles[] = [
      { hka: 165, mpta: 77, ldfa: 90 },
      { hka: 172, mpta: 82, ldfa: 88 },
      { hka: 178, mpta: 86, ldfa: 88 },
    ];
    const valgus: KneeAngles[] = [
      { hka: 182, mpta: 87, ldfa: 84 },
      { hka: 188, mpta: 87, ldfa: 80 },
      { hka: 192, mpta: 88, ldfa: 78 },
    ];
    for (const id of IDS) {
      for (const angles of isHto(id) ? varus : valgus) {
        for (const target of [50, 55, 62.5, 70]) {
          if (!isHto(id) && target > 60) continue;
          const { proc, ctx, landmarks, kind } = await setup(id, { target }, angles);
          const plan = makePlan(proc, ctx);
          const end = evaluate(plan, plan.timeline.total);
          const post = measureKnee(movedLandmarks(proc, landmarks, end.transforms));
          const label = `${id} HKA ${angles.hka} → ${target} %`;
          expect(Math.abs(post.wbl - target), label).toBeLessThan(0.5);
          const o = kneePlan(ctx, kind);
          const values = proc.captionValues!(plan.ctx);
          expect(Math.abs(values.gap! - o.cutLength * Math.tan(Math.abs(o.correction) * DEG))).toBeLessThan(
            0.1,
          );
          expect(values.cutLength).toBeCloseTo(length(sub(o.hinge, o.cutStart)), 9);
          // The correction goes the procedure's way.
          expect(Math.sign(post.hka - measureKnee(landmarks).hka)).toBe(isHto(id) ? 1 : -1);
        }
      }
    }
  });

  it('play every step with finite poses; implants ride existing bodies; the wedge is removed', async () => {
    for (const [id, extra] of VARIANTS) {
      const { proc, ctx } = await setup(id, extra);
      const plan = makePlan(proc, ctx);
      const bodies = new Set<string>([
        ...KNEE_PARTS,
        ...proc.cuts.flatMap((c) => c.fragments.map((f) => f.id)),
      ]);
      for (const span of plan.timeline.spans) {
        const frame = evaluate(plan, (span.start + span.end) / 2);
        expect(frame.step).toBe(span.index);
        for (const t of [...frame.instruments, ...frame.implants])
          for (const v of [...t.pose.tip, ...t.pose.direction])
            expect(Number.isFinite(v), `${id} ${t.id}`).toBe(true);
        for (const v of Object.values(frame.camera).flat()) expect(Number.isFinite(v)).toBe(true);
      }
      for (const { use } of plan.implants) expect(bodies.has(use.fixedTo), use.id).toBe(true);
      const kinds = plan.implants.map((i) => i.use.kind);
      if (id === 'hto-closing' && extra.fixation === 'staples') expect(kinds).toEqual(['staple', 'staple']);
      else expect(kinds.filter((k) => k === 'plate')).toHaveLength(1);
      if (KINDS[id]!.approach === 'opening') expect(kinds).toContain('graftWedge');
      const end = evaluate(plan, plan.timeline.total);
      if (KINDS[id]!.approach === 'closing') expect(end.removed).toContain(kneeBodies(KINDS[id]!.site).wedge);
      expect(end.cuts.length).toBe(proc.cuts.length);
    }
  });

  it('every locking screw lies in its own fragment and stays out of the other one', async () => {
    for (const [id, extra] of VARIANTS) {
      if (extra.fixation === 'staples') continue;
      const { proc, ctx, posed, kind } = await setup(id, extra);
      const plan = makePlan(proc, ctx);
      const stage = Object.values(cutAll(proc, ctx, posed)).find(
        (s) => kneeBodies(kind.site).joint in s.fragments,
      )!;
      const end = evaluate(plan, plan.timeline.total);
      const uses = new Map(plan.implants.map((i) => [i.use.id, i.use]));
      const { joint, shaft } = kneeBodies(kind.site);
      const inv = (b: string) =>
        new Matrix4().fromArray(end.transforms[b] ?? new Matrix4().elements).invert().elements;
      for (const screw of end.implants.filter((i) => i.kind === 'lockingScrew')) {
        const body = uses.get(screw.id)!.fixedTo;
        const other = body === joint ? shaft : joint;
        const len = screw.length!;
        let own = 0;
        let wrong = 0;
        for (let k = 2; k <= len; k += 2) {
          const p = sub(screw.pose.tip, scale(screw.pose.direction, len - k)) as Vec3;
          if (containsPoint(stage.fragments[body]!, transformPoint(inv(body), p) as Vec3)) own++;
          if (containsPoint(stage.fragments[other]!, transformPoint(inv(other), p) as Vec3)) wrong++;
        }
        // The first ~6 mm run through the plate and its clearance off the cortex.
        expect(own, `${id} ${screw.id}`).toBeGreaterThanOrEqual(Math.floor((len - 6) / 2) - 3);
        expect(wrong, `${id} ${screw.id}`).toBe(0);
      }
    }
  });

  it('the plate lies on the near cortex and every screw head sits in its hole', async () => {
    for (const [id, extra] of VARIANTS) {
      if (extra.fixation === 'staples') continue;
      const { proc, ctx, posed, kind } = await setup(id, extra);
      const plan = makePlan(proc, ctx);
      const end = evaluate(plan, plan.timeline.total);
      const stage = Object.values(cutAll(proc, ctx, posed)).find(
        (s) => kneeBodies(kind.site).joint in s.fragments,
      )!;
      const plate = end.implants.find((i) => i.kind === 'plate')!;
      const stations = plan.implants.find((i) => i.use.kind === 'plate')!.use.shape!(plan.ctx);
      const up = plate.pose.up!;
      // The plate's bone face runs along −direction (its tool frame's −Z) through the stations.
      const face = (z: number, y: number) =>
        add(add(plate.pose.tip, scale(plate.pose.direction, -z)), scale(up, y));
      const inBone = (p: Vec3) =>
        Object.entries(stage.fragments).some(([body, mesh]) => {
          const inv = new Matrix4()
            .fromArray(end.transforms[body] ?? new Matrix4().elements)
            .invert().elements;
          return containsPoint(mesh, transformPoint(inv, p) as Vec3);
        });
      const holes: Vec3[] = [];
      for (let i = 2; i + 2 < stations.length; i += 2) {
        const p = face(stations[i]!, stations[i + 1]!);
        holes.push(add(p, scale(up, 4.5)));
        // Off the bone, and the cortex close beneath (the gauge finds it to within a millimetre or two).
        let gap = 0;
        while (gap <= 6 && !inBone(sub(p, scale(up, gap)))) gap += 0.25;
        expect(gap, `${id}: plate face to bone at hole ${i / 2}`).toBeGreaterThan(0);
        expect(gap, `${id}: plate face to bone at hole ${i / 2}`).toBeLessThanOrEqual(4);
      }
      const screws = end.implants.filter((i) => i.kind === 'lockingScrew');
      expect(screws).toHaveLength(holes.length);
      for (const screw of screws) {
        const back = sub(screw.pose.tip, scale(screw.pose.direction, screw.length!));
        const nearest = Math.min(...holes.map((h) => length(sub(h, back))));
        expect(nearest, `${id} ${screw.id}`).toBeLessThan(1.5);
      }
    }
  });

  it('after the correction no bone runs into another (fibula included)', async () => {
    for (const [id, extra] of VARIANTS) {
      for (const angle of [0, 14]) {
        const { proc, ctx, posed } = await setup(id, { ...extra, angle });
        const plan = makePlan(proc, ctx);
        const end = evaluate(plan, plan.timeline.total);
        const stages = cutAll(proc, ctx, posed);
        const removed = new Set(end.removed);
        const o = kneePlan(ctx, KINDS[id]!);
        const inset = Number(ctx.params.hinge ?? 10);
        const pressed =
          KINDS[id]!.approach === 'opening'
            ? 50
            : o.cutLength * 90 * inset * Math.sin(Math.abs(o.correction) * DEG);
        // Every body at its final place: the fragments of the cut bones, the other parts whole.
        const bodies: [string, { positions: Float32Array; indices: Uint32Array }][] = [];
        for (const part of ['femur', 'tibia', 'fibula', 'talus', 'patella']) {
          const cut = proc.cuts.find((c) => c.bone === part);
          if (!cut) bodies.push([part, posed.get(part)!]);
          else
            for (const [f, mesh] of Object.entries(stages[cut.id]!.fragments))
              if (!removed.has(f)) bodies.push([f, mesh]);
        }
        const solids = bodies.map(([body, mesh]) => {
          const m = new wasm.Manifold(
            new wasm.Mesh({ numProp: 3, vertProperties: mesh.positions, triVerts: mesh.indices }),
          );
          const t = end.transforms[body];
          const placed = t ? m.transform(t as never) : m;
          if (placed !== m) m.delete();
          return [body, placed] as const;
        });
        for (let i = 0; i < solids.length; i++)
          for (let j = i + 1; j < solids.length; j++) {
            const both = solids[i]![1].intersect(solids[j]![1]);
            // A bone's own fragments meet along the closed cut and at the hinge: an opening wedge's
            // (its sliver gone) only touch; a closing wedge's, turned about the far cortex, press
            // together by at most inset·sin α over the cut's face. Separate bones must not meet at all.
            const sameBone = [solids[i]![0], solids[j]![0]].every((b) => b.startsWith(proc.cuts[0]!.bone));
            expect(
              both.volume(),
              `${id} ${JSON.stringify(extra)} α=${angle}: ${solids[i]![0]} ∩ ${solids[j]![0]}`,
            ).toBeLessThan(sameBone ? pressed : 30);
            both.delete();
          }
        for (const [, m] of solids) m.delete();
      }
    }
  });

  it('warn of a 16 mm opening, and stop when it is reduced; warn of the wrong deformity', async () => {
    const wide = await setup('hto-opening', { angle: 15.5 });
    expect(kneePlan(wide.ctx, wide.kind).gap).toBeGreaterThan(15.5);
    expect(wide.proc.warnings!(makePlan(wide.proc, wide.ctx).ctx)).toContain('warn.knee.hingeFracture');
    const reduced = await setup('hto-opening', { angle: 8 });
    expect(reduced.proc.warnings!(makePlan(reduced.proc, reduced.ctx).ctx)).not.toContain(
      'warn.knee.hingeFracture',
    );
    // A closing wedge does not stretch a hinge: its height is not warned about.
    const closing = await setup('hto-closing', { angle: 15.5 });
    expect(closing.proc.warnings!(makePlan(closing.proc, closing.ctx).ctx)).not.toContain(
      'warn.knee.hingeFracture',
    );
    // An HTO on a valgus knee, a DFO on a varus one: held at 0°, with a warning.
    const wrongHto = await setup('hto-opening', {}, DEFAULT_VALGUS_KNEE);
    expect(kneePlan(wrongHto.ctx, wrongHto.kind).correction).toBe(0);
    expect(wrongHto.proc.warnings!(makePlan(wrongHto.proc, wrongHto.ctx).ctx)).toContain(
      'warn.knee.otherProcedure',
    );
    const wrongDfo = await setup('dfo-opening', {}, DEFAULT_KNEE);
    expect(kneePlan(wrongDfo.ctx, wrongDfo.kind).correction).toBe(0);
    expect(wrongDfo.proc.warnings!(makePlan(wrongDfo.proc, wrongDfo.ctx).ctx)).toContain(
      'warn.knee.otherProcedure',
    );
  });

  it('an angle set by hand overrides the plan; the line falls where that angle puts it', async () => {
    const planned = await setup('hto-opening');
    const auto = kneePlan(planned.ctx, planned.kind);
    const more = await setup('hto-opening', { angle: Math.round(auto.correction) + 3 });
    const o = kneePlan(more.ctx, more.kind);
    expect(o.correction).toBe(Math.round(auto.correction) + 3);
    expect(o.predictedWbl).toBeGreaterThan(auto.predictedWbl + 5);
    const dfo = await setup('dfo-closing', { angle: 6 });
    expect(kneePlan(dfo.ctx, dfo.kind).correction).toBe(-6);
  });

  it('the closing HTO frees the fibula at the lateral tibiofibular joint (or cuts its shaft) and the fibula follows the correction', async () => {
    for (const fibula of ['release', 'osteotomy']) {
      const { proc, ctx, landmarks } = await setup('hto-closing', { fibula });
      const plan = makePlan(proc, ctx);
      const i = proc.steps.findIndex((st) => st.id.startsWith('fibula'));
      // Before the tibial cuts, on the fibula near its head: a chisel into the joint on the fibula's
      // inner (tibial) side, or a saw across the shaft in its proximal third, above the nerve's zone.
      expect(i).toBe(1);
      const [tool] = keyFrame(plan, i).instruments;
      expect(tool!.target!.part).toBe('fibula');
      const station = tool!.target!.station!;
      expect([station.from, station.to]).toEqual(['head', 'lateralMalleolus']);
      const headLm = landmarks.fibula!.head!;
      const length = Math.hypot(...sub(landmarks.fibula!.lateralMalleolus!, headLm));
      if (fibula === 'release') {
        expect(tool!.kind).toBe('chisel');
        expect(tool!.target!.side).toBe('medial');
        expect(station.at * length).toBeLessThan(5);
        // On the lateral side of the knee (beyond the tibia's lateral third), within 15 mm of the head.
        expect(tool!.pose.tip[0]).toBeLessThan(-20);
        expect(Math.hypot(...sub(tool!.pose.tip, headLm))).toBeLessThan(15);
      } else {
        expect(tool!.kind).toBe('saw');
        expect(station.at * length).toBeGreaterThan(40);
        expect(station.at * length).toBeLessThan(70);
      }
      // At the end the fibula (its distal part when cut) has moved with the tibia's shaft: its
      // lateral malleolus where the shaft's turn takes it.
      const end = evaluate(plan, plan.timeline.total);
      const fibulaBody = fibula === 'release' ? 'fibula' : 'fibulaDistal';
      const mall = landmarks.fibula!.lateralMalleolus!;
      const withFibula = transformPoint(end.transforms[fibulaBody]!, mall);
      const withShaft = transformPoint(end.transforms.tibiaDistal!, mall);
      expect(Math.hypot(...sub(withFibula, mall)), fibula).toBeGreaterThan(10);
      expect(Math.hypot(...sub(withFibula, withShaft)), fibula).toBeLessThan(0.5);
    }
  });
});
