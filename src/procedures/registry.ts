import type { Region } from '../anatomy/types';
import { FOOT_PARTS, KNEE_PARTS } from '../anatomy/parts';
import { chevron } from './chevron';
import { validateProcedure } from './schema';
import type { ProcedureDef } from './types';

const ALL_PARTS = [...FOOT_PARTS, ...KNEE_PARTS];

/** Checks each definition at load; a broken one is left out (and the tests fail on the error). */
function checked(defs: readonly ProcedureDef[]): ProcedureDef[] {
  return defs.filter((d) => {
    const problems = validateProcedure(d, ALL_PARTS);
    if (problems.length) console.error(`Procedure left out:\n${problems.join('\n')}`);
    return problems.length === 0;
  });
}

/** Every procedure the app offers, in the order the picker shows them. */
export const PROCEDURES: readonly ProcedureDef[] = checked([chevron]);

export function procedureById(id: string | null | undefined): ProcedureDef | undefined {
  return PROCEDURES.find((p) => p.id === id);
}

export function proceduresOf(region: Region): readonly ProcedureDef[] {
  return PROCEDURES.filter((p) => p.region === region);
}

/** The default value of every parameter of a procedure. */
export function defaultParams(proc: ProcedureDef): Record<string, number | string> {
  return Object.fromEntries(proc.params.map((p) => [p.id, p.default]));
}
