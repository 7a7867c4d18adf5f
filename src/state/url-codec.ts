import { allParams, procedureById } from '../procedures/registry';
import { paramTable, type ParamSpec, type ParamTable } from './url-params';

/** Why a URL value was not used as given; shown to the user in their language. */
export interface Notice {
  readonly param: string;
  readonly kind: 'clamped' | 'invalid' | 'unknown' | 'repeated';
  /** The value as given, shortened for display (React escapes it). */
  readonly given: string;
  /** The value used instead, when there is one. */
  readonly used?: string;
}

export type ParsedValues = Partial<Record<string, string | number>>;

const MAX_SHOWN = 24;
const shorten = (s: string): string => (s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s);
const MAX_KEYS = 64;

function parseValue(spec: ParamSpec, raw: string): { value: string | number; notice?: Notice['kind'] } {
  if (spec.kind === 'list') {
    const given = raw.split(',').map((v) => v.trim().toLowerCase());
    const known = [...new Set(given.filter((v) => spec.values.includes(v)))];
    if (!known.length) return { value: spec.default, notice: 'invalid' };
    const value = known.join(',');
    return known.length === given.length ? { value } : { value, notice: 'invalid' };
  }
  if (spec.kind === 'choice') {
    const v = raw.trim().toLowerCase();
    return spec.values.includes(v) ? { value: v } : { value: spec.default, notice: 'invalid' };
  }
  const n = raw.trim() === '' ? NaN : Number(raw.trim().replace(',', '.'));
  if (!Number.isFinite(n)) return { value: spec.default, notice: 'invalid' };
  const clamped = Math.min(spec.max, Math.max(spec.min, n));
  return clamped === n ? { value: n } : { value: clamped, notice: 'clamped' };
}

/**
 * Reads the app state from a query string and/or fragment (the fragment wins: patient angles may
 * live there so they never reach a server). Never throws: anything it cannot use is dropped or
 * clamped, with a notice saying which and why.
 */
export function decodeUrl(search: string, hash = ''): { values: ParsedValues; notices: Notice[] } {
  const values: ParsedValues = {};
  const notices: Notice[] = [];
  const seen = new Set<string>();
  const entries = [
    ...new URLSearchParams(search.replace(/^\?/, '')).entries(),
    ...new URLSearchParams(hash.replace(/^#/, '')).entries(),
  ].slice(0, MAX_KEYS);
  // The procedure (and its add-ons) decide which other parameters exist, so they are read first.
  const procedure = entries
    .findLast(([k]) => k === 'p')?.[1]
    ?.trim()
    .toLowerCase();
  const proc = procedureById(procedure);
  const own = new Set(proc ? allParams(proc).map((d) => d.id) : []);
  // Read as the values themselves will be (trimmed, lower case), so `variant=MICA` implies as `mica` does.
  const chosen = Object.fromEntries(
    entries.filter(([k]) => own.has(k)).map(([k, v]) => [k, v.trim().toLowerCase()]),
  );
  const table = paramTable(procedure, chosen);
  for (const [key, raw] of entries) {
    const spec: ParamSpec | undefined = Object.hasOwn(table, key) ? table[key] : undefined;
    if (!spec) {
      notices.push({ param: shorten(key), kind: 'unknown', given: shorten(raw) });
      continue;
    }
    const { value, notice } = parseValue(spec, raw);
    if (seen.has(key) && values[key] !== value)
      notices.push({ param: key, kind: 'repeated', given: shorten(raw) });
    seen.add(key);
    values[key] = value;
    if (notice) notices.push({ param: key, kind: notice, given: shorten(raw), used: String(value) });
  }
  return { values, notices };
}

/** Writes values as a query string, omitting those equal to their default. */
export function encodeUrl(
  values: ParsedValues,
  table: ParamTable = paramTable(String(values.p), values as Record<string, string>),
): string {
  const q = new URLSearchParams();
  for (const [key, spec] of Object.entries(table)) {
    const v = values[key];
    if (v === undefined || v === spec.default) continue;
    // Two decimals: a cement increment moves by 0.05 mL.
    q.set(key, typeof v === 'number' ? String(Math.round(v * 100) / 100) : v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
