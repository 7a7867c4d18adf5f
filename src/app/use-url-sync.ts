import { useEffect } from 'react';
import { usePlayback } from '../state/playback-store';
import i18next from 'i18next';
import { sessionFromUrl, sessionToUrl, useSession, type Lang } from '../state/session-store';
import { switchLanguage } from '../i18n';

/** Keeps the address bar and the page language in step with the session (no reloads). */
export function useUrlSync(): void {
  useEffect(() => {
    const apply = () => {
      const s = useSession.getState();
      const url = `${window.location.pathname}${sessionToUrl(s, usePlayback.getState().step + 1)}`;
      if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
        window.history.replaceState(null, '', url);
      switchLanguage(s.lang).catch((error: unknown) => {
        // The strings could not be fetched (offline before they were cached): stay in the language shown.
        console.warn('Strings not loaded', error);
        if (i18next.language !== s.lang) useSession.getState().set({ lang: i18next.language as Lang });
      });
    };
    // A link that differs only after its '#' (the patient's angles) does not reload the page.
    const onHash = () => {
      const fresh = sessionFromUrl(window.location.search, window.location.hash, navigator.language);
      useSession.setState({ foot: fresh.foot, knee: fresh.knee });
    };
    apply();
    const offSession = useSession.subscribe(apply);
    const offStep = usePlayback.subscribe((p, prev) => p.step !== prev.step && apply());
    window.addEventListener('hashchange', onHash);
    return () => {
      offSession();
      offStep();
      window.removeEventListener('hashchange', onHash);
    };
  }, []);
}
