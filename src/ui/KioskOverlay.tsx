import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/store';

/** Whether the page fills the screen; kept in step with the browser (Esc leaves full screen). */
function useFullscreen(): boolean {
  const [on, setOn] = useState(() => Boolean(document.fullscreenElement));
  useEffect(() => {
    const update = () => setOn(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  return on;
}

/**
 * The kiosk's own controls: while it plays by itself, the operation's name and an invitation to
 * touch; full screen always.
 */
export function KioskOverlay({ exploring }: { readonly exploring: boolean }) {
  const { t } = useTranslation();
  const fullscreen = useFullscreen();
  const procedure = useSession((s) => s.procedure);
  const toggle = () => {
    // A browser may refuse (no user gesture, a policy): the kiosk simply stays in its window.
    if (fullscreen) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  };
  return (
    <>
      {!exploring && procedure && (
        <h2 className="kiosk-title" data-testid="kiosk-title">
          {t(`proc.${procedure}.name`)}
        </h2>
      )}
      {!exploring && (
        <p className="kiosk-invite" data-testid="kiosk-invite">
          {t('kiosk.touch')}
        </p>
      )}
      <button type="button" className="kiosk-fullscreen" onClick={toggle} data-testid="fullscreen">
        {fullscreen ? t('kiosk.exitFullscreen') : t('kiosk.fullscreen')}
      </button>
    </>
  );
}
