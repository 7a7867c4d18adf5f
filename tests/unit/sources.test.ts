import { describe, expect, it } from 'vitest';
import { SHARED_REFERENCES } from '../../src/clinical/references';
import { addonOf, PROCEDURES, procedureById } from '../../src/procedures/registry';
import { validateProcedure } from '../../src/procedures/schema';
import { joinSources } from '../../src/procedures/sources';
import type { ProcedureDef } from '../../src/procedures/types';
import { everySitting } from '../sittings';

/** Every definition the app plays or shows: each sitting, and each add-on as its host's sitting does it. */
const definitions = (): ProcedureDef[] =>
  everySitting().flatMap((s) => [
    s.proc,
    ...(s.proc.addons ?? []).flatMap((id) => addonOf(s.proc, id, s.params) ?? []),
  ]);

const cites = (p: ProcedureDef) => [...(p.references ?? []), ...(p.published ?? []).flatMap((r) => r.refs)];

describe('sources live with the operation that cites them', () => {
  it('every sitting cites only sources it or the shared table gives, and none disagree', () => {
    const sittings = definitions();
    for (const p of sittings)
      for (const n of cites(p)) expect(p.sources?.[n] ?? SHARED_REFERENCES[n]).toBeTruthy();
    const { references, clashes } = joinSources(sittings);
    expect(clashes).toEqual([]);
    // Every variant's and add-on's sources are its base operation's: the base operations give them all.
    expect(references).toEqual(joinSources(PROCEDURES).references);
  });

  it('the shared table keeps only what no operation or several cite: the rest is in its own file', () => {
    const citedBy = new Map<number, Set<string>>();
    for (const proc of definitions())
      for (const n of cites(proc)) citedBy.set(n, (citedBy.get(n) ?? new Set()).add(proc.id));
    const ownOnly = Object.keys(SHARED_REFERENCES)
      .map(Number)
      .filter((n) => citedBy.get(n)?.size === 1);
    expect(ownOnly).toEqual([]);
    expect(procedureById('chevron')!.sources?.[6]).toMatch(/^Austin & Leventen/);
    expect(SHARED_REFERENCES[6]).toBeUndefined();
  });

  it('the schema names the operation and the field of a source with no citation', () => {
    const chevron = procedureById('chevron')!;
    const broken: ProcedureDef = {
      ...chevron,
      references: [...chevron.references!, 999],
      published: [{ ...chevron.published![0]!, refs: [998] }],
      sources: { ...chevron.sources, 67: 'a second citation of a shared source' },
    };
    const problems = validateProcedure(broken);
    expect(problems).toContain(
      `chevron: references[${chevron.references!.length}]: source 999 has no citation (in its own \`sources\` or clinical/references.ts)`,
    );
    expect(problems.some((m) => m.startsWith('chevron: published[0].refs[0]: source 998'))).toBe(true);
    expect(problems).toContain('chevron: sources.67: a shared source already has this number');
  });

  it('two operations citing one source otherwise is a clash', () => {
    const scarf = procedureById('scarf')!;
    const { clashes } = joinSources([
      procedureById('chevron')!,
      { ...scarf, sources: { 6: 'Austin, another book' } },
    ]);
    expect(clashes).toEqual(['scarf: sources.6: chevron cites it otherwise']);
  });
});
