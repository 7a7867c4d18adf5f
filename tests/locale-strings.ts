/**
 * Each language's strings as the app ends up with them: the first view's file and the long texts
 * (captions, info, quiz) fetched after it, merged into one object, as i18next merges them.
 */
import enCore from '../src/i18n/locales/en.json';
import enTexts from '../src/i18n/locales/en.texts.json';
import itCore from '../src/i18n/locales/it.json';
import itTexts from '../src/i18n/locales/it.texts.json';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** `a` and `b` merged, nested objects key by key; a key in both files is an error (one home per key). */
function merge<A extends object, B extends object>(a: A, b: B, path = ''): A & B {
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b)) {
    const here = out[k];
    if (isObject(here) && isObject(v)) out[k] = merge(here, v, `${path}${k}.`);
    else if (here !== undefined) throw new Error(`${path}${k} is in both locale files`);
    else out[k] = v;
  }
  return out as A & B;
}

export const en = merge(enCore, enTexts);
export const it = merge(itCore, itTexts);

/** The files one by one, for checks that each file holds the same keys in both languages. */
export const FILES = [
  { name: 'core', en: enCore, it: itCore },
  { name: 'texts', en: enTexts, it: itTexts },
] as const;
