import type { Lang } from '../state/session-slice';

/** What the kiosk shows n-th: the procedures in turn, each in the next language of the list. */
export function kioskItem(
  n: number,
  procedures: readonly string[],
  langs: readonly Lang[],
): { procedure: string; lang: Lang } {
  const i = ((n % procedures.length) + procedures.length) % procedures.length;
  return { procedure: procedures[i]!, lang: langs[n % langs.length] ?? 'en' };
}

/** Seconds the kiosk holds the last frame of a procedure before the next one starts. */
export const KIOSK_PAUSE_S = 3;
/** Seconds before an error or a failed load is tried again in the kiosk (nobody is there to click). */
export const KIOSK_RETRY_S = 3;
/**
 * Failed loads in a row after which the kiosk starts afresh with a reload, when a service worker
 * controls the page (its precache installs whole or not at all, so the reload works offline): a
 * fresh page cures a network stack stuck for this one, which no retry can.
 */
export const KIOSK_RELOAD_AFTER = 4;
/** At most one such reload in this many seconds: a failure a reload does not cure is only retried. */
export const KIOSK_RELOAD_EVERY_S = 600;
/** Seconds a procedure may take to be ready (model, cuts) before the kiosk moves on to the next. */
export const KIOSK_READY_S = 60;
