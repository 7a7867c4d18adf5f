import { useState } from 'react';
import type { FilmRegion } from '../../clinical/film-measures';
import { NOMINAL_PLATEAU_MM } from '../../clinical/film-plan';
import { formatNumber, useTranslation } from '../../i18n';
import { procedureById } from '../../procedures/registry';
import { useProcedurePlan } from '../../state/procedure-plan';
import { useSession } from '../../state/store';
import { setHandoutFilm, useHandoutFilm } from '../handout-film';
import { HandoutButton } from '../HandoutButton';
import { canvasPng, download, filmPicture, pictureName } from './film-export';
import { landmarkShapes, planShapes } from './film-plan-shapes';
import { useFilm } from './film-store';
import { gapWords, planWords } from './FilmPlanLayer';
import { useFilmPlan, type FilmPlanView } from './use-film-plan';

type T = (key: string, values?: Record<string, unknown>) => string;

/**
 * "Print handout" from the film view, once the film is in the handout: the film lies over the
 * side panel and its handout button, and closing the film takes the film out of the handout, so
 * the handout with the film can only be opened from here. The same handout as the panel's.
 */
function FilmHandoutButton() {
  const state = useProcedurePlan();
  const chosen = useSession((s) => s.procedure);
  const consult = useSession((s) => s.mode === 'consult');
  const film = useHandoutFilm((s) => s.picture);
  if (!state || !film || !consult) return null;
  return (
    <HandoutButton
      state={state}
      proc={procedureById(chosen) ?? state.plan.proc}
      action="film-print-handout"
    />
  );
}

/** The plan's numbers: the correction, the gap (or the head's shift), the load line it predicts. */
function PlanNumbers({ view }: { readonly view: FilmPlanView }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  if (view.region === 'foot') {
    const p = view.plan;
    return (
      <div className="measure">
        <span>{t('film.plan.shift')}</span>
        <output
          className="readout"
          data-measure="xr-shift"
          data-value={p.shiftMm !== undefined ? p.shiftMm.toFixed(2) : undefined}
          data-pixels={p.shiftPx.toFixed(2)}
        >
          <strong>{gapWords(view, t, lang)}</strong>
        </output>
      </div>
    );
  }
  const p = view.plan;
  return (
    <>
      <div className="measure">
        <span>{t('film.plan.correction')}</span>
        <output className="readout" data-measure="xr-correction" data-value={p.correction.toFixed(2)}>
          <strong>{formatNumber(lang, Math.abs(p.correction))}°</strong>
        </output>
      </div>
      <div className="measure">
        <span>{t('film.plan.gap')}</span>
        <output
          className="readout"
          data-measure="xr-gap"
          data-value={p.calibrated ? p.gapMm.toFixed(2) : undefined}
          data-pixels={p.gapPx.toFixed(2)}
          data-calibrated={String(p.calibrated)}
        >
          <strong>{gapWords(view, t, lang)}</strong>
        </output>
      </div>
      <div className="measure">
        <span>{t('film.plan.predicted')}</span>
        <output className="readout" data-measure="xr-wbl-post" data-value={p.predictedWbl.toFixed(2)}>
          <strong>{formatNumber(lang, p.predictedWbl)} %</strong>
        </output>
      </div>
      {p.warnings.map((key) => (
        <p key={key} className="warning" data-warning={`film-${key}`}>
          {t(key)}
        </p>
      ))}
      {!p.calibrated && <p className="hint">{t('film.plan.uncalibratedHint', { mm: NOMINAL_PLATEAU_MM })}</p>}
    </>
  );
}

/** The film, its landmarks and the plan, as one PNG (in memory). */
async function picture(region: FilmRegion, view: FilmPlanView | null, t: T, lang: 'it' | 'en') {
  const { film, window, points } = useFilm.getState();
  if (!film) return null;
  const canvas = filmPicture(film, window, (u) => [
    ...landmarkShapes(region, points, u),
    ...(view ? planShapes(view, planWords(view, t, lang), u) : []),
  ]);
  return canvasPng(canvas);
}

/** A blob as a data URL (the handout's pictures are data URLs: the page's policy allows no others). */
const dataUrl = (blob: Blob) =>
  new Promise<string>((done, fail) => {
    const reader = new FileReader();
    reader.onload = () => done(String(reader.result));
    reader.onerror = () => fail(reader.error ?? new Error('read'));
    reader.readAsDataURL(blob);
  });

/**
 * The open operation's plan on the film: its numbers, and the annotated film saved as a PNG on
 * this device or added to the handout (in memory). Without an operation or all its points, it says
 * what is missing.
 */
export function FilmPlanPanel({ region }: { readonly region: FilmRegion }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const procedure = useSession((s) => s.procedure);
  const view = useFilmPlan(region);
  const [news, setNews] = useState<string | null>(null);

  const save = async () => {
    const blob = await picture(region, view, t, lang);
    if (!blob) return;
    const name = pictureName(region);
    download(blob, name);
    setNews(t('film.plan.saved', { name }));
  };
  const toHandout = async () => {
    const blob = await picture(region, view, t, lang);
    if (!blob) return;
    setHandoutFilm(await dataUrl(blob));
    setNews(t('film.plan.added'));
  };

  return (
    <div className="film-plan-panel">
      <h3>{t('film.plan.title')}</h3>
      {view ? (
        <PlanNumbers view={view} />
      ) : (
        <p className="hint" data-plan-missing={procedure ?? 'none'}>
          {t(region === 'foot' ? 'film.plan.needsFoot' : 'film.plan.needs')}
        </p>
      )}
      <div className="film-plan-actions">
        <button
          type="button"
          onClick={() => void save()}
          title={t('film.plan.saveTitle')}
          data-action="save-film-png"
        >
          {t('film.plan.save')}
        </button>
        {view && (
          <button
            type="button"
            onClick={() => void toHandout()}
            title={t('film.plan.handoutTitle')}
            data-action="film-to-handout"
          >
            {t('film.plan.handout')}
          </button>
        )}
        <FilmHandoutButton />
      </div>
      <p role="status" className="film-plan-news">
        {news}
      </p>
    </div>
  );
}
