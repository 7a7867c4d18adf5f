import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import it from './locales/it.json';

export const LANGUAGES = ['en', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Both languages are bundled (a few kB): switching never waits on the network. */
export function initI18n(lang: Language) {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, it: { translation: it } },
    lng: lang,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lang;
  return i18next;
}

/** Numbers as the language writes them (Italian uses a decimal comma). */
export function formatNumber(lang: Language, value: number, digits = 1): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
    value,
  );
}
