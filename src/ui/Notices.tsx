import { useTranslation } from 'react-i18next';
import { useSession } from '../state/session-store';

/** Says which link settings were clamped or ignored, in the user's language. */
export function Notices() {
  const { t } = useTranslation();
  const notices = useSession((s) => s.notices);
  const dismiss = useSession((s) => s.dismissNotices);
  return (
    <div className="notices" data-testid="notices" role="status" aria-live="polite">
      {notices.length > 0 && (
        <div className="notice-box">
          <strong>{t('notice.title')}</strong>
          <ul>
            {notices.map((n, i) => (
              <li key={i} data-notice={n.param}>
                {t(`notice.${n.kind}`, { param: n.param, given: n.given, used: n.used ?? '' })}
              </li>
            ))}
          </ul>
          <button type="button" onClick={dismiss}>
            {t('controls.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
