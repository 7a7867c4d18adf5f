/**
 * formatNumber writes everyday numbers without Intl (whose first formatter delays the first view):
 * it must write exactly what Intl writes, in both languages, for every size and rounding.
 */
import { describe, expect, it } from 'vitest';
import { formatNumber, LANGUAGES } from '../../src/i18n';

const intl = (lang: string, value: number, digits: number) =>
  new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

/** Halves, values that round across a digit, small negatives, −0, the edges of the fast path, large and non-finite. */
const EDGES = [
  0,
  -0,
  0.05,
  0.15,
  0.25,
  0.35,
  2.5,
  -2.5,
  1.005,
  -1.005,
  0.045,
  -0.04,
  -0.004,
  9.95,
  99.95,
  998.94,
  998.95,
  998.96,
  999,
  999.5,
  -999.5,
  1000,
  1234.5,
  12345.678,
  -54321.1,
  Number.NaN,
  Infinity,
  -Infinity,
];

/** A seeded spread of values from thousandths to thousands, both signs. */
function spread(count: number): number[] {
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () => (next() - 0.5) * 2 * 10 ** (next() * 6 - 3));
}

describe('formatNumber writes what Intl writes', () => {
  it.each(LANGUAGES.flatMap((lang) => [0, 1, 2, 3].map((digits) => [lang, digits] as const)))(
    '%s, %i decimals',
    (lang, digits) => {
      for (const value of [...EDGES, ...spread(4000)])
        expect(formatNumber(lang, value, digits), `${value}`).toBe(intl(lang, value, digits));
    },
  );
});
