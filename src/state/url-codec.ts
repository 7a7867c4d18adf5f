import { allParams, procedureById } from '../procedures/registry';
import { canCompare } from './compare';
import { paramTable, type ParamSpec, type ParamTable } from './url-params';

/**
 * Why a URL value was not used as given, or a setting could not be honoured on this device (no
 * voice to read aloud in the language); shown to the user in their language.
 */
export interface Notice {
  readonly param: string;
  readonly kind: 'clamped' | 'invalid' | 'unknown' | 'repeated' | 'tooMany' | 'typicalCase' | 'noVoice';
  /** The value as given, shortened for display (React escapes it). */
  readonly given: string;
  /** The value used instead, when there is one. */
  readonly used?: string;
}

export type ParsedValues = Partial<Record<string, string | number>>;

const MAX_SHOWN = 24;
/**
 * Characters a notice never shows as they are: controls, format characters (bidi overrides that
 * would reverse the sentence around them, zero-width ones) and halves of surrogate pairs.
 */
const UNSHOWN = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
/**
 * A value as a notice shows it: at most MAX_SHOWN UTF-16 units of whole code points (an emoji is
 * never cut in half), then an ellipsis; nothing invisible.
 */
const shorten = (s: string): string => {
  let shown = '';
  for (const c of s) {
    if (shown.length + c.length > MAX_SHOWN) return `${shown.replace(UNSHOWN, '\uFFFD')}…`;
    shown += c;
  }
  return shown.replace(UNSHOWN, '\uFFFD');
};
/** Entries of a link read at most: the rest is ignored with one notice. */
export const MAX_KEYS = 64;
/** A number as a link writes it: decimal notation only (no hex, no `Infinity`), a decimal comma allowed. */
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/i;
/** Two decimals, as encodeUrl writes them, so a value reads back the same; -0 becomes 0. */
const twoDecimals = (n: number): number => Math.round(n * 100) / 100 + 0;

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
  const text = raw.trim();
  const n = DECIMAL.test(text) ? Number(text.replace(',', '.')) : NaN;
  if (!Number.isFinite(n)) return { value: spec.default, notice: 'invalid' };
  const clamped = Math.min(spec.max, Math.max(spec.min, n));
  // On the slider's grid, as the slider would have set it (silently: a rounding, not a fault).
  const value = twoDecimals(
    spec.step
      ? Math.min(spec.max, spec.min + Math.round((clamped - spec.min) / spec.step) * spec.step)
      : clamped,
  );
  return clamped === n ? { value } : { value, notice: 'clamped' };
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
  const all = [
    ...new URLSearchParams(search.replace(/^\?/, '')).entries(),
    ...new URLSearchParams(hash.replace(/^#/, '')).entries(),
  ];
  const entries = all.slice(0, MAX_KEYS);
  // The procedure (and its add-ons) decide which other parameters exist, so they are read first.
  const procedure = entries
    .findLast(([k]) => k === 'p')?.[1]
    ?.trim()
    .toLowerCase();
  const proc = procedureById(procedure);
  const own = new Set(proc ? allParams(proc).map((d) => d.id) : []);
  // The link's own values for them decide the rest (what a choice implies, the step's range), read
  // as they will be used: a number clamped, a choice trimmed and in lower case (`variant=MICA`
  // implies what `mica` does), an invalid value not at all. The last one of a key counts.
  const first = paramTable(procedure);
  const chosen: Record<string, string> = {};
  for (const [key, raw] of entries) {
    if (!own.has(key) || !Object.hasOwn(first, key)) continue;
    const { value, notice } = parseValue(first[key]!, raw);
    if (notice === 'invalid') delete chosen[key];
    else chosen[key] = String(value);
  }
  const table = paramTable(procedure, chosen);
  for (const [key, raw] of entries) {
    const spec: ParamSpec | undefined = Object.hasOwn(table, key) ? table[key] : undefined;
    if (!spec) {
      notices.push({ param: shorten(key), kind: 'unknown', given: shorten(raw) });
      continue;
    }
    const { value, notice } = parseValue(spec, raw);
    if (seen.has(key)) notices.push({ param: key, kind: 'repeated', given: shorten(raw) });
    seen.add(key);
    values[key] = value;
    if (notice) notices.push({ param: key, kind: notice, given: shorten(raw), used: String(value) });
  }
  // A procedure belongs to one region: a link asking for the other one is corrected, and says so.
  if (proc && values.region !== undefined && values.region !== proc.region) {
    notices.push({ param: 'region', kind: 'invalid', given: String(values.region), used: proc.region });
    values.region = proc.region;
  }
  const vs = values.vs;
  if (typeof vs === 'string' && vs !== 'none' && !canCompare(proc?.id ?? null, vs)) {
    notices.push({ param: 'vs', kind: 'invalid', given: vs, used: 'none' });
    values.vs = 'none';
  }
  if (all.length > MAX_KEYS)
    notices.push({
      param: '…',
      kind: 'tooMany',
      given: String(all.length - MAX_KEYS),
      used: String(MAX_KEYS),
    });
  return { values, notices };
}

/** Writes values as a query string, omitting those equal to their default. */
export function encodeUrl(
  values: ParsedValues,
  table: ParamTable = paramTable(String(values.p), values as Record<string, string>),
  /** Keys written even at their default (the language: a browser's own would replace it). */
  keep: readonly string[] = [],
): string {
  const q = new URLSearchParams();
  for (const [key, spec] of Object.entries(table)) {
    const v = values[key];
    if (v === undefined || (v === spec.default && !keep.includes(key))) continue;
    // Two decimals: a cement increment moves by 0.05 mL.
    q.set(key, typeof v === 'number' ? String(Math.round(v * 100) / 100) : v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
