import { useTranslation } from '../i18n';
import { useSession } from '../state/store';
import { FullscreenButton } from './FullscreenButton';

/**
 * The kiosk's own words and control while it plays by itself: the operation's name, an invitation
 * to touch, and full screen (which the top bar offers once someone is exploring).
 */
export function KioskOverlay({ exploring }: { readonly exploring: boolean }) {
  const { t } = useTranslation();
  const procedure = useSession((s) => s.procedure);
  if (exploring) return null;
  return (
    <>
      {procedure && (
        <h2 className="kiosk-title" data-testid="kiosk-title">
          {t(`proc.${procedure}.name`)}
        </h2>
      )}
      <p className="kiosk-invite" data-testid="kiosk-invite">
        {t('kiosk.touch')}
      </p>
      <FullscreenButton className="kiosk-fullscreen" />
    </>
  );
}
