import { useEffect } from 'react';
import { usePlayback } from '../state/playback-store';
import { sessionToUrl, useSession } from '../state/session-store';
import { switchLanguage } from '../i18n';

/** Keeps the address bar and the page language in step with the session (no reloads). */
export function useUrlSync(): void {
  useEffect(() => {
    const apply = () => {
      const s = useSession.getState();
      const url = `${window.location.pathname}${sessionToUrl(s, usePlayback.getState().step + 1)}`;
      if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
        window.history.replaceState(null, '', url);
      void switchLanguage(s.lang);
    };
    apply();
    const offSession = useSession.subscribe(apply);
    const offStep = usePlayback.subscribe((p, prev) => p.step !== prev.step && apply());
    return () => {
      offSession();
      offStep();
    };
  }, []);
}
