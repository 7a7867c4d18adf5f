import { useId } from 'react';
import { filmDistanceMm, mmPerPixelFromRuler } from '../../clinical/film-measures';
import { formatNumber, useTranslation } from '../../i18n';
import { useSession } from '../../state/store';
import { useFilm, type CalibrationSource } from './film-store';

/** The film's millimetres per pixel and where they come from: the ruler once drawn, else the DICOM header. */
export function useCalibration(): { mmPerPixel: number; source: CalibrationSource } | null {
  const film = useFilm((s) => s.film);
  const ruler = useFilm((s) => s.ruler);
  const known = useFilm((s) => s.rulerMm);
  if (ruler.length === 2) {
    const mm = mmPerPixelFromRuler(ruler[0]!, ruler[1]!, known);
    if (Number.isFinite(mm)) return { mmPerPixel: mm, source: 'ruler' };
  }
  return film?.spacing ? { mmPerPixel: film.spacing.mm, source: film.spacing.source } : null;
}

/** The patient's name, ID and birth date from the header: hidden unless asked for, never exported. */
function PatientDetails() {
  const { t } = useTranslation();
  const header = useFilm((s) => s.film?.header);
  const shown = useFilm((s) => s.showPatient);
  if (!header || !(header.name || header.id || header.birthDate)) return null;
  return (
    <div className="film-patient">
      <label className="toggle">
        <input
          type="checkbox"
          checked={shown}
          onChange={(e) => useFilm.setState({ showPatient: e.target.checked })}
        />
        {t('film.patient.show')}
      </label>
      {shown && (
        <dl>
          {header.name && (
            <>
              <dt>{t('film.patient.name')}</dt>
              <dd>{header.name}</dd>
            </>
          )}
          {header.id && (
            <>
              <dt>{t('film.patient.id')}</dt>
              <dd>{header.id}</dd>
            </>
          )}
          {header.birthDate && (
            <>
              <dt>{t('film.patient.birthDate')}</dt>
              <dd>{header.birthDate}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}

/**
 * The calibration (which one is used, and that a long-leg film is magnified), the known size of
 * the calibration object while the ruler is drawn, and the distance between the distance tool's
 * two points, in mm when calibrated.
 */
export function FilmCalibration() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const tool = useFilm((s) => s.tool);
  const known = useFilm((s) => s.rulerMm);
  const distance = useFilm((s) => s.distance);
  const calibration = useCalibration();
  const inputId = useId();
  const mmPerPixel = calibration?.mmPerPixel;
  const span = distance.length === 2 ? distance : null;
  const mm = span && mmPerPixel ? filmDistanceMm(span[0]!, span[1]!, mmPerPixel) : undefined;
  const px = span ? Math.hypot(span[1]![0] - span[0]![0], span[1]![1] - span[0]![1]) : undefined;

  return (
    <div className="film-calibration">
      <h3>{t('film.calibration.title')}</h3>
      <p data-calibration={calibration?.source ?? 'none'}>
        {calibration
          ? t(`film.calibration.${calibration.source}`, {
              mm: formatNumber(lang, calibration.mmPerPixel, 3),
              known: formatNumber(lang, known),
            })
          : t('film.calibration.none')}
      </p>
      {calibration?.source !== 'ruler' && <p className="hint">{t('film.calibration.magnification')}</p>}
      {tool === 'calibrate' && (
        <div className="film-known">
          <label htmlFor={inputId}>{t('film.calibration.knownLabel')}</label>
          <input
            id={inputId}
            type="number"
            min={1}
            max={1000}
            step={0.5}
            value={known}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isFinite(v) && v > 0) useFilm.setState({ rulerMm: v });
            }}
            data-testid="film-known-mm"
          />
        </div>
      )}
      <div className="measure">
        <span>{t('film.distance')}</span>
        <output
          className="readout"
          data-measure="xr-distance"
          data-value={mm !== undefined ? mm.toFixed(2) : undefined}
          data-pixels={px !== undefined ? px.toFixed(2) : undefined}
        >
          {mm !== undefined ? (
            <strong>{formatNumber(lang, mm)} mm</strong>
          ) : px !== undefined ? (
            <strong>{t('film.pixels', { value: formatNumber(lang, px, 0) })}</strong>
          ) : (
            <span className="hint">{t('film.distanceNone')}</span>
          )}
        </output>
      </div>
      <PatientDetails />
    </div>
  );
}
