import { PROCEDURES, allParams, defaultParams, procedureById } from '../procedures/registry';
import { keyedMemo } from '../procedures/kit/memo';
import type { ParamValue, Params } from '../procedures/types';

/**
 * Whether `other` can be shown beside `main`: the patient before surgery always can, another
 * operation if it is a different one on the same region (the same patient's bones).
 */
export function canCompare(main: string | null, other: string | null): boolean {
  const a = procedureById(main);
  if (!a || !other) return false;
  if (other === 'before') return true;
  const b = procedureById(other);
  return Boolean(b && b.id !== a.id && b.region === a.region);
}

/** What may be shown beside `main`: the patient before surgery, then the other operations in the picker's order. */
export function comparableWith(main: string | null): string[] {
  return ['before', ...PROCEDURES.map((p) => p.id)].filter((id) => canCompare(main, id));
}

/**
 * The compared operation's parameters: its defaults, with the open one's values where both have the
 * same parameter and the value is valid for it (opening and closing HTO aim at the same WBL target).
 * One object per (other, main parameters), so the view and the panel share one plan of it.
 */
export function comparedParams(other: string, main: Params): Params {
  return shared([main, other], () => sharedWith(other, main));
}

const shared = keyedMemo<Params>();

function sharedWith(other: string, main: Params): Params {
  const proc = procedureById(other);
  if (!proc) return {};
  const params: Record<string, ParamValue> = defaultParams(proc);
  for (const d of allParams(proc)) {
    const v = main[d.id];
    if (v === undefined) continue;
    if (d.kind === 'number' && typeof v === 'number' && v >= d.min && v <= d.max) params[d.id] = v;
    if (d.kind === 'choice' && d.values.includes(String(v))) params[d.id] = String(v);
  }
  return params;
}
