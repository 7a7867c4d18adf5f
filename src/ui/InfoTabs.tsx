import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERENCES } from '../clinical/references';
import type { ProcedureDef } from '../procedures/types';
import { RecoveryTimeline } from './RecoveryTimeline';
import './info-tabs.css';

const TABS = ['what', 'who', 'steps', 'recovery', 'risks', 'references'] as const;
type Tab = (typeof TABS)[number];

/** The procedure's sources, numbered as in CLINICAL.md (citations stay as written there). */
export function ReferenceList({ proc }: { readonly proc: ProcedureDef }) {
  return (
    <ol className="references" data-testid="references">
      {(proc.references ?? []).map((n) => (
        <li key={n} value={n} data-ref={n}>
          {REFERENCES[n]}
        </li>
      ))}
    </ol>
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
      return <p>{t(`proc.${proc.id}.summary`)}</p>;
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
