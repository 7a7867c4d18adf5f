import i18next from 'i18next';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from './use-translation';
import { TEXTS } from './files';
import { LANGUAGES, type Language } from './languages';
import { MAX_RETRY_MS, keepTrying } from './retry';

// The long texts (step captions, the info panel, the quiz) are a second chunk per language
// (files.ts), needed only once a procedure is open: the first view does not wait for them. They
// merge into the same namespace, so their keys read like any other.
const textsLoaded = new Set<Language>();
const textsPending = new Map<Language, Promise<void>>();
const listeners = new Set<() => void>();

/** The language whose texts are being fetched again and again until they come, and how to stop. */
let retrying: { readonly lang: Language; readonly first: Promise<void>; stop: () => void } | undefined;

function stopRetrying(): void {
  retrying?.stop();
  retrying = undefined;
}

// Only the shown language's texts are worth waiting for: another language stops the tries.
i18next.on('languageChanged', (lng: string) => {
  if (retrying && retrying.lang !== lng) stopRetrying();
});

/** Fetches a language's long texts once (a failed fetch is tried again on the next call). */
export function loadTexts(lang: Language): Promise<void> {
  if (textsLoaded.has(lang)) return Promise.resolve();
  let pending = textsPending.get(lang);
  if (!pending) {
    pending = TEXTS[lang]()
      .then((texts) => {
        i18next.addResourceBundle(lang, 'translation', texts.default, true, false);
        textsLoaded.add(lang);
        if (retrying?.lang === lang) stopRetrying();
        for (const listener of listeners) listener();
      })
      .finally(() => textsPending.delete(lang));
    textsPending.set(lang, pending);
  }
  return pending;
}

/**
 * Fetches a language's long texts, trying again after each failure (1 s, 2 s, 4 s … 30 s apart) until
 * they are in: a network blip or a kiosk briefly offline must not leave it without captions for
 * good. One language at a time: asking for another stops the tries for the one before. Resolves
 * once the first try is over, whether it worked or not.
 *
 * A failed `import()` is fetched afresh when asked again (Chromium 156, checked by the browser
 * test), so trying again needs nothing more than importing again.
 */
export function keepLoadingTexts(lang: Language): Promise<void> {
  if (retrying?.lang === lang) return retrying.first;
  stopRetrying();
  if (textsLoaded.has(lang)) return Promise.resolve();
  let firstOver = () => {};
  const first = new Promise<void>((done) => (firstOver = done));
  const mine = { lang, first, stop: () => {} };
  retrying = mine;
  // Said until the waits reach their longest, then no more: a week offline is not 20,000 warnings.
  let quiet = false;
  mine.stop = keepTrying(
    () => loadTexts(lang).finally(firstOver),
    (error, wait) => {
      if (!quiet) console.warn(`Texts not loaded, trying again in ${wait / 1000} s`, error);
      quiet = wait >= MAX_RETRY_MS;
    },
  );
  return first;
}

/** Whether a language's long texts are in (for code outside React, e.g. a readiness flag). */
export const textsReady = (lang: string): boolean => textsLoaded.has(lang as Language);

function subscribeTexts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Whether the shown language's long texts are loaded: a component that shows them renders nothing
 * until then, never a raw key. Asks for them (until they come) if nobody has yet.
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
    if (!ready && LANGUAGES.includes(lang)) void keepLoadingTexts(lang);
  }, [ready, lang]);
  return ready;
}
