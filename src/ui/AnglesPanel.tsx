import { memo } from 'react';
import {
  FOOT_DEFORMITY,
  FOOT_PRESETS,
  JLCA_PLAUSIBLE,
  KNEE_DEFORMITY,
  KNEE_PRESETS,
  type RangeSpec,
  type Severity,
} from '../clinical/deformity-params';
import { grade } from '../clinical/grading';
import { MEASURE_UNIT, REGION_MEASURES, type MeasureId } from '../clinical/measures';
import { formatNumber, useTranslation } from '../i18n';
import { usePosedPatient } from '../state/patient';
import { useShallow } from 'zustand/react/shallow';
import { useSession } from '../state/store';
import { Segmented } from './Segmented';

const SEVERITIES: readonly Severity[] = ['mild', 'moderate', 'severe'];

const sameAngles = (a: Record<string, number>, b: Record<string, number>) =>
  Object.entries(a).every(([k, v]) => b[k] === v);

/** The patient's pre-operative angles: set them, and read them measured back on the posed model. */
export const AnglesPanel = memo(function AnglesPanel() {
  const { t } = useTranslation();
  const session = useSession(
    useShallow(({ foot, knee, lang, setFoot, setKnee }) => ({ foot, knee, lang, setFoot, setKnee })),
  );
  const patient = usePosedPatient();
  const measured: Partial<Record<MeasureId, number>> = patient.measured;
  const specs: Record<string, RangeSpec> = patient.region === 'foot' ? FOOT_DEFORMITY : KNEE_DEFORMITY;
  const inputs: Record<string, number> = patient.region === 'foot' ? session.foot : session.knee;
  const setAngle = (id: string, v: number) =>
    patient.region === 'foot' ? session.setFoot({ [id]: v }) : session.setKnee({ [id]: v });
  const jlca = patient.region === 'knee' ? patient.measured.jlca : 0;
  // A knock knee's presets are valgus ones, a bow leg's varus.
  const presets: Record<Severity, Record<string, number>> = patient.region === 'foot'
    ? FOOT_PRESETS
    : KNEE_PRESETS[session.knee.hka > 180 ? 'valgus' : 'varus'];

  return (
    <aside className="panel" aria-labelledby="angles-title">
      <h2 id="angles-title">{t('controls.patientAngles')}</h2>
      <p className="hint">{t('controls.patientAnglesHint')}</p>
      <Segmented<Severity | 'custom'>
        label={t('controls.severity')}
        value={SEVERITIES.find((k) => sameAngles(presets[k], inputs)) ?? 'custom'}
        options={SEVERITIES.map((k) => ({ value: k, label: t(`grade.${k}`), testId: `preset-${k}` }))}
        onChange={(k) => {
          if (k === 'custom') return;
          if (patient.region === 'foot') session.setFoot(FOOT_PRESETS[k]);
          else session.setKnee(presets[k]);
        }}
      />
      {REGION_MEASURES[patient.region].map((id) => {
        const spec = specs[id];
        const value = measured[id] ?? NaN;
        const g = grade(id, value);
        return (
          <div className="measure" key={id}>
            <label htmlFor={`angle-${id}`}>{t(`measure.${id}`)}</label>
            {spec && (
              <input
                id={`angle-${id}`}
                type="range"
                min={spec.min}
                max={spec.max}
                step={0.5}
                value={inputs[id]}
                onChange={(e) => setAngle(id, Number(e.target.value))}
                data-testid={`input-${id}`}
              />
            )}
            <output
              className={`readout grade-${g}`}
              data-measure={`${id}-pre`}
              data-value={value.toFixed(2)}
              aria-live="off"
            >
              <strong>
                {formatNumber(session.lang, value)}
                {MEASURE_UNIT[id]}
              </strong>{' '}
              <span className="grade">{t(`grade.${g}`)}</span>
            </output>
          </div>
        );
      })}
      {Math.abs(jlca) > JLCA_PLAUSIBLE && (
        <p className="warning" role="alert" data-warning="jlca">
          {t('warning.jlca', { value: formatNumber(session.lang, jlca) })}
        </p>
      )}
    </aside>
  );
});
