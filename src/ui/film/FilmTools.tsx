import { useTranslation } from '../../i18n';
import { undo, useFilm, type FilmTool } from './film-store';

/** Each tool with the attribute a test (or a script) finds it by. */
const TOOLS: readonly (readonly [FilmTool, string])[] = [
  ['landmarks', 'place-landmarks'],
  ['calibrate', 'calibrate-ruler'],
  ['distance', 'measure-distance'],
  ['contrast', 'adjust-contrast'],
];

/**
 * What a press on the film does (landmarks, the calibration ruler, a distance, the contrast), undo,
 * the file's own contrast back, and how to work the chosen tool by pointer and by keyboard.
 */
export function FilmTools({ hintId }: { readonly hintId: string }) {
  const { t } = useTranslation();
  const tool = useFilm((s) => s.tool);
  const canUndo = useFilm((s) => s.history.length > 0);
  const film = useFilm((s) => s.film);
  return (
    <div className="film-tools">
      <div className="segmented film-tool-choice" role="group" aria-label={t('film.tool.label')}>
        {TOOLS.map(([id, action]) => (
          <button
            key={id}
            type="button"
            aria-pressed={tool === id}
            onClick={() => useFilm.setState({ tool: id, selected: null })}
            data-action={action}
          >
            {t(`film.tool.${id}`)}
          </button>
        ))}
      </div>
      <p className="hint" id={hintId}>
        {t(`film.hint.${tool}`)}
      </p>
      <div className="film-tool-row">
        <button
          type="button"
          onClick={undo}
          disabled={!canUndo}
          title={t('film.undoTitle')}
          data-action="undo-film"
        >
          {t('film.undo')}
        </button>
        {tool === 'contrast' && film && (
          <button
            type="button"
            onClick={() => useFilm.setState({ window: film.window })}
            data-action="reset-contrast"
          >
            {t('film.resetContrast')}
          </button>
        )}
      </div>
    </div>
  );
}
