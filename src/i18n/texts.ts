import i18next from 'i18next';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, type Strings } from './languages';

/**
 * The long texts (step captions, the info panel, the quiz) are a second chunk per language, needed
 * only once a procedure is open: the first view does not wait for them. They merge into the same
 * namespace, so their keys read like any other.
 */
const TEXTS: Record<Language, Strings> = {
  en: () => import('./locales/en.texts.json'),
  it: () => import('./locales/it.texts.json'),
};

const textsLoaded = new Set<Language>();
const textsPending = new Map<Language, Promise<void>>();
const listeners = new Set<() => void>();

/** Fetches a language's long texts once (a failed fetch is tried again on the next call). */
export function loadTexts(lang: Language): Promise<void> {
  if (textsLoaded.has(lang)) return Promise.resolve();
  let pending = textsPending.get(lang);
  if (!pending) {
    pending = TEXTS[lang]()
      .then((texts) => {
        i18next.addResourceBundle(lang, 'translation', texts.default, true, false);
        textsLoaded.add(lang);
        for (const listener of listeners) listener();
      })
      .finally(() => textsPending.delete(lang));
    textsPending.set(lang, pending);
  }
  return pending;
}

/** Whether a language's long texts are in (for code outside React, e.g. a readiness flag). */
export const textsReady = (lang: string): boolean => textsLoaded.has(lang as Language);

function subscribeTexts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Whether the shown language's long texts are loaded: a component that shows them renders nothing
 * until then, never a raw key. Asks for them if nobody has yet.
 */
export function useTextsReady(): boolean {
  const { i18n } = useTranslation();
  const lang = i18n.language as Language;
  const ready = useSyncExternalStore(
    subscribeTexts,
    () => textsLoaded.has(lang),
    () => false,
  );
  useEffect(() => {
    if (!ready && LANGUAGES.includes(lang))
      loadTexts(lang).catch((error: unknown) => console.warn('Texts not loaded', error));
  }, [ready, lang]);
  return ready;
}
