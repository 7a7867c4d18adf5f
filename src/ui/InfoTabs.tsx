import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { MEASURE_UNIT } from '../clinical/measures';
import { bandOf, boundDigits, type MeanSd, type PublishedResult } from '../clinical/published-results';
import { formatNumber, useTranslation, type Language } from '../i18n';
import { SHARED_REFERENCES } from '../clinical/references';
import { PROCEDURES, publishedResults } from '../procedures/registry';
import type { ProcedureDef } from '../procedures/types';
import { usePosedPatient } from '../state/patient';
import { useSession } from '../state/store';
import { RecoveryTimeline } from './RecoveryTimeline';
import './info-tabs.css';

const TABS = ['what', 'who', 'steps', 'recovery', 'risks', 'references'] as const;
type Tab = (typeof TABS)[number];

/**
 * A source's citation: the operation's own, a shared one, or the one another operation declares
 * (an add-on's). The joined table is not built here: the shared table stays out of the first view.
 */
function citation(proc: ProcedureDef, n: number): string | undefined {
  return proc.sources?.[n] ?? SHARED_REFERENCES[n] ?? PROCEDURES.find((p) => p.sources?.[n])?.sources?.[n];
}

/** The procedure's sources, numbered as in CLINICAL.md (citations stay as written there). */
export function ReferenceList({ proc }: { readonly proc: ProcedureDef }) {
  return (
    <ol className="references" data-testid="references">
      {(proc.references ?? []).map((n) => (
        <li key={n} value={n} data-ref={n}>
          {citation(proc, n)}
        </li>
      ))}
    </ol>
  );
}

/** What the series measured, in words: its numbers (mean ± SD), or the stated range's basis. */
function SeriesNote({
  result,
  pre,
  lang,
}: {
  readonly result: PublishedResult;
  readonly pre: number | undefined;
  readonly lang: Language;
}) {
  const { t } = useTranslation();
  const unit = MEASURE_UNIT[result.measure];
  // No line break inside "8.7 ± 5.2°" or "30–32".
  const ms = (x: MeanSd) => `${formatNumber(lang, x.mean)}\u00a0±\u00a0${formatNumber(lang, x.sd)}${unit}`;
  switch (result.kind) {
    case 'range':
      return t('typical.range', {
        from: `${formatNumber(lang, result.from.low, 0)}–\u2060${formatNumber(lang, result.from.high, 0)}`,
      });
    case 'post':
      return t('typical.post', {
        pre: ms(result.pre),
        post: ms(result.post),
        size: t(`typical.${result.size.of}`, { count: result.size.n }),
      });
    case 'fall':
      return t('typical.fall', {
        fall: ms(result.fall),
        size: t(`typical.${result.size.of}`, { count: result.size.n }),
        pre: `${formatNumber(lang, pre ?? NaN)}${unit}`,
      });
  }
}

/**
 * The operation's typical published results (CLINICAL.md §5) for this patient and these
 * parameters, with their sources numbered as there: what the readouts' bands rest on. Nothing for
 * an operation without a published series.
 */
export function TypicalResults({ proc }: { readonly proc: ProcedureDef }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const params = useSession((s) => s.params);
  const measured = usePosedPatient().measured as unknown as Readonly<Record<string, number>>;
  const rows = publishedResults(proc.id, params).flatMap((result) => {
    const band = bandOf(result, measured[result.measure]);
    return band ? [{ result, band }] : [];
  });
  if (rows.length === 0) return null;
  const refs = [...new Set(rows.flatMap((r) => r.band.refs))].sort((a, b) => a - b);
  const bound = (x: number) => formatNumber(lang, x, boundDigits(x));
  return (
    <section className="typical-results" data-testid="typical-results">
      <h3>{t('typical.title')}</h3>
      <p className="info-note">{t('typical.intro')}</p>
      <dl className="info-list">
        {rows.map(({ result, band }) => (
          <div key={result.measure} data-typical-source={result.measure}>
            <dt>{t(`measure.${result.measure}`)}</dt>
            <dd>
              <strong>
                {t('typical.band', {
                  low: bound(band.low),
                  high: bound(band.high),
                  unit: MEASURE_UNIT[result.measure],
                })}
              </strong>{' '}
              {band.refs.map((n) => `[${n}]`).join('')}
              <br />
              <span className="info-note">
                <SeriesNote result={result} pre={measured[result.measure]} lang={lang} />
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <h4>{t('typical.sources')}</h4>
      <ol className="references" data-testid="typical-sources">
        {refs.map((n) => (
          <li key={n} value={n} data-ref={n}>
            {citation(proc, n)}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Panel({
  tab,
  proc,
  played,
}: {
  readonly tab: Tab;
  readonly proc: ProcedureDef;
  readonly played: ProcedureDef;
}) {
  const { t } = useTranslation();
  const info = (section: string) => t(`proc.${proc.id}.info.${section}`);
  switch (tab) {
    case 'what':
      return (
        <>
          <p>{t(`proc.${proc.id}.summary`)}</p>
          <TypicalResults proc={proc} />
        </>
      );
    case 'who':
      return (
        <dl className="info-list">
          <dt>{t('info.suits')}</dt>
          <dd>{info('indications')}</dd>
          <dt>{t('procedure.info.contraindications')}</dt>
          <dd>{info('contraindications')}</dd>
        </dl>
      );
    case 'steps':
      return (
        <ol className="info-steps">
          {played.steps.map((s) => (
            <li key={s.id}>{t(`proc.${s.strings ?? played.id}.step.${s.id}.title`)}</li>
          ))}
        </ol>
      );
    case 'recovery':
      // No timeline where CLINICAL.md gives no times (the Akin alone): its words say why.
      return (
        <>
          {proc.recovery?.length ? <RecoveryTimeline milestones={proc.recovery} /> : null}
          <p className={proc.recovery?.length ? 'info-note' : undefined} data-testid="recovery-text">
            {info('aftercare')}
          </p>
        </>
      );
    case 'risks': {
      const extra = t(`proc.${proc.id}.risk`, { returnObjects: true, defaultValue: {} });
      return (
        <>
          <p>{info('risks')}</p>
          {typeof extra === 'object' &&
            Object.entries(extra as Record<string, string>).map(([k, text]) => (
              <p key={k} className="info-note">
                {text}
              </p>
            ))}
        </>
      );
    }
    case 'references':
      return <ReferenceList proc={proc} />;
  }
}

/**
 * What a patient or a student asks about the operation, one tab at a time (WAI-ARIA tabs: the arrow
 * keys, Home and End move between them). References only in the study view.
 */
export default function InfoTabs({
  proc,
  played,
  study,
}: {
  /** The procedure as chosen (its info texts, recovery and sources). */
  readonly proc: ProcedureDef;
  /** The procedure as played for the chosen parameters (its steps). */
  readonly played: ProcedureDef;
  readonly study: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const tabs: readonly Tab[] = study ? TABS : TABS.filter((x) => x !== 'references');
  const [chosen, setChosen] = useState<Tab>('what');
  const current = tabs.includes(chosen) ? chosen : 'what';
  const buttons = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.indexOf(current);
    const next =
      e.key === 'ArrowRight'
        ? tabs[(i + 1) % tabs.length]
        : e.key === 'ArrowLeft'
          ? tabs[(i - 1 + tabs.length) % tabs.length]
          : e.key === 'Home'
            ? tabs[0]
            : e.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    setChosen(next);
    buttons.current[next]?.focus();
  };
  // One name each (WAI-ARIA tabs): the tablist names the whole, a tab its own text, the panel takes
  // the chosen tab's. A labelled wrapper around them would repeat the tablist's name as a region.
  return (
    <div className="info-tabs" data-testid="info-tabs">
      <div role="tablist" aria-label={t('procedure.about')} className="info-tablist" onKeyDown={onKey}>
        {tabs.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              buttons.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab}`}
            aria-selected={tab === current}
            aria-controls={`${id}-panel`}
            tabIndex={tab === current ? 0 : -1}
            onClick={() => setChosen(tab)}
            data-testid={`info-tab-${tab}`}
          >
            {t(`info.tab.${tab}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${current}`}
        tabIndex={0}
        className="info-panel"
        data-testid="info-panel"
        data-tab={current}
      >
        <Panel tab={current} proc={proc} played={played} />
      </div>
    </div>
  );
}
