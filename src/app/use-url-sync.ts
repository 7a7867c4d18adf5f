import { useEffect } from 'react';
import { pausedAtStep, usePlayback } from '../state/playback-store';
import i18next from 'i18next';
import { buildTimeline } from '../engine/timeline';
import { resolveProcedure } from '../procedures/registry';
import { useSession } from '../state/store';
import { sessionFromUrl, sessionToUrl, type Lang, type Session } from '../state/session-slice';
import { switchLanguage } from '../i18n';

/**
 * What differs between the session shown and one read from a link: fields that are equal keep
 * their identity, so a back/forward that changes one thing re-plans and re-renders only that.
 */
export function sessionChanges(current: Session, fresh: Partial<Session>): Partial<Session> {
  const patch: Partial<Record<keyof Session, unknown>> = {};
  for (const key of Object.keys(fresh) as (keyof Session)[])
    if (JSON.stringify(current[key]) !== JSON.stringify(fresh[key])) patch[key] = fresh[key];
  return patch as Partial<Session>;
}

/**
 * What a new fragment changes: the patient's angles it holds, only those that differ (back or
 * forward between links that differ after '#' fires popstate first, which has set them already).
 */
export function angleChanges(current: Session, search: string, hash: string, browserLang: string) {
  const { foot, knee } = sessionFromUrl(search, hash, browserLang);
  return sessionChanges(current, { foot, knee });
}

/** Sets what changed, if anything: an empty update would still wake every subscriber. */
function patchSession(patch: Partial<Session>): void {
  if (Object.keys(patch).length > 0) useSession.setState(patch);
}

/** Puts the clock at the start of the link's step, unless it already plays in that step, at its speed. */
function followStep(s: Session, procedureChanged: boolean): void {
  const proc = resolveProcedure(s.procedure, s.params);
  if (!proc) return;
  const at = pausedAtStep(buildTimeline(proc.steps), s.startStep);
  const clock = usePlayback.getState();
  const sameStep = !procedureChanged && clock.step === at.step && clock.total === at.total;
  usePlayback.setState(sameStep ? { speed: s.startSpeed } : { ...at, speed: s.startSpeed });
}

/**
 * Keeps the address bar and the page language in step with the session (no reloads), and the
 * session in step with the address when the user goes back or forward.
 */
export function useUrlSync(): void {
  useEffect(() => {
    // While a link is being read, the address bar already shows it: nothing to write back yet.
    let reading = false;
    const apply = () => {
      if (reading) return;
      const s = useSession.getState();
      const { step, speed } = usePlayback.getState();
      const url = `${window.location.pathname}${sessionToUrl(s, step + 1, speed)}`;
      if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
        window.history.replaceState(null, '', url);
      switchLanguage(s.lang).catch((error: unknown) => {
        // The strings could not be fetched (offline before they were cached): stay in the language shown.
        console.warn('Strings not loaded', error);
        if (i18next.language !== s.lang) useSession.getState().set({ lang: i18next.language as Lang });
      });
    };
    // A link that differs only after its '#' (the patient's angles) does not reload the page.
    const onHash = () =>
      patchSession(
        angleChanges(useSession.getState(), window.location.search, window.location.hash, navigator.language),
      );
    // Back or forward: the whole session is read again from the address, as a page load would.
    const onPop = () => {
      const current = useSession.getState();
      const fresh = sessionFromUrl(window.location.search, window.location.hash, navigator.language);
      reading = true;
      try {
        patchSession(sessionChanges(current, fresh));
        followStep(fresh, fresh.procedure !== current.procedure);
      } finally {
        reading = false;
      }
      apply();
    };
    apply();
    const offSession = useSession.subscribe(apply);
    const offStep = usePlayback.subscribe(
      (p, prev) => (p.step !== prev.step || p.speed !== prev.speed) && apply(),
    );
    window.addEventListener('hashchange', onHash);
    window.addEventListener('popstate', onPop);
    return () => {
      offSession();
      offStep();
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('popstate', onPop);
    };
  }, []);
}
