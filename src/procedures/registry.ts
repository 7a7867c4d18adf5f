import type { Region } from '../anatomy/types';
import { typicalRangeIn, type PublishedResult, type TypicalRange } from '../clinical/published-results';
import { composeProcedures } from './kit/compose';
import { keyedMemo } from './kit/memo';
import type { ParamValue, Params, ProcedureDef } from './types';

/** What each file in `defs/` exports: its definition and where the picker lists it. */
interface DefinitionModule {
  readonly order: number;
  readonly procedure: ProcedureDef;
}

/** Every definition file, found without a list: adding a procedure is adding a file to `defs/`. */
const DEFINITIONS = import.meta.glob<DefinitionModule>('./defs/*.ts', { eager: true });

/** Every procedure the app offers, in the order the picker shows them. */
export const PROCEDURES: readonly ProcedureDef[] = Object.values(DEFINITIONS)
  .sort((a, b) => a.order - b.order)
  .map((m) => m.procedure);

// In development each definition is checked against the schema and the catalogues once loaded (a
// broken one is reported, not left out). The tests check every definition and variant themselves
// (procedure-schema.test.ts), and the production build leaves the schema, its validation library
// and the instrument catalogue it reads out of the first view.
if (import.meta.env?.DEV && import.meta.env.MODE !== 'test')
  void import('./schema').then(({ validateProcedure }) => {
    for (const p of PROCEDURES) {
      const problems = validateProcedure(p);
      if (problems.length) console.error(problems.join('\n'));
    }
  });

/** Sittings are composed once per pair of definitions, so a sitting's identity is stable across renders. */
const sittings = keyedMemo<ProcedureDef>();

export function procedureById(id: string | null | undefined): ProcedureDef | undefined {
  return PROCEDURES.find((p) => p.id === id);
}

/**
 * The procedure as it will be played for these parameters: its variant, followed by any added
 * procedure switched on (`akin: '1'` after a chevron), as the sitting does it (the add-on's `whenAdded` version for the host's `approach`).
 */
export function resolveProcedure(
  id: string | null | undefined,
  params: Readonly<Record<string, ParamValue>>,
): ProcedureDef | undefined {
  const base = procedureById(id);
  if (!base) return undefined;
  const host = base.variant?.(params) ?? base;
  let proc = host;
  for (const addon of base.addons ?? []) {
    if (params[addon] !== '1') continue;
    const added = addonOf(host, addon, params);
    if (!added) continue;
    const first = proc;
    proc = sittings([first, added], () => composeProcedures(first, added));
  }
  return proc;
}

/**
 * The definition of add-on `id` as the sitting of `host` plays it for these parameters: its version
 * for the host's approach (a percutaneous Akin after percutaneous bunion surgery), else its variant.
 */
export function addonOf(host: ProcedureDef, id: string, params: Params = {}): ProcedureDef | undefined {
  const asAdded = host.approach && procedureById(id)?.whenAdded?.[host.approach];
  return asAdded ? asAdded(params) : resolveProcedure(id, params);
}

/** A procedure's own parameters, then each add-on's switch and parameters (as its sitting takes it). */
export function allParams(proc: ProcedureDef): ProcedureDef['params'] {
  return [
    ...proc.params,
    ...(proc.addons ?? []).flatMap((id) => {
      const added = addonOf(proc, id);
      return added
        ? [{ id, kind: 'choice' as const, values: ['0', '1'], default: '0', recut: true }, ...added.params]
        : [];
    }),
  ];
}

export function proceduresOf(region: Region): readonly ProcedureDef[] {
  return PROCEDURES.filter((p) => p.region === region);
}

/** What choosing `value` for parameter `id` also sets (see ChoiceParamDef.implies). */
export function impliedBy(proc: ProcedureDef, id: string, value: ParamValue): Params {
  const def = allParams(proc).find((p) => p.id === id);
  return (def?.kind === 'choice' && def.implies?.[String(value)]) || {};
}

/** The default value of every parameter of a procedure, with what the default choices imply. */
export function defaultParams(proc: ProcedureDef): Record<string, number | string> {
  const params: Record<string, ParamValue> = Object.fromEntries(
    allParams(proc).map((p) => [p.id, p.default]),
  );
  for (const p of allParams(proc)) Object.assign(params, impliedBy(proc, p.id, p.default));
  return params;
}

/** The published results of an operation as chosen with these parameters (its variant's; none: an empty list). */
export function publishedResults(
  id: string | null | undefined,
  params: Params = {},
): readonly PublishedResult[] {
  const base = procedureById(id);
  return (base?.variant?.(params) ?? base)?.published ?? [];
}

/**
 * The typical published post-operative range of `measureId` after operation `id` with these
 * parameters, for a patient whose pre-operative value is `preValue`; undefined where CLINICAL §5 has
 * no series for it.
 */
export function typicalRange(
  id: string | null | undefined,
  params: Params,
  measureId: string,
  preValue?: number,
): TypicalRange | undefined {
  return typicalRangeIn(publishedResults(id, params), measureId, preValue);
}
