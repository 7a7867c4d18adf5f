import * as v from 'valibot';
import { landmarkNames } from '../anatomy/landmark-names';
import { REGION_PARTS } from '../anatomy/parts';
import { catalogueEntry, INSTRUMENT_CATALOGUE } from './instruments/catalogue';
import type { InstrumentUse, ProcedureDef, StepDef } from './types';

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
  addonVariants: v.optional(v.record(v.string(), fn)),
  icon: v.optional(v.string()),
  readouts: v.optional(v.record(v.string(), v.object({ value: v.string(), unit }))),
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

/** References between the parts of a definition that a shape check cannot see. */
function referenceProblems(p: ProcedureDef, parts: readonly string[]): string[] {
  const problems: string[] = [];
  const fragments = p.cuts.flatMap((c) => c.fragments.map((f) => f.id));
  const bodies = new Set([...parts, ...fragments]);
  const cuts = new Set(p.cuts.map((c) => c.id));
  const motions = new Set(p.motions.map((m) => m.id));
  const unique = (what: string, list: readonly string[]) => {
    const seen = new Set<string>();
    for (const x of list) {
      if (seen.has(x)) problems.push(`${what} "${x}" is declared twice`);
      seen.add(x);
    }
  };
  unique(
    'step',
    p.steps.map((s) => s.id),
  );
  unique('cut', [...cuts]);
  unique(
    'motion',
    p.motions.map((m) => m.id),
  );
  unique(
    'param',
    p.params.map((x) => x.id),
  );
  p.cuts.forEach((c, i) => {
    if (!bodies.has(c.bone)) problems.push(`cuts[${i}] (${c.id}).bone: "${c.bone}" is no part or fragment`);
  });
  p.motions.forEach((m, i) => {
    if (!bodies.has(m.body))
      problems.push(`motions[${i}] (${m.id}).body: "${m.body}" is no part or fragment`);
  });
  p.follows.forEach((f, i) => {
    for (const b of [f.body, f.follows])
      if (!bodies.has(b)) problems.push(`follows[${i}]: "${b}" is no part or fragment`);
  });
  const played = new Set(p.steps.flatMap((s) => s.plays ?? []));
  for (const m of motions) if (!played.has(m)) problems.push(`motion "${m}" is played by no step`);
  for (const b of p.seeThrough ?? [])
    if (!p.cuts.some((c) => c.bone === b)) problems.push(`seeThrough: "${b}" is no part a cut cuts`);
  p.steps.forEach((s, i) => {
    for (const c of s.cuts ?? [])
      if (!cuts.has(c)) problems.push(`steps[${i}] (${s.id}).cuts: no cut "${c}"`);
    for (const m of s.plays ?? [])
      if (!motions.has(m)) problems.push(`steps[${i}] (${s.id}).plays: no motion "${m}"`);
    for (const b of s.removes ?? [])
      if (!bodies.has(b)) problems.push(`steps[${i}] (${s.id}).removes: no body "${b}"`);
    for (const im of s.implants ?? [])
      if (!bodies.has(im.fixedTo))
        problems.push(`steps[${i}] (${s.id}).implants: "${im.fixedTo}" is no body`);
  });
  return problems;
}

/** The part a body comes from: a fragment (of a fragment) belongs to the bone first cut. */
function rootPart(p: ProcedureDef, body: string): string {
  let part = body;
  // Bounded: a definition whose cuts feed each other in a loop still ends.
  for (let hops = 0; hops <= p.cuts.length; hops++) {
    const cut = p.cuts.find((c) => c.bone !== part && c.fragments.some((f) => f.id === part));
    if (!cut) break;
    part = cut.bone;
  }
  return part;
}

/**
 * What a procedure names from the catalogues: each tool's and implant's kind (the instrument
 * catalogue), the bone part a tool works on (the region's parts) and every landmark (the region's
 * landmark names).
 */
function catalogueProblems(p: ProcedureDef, parts: readonly string[]): string[] {
  const problems: string[] = [];
  const checkLandmark = (field: string, part: string, name: string) => {
    if (!landmarkNames(p.region, part).includes(name))
      problems.push(`${field}: "${name}" is no landmark of ${part} (${p.region})`);
  };
  p.cuts.forEach((c, i) =>
    c.fragments.forEach((f, j) => {
      for (const name of f.holds)
        checkLandmark(`cuts[${i}] (${c.id}).fragments[${j}] (${f.id}).holds`, rootPart(p, c.bone), name);
    }),
  );
  const checkUse = (field: string, use: InstrumentUse, role?: 'implant') => {
    if (!Object.hasOwn(INSTRUMENT_CATALOGUE, use.kind)) {
      problems.push(`${field}.kind: "${use.kind}" is no kind in the instrument catalogue`);
      return;
    }
    const entry = catalogueEntry(use.kind);
    if (role && entry.role !== role)
      problems.push(`${field}.kind: "${use.kind}" is a ${entry.role}, not an ${role}`);
    const target = use.target;
    if (!target) {
      if (entry.touchesBone) problems.push(`${field}.target: a ${use.kind} works on bone: name its target`);
      return;
    }
    if (!parts.includes(target.part))
      problems.push(`${field}.target.part: "${target.part}" is no part of the ${p.region}`);
    else if (target.station)
      for (const end of ['from', 'to'] as const)
        checkLandmark(`${field}.target.station.${end}`, target.part, target.station[end]);
  };
  p.steps.forEach((s: StepDef, i) => {
    s.instruments?.forEach((u, j) => checkUse(`steps[${i}] (${s.id}).instruments[${j}] (${u.id})`, u));
    s.implants?.forEach((u, j) => checkUse(`steps[${i}] (${s.id}).implants[${j}] (${u.id})`, u, 'implant'));
  });
  return problems;
}

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
  return [...referenceProblems(proc, known), ...catalogueProblems(proc, known)].map(
    (m) => `${String(name)}: ${m}`,
  );
}
