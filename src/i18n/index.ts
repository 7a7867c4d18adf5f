import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Each language is its own chunk: the first view fetches only the one it shows (the strings are a
 * large part of the initial download), the other comes when the user switches.
 */
const STRINGS: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./locales/en.json'),
  it: () => import('./locales/it.json'),
};

/** Fetches a language's strings once; later calls resolve at once. */
export async function loadLanguage(lang: Language): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'translation')) return;
  const strings = await STRINGS[lang]();
  i18next.addResourceBundle(lang, 'translation', strings.default);
}

let wanted: Language | undefined;

/** Shows the app in a language, fetching its strings first if needed; the last request wins. */
export async function switchLanguage(lang: Language): Promise<void> {
  wanted = lang;
  await loadLanguage(lang);
  if (wanted !== lang) return;
  if (i18next.language !== lang) await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export async function initI18n(lang: Language) {
  await i18next.use(initReactI18next).init({
    resources: {},
    partialBundledLanguages: true,
    lng: lang,
    // Every key exists in both languages (tested), so no fallback download is needed.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await switchLanguage(lang);
  return i18next;
}

/** Numbers as the language writes them (Italian uses a decimal comma). */
export function formatNumber(lang: Language, value: number, digits = 1): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
    value,
  );
}
