import { memo } from 'react';
import { useTranslation } from '../i18n';
import { useSession } from '../state/store';
import type { Notice } from '../state/url-codec';

/** Notices that are not about the link's settings: alone, they bring their own heading. */
const OWN_TITLE = ['typicalCase', 'noVoice'] as const;

/** The heading over the notices: a kind's own when all are of it, else the link's. */
function titleOf(notices: readonly Notice[]): string {
  const own = OWN_TITLE.find((kind) => notices.every((n) => n.kind === kind));
  return own ? `notice.${own}Title` : 'notice.title';
}

/**
 * Says which link settings were clamped or ignored (or cannot be honoured here, as reading aloud on
 * a device with no voice for the language), in the user's language. Only the words are a
 * live region (there before them, so a change is announced); the dismiss button sits beside it.
 */
export const Notices = memo(function Notices() {
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
              <strong>{t(titleOf(notices))}</strong>
              <ul>
                {notices.map((n, i) => (
                  <li key={i} data-notice={n.kind === 'typicalCase' ? 'typical-case' : n.param}>
                    {n.kind === 'typicalCase'
                      ? t('notice.typicalCase', { context: n.used, procedure: t(`proc.${n.given}.name`) })
                      : n.kind === 'noVoice'
                        ? t('notice.noVoice', { context: n.given })
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
});
