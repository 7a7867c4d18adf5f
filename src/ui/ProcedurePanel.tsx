import { lazy, Suspense } from 'react';
import { grade } from '../clinical/grading';
import { MEASURE_UNIT, REGION_MEASURES, type MeasureId } from '../clinical/measures';
import { boundDigits, type TypicalRange } from '../clinical/published-results';
import { formatNumber, useTextsReady, useTranslation, type Language } from '../i18n';
import { procedureById, typicalRange } from '../procedures/registry';
import { goToStep, usePlayback } from '../state/playback-store';
import type { Case } from '../engine/case';
import { useSession } from '../state/store';
import { HandoutButton } from './HandoutButton';
import { AddonControls, ParamControls } from './ParamControls';
import { QuietBoundary } from './QuietBoundary';
import { Segmented } from './Segmented';

/** "typically 8–18°": the published range of a post-operative readout, on its own muted line. */
function TypicalBand({
  id,
  band,
  lang,
}: {
  readonly id: MeasureId;
  readonly band: TypicalRange;
  readonly lang: Language;
}) {
  const { t } = useTranslation();
  return (
    <span
      className="typical"
      data-typical={id}
      data-low={band.low.toFixed(2)}
      data-high={band.high.toFixed(2)}
      // Where the band comes from is in its title: the keyboard reaches it too (a tip shows on focus).
      tabIndex={0}
      title={t('typical.hint', { refs: band.refs.map((n) => `[${n}]`).join('') })}
    >
      {t('typical.band', {
        low: formatNumber(lang, band.low, boundDigits(band.low)),
        high: formatNumber(lang, band.high, boundDigits(band.high)),
        unit: MEASURE_UNIT[id],
      })}
    </span>
  );
}

/**
 * The key a warning carries as `data-warning`: an outcome warning `warning.<id>` its plain id, every
 * other warning its whole key.
 */
const warningHook = (key: string): string =>
  key.startsWith('warning.') ? key.slice('warning.'.length) : key;

/** The info tabs (and their styles) load with the first procedure opened, not with the page. */
const InfoTabs = lazy(() => import('./InfoTabs'));

/** The operation's correction, its steps, and its result measured on the model. */
export function ProcedurePanel({ state }: { readonly state: Case }) {
  const { t } = useTranslation();
  const { proc } = state.plan;
  const chosen = useSession((s) => s.procedure);
  const params = useSession((s) => s.params);
  const base = procedureById(chosen);
  const lang = useSession((s) => s.lang);
  const voice = useSession((s) => s.voice);
  const set = useSession((s) => s.set);
  const study = useSession((s) => s.mode === 'study');
  const consult = useSession((s) => s.mode === 'consult');
  const step = usePlayback((s) => s.step);
  const { pre, post } = state;
  // Its words (the summary, parameters, warnings, info and step titles) come with the texts
  // fetched after the first view: nothing until they are in, never a raw key.
  const ready = useTextsReady();
  if (!ready) return null;
  return (
    <section className="procedure-panel" aria-labelledby="proc-title">
      <h2 id="proc-title">{t(`proc.${proc.id}.name`)}</h2>
      <p className="hint">{t(`proc.${proc.id}.summary`)}</p>
      <Segmented
        label={t('procedure.voice')}
        value={voice}
        options={[
          { value: 'patient', label: t('procedure.patient'), testId: 'voice-patient' },
          { value: 'technical', label: t('procedure.technical'), testId: 'voice-technical' },
        ]}
        onChange={(v) => set({ voice: v })}
      />
      <h3>{t('procedure.parameters')}</h3>
      {base && <ParamControls proc={base} />}
      {base?.addons?.map((id) => (
        <AddonControls key={id} host={base} id={id} />
      ))}
      {state.warnings.map((key) => (
        <p key={key} className="warning" role="alert" data-warning={warningHook(key)}>
          {t(key)}
        </p>
      ))}
      <h3>{t('procedure.outcome')}</h3>
      <table className="outcome">
        <thead>
          <tr>
            <th />
            <th>{t('procedure.before')}</th>
            <th>{t('procedure.after')}</th>
          </tr>
        </thead>
        <tbody>
          {REGION_MEASURES[proc.region].map((id) => {
            if (post[id] === undefined) return null;
            const band = typicalRange(chosen, params, id, pre[id]);
            return (
              <tr key={id}>
                <th scope="row">{t(`measure.${id}`)}</th>
                {/* The pre-op value's test hook is on the angles panel: one element per measure. */}
                <td>
                  {formatNumber(lang, pre[id]!)}
                  {MEASURE_UNIT[id]}
                </td>
                <td
                  className={`grade-${grade(id, post[id])}`}
                  data-measure={`${id}-post`}
                  data-value={post[id].toFixed(2)}
                >
                  {formatNumber(lang, post[id])}
                  {MEASURE_UNIT[id]}
                  {band && <TypicalBand id={id} band={band} lang={lang} />}
                </td>
              </tr>
            );
          })}
          {Object.entries(proc.readouts ?? {}).map(([id, r]) =>
            state.values[r.value] === undefined ? null : (
              <tr key={id}>
                <th scope="row">{t(`procedure.readout.${id}`)}</th>
                <td />
                <td data-measure={id} data-value={state.values[r.value]!.toFixed(2)}>
                  {formatNumber(lang, state.values[r.value]!, r.unit === '' ? 0 : 1)} {r.unit}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <QuietBoundary>
        <Suspense fallback={null}>
          <InfoTabs proc={base ?? proc} played={proc} study={study} />
        </Suspense>
      </QuietBoundary>
      {consult && (
        <HandoutButton state={state} proc={base ?? proc} className="handout-button" testId="print-handout" />
      )}
      <h3>{t('procedure.steps')}</h3>
      <ol className="steps">
        {proc.steps.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              aria-current={i === step ? 'step' : undefined}
              onClick={() => goToStep(state.plan.timeline, i)}
              data-testid={`step-${i + 1}`}
              data-step-id={s.id}
              data-start={state.plan.timeline.spans[i]!.start}
            >
              {t(`proc.${s.strings ?? proc.id}.step.${s.id}.title`)}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
