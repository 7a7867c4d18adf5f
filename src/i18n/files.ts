/**
 * Where each language's words are: its strings (the page's labels) and its long texts (captions,
 * the info panel, the quiz), each its own chunk, so a page fetches only the language it shows.
 * Nothing else lives here: the page's first script imports this file to start those downloads.
 */
import { LANGUAGES, type Language, type Strings } from './languages';

const LOADERS = {
  strings: { en: () => import('./locales/en.json'), it: () => import('./locales/it.json') },
  texts: { en: () => import('./locales/en.texts.json'), it: () => import('./locales/it.texts.json') },
} satisfies Record<string, Record<Language, Strings>>;

/** Downloads the page's first script started (prefetchLanguage), by file, until the app asks. */
const early = new Map<string, ReturnType<Strings>>();

/**
 * A file's download: the first ask takes the one started early (so a failed early download counts
 * as the app's first try, and its retries keep their spacing), any later ask starts its own.
 */
function download(kind: keyof typeof LOADERS, lang: Language): ReturnType<Strings> {
  const key = `${kind}:${lang}`;
  const started = early.get(key);
  early.delete(key);
  return started ?? LOADERS[kind][lang]();
}

export const STRINGS: Record<Language, Strings> = {
  en: () => download('strings', 'en'),
  it: () => download('strings', 'it'),
};

export const TEXTS: Record<Language, Strings> = {
  en: () => download('texts', 'en'),
  it: () => download('texts', 'it'),
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
  for (const kind of ['strings', 'texts'] as const) {
    const started = LOADERS[kind][lang]();
    // Its failure is the app's to handle, when it asks.
    started.catch(() => undefined);
    early.set(`${kind}:${lang}`, started);
  }
}
