import i18next from 'i18next';
import { STRINGS } from './files';
import { LANGUAGES, type Language } from './languages';
import { keepLoadingTexts } from './texts';

export { LANGUAGES, type Language };
export { keepLoadingTexts, loadTexts, textsReady, useTextsReady } from './texts';
export { useTranslation } from './use-translation';

const stringsLoaded = new Set<Language>();

/** Fetches a language's strings once; later calls resolve at once. */
export async function loadLanguage(lang: Language): Promise<void> {
  if (stringsLoaded.has(lang)) return;
  const strings = await STRINGS[lang]();
  // Merged: the long texts may have arrived first.
  i18next.addResourceBundle(lang, 'translation', strings.default, true, false);
  stringsLoaded.add(lang);
}

let wanted: Language | undefined;

/**
 * Shows the app in a language, fetching its strings (and, unless `textsLater`, its long texts) first
 * if needed; the last request wins. Long texts that fail to come do not hold the change back: they
 * are tried again in the background, and the captions show once they are in.
 */
export async function switchLanguage(lang: Language, textsLater = false): Promise<void> {
  wanted = lang;
  await Promise.all([loadLanguage(lang), textsLater ? undefined : keepLoadingTexts(lang)]);
  if (wanted !== lang) return;
  if (i18next.language !== lang) await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export async function initI18n(lang: Language) {
  // The strings' download starts now, not once i18next is set up (loadLanguage finds it under way).
  STRINGS[lang]().catch(() => undefined);
  await i18next.init({
    resources: {},
    partialBundledLanguages: true,
    lng: lang,
    // Every key exists in both languages (tested), so no fallback download is needed.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // The long texts are fetched beside the strings, not after them: the first view renders without
  // waiting for them, but the page counts as ready only once they are in.
  void keepLoadingTexts(lang);
  await switchLanguage(lang, true);
  return i18next;
}

/** One formatter per language and number of decimals: making one costs far more than using it. */
const formatters = new Map<string, Intl.NumberFormat>();

/** Each language's decimal mark, for numbers short enough to need no thousands separator. */
const DECIMAL_MARK: Record<Language, string> = { en: '.', it: ',' };
/**
 * Below this size neither language groups digits (English groups from 1 000, Italian from 10 000),
 * and no rounding can reach 1 000.
 */
const UNGROUPED_BELOW = 999;

/**
 * `value` to `digits` decimals as Intl rounds it: half away from zero, on the number's shortest
 * decimal form (0.15 → 0.2, though 0.15 is stored as 0.1499…, which toFixed would round down).
 * Null for a value whose shortest form has an exponent (tiny or huge).
 */
function roundedDecimal(value: number, digits: number): string | null {
  const shortest = String(Math.abs(value));
  if (shortest.includes('e')) return null;
  const [whole = '0', fraction = ''] = shortest.split('.');
  const kept = fraction.slice(0, digits).padEnd(digits, '0');
  const up = fraction.length > digits && fraction[digits]! >= '5';
  const units = String(Number(whole + kept) + (up ? 1 : 0)).padStart(digits + 1, '0');
  const sign = value < 0 ? '-' : '';
  return digits === 0 ? sign + units : `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

/**
 * Numbers as the language writes them (Italian uses a decimal comma). Everyday sizes (angles, mm,
 * %) are written directly, exactly as Intl would: the first Intl formatter of a page costs about
 * 20 ms (its locale data), which the first view would wait for. Larger numbers, −0 and the
 * non-finite go to Intl.
 */
export function formatNumber(lang: Language, value: number, digits = 1): string {
  const direct =
    Math.abs(value) < UNGROUPED_BELOW && !Object.is(value, -0) ? roundedDecimal(value, digits) : null;
  if (direct === null) return intlFormat(lang, value, digits);
  return DECIMAL_MARK[lang] === '.' ? direct : direct.replace('.', DECIMAL_MARK[lang]);
}

function intlFormat(lang: Language, value: number, digits: number): string {
  const key = `${lang}/${digits}`;
  let format = formatters.get(key);
  if (!format)
    formatters.set(
      key,
      (format = new Intl.NumberFormat(lang, {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      })),
    );
  return format.format(value);
}
