import { useTranslation } from '../../i18n';
import { useView } from '../../state/store';

/**
 * Opens the patient's radiograph over the 3D view. Small and in the first download; the film view
 * itself (its decoder, its tools) is fetched only when this is first pressed.
 */
export function OpenFilmButton() {
  const { t } = useTranslation();
  const open = useView((s) => s.filmOpen);
  return (
    <button
      type="button"
      aria-pressed={open}
      onClick={(e) => {
        // From the settings menu, the menu closes: it would lie over the film.
        e.currentTarget.closest<HTMLElement>('[popover]')?.hidePopover();
        useView.setState({ filmOpen: !open });
      }}
      title={t('film.openTitle')}
      data-action="open-radiograph"
      data-testid="open-radiograph"
    >
      {t('film.open')}
    </button>
  );
}
