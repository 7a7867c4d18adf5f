import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n';

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

/** The kiosk's full-screen switch: over the stage while it plays by itself, in the top bar after a touch. */
export function FullscreenButton({ className }: { readonly className?: string }) {
  const { t } = useTranslation();
  const fullscreen = useFullscreen();
  const toggle = () => {
    // A browser may refuse (no user gesture, a policy): the kiosk simply stays in its window.
    if (fullscreen) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  };
  return (
    <button type="button" className={className} onClick={toggle} data-testid="fullscreen">
      {fullscreen ? t('kiosk.exitFullscreen') : t('kiosk.fullscreen')}
    </button>
  );
}
