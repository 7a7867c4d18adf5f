import { describe, expect, it } from 'vitest';
import { en, it as it_ } from '../locale-strings';
import { FOOT_PARTS, KNEE_PARTS } from '../../src/anatomy/parts';
import { PROCEDURES, defaultParams, resolveProcedure } from '../../src/procedures/registry';
import { movedLandmarks } from '../../src/engine/post-op';
import { measureFoot } from '../../src/clinical/foot-angles';
import { validateProcedure } from '../../src/procedures/schema';
import { chevron } from '../../src/procedures/defs/chevron';
import type { Params, ProcedureDef } from '../../src/procedures/types';
import { makePlan } from '../../src/engine/plan';
import { evaluate } from '../../src/engine/evaluate';
import { footCase } from '../../scripts/models/foot-case';

const PARTS = [...FOOT_PARTS, ...KNEE_PARTS];
const lookup = (o: object, key: string) =>
  key.split('.').reduce<unknown>((a, k) => (a as Record<string, unknown> | undefined)?.[k], o);

describe('procedure definitions', () => {
  it("the registry finds every definition file and lists them in the picker's order", () => {
    const files = import.meta.glob<{ order: unknown; procedure: ProcedureDef }>(
      '../../src/procedures/defs/*.ts',
      { eager: true },
    );
    const orders = Object.values(files).map((m) => m.order);
    // Each file says where the picker lists it: a number no other file takes.
    expect(orders.every((o) => typeof o === 'number' && Number.isFinite(o))).toBe(true);
    expect(new Set(orders).size).toBe(orders.length);
    expect(PROCEDURES.map((p) => p.id)).toEqual(
      Object.values(files)
        .sort((a, b) => Number(a.order) - Number(b.order))
        .map((m) => m.procedure.id),
    );
    // The operations offered today keep their places, whatever is added among them.
    const today = [
      'chevron',
      'scarf',
      'akin',
      'mis-bunion',
      'hto-opening',
      'hto-closing',
      'dfo-opening',
      'dfo-closing',
      'cementoplasty',
    ];
    expect(PROCEDURES.map((p) => p.id).filter((id) => today.includes(id))).toEqual(today);
  });

  it.each(PROCEDURES.map((p) => [p.id, p] as const))('%s passes the schema', (_id, p) => {
    expect(validateProcedure(p, PARTS)).toEqual([]);
  });

  it('rejects broken definitions, naming the procedure and the field', () => {
    const broken = (patch: Partial<ProcedureDef>) => validateProcedure({ ...chevron, ...patch }, PARTS);
    expect(broken({ id: 'Bad Id' })[0]).toMatch(/^Bad Id: id: /);
    expect(
      broken({ params: [{ ...chevron.params[0]!, default: 500 } as ProcedureDef['params'][number]] }),
    ).toEqual(['chevron: params.0: default must lie within min–max']);
    expect(broken({ steps: chevron.steps.map((s) => ({ ...s, plays: [] })) })).toContain(
      'chevron: motion "shift" is played by no step',
    );
    expect(
      broken({ motions: [{ ...chevron.motions[0]!, body: 'nose' }, ...chevron.motions.slice(1)] }),
    ).toContain('chevron: motions[0] (shift).body: "nose" is no part or fragment');
    const noCamera = chevron.steps.map((s, i) => (i === 2 ? { ...s, camera: undefined } : s));
    expect(broken({ steps: noCamera as unknown as ProcedureDef['steps'] })[0]).toMatch(
      /^chevron: steps\.2\.camera: /,
    );
  });

  it.each(PROCEDURES.map((p) => [p.id, p] as const))(
    '%s has every string in English and Italian',
    (_id, p) => {
      const keys = [
        `proc.${p.id}.name`,
        `proc.${p.id}.summary`,
        ...p.params.map((d) => `proc.${p.id}.param.${d.id}`),
        ...p.params.flatMap((d) => (d.kind === 'number' && d.limit ? [d.limit.warning] : [])),
        ...p.params.flatMap((d) =>
          d.kind === 'choice' ? d.values.map((v) => `proc.${p.id}.${d.id}.${v}`) : [],
        ),
        ...(p.addons ?? []).map((a) => `procedure.addon.${a}`),
        ...['indications', 'contraindications', 'risks', 'aftercare'].map((x) => `proc.${p.id}.info.${x}`),
        ...p.steps.flatMap((s) =>
          ['title', 'patient', 'technical'].map((v) => `proc.${p.id}.step.${s.id}.${v}`),
        ),
      ];
      for (const k of keys) {
        expect(typeof lookup(en, k), `en ${k}`).toBe('string');
        expect(typeof lookup(it_, k), `it ${k}`).toBe('string');
      }
    },
  );
});

describe('two procedures in one sitting', () => {
  it.each(['chevron', 'scarf'])(
    '%s + Akin: valid, one incision and one closure, and the toe straighter',
    async (id) => {
      const base = PROCEDURES.find((p) => p.id === id)!;
      const params = { ...defaultParams(base), akin: '1' };
      const both = resolveProcedure(id, params)!;
      expect(validateProcedure(both, PARTS)).toEqual([]);
      expect(both.steps.filter((s) => s.phase === 'open').length).toBe(
        base.steps.filter((s) => s.phase === 'open').length,
      );
      expect(both.steps.at(-1)!.id).toBe('closure');
      expect(both.steps.some((s) => s.strings === 'akin')).toBe(true);
      const measureEnd = async (p: ProcedureDef, par: Record<string, number | string>) => {
        const { ctx, patient } = await footCase(par);
        const plan = makePlan(p, ctx);
        return measureFoot(
          movedLandmarks(p, patient.landmarks, evaluate(plan, plan.timeline.total).transforms),
        );
      };
      const alone = await measureEnd(resolveProcedure(id, defaultParams(base))!, defaultParams(base));
      const combined = await measureEnd(both, params);
      // The Akin turns the toe further medially: HVA + HVIA falls by its wedge angle.
      expect(alone.hva + alone.hvia - (combined.hva + combined.hvia)).toBeGreaterThan(10);
      expect(combined.ima).toBeCloseTo(alone.ima, 6);
    },
  );

  it('every step of every sitting (each choice, with and without its add-ons) has its captions', () => {
    for (const base of PROCEDURES) {
      const choices: Params[] = base.params.flatMap((d) =>
        d.kind === 'choice' ? d.values.map((v) => ({ [d.id]: v, ...d.implies?.[v] })) : [],
      );
      // An added Akin's fixation and wedge (a percutaneous one's burr passes) change its steps too.
      const added: Params[] = (base.addons ?? []).length
        ? ['staple', 'screw'].flatMap((fixation) =>
            [1, 3, 4].map((wedge) => ({
              ...Object.fromEntries(base.addons!.map((a) => [a, '1'])),
              fixation,
              wedge,
            })),
          )
        : [];
      for (const choice of [{}, ...choices])
        for (const addon of [{}, ...added]) {
          const proc = resolveProcedure(base.id, { ...defaultParams(base), ...choice, ...addon })!;
          for (const s of proc.steps)
            for (const v of ['title', 'patient', 'technical']) {
              const k = `proc.${s.strings ?? proc.id}.step.${s.id}.${v}`;
              expect(typeof lookup(en, k), `en ${k}`).toBe('string');
              expect(typeof lookup(it_, k), `it ${k}`).toBe('string');
            }
        }
    }
  });

  it('after percutaneous bunion surgery the Akin is the burr’s, through a portal', () => {
    const base = PROCEDURES.find((p) => p.id === 'mis-bunion')!;
    for (const variant of ['classic', 'mica']) {
      const params = { ...defaultParams(base), variant, akin: '1' };
      const both = resolveProcedure('mis-bunion', params)!;
      expect(validateProcedure(both, PARTS)).toEqual([]);
      expect(both).toBe(resolveProcedure('mis-bunion', { ...params }));
      const tools = both.steps
        .filter((s) => s.strings === 'akin')
        .flatMap((s) => (s.instruments ?? []).map((i) => i.kind));
      expect(tools).toContain('burr');
      expect(tools).not.toContain('saw');
      expect(both.steps.some((s) => s.phase === 'open' && s.strings === 'akin')).toBe(false);
    }
  });

  it('the Akin fixation picks its implant', () => {
    const kinds = (fixation: string) =>
      resolveProcedure('akin', { wedge: 3, fixation })!.steps.flatMap((s) =>
        (s.implants ?? []).map((i) => i.kind),
      );
    expect(kinds('staple')).toEqual(['staple']);
    expect(kinds('screw')).toEqual(['headlessScrew']);
  });
});
