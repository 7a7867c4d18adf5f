import { useMemo, useState } from 'react';
import {
  FILM_MEASURES,
  measureFilm,
  type FilmMeasureId,
  type FilmRegion,
} from '../../clinical/film-measures';
import { grade } from '../../clinical/grading';
import { MEASURE_UNIT, type MeasureId } from '../../clinical/measures';
import { formatNumber, useTranslation } from '../../i18n';
import { useSession } from '../../state/store';
import { applyFilmAngles, type ClampedAngle } from './film-angles';
import { useFilm } from './film-store';
import { FilmCalibration } from './FilmCalibration';

/** The app grades these (CLINICAL's tables); the joint lines' convergence has no grade of its own. */
const graded = (id: FilmMeasureId): id is MeasureId => id !== 'jlca';

/** What "use these angles" last did: the angles set, those clamped to the model's range. */
interface Applied {
  readonly clamped: readonly ClampedAngle[];
}

/**
 * The angles measured on the film's landmarks, live as the points move, each with its grade; the
 * calibration and the distance; and the button that poses the 3D model to the film.
 */
export function FilmReadouts({ region }: { readonly region: FilmRegion }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const points = useFilm((s) => s.points);
  const measured = useMemo(() => measureFilm(region, points), [region, points]);
  const [applied, setApplied] = useState<Applied | null>(null);
  const settable = Object.keys(measured).some((id) => id !== 'jlca' && id !== 'wbl');
  const unit = (id: FilmMeasureId) => (id === 'jlca' ? '°' : MEASURE_UNIT[id]);

  return (
    <div className="film-readouts">
      <h3>{t('film.measuresTitle')}</h3>
      {FILM_MEASURES[region].map((id) => {
        const value = measured[id];
        const known = value !== undefined && Number.isFinite(value);
        const g = known && graded(id) ? grade(id, value) : null;
        return (
          <div className="measure" key={id}>
            <span>{t(`measure.${id}`)}</span>
            <output
              className={g ? `readout grade-${g}` : 'readout'}
              data-measure={`xr-${id}`}
              data-value={known ? value.toFixed(2) : undefined}
              aria-live="off"
            >
              {known ? (
                <>
                  <strong>
                    {formatNumber(lang, value)}
                    {unit(id)}
                  </strong>
                  {g && (
                    <>
                      {' '}
                      <span className="grade">{t(`grade.${g}`)}</span>
                    </>
                  )}
                </>
              ) : (
                <span className="hint">{t('film.notYet')}</span>
              )}
            </output>
          </div>
        );
      })}
      <button
        type="button"
        className="primary"
        disabled={!settable}
        onClick={() => setApplied(applyFilmAngles(region, measured))}
        data-action="use-film-angles"
      >
        {t('film.use')}
      </button>
      <div role="status" className="film-applied">
        {applied && (
          <>
            <p>{t('film.used')}</p>
            {applied.clamped.map((c) => (
              <p key={c.id} className="warning" data-warning={`film-clamped-${c.id}`}>
                {t('film.clamped', {
                  measure: t(`measure.${c.id}`),
                  given: formatNumber(lang, c.given),
                  used: formatNumber(lang, c.used),
                  min: c.min,
                  max: c.max,
                })}
              </p>
            ))}
          </>
        )}
      </div>
      <FilmCalibration />
    </div>
  );
}
