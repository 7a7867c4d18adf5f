import { beforeAll, describe, expect, it } from 'vitest';
import { Matrix4, Quaternion } from 'three';
import { FOOT_PARTS } from '../../src/anatomy/parts';
import { add, dot, normalize, scale, sub } from '../../src/anatomy/vec';
import { measureFoot } from '../../src/clinical/foot-angles';
import { transverseDirection } from '../../src/clinical/plane-angles';
import { evaluate } from '../../src/engine/evaluate';
import { cutJobs } from '../../src/engine/fragments';
import { makePlan } from '../../src/engine/plan';
import { movedLandmarks } from '../../src/engine/post-op';
import { runCutChain } from '../../src/geometry/cut-chain';
import { loadManifold, type ManifoldToplevel } from '../../src/geometry/manifold-module';
import { containsPoint } from '../../src/anatomy/point-in-mesh';
import { akin, akinWith, percutaneousAkin } from '../../src/procedures/defs/akin';
import { akinAngle, akinHinge, akinWidth } from '../../src/procedures/defs/akin/wedge';
import { AKIN_PORTAL_MM, akinPasses, kerfAngle, toeAfter } from '../../src/procedures/defs/akin/percutaneous';
import { between, boneFrame } from '../../src/procedures/kit/bone-frame';
import { BURR_DIAMETER, PASS_DEPTH } from '../../src/procedures/foot/burr';
import { misBunion } from '../../src/procedures/defs/mis-bunion';
import { misSkinMarks, PORTALS } from '../../src/procedures/defs/mis-bunion/skin';
import {
  allParams,
  defaultParams,
  impliedBy,
  procedureById,
  resolveProcedure,
} from '../../src/procedures/registry';
import { decodeUrl } from '../../src/state/url-codec';
import { validateProcedure } from '../../src/procedures/schema';
import type { Params, ProcedureDef } from '../../src/procedures/types';
import { footCase } from '../../scripts/models/foot-case';
import { isClosed, meshVolume, wedgeVolume } from '../../scripts/models/mesh-checks';

const DEG = 180 / Math.PI;

let wasm: ManifoldToplevel;
beforeAll(async () => {
  wasm = await loadManifold();
});

/** The sitting as the app resolves it from a link: the variant's implied choices, then these. */
function sitting(variant: 'classic' | 'mica', extra: Params = {}) {
  const base = procedureById('mis-bunion')!;
  const params: Params = {
    ...defaultParams(base),
    variant,
    ...impliedBy(base, 'variant', variant),
    akin: '1',
    ...extra,
  };
  return { params, proc: resolveProcedure('mis-bunion', params)! };
}

/** The steps an added Akin brings to a sitting. */
const akinSteps = (proc: ProcedureDef) => proc.steps.filter((s) => s.strings === 'akin');
const kinds = (steps: ProcedureDef['steps']) =>
  steps.flatMap((s) => [...(s.instruments ?? []), ...(s.implants ?? [])].map((u) => u.kind));

describe('percutaneous Akin', () => {
  it('offers the fixations of its sitting: taping (the default, no metal) or a screw; the open Akin a staple or a screw', () => {
    const choices = (id: string) => {
      const p = allParams(procedureById(id)!).find((d) => d.id === 'fixation');
      return p?.kind === 'choice' ? [p.default, p.values] : undefined;
    };
    expect(choices('mis-bunion')).toEqual(['tape', ['tape', 'screw']]);
    expect(choices('chevron')).toEqual(['staple', ['staple', 'screw']]);
    const classic: Params = { ...defaultParams(procedureById('mis-bunion')!), akin: '1' };
    expect(classic['fixation']).toBe('tape');
    expect(resolveProcedure('mis-bunion', classic)!.steps.flatMap((s) => s.implants ?? [])).toHaveLength(0);
    // A link asking a staple of a percutaneous sitting gets the sitting's default, with a notice.
    const link = decodeUrl('?p=mis-bunion&akin=1&fixation=staple');
    expect(link.values.fixation).toBe('tape');
    expect(link.notices.map((n) => n.param)).toContain('fixation');
  });

  it('is valid for each fixation and wedge; one stable definition per choice', () => {
    for (const fixation of ['screw', 'staple'])
      for (const wedge of [1, 2, 3, 4]) {
        const def = percutaneousAkin({ fixation, wedge });
        expect(validateProcedure(def, FOOT_PARTS)).toEqual([]);
        expect(percutaneousAkin({ fixation, wedge })).toBe(def);
      }
    for (const variant of ['classic', 'mica'] as const)
      expect(validateProcedure(sitting(variant).proc, FOOT_PARTS)).toEqual([]);
  });

  it('takes the wedge in burr passes: one kerf, then at most 1.5 mm more a pass (CLINICAL §1.4)', () => {
    expect([1, 1.5, 2, 2.5, 3, 3.5, 4].map(akinPasses)).toEqual([1, 1, 1, 2, 2, 2, 3]);
    // Two passes make the ~2.9 mm medial wedge of [30].
    expect(akinPasses(2.9)).toBe(2);
    for (const wedge of [2.5, 3, 3.5, 4]) {
      const n = akinPasses(wedge);
      const added = (wedge - BURR_DIAMETER) / (n - 1);
      expect(added).toBeLessThanOrEqual(PASS_DEPTH.max);
    }
  });

  it('the passes follow the wedge as it is played: on its slider’s step, in its range', () => {
    // A link's 3.58 mm is played as 3.5 mm (two passes, not the three 3.58 would need): the
    // number of steps a link may open at is worked out from the raw value.
    expect(percutaneousAkin({ fixation: 'screw', wedge: 3.58 })).toBe(
      percutaneousAkin({ fixation: 'screw', wedge: 3.5 }),
    );
    expect(percutaneousAkin({ fixation: 'screw', wedge: 9 })).toBe(
      percutaneousAkin({ fixation: 'screw', wedge: 4 }),
    );
    expect(percutaneousAkin({ fixation: 'screw', wedge: 'x' })).toBe(
      percutaneousAkin({ fixation: 'screw', wedge: 3 }),
    );
    expect(percutaneousAkin({ fixation: 'screw' })).toBe(percutaneousAkin({ fixation: 'screw', wedge: 3 }));
  });

  it('each pass is a burr kerf wide at the medial cortex; the passes overlap into exactly the wedge', async () => {
    for (const wedge of [1, 3, 4]) {
      const { ctx } = await footCase({ wedge, fixation: 'screw' });
      const def = percutaneousAkin(ctx.params);
      const n = akinPasses(wedge);
      expect(def.cuts.map((c) => c.id)).toEqual(Array.from({ length: n }, (_, i) => `wedge-${i + 1}`));
      const f = boneFrame(ctx.landmarks, 'proximalPhalanx1');
      const hinge = akinHinge(ctx);
      // Each piece: [hinge, first face, second face, …]; angles from the first face (⟂ the axis).
      const faces = def.cuts.map((c) => {
        const [piece] = c.cutter(ctx);
        const angleOf = (p: number) => {
          const d = normalize(sub(piece![p]!, piece![0]!));
          return Math.atan2(dot(d, f.axis), dot(d, f.medial)) * DEG;
        };
        expect(Math.hypot(...sub(piece![0]!, add(hinge, scale(f.dorsal, -12))))).toBeLessThan(1e-6);
        return [angleOf(1), angleOf(2)] as const;
      });
      // A slot one burr wide at the medial cortex (2·atan(kerf / 2w)), or the whole wedge if narrower.
      const kerf = 2 * Math.atan(BURR_DIAMETER / (2 * akinWidth(ctx))) * DEG;
      for (const [a, b] of faces) expect(b - a).toBeCloseTo(Math.min(kerf, akinAngle(ctx)), 6);
      expect(kerfAngle(ctx)).toBeCloseTo(Math.min(kerf, akinAngle(ctx)), 9);
      expect(faces[0]![0]).toBeCloseTo(0, 6);
      expect(faces.at(-1)![1]).toBeCloseTo(akinAngle(ctx), 6);
      for (let k = 1; k < n; k++) expect(faces[k]![0]).toBeLessThan(faces[k - 1]![1]);
    }
  });

  it('leaves a closed base and toe at every pass; the bone removed is the analytic wedge', async () => {
    for (const wedge of [1, 3, 4]) {
      const { ctx, posed } = await footCase({ wedge, fixation: 'screw' });
      const def = percutaneousAkin(ctx.params);
      const n = akinPasses(wedge);
      const pp1 = posed.get('proximalPhalanx1')!;
      const stages = runCutChain(wasm, 'proximalPhalanx1', pp1, cutJobs(def.cuts, ctx));
      expect(stages).toHaveLength(n);
      stages.forEach((s, i) => {
        expect(Object.keys(s.fragments).sort()).toEqual(
          i === 0 ? ['akinBase', toeAfter(1, n)] : [toeAfter(i + 1, n)],
        );
        for (const frag of Object.values(s.fragments)) expect(isClosed(frag)).toBe(true);
        expect(s.removedVolume).toBeGreaterThan(0);
      });
      const base = stages[0]!.fragments.akinBase!;
      const toe = stages.at(-1)!.fragments.akinToe!;
      const removed = stages.reduce((s, x) => s + x.removedVolume, 0);
      const before = meshVolume(pp1);
      expect(Math.abs(before - removed - base.volume - toe.volume) / before).toBeLessThan(0.01);
      const f = boneFrame(ctx.landmarks, 'proximalPhalanx1');
      const angle = akinAngle(ctx);
      const analytic = wedgeVolume(
        pp1,
        akinHinge(ctx),
        between(f.medial, f.axis, angle / 2),
        f.dorsal,
        angle,
      );
      expect(Math.abs(removed - analytic) / analytic).toBeLessThan(0.03);
    }
  });

  it('closing turns the toe medially by the wedge angle, alone and in the MICA sitting', async () => {
    const { ctx, patient } = await footCase({ wedge: 3, fixation: 'screw' });
    const def = percutaneousAkin(ctx.params);
    const plan = makePlan(def, ctx);
    const end = evaluate(plan, plan.timeline.total);
    const post = movedLandmarks(def, patient.landmarks, end.transforms);
    const dir = (lm: typeof post) => transverseDirection(lm.distalPhalanx1!.base!, lm.distalPhalanx1!.head!);
    expect(Math.abs(dir(post) - dir(patient.landmarks) - akinAngle(ctx))).toBeLessThan(0.5);
    expect(post.proximalPhalanx1!.base).toEqual(patient.landmarks.proximalPhalanx1!.base);

    // In the sitting the phalanx moves with the head and the soft tissue too: the toe turns on the
    // base by the wedge's angle, whatever else they both do.
    const mica = sitting('mica');
    const both = await footCase(mica.params);
    const sat = makePlan(mica.proc, both.ctx);
    const last = evaluate(sat, sat.timeline.total);
    const rot = (body: string) =>
      new Quaternion().setFromRotationMatrix(new Matrix4().fromArray(last.transforms[body]!));
    const relative = rot('akinBase').invert().multiply(rot('akinToe'));
    expect(
      Math.abs(2 * Math.acos(Math.min(1, Math.abs(relative.w))) * DEG - akinAngle(both.ctx)),
    ).toBeLessThan(0.1);
    const pre = measureFoot(both.patient.landmarks);
    const after = measureFoot(movedLandmarks(mica.proc, both.patient.landmarks, last.transforms));
    expect(after.hvia).toBeLessThan(pre.hvia);
  });

  it('works with the burr alone: no saw, no scalpel, no incision or closure of its own; X-ray at each pass', () => {
    for (const fixation of ['screw', 'staple']) {
      const def = percutaneousAkin({ fixation, wedge: 3 });
      expect(def.steps.every((s) => !s.phase)).toBe(true);
      const tools = kinds(def.steps);
      expect(tools).toContain('burr');
      expect(tools).not.toContain('saw');
      expect(tools).not.toContain('scalpel');
      expect(tools).not.toContain('staple');
      for (const cut of def.cuts) {
        const step = def.steps.find((s) => s.cuts?.includes(cut.id))!;
        expect(step.instruments!.map((i) => i.kind)).toEqual(['burr']);
        expect(step.fluoro).toBe('ap');
      }
      expect(def.steps.findIndex((s) => s.plays?.includes('close'))).toBe(def.cuts.length);
    }
  });

  it('its burr and screw work where the open Akin’s saw and screw do: the lateral cortex at the cut, the lateral base', () => {
    const open = akinWith('screw');
    const openTool = (step: string, id: string) => {
      const s = open.steps.find((x) => x.id === step)!;
      return [...(s.instruments ?? []), ...(s.implants ?? [])].find((u) => u.id === id)!.target;
    };
    const def = percutaneousAkin({ wedge: 3, fixation: 'screw' });
    const burrs = def.steps.flatMap((s) => (s.instruments ?? []).filter((u) => u.kind === 'burr'));
    expect(burrs.length).toBe(akinPasses(3));
    for (const b of burrs) expect(b.target).toEqual(openTool('first-cut', 'saw'));
    expect(burrs[0]!.target).toMatchObject({ part: 'proximalPhalanx1', side: 'lateral' });
    const screw = def.steps.find((s) => s.id === 'screw-portal')!;
    for (const u of [...screw.instruments!, ...screw.implants!])
      expect(u.target).toEqual(openTool('screw', 'screw'));
  });

  it('MICA + Akin: three screws, the Akin burred; classic + Akin: no metal, the bandage holds the toe', async () => {
    const mica = sitting('mica');
    expect(mica.params.fixation).toBe('screw');
    const m = await footCase(mica.params);
    expect(makePlan(mica.proc, m.ctx).implants.map((i) => i.use.kind)).toEqual([
      'cannulatedScrew',
      'cannulatedScrew',
      'headlessScrew',
    ]);
    const classic = sitting('classic');
    const c = await footCase(classic.params);
    expect(makePlan(classic.proc, c.ctx).implants).toHaveLength(0);
    for (const { proc } of [mica, classic]) {
      const steps = akinSteps(proc);
      expect(steps.map((s) => s.id).slice(0, 2)).toEqual(['burr-1', 'burr-2']);
      expect(kinds(steps)).not.toContain('saw');
      expect(kinds(steps)).not.toContain('scalpel');
      // The sitting still closes with the bandage and the shoe.
      expect(proc.steps.slice(-2).map((s) => s.id)).toEqual(['bandage', 'shoe']);
    }
    expect(akinSteps(classic.proc).map((s) => s.id)).toEqual(['burr-1', 'burr-2', 'close']);
    expect(akinSteps(mica.proc).map((s) => s.id)).toEqual(['burr-1', 'burr-2', 'close', 'screw-portal']);
  });

  it('its portals join the sitting’s on the skin; their total grows by them; the burr goes in through its portal', async () => {
    for (const variant of ['classic', 'mica'] as const) {
      const { params, proc } = sitting(variant);
      const { ctx, posed } = await footCase(params);
      const plan = makePlan(proc, ctx);
      const marks = misSkinMarks(plan.ctx, variant);
      const own = PORTALS[variant].map((p) => p.id);
      const added = variant === 'mica' ? ['akin', 'akin-screw'] : ['akin'];
      expect(marks.portals.map((p) => p.id)).toEqual([...own, ...added]);
      expect(proc.skinMarks!(plan.ctx).portals.map((p) => p.id)).toEqual([...own, ...added]);
      const skin = posed.get('skinFoot')!;
      for (const p of marks.portals.filter((x) => added.includes(x.id))) {
        expect(p.mm).toBe(AKIN_PORTAL_MM);
        const step = (d: number) => add(p.at, scale(p.normal, d));
        expect(containsPoint(skin, step(-1)), `${variant} ${p.id} inside`).toBe(true);
        expect(containsPoint(skin, step(1)), `${variant} ${p.id} outside`).toBe(false);
      }
      const values = proc.captionValues!(plan.ctx);
      const ownMm = PORTALS[variant].reduce((s, p) => s + p.mm, 0);
      expect(values.incisionMm).toBe(ownMm + AKIN_PORTAL_MM * added.length);
      // Without the Akin, the variant's own portals only.
      const alone = misBunion({ variant });
      const { ctx: ctx0 } = await footCase({ ...params, akin: '0' });
      expect(alone.skinMarks!(makePlan(alone, ctx0).ctx).portals.map((p) => p.id)).toEqual(own);

      // The burr's shaft passes through its portal (within the slit's half-length and the bit's
      // radius), its tip on the phalanx's lateral side, pointing laterally.
      const portal = marks.portals.find((p) => p.id === 'akin')!;
      const f = boneFrame(ctx.landmarks, 'proximalPhalanx1');
      const first = proc.steps.findIndex((s) => s.id === 'burr-1');
      const span = plan.timeline.spans[first]!;
      for (const q of [0.3, 0.6, 0.95]) {
        const frame = evaluate(plan, span.start + (span.end - span.start) * q);
        const burr = frame.instruments.find((i) => i.kind === 'burr')!;
        const d = burr.pose.direction;
        const toPortal = sub(portal.at, burr.pose.tip);
        const along = dot(toPortal, d);
        expect(along).toBeLessThan(0);
        const miss = Math.hypot(...sub(toPortal, scale(d, along)));
        expect(miss).toBeLessThan(0.01);
        expect(dot(d, f.medial)).toBeLessThan(-0.8);
      }
    }
  });

  it('after a chevron or a scarf the Akin stays the open one, cut with the saw', () => {
    for (const id of ['chevron', 'scarf']) {
      const base = procedureById(id)!;
      const both = resolveProcedure(id, { ...defaultParams(base), akin: '1' })!;
      expect(both.cuts.at(-1)).toBe(akin.cuts[0]);
      const steps = akinSteps(both);
      expect(steps.map((s) => s.id)).toEqual(akin.steps.filter((s) => !s.phase).map((s) => s.id));
      expect(kinds(steps)).toContain('saw');
      expect(kinds(steps)).not.toContain('burr');
    }
  });
});
