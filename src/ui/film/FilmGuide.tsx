import { useTranslation } from '../../i18n';
import { FILM_LANDMARKS, type FilmRegion } from '../../clinical/film-measures';
import { nextLandmark } from './film-actions';
import { useFilm } from './film-store';
import { FilmSchematic } from './FilmSchematic';

/** Hands the keyboard to the film, so the arrows move what was just chosen. */
const focusFilm = () => document.querySelector<HTMLElement>('[data-radiograph]')?.focus();

/**
 * The guide through the landmarks: the next one named and shown on a drawing, then every point in
 * a list, each chosen to be moved by the arrow keys (or dragged on the film).
 */
export function FilmGuide({ region }: { readonly region: FilmRegion }) {
  const { t } = useTranslation();
  const points = useFilm((s) => s.points);
  const selected = useFilm((s) => s.selected);
  const tool = useFilm((s) => s.tool);
  const ids = FILM_LANDMARKS[region];
  const next = nextLandmark(points, ids.length);
  const name = (i: number) => t(`film.landmark.${ids[i]}`);
  return (
    <div className="film-guide">
      <div className="film-prompt">
        <FilmSchematic
          region={region}
          next={tool === 'landmarks' ? next : null}
          placed={ids.map((_, i) => Boolean(points[i]))}
          label={next === null ? t('film.allPlaced') : t('film.where', { name: name(next) })}
        />
        <p data-next-landmark={next === null ? undefined : ids[next]} aria-live="polite">
          {next === null
            ? t('film.allPlaced')
            : t('film.next', { n: next + 1, total: ids.length, name: name(next) })}
        </p>
      </div>
      <details className="film-points">
        <summary>{t('film.pointsLabel')}</summary>
        <ol>
          {ids.map((id, i) => (
            <li key={id}>
              <button
                type="button"
                aria-pressed={selected === i}
                disabled={!points[i]}
                onClick={() => {
                  useFilm.setState({ selected: selected === i ? null : i, tool: 'landmarks' });
                  focusFilm();
                }}
                data-landmark={id}
              >
                {i + 1}. {name(i)}
              </button>
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
