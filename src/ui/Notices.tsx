import { useTranslation } from 'react-i18next';
import { useSession } from '../state/store';

/**
 * Says which link settings were clamped or ignored, in the user's language. Only the words are a
 * live region (there before them, so a change is announced); the dismiss button sits beside it.
 */
export function Notices() {
  const { t } = useTranslation();
  const notices = useSession((s) => s.notices);
  const dismiss = useSession((s) => s.dismissNotices);
  const shown = notices.length > 0;
  return (
    <div className="notices" data-testid="notices">
      <div className={shown ? 'notice-box' : undefined}>
        <div role="status" className="notice-words">
          {shown && (
            <>
              <strong>
                {t(
                  notices.every((n) => n.kind === 'typicalCase') ? 'notice.typicalCaseTitle' : 'notice.title',
                )}
              </strong>
              <ul>
                {notices.map((n, i) => (
                  <li key={i} data-notice={n.kind === 'typicalCase' ? 'typical-case' : n.param}>
                    {n.kind === 'typicalCase'
                      ? t('notice.typicalCase', { context: n.used, procedure: t(`proc.${n.given}.name`) })
                      : t(`notice.${n.kind}`, {
                          param: n.param,
                          given: n.given,
                          used: n.used ?? '',
                          // A count of settings meets its noun: the plural forms need the number.
                          count: n.kind === 'tooMany' ? Number(n.given) : undefined,
                        })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        {shown && (
          <button type="button" onClick={dismiss}>
            {t('controls.dismiss')}
          </button>
        )}
      </div>
    </div>
  );
}
