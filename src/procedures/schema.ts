import * as v from 'valibot';
import { REGION_PARTS } from '../anatomy/parts';
import { catalogueProblems, referenceProblems } from './schema-references';
import { sourceProblems } from './sources';
import type { ProcedureDef } from './types';

const id = v.pipe(v.string(), v.regex(/^[a-z][a-zA-Z0-9-]*$/, 'must be a camelCase or kebab-case id'));
const fn = v.function_();
const unit = v.picklist(['%', 'mm', '°', 'mL', '']);
const ids = v.optional(v.array(v.string()));

const numberParam = v.pipe(
  v.strictObject({
    id,
    kind: v.literal('number'),
    unit,
    default: v.pipe(v.number(), v.finite()),
    min: v.pipe(v.number(), v.finite()),
    max: v.pipe(v.number(), v.finite()),
    step: v.pipe(v.number(), v.minValue(0.01)),
    limit: v.optional(v.strictObject({ above: v.number(), warning: v.string() })),
    recut: v.boolean(),
    auto: v.optional(v.boolean()),
  }),
  v.check((p) => !p.auto || p.min === 0, 'an automatic parameter must allow 0 (planned)'),
  v.check((p) => p.min <= p.default && p.default <= p.max, 'default must lie within min–max'),
  v.check(
    (p) => !p.limit || (p.limit.above >= p.min && p.limit.above <= p.max),
    'limit must lie within min–max',
  ),
);
const choiceParam = v.pipe(
  v.strictObject({
    id,
    kind: v.literal('choice'),
    values: v.pipe(v.array(v.string()), v.minLength(2)),
    default: v.string(),
    recut: v.boolean(),
    implies: v.optional(v.record(v.string(), v.record(v.string(), v.union([v.string(), v.number()])))),
  }),
  v.check((p) => p.values.includes(p.default), 'default must be one of the values'),
  v.check(
    (p) => Object.keys(p.implies ?? {}).every((k) => p.values.includes(k)),
    'implies must be keyed by the values',
  ),
);
const tool = v.object({
  id,
  kind: v.string(),
  target: v.optional(
    v.object({
      part: v.string(),
      side: v.optional(v.picklist(['medial', 'lateral', 'anterior', 'posterior', 'dorsal', 'plantar'])),
      station: v.optional(
        v.object({
          from: v.string(),
          to: v.string(),
          at: v.number(),
          within: v.pipe(v.number(), v.minValue(0)),
        }),
      ),
      within: v.optional(v.pipe(v.number(), v.minValue(0))),
    }),
  ),
  path: fn,
  action: v.optional(v.picklist(['oscillate', 'spin'])),
  length: v.optional(fn),
  shape: v.optional(fn),
});

const partLandmark = v.object({ part: v.string(), landmark: v.string() });
const between = { body: v.string(), against: v.string() };
const plannedMeasure = v.variant('kind', [
  v.strictObject({ kind: v.literal('turn'), ...between }),
  v.strictObject({ kind: v.literal('shift'), ...between, part: v.string(), at: fn }),
  v.strictObject({ kind: v.literal('gap'), ...between, at: fn, normal: fn }),
]);
/** The unit each kind of planned measure reads in. */
const MEASURE_UNIT = { turn: '°', shift: 'mm', gap: 'mm' } as const;
const readout = v.pipe(
  v.strictObject({ value: v.string(), unit, measuredAs: v.optional(plannedMeasure) }),
  v.check(
    (r) => !r.measuredAs || MEASURE_UNIT[r.measuredAs.kind] === r.unit,
    'a turn reads in °, a shift or a gap in mm',
  ),
  // An angle the operation plans is one the fragments must turn by: say which (invariant table).
  v.check((r) => r.unit !== '°' || r.measuredAs !== undefined, 'a readout in ° needs measuredAs'),
);

const meanSd = v.object({ mean: v.number(), sd: v.pipe(v.number(), v.minValue(0)) });
const seriesSize = v.object({
  n: v.pipe(v.number(), v.integer(), v.minValue(1)),
  of: v.picklist(['feet', 'knees']),
});
const refs = v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.minLength(1));
const publishedResult = v.variant('kind', [
  v.object({
    kind: v.literal('post'),
    measure: v.string(),
    refs,
    pre: meanSd,
    post: meanSd,
    size: seriesSize,
  }),
  v.object({ kind: v.literal('fall'), measure: v.string(), refs, fall: meanSd, size: seriesSize }),
  v.object({
    kind: v.literal('range'),
    measure: v.string(),
    refs,
    low: v.number(),
    high: v.number(),
    from: v.object({ low: v.number(), high: v.number() }),
  }),
]);

const procedureSchema = v.object({
  id,
  region: v.picklist(['foot', 'knee']),
  params: v.array(v.variant('kind', [numberParam, choiceParam])),
  cuts: v.array(
    v.object({
      id,
      bone: v.string(),
      cutter: fn,
      keepsInside: v.optional(v.boolean()),
      fragments: v.pipe(v.array(v.object({ id, probe: fn, holds: v.array(v.string()) })), v.minLength(1)),
    }),
  ),
  motions: v.array(
    v.object({ id, body: v.string(), kind: v.picklist(['translate', 'rotate']), direction: fn, amount: fn }),
  ),
  follows: v.array(v.object({ body: v.string(), follows: v.string() })),
  addons: v.optional(v.array(v.string())),
  approach: v.optional(v.picklist(['percutaneous'])),
  whenAdded: v.optional(v.strictObject({ percutaneous: v.optional(fn) })),
  indication: v.optional(
    v.strictObject({
      suits: v.record(v.string(), v.tuple([v.number(), v.number()])),
      case: v.optional(v.strictObject({ id: v.string(), quotes: v.record(v.string(), v.number()) })),
    }),
  ),
  published: v.optional(v.array(publishedResult)),
  icon: v.optional(v.string()),
  readouts: v.optional(v.record(v.string(), readout)),
  lateralShifts: v.optional(v.record(v.string(), partLandmark)),
  warnings: v.optional(fn),
  skinMarks: v.optional(fn),
  seeThrough: ids,
  keepsAlignment: v.optional(v.boolean()),
  recovery: v.optional(
    v.array(
      v.object({
        at: v.pipe(v.number(), v.minValue(0)),
        to: v.optional(v.pipe(v.number(), v.minValue(0))),
        unit: v.picklist(['minute', 'hour', 'day', 'week', 'month']),
        key: v.string(),
      }),
    ),
  ),
  references: v.optional(v.array(v.pipe(v.number(), v.integer(), v.minValue(1)))),
  sources: v.optional(
    v.record(v.pipe(v.string(), v.regex(/^[1-9]\d*$/)), v.pipe(v.string(), v.minLength(1))),
  ),
  treats: v.optional(v.picklist(['varus', 'valgus'])),
  variant: v.optional(fn),
  steps: v.pipe(
    v.array(
      v.object({
        id,
        phase: v.optional(v.picklist(['open', 'close'])),
        strings: v.optional(v.string()),
        duration: v.pipe(v.number(), v.minValue(0.5)),
        camera: fn,
        cuts: ids,
        fluoro: v.optional(v.picklist(['ap', 'lat'])),
        clock: v.optional(v.pipe(v.number(), v.minValue(0))),
        plays: ids,
        removes: ids,
        instruments: v.optional(v.array(tool)),
        implants: v.optional(v.array(v.object({ ...tool.entries, fixedTo: v.string() }))),
      }),
    ),
    v.minLength(1),
  ),
});

/**
 * Checks a procedure definition's shape, its references between its own parts, and what it names
 * from the catalogues (instrument kinds, bone parts, landmarks). Returns the problems, each as
 * "<procedure id>: <field>: <problem>", so a broken data file says exactly what to fix. `parts`:
 * the bone parts it may name (default: its region's).
 */
export function validateProcedure(p: unknown, parts?: readonly string[]): string[] {
  const name = (p as { id?: unknown } | null)?.id ?? '(no id)';
  const result = v.safeParse(procedureSchema, p);
  if (!result.success)
    return result.issues.map((i) => `${String(name)}: ${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
  const proc = p as ProcedureDef;
  const known = parts ?? REGION_PARTS[proc.region];
  return [...referenceProblems(proc, known), ...catalogueProblems(proc, known), ...sourceProblems(proc)].map(
    (m) => `${String(name)}: ${m}`,
  );
}
