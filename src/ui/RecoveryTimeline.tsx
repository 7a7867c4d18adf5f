import type { TFunction } from 'i18next';
import { layoutRecovery, type Band } from '../engine/recovery';
import { formatNumber, useTranslation, type Language } from '../i18n';
import type { RecoveryMilestone } from '../procedures/types';
import './recovery-timeline.css';

/** As the language writes numbers: a whole one plain (a marker's 3), a half with its decimal (1.5 months). */
const num = (lang: Language, v: number) => formatNumber(lang, v, Number.isInteger(v) ? 0 : 1);

/** When a milestone falls, in its own unit: "right away", "6 weeks", "3–4 weeks". */
export function whenLabel(t: TFunction, lang: Language, m: RecoveryMilestone): string {
  if (m.at === 0 && m.to === undefined) return t('recovery.rightAway');
  if (m.to === undefined) return t(`recovery.when.${m.unit}`, { count: m.at, n: num(lang, m.at) });
  return t(`recovery.span.${m.unit}`, { from: num(lang, m.at), to: num(lang, m.to) });
}

/** A band's left edge, in the band's own unit (the first band starts at the operation). */
const BAND_START_COUNT: Readonly<Record<Band, number>> = { hour: 0, day: 1, week: 2, month: 3 };

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/**
 * The recovery drawn on a time axis split into hours | days | weeks | months bands, each milestone a
 * numbered marker at its time (a bar over a span), and below, the same milestones as a list: the
 * axis is the picture, the list is what a screen reader and a narrow screen read.
 */
export function RecoveryTimeline({ milestones }: { readonly milestones: readonly RecoveryMilestone[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const layout = layoutRecovery(milestones);
  return (
    <figure className="recovery" data-testid="recovery-timeline">
      <div
        className="recovery-axis"
        role="img"
        aria-label={t('recovery.title')}
        style={{ '--lanes': layout.lanes } as React.CSSProperties}
      >
        {layout.bands.map((b, i) => (
          <div
            key={b.band}
            className={`recovery-band band-${i % 2}${i === layout.bands.length - 1 ? ' last' : ''}`}
            style={{ left: pct(b.x), width: pct(b.width) }}
            data-band={b.band}
          >
            <span className="recovery-band-name">{t(`recovery.band.${b.band}`)}</span>
            <span className="recovery-tick">
              {i === 0
                ? t('recovery.start')
                : t(`recovery.when.${b.band}`, {
                    count: BAND_START_COUNT[b.band],
                    n: num(lang, BAND_START_COUNT[b.band]),
                  })}
            </span>
          </div>
        ))}
        <div className="recovery-line" />
        {layout.milestones.map((p) => (
          <div
            key={p.n}
            className="recovery-marker"
            style={{ left: pct(p.x), width: pct(p.x2 - p.x), '--lane': p.lane } as React.CSSProperties}
            data-milestone={p.n}
          >
            {p.x2 > p.x && <span className="recovery-span" />}
            <span className="recovery-dot">{num(lang, p.n)}</span>
          </div>
        ))}
      </div>
      <ol className="recovery-list">
        {layout.milestones.map((p) => (
          <li key={p.n} data-testid={`milestone-${p.n}`} data-key={p.milestone.key}>
            <span className="recovery-dot" aria-hidden="true">
              {num(lang, p.n)}
            </span>
            <span>
              <strong>{whenLabel(t, lang, p.milestone)}</strong> {t(p.milestone.key)}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
