import type { Region } from '../anatomy/types';
import { chevron } from './chevron';
import type { ProcedureDef } from './types';

/** Every procedure the app offers, in the order the picker shows them. */
export const PROCEDURES: readonly ProcedureDef[] = [chevron];

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
