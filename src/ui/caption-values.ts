import { formatNumber, type Language } from '../i18n';

/**
 * The numbers a technical caption quotes, as the caption shows (and a voice reads) them: whole
 * numbers (a gauge, minutes) without a decimal, measured ones to 0.1, in the language's notation.
 */
export function captionValues(
  lang: Language,
  values: Readonly<Record<string, number>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, formatNumber(lang, v, Number.isInteger(v) ? 0 : 1)]),
  );
}
