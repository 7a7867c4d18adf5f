import { useTranslation } from 'react-i18next';
import { useView } from '../state/view-store';
import { ViewControls } from './ViewControls';

/** The name of the bone under the pointer, next to it. */
export function HoverLabel() {
  const { t } = useTranslation();
  const hovered = useView((s) => s.hovered);
  if (!hovered) return null;
  return (
    <div
      className="bone-label"
      data-testid="bone-label"
      style={{ left: hovered.x + 14, top: hovered.y + 14 }}
    >
      {t(`part.${hovered.part}`)}
    </div>
  );
}

/**
 * Loading progress, or a plain message and a retry when the models could not be loaded; once the
 * bones are there, the 3D / X-ray switch.
 */
export function LoadOverlay() {
  const { t } = useTranslation();
  const status = useView((s) => s.status);
  const retry = useView((s) => s.retry);
  const progress = useView((s) => s.progress);
  if (status === 'error')
    return (
      <div className="overlay" role="alert" data-testid="load-error">
        <p>{t('load.error')}</p>
        <button type="button" onClick={retry} data-testid="retry">
          {t('load.retry')}
        </button>
      </div>
    );
  if (status === 'loading')
    return (
      <div className="overlay" role="status">
        <div className="spinner" aria-hidden="true" />
        <p>{t('load.loading')}</p>
        <progress max={1} value={progress} aria-label={t('load.loading')} />
      </div>
    );
  return <ViewControls />;
}

/** Shown instead of the 3D view when the browser has no WebGL. */
export function NoWebGL() {
  const { t } = useTranslation();
  return (
    <div className="overlay no-webgl" role="alert" data-testid="no-webgl">
      <h2>{t('load.noWebglTitle')}</h2>
      <p>{t('load.noWebgl')}</p>
    </div>
  );
}
