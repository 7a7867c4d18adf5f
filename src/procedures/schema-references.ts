/**
 * What a procedure definition names that its shape cannot show wrong: its own cuts, motions and
 * bodies referring to each other, and the catalogues it draws on (instrument kinds, the region's
 * bone parts and landmarks). Each problem is "<field>: <problem>"; the schema adds the procedure.
 */
import { landmarkNames } from '../anatomy/landmark-names';
import { catalogueEntry, INSTRUMENT_CATALOGUE } from './instruments/catalogue';
import type { InstrumentUse, ProcedureDef, StepDef } from './types';

/** References between the parts of a definition that a shape check cannot see. */
export function referenceProblems(p: ProcedureDef, parts: readonly string[]): string[] {
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
  for (const [id, r] of Object.entries(p.readouts ?? {}))
    for (const end of ['body', 'against'] as const) {
      const b = r.measuredAs?.[end];
      if (b !== undefined && !bodies.has(b))
        problems.push(`readouts.${id}.measuredAs.${end}: "${b}" is no part or fragment`);
    }
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
export function catalogueProblems(p: ProcedureDef, parts: readonly string[]): string[] {
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
  for (const [key, shift] of Object.entries(p.lateralShifts ?? {}))
    if (!parts.includes(shift.part))
      problems.push(`lateralShifts.${key}.part: "${shift.part}" is no part of the ${p.region}`);
    else checkLandmark(`lateralShifts.${key}.landmark`, shift.part, shift.landmark);
  for (const [id, r] of Object.entries(p.readouts ?? {}))
    if (r.measuredAs?.kind === 'shift' && !parts.includes(r.measuredAs.part))
      problems.push(`readouts.${id}.measuredAs.part: "${r.measuredAs.part}" is no part of the ${p.region}`);
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
