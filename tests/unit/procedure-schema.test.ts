import { describe, expect, it } from 'vitest';
import { LANDMARK_NAMES } from '../../src/anatomy/landmark-names';
import { REST_LANDMARKS } from '../../src/engine/rest-landmarks';
import { INSTRUMENT_CATALOGUE } from '../../src/procedures/instruments/catalogue';
import {
  PROCEDURES,
  allParams,
  defaultParams,
  procedureById,
  resolveProcedure,
} from '../../src/procedures/registry';
import { validateProcedure } from '../../src/procedures/schema';
import type {
  InstrumentKind,
  Params,
  PlannedMeasure,
  ProcedureDef,
  StepDef,
} from '../../src/procedures/types';

/** Every sitting a procedure can be played as: its defaults, then each value of each choice (variants, add-ons). */
function sittings(p: ProcedureDef): [string, ProcedureDef][] {
  const base = defaultParams(p);
  const choices: Params[] = allParams(p).flatMap((d) =>
    d.kind === 'choice' ? d.values.map((value) => ({ ...base, [d.id]: value })) : [],
  );
  return [base, ...choices].map((params) => [JSON.stringify(params), resolveProcedure(p.id, params)!]);
}

describe('procedure schema against the catalogues', () => {
  it.each(PROCEDURES.flatMap((p) => sittings(p).map(([params, def]) => [p.id, params, def] as const)))(
    '%s passes with %s',
    (_id, _params, def) => {
      expect(validateProcedure(def)).toEqual([]);
    },
  );

  it('names the procedure and the field of an unknown instrument kind, bone part and landmark', () => {
    const chevron = procedureById('chevron')!;
    const sawStep = chevron.steps.findIndex((s) => s.instruments?.some((u) => u.target));
    const step = chevron.steps[sawStep]!;
    const tool = step.instruments![0]!;
    const broken: ProcedureDef = {
      ...chevron,
      cuts: chevron.cuts.map((c, i) =>
        i === 0
          ? { ...c, fragments: c.fragments.map((f, j) => (j === 0 ? { ...f, holds: ['nose'] } : f)) }
          : c,
      ),
      steps: chevron.steps.map((s, i): StepDef =>
        i === sawStep
          ? {
              ...s,
              instruments: [
                { ...tool, kind: 'laser' as InstrumentKind },
                { ...tool, id: 'probe', target: { ...tool.target!, part: 'femurHead' } },
              ],
            }
          : s,
      ),
    };
    const cut = chevron.cuts[0]!;
    const field = `steps[${sawStep}] (${step.id}).instruments`;
    expect(validateProcedure(broken)).toEqual([
      `chevron: cuts[0] (${cut.id}).fragments[0] (${cut.fragments[0]!.id}).holds: "nose" is no landmark of metatarsal1 (foot)`,
      `chevron: ${field}[0] (${tool.id}).kind: "laser" is no kind in the instrument catalogue`,
      `chevron: ${field}[1] (probe).target.part: "femurHead" is no part of the foot`,
    ]);
  });

  it('names the field of a measured shift on an unknown landmark or part', () => {
    const chevron = procedureById('chevron')!;
    const broken: ProcedureDef = {
      ...chevron,
      lateralShifts: {
        shiftMm: { part: 'metatarsal1', landmark: 'nose' },
        toeMm: { part: 'femur', landmark: 'head' },
      },
    };
    expect(validateProcedure(broken)).toEqual([
      'chevron: lateralShifts.shiftMm.landmark: "nose" is no landmark of metatarsal1 (foot)',
      'chevron: lateralShifts.toeMm.part: "femur" is no part of the foot',
    ]);
  });

  it('names the field of a planned number measured on unknown bodies, in the wrong unit, or not declared', () => {
    const chevron = procedureById('chevron')!;
    const shift = chevron.readouts!['shift-mm']!;
    const broken: ProcedureDef = {
      ...chevron,
      readouts: {
        'shift-mm': { ...shift, measuredAs: { ...shift.measuredAs!, against: 'shank' } as PlannedMeasure },
        'head-mm': { ...shift, measuredAs: { ...shift.measuredAs!, part: 'femur' } as PlannedMeasure },
        turn: {
          value: 'vAngle',
          unit: 'mm',
          measuredAs: { kind: 'turn', body: 'capital', against: 'shaft' },
        },
        'v-angle': { value: 'vAngle', unit: '°' },
      },
    };
    expect(validateProcedure(broken)).toEqual([
      'chevron: readouts.turn: a turn reads in °, a shift or a gap in mm',
      'chevron: readouts.v-angle: a readout in ° needs measuredAs',
    ]);
    const named: ProcedureDef = {
      ...broken,
      readouts: { 'shift-mm': broken.readouts!['shift-mm']!, 'head-mm': broken.readouts!['head-mm']! },
    };
    expect(validateProcedure(named)).toEqual([
      'chevron: readouts.shift-mm.measuredAs.against: "shank" is no part or fragment',
      'chevron: readouts.head-mm.measuredAs.part: "femur" is no part of the foot',
    ]);
  });

  it('names an unknown landmark of a tool station, a bone tool without a target and a tool placed as an implant', () => {
    const chevron = procedureById('chevron')!;
    const i = chevron.steps.findIndex((s) => s.instruments?.some((u) => u.target?.station));
    const step = chevron.steps[i]!;
    const tool = step.instruments!.find((u) => u.target?.station)!;
    const station = { ...tool.target!.station!, to: 'tip' };
    const broken: ProcedureDef = {
      ...chevron,
      steps: chevron.steps.map((s, k): StepDef =>
        k === i
          ? {
              ...s,
              instruments: [
                { ...tool, target: { ...tool.target!, station } },
                { ...tool, id: 'bare', target: undefined },
              ],
              implants: [{ ...tool, fixedTo: 'metatarsal1' }],
            }
          : s,
      ),
    };
    expect(validateProcedure(broken)).toEqual([
      `chevron: steps[${i}] (${step.id}).instruments[0] (${tool.id}).target.station.to: "tip" is no landmark of ${tool.target!.part} (foot)`,
      `chevron: steps[${i}] (${step.id}).instruments[1] (bare).target: a ${tool.kind} works on bone: name its target`,
      `chevron: steps[${i}] (${step.id}).implants[0] (${tool.id}).kind: "${tool.kind}" is a tool, not an implant`,
    ]);
  });

  it('knows every landmark the models carry, and no other', () => {
    for (const [region, parts] of Object.entries(REST_LANDMARKS))
      for (const [part, points] of Object.entries(parts))
        expect(
          [...LANDMARK_NAMES[region as keyof typeof LANDMARK_NAMES][part as never]].sort(),
          `${region} ${part}`,
        ).toEqual(Object.keys(points).sort());
  });

  it('gives every kind a role, a material and a builder', () => {
    for (const entry of Object.values(INSTRUMENT_CATALOGUE)) {
      expect(['tool', 'implant', 'dressing']).toContain(entry.role);
      expect(typeof entry.build).toBe('function');
    }
  });
});
