import { useTranslation } from 'react-i18next';
import { FOOT_DEFORMITY, JLCA_PLAUSIBLE, KNEE_DEFORMITY, type RangeSpec } from '../clinical/deformity-params';
import { grade } from '../clinical/grading';
import { MEASURE_UNIT, REGION_MEASURES, type MeasureId } from '../clinical/measures';
import { formatNumber } from '../i18n';
import { usePosedPatient } from '../state/patient';
import { useShallow } from 'zustand/react/shallow';
import { useSession } from '../state/session-store';

/** The patient's pre-operative angles: set them, and read them measured back on the posed model. */
export function AnglesPanel() {
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

  return (
    <aside className="panel" aria-labelledby="angles-title">
      <h2 id="angles-title">{t('controls.patientAngles')}</h2>
      <p className="hint">{t('controls.patientAnglesHint')}</p>
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
}
