import { useTranslation } from '../../i18n';
import { useFilm } from './film-store';

/**
 * What the view has to say about the file: a refusal in an alert (it interrupts: the file was not
 * opened), news in a status (opened, reading, only the first frame shown, angles applied). Both
 * regions are always there, so a message that appears is announced.
 */
export function FilmMessages() {
  const { t } = useTranslation();
  const message = useFilm((s) => s.message);
  const busy = useFilm((s) => s.busy);
  return (
    <div className="film-messages">
      <div role="alert" data-film-message={message?.kind === 'refused' ? message.reason : undefined}>
        {message?.kind === 'refused' && <p className="warning">{t(`film.refused.${message.reason}`)}</p>}
      </div>
      <div
        role="status"
        aria-busy={busy}
        data-film-message={message?.kind === 'status' ? message.key : undefined}
      >
        {message?.kind === 'status' && <p>{t(message.key, message.values)}</p>}
      </div>
    </div>
  );
}
