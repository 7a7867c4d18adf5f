/**
 * Where each language's words are: its strings (the page's labels) and its long texts (captions,
 * the info panel, the quiz), each its own chunk, so a page fetches only the language it shows.
 * Nothing else lives here: the page's first script imports this file to start those downloads.
 */
import { LANGUAGES, type Language, type Strings } from './languages';

export const STRINGS: Record<Language, Strings> = {
  en: () => import('./locales/en.json'),
  it: () => import('./locales/it.json'),
};

export const TEXTS: Record<Language, Strings> = {
  en: () => import('./locales/en.texts.json'),
  it: () => import('./locales/it.texts.json'),
};

/**
 * The language a page's address will most likely be shown in, read before the app reads the
 * address: its `lang` (English for one the app does not speak), or else the browser's (Italian
 * for an Italian browser, English for any other), as the session decides in
 * state/session-slice.ts, which has the last word. A wrong guess costs a small download, never a
 * wrong language.
 */
export function likelyLanguage(search: string, browserLanguage: string): Language {
  const asked = new URLSearchParams(search).get('lang');
  if (asked !== null) return LANGUAGES.find((lang) => lang === asked.trim().toLowerCase()) ?? 'en';
  return browserLanguage.toLowerCase().startsWith('it') ? 'it' : 'en';
}

/**
 * Starts downloading a language's strings and long texts. The app asks for the same chunks when it
 * sets its language and finds them under way: asked for from the page's first script, they do not
 * wait for the app's code to be fetched and evaluated, and the first view, which waits for them,
 * never waits on their download behind that code.
 */
export function prefetchLanguage(lang: Language): void {
  STRINGS[lang]().catch(() => undefined);
  TEXTS[lang]().catch(() => undefined);
}
