import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from '../../i18n';
import { FILM_LANDMARKS } from '../../clinical/film-measures';
import { useSession, useView } from '../../state/store';
import { clearPoints, undo, useFilm, wipeFilm } from './film-store';
import { firstFile, forgetAsked, openFilmFile } from './film-open';
import { FilmGuide } from './FilmGuide';
import { FilmImage } from './FilmImage';
import { FilmMessages } from './FilmMessages';
import { FilmPlanPanel } from './FilmPlanPanel';
import { FilmReadouts } from './FilmReadouts';
import { FilmTools } from './FilmTools';
import './film.css';

/** What the file chooser offers: images (a tablet offers its camera too) and DICOM files. */
const ACCEPT = 'image/*,.dcm,application/dicom';

/** A device with a finger for a pointer (a tablet, a phone): it has a camera to photograph a film with. */
const touch = () => globalThis.matchMedia?.('(pointer: coarse)').matches ?? false;

/**
 * A button that opens the file chooser, or with `camera` the device's camera (the `capture`
 * attribute: a tablet photographs the film on the light box); the input itself is out of sight.
 */
function OpenButton({ camera, primary }: { readonly camera?: boolean; readonly primary?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // The view just opened with nothing in it: the keyboard starts on its main button.
  useEffect(() => {
    if (primary) button.current?.focus();
  }, [primary]);
  const label = t(camera ? 'film.camera' : 'film.choose');
  return (
    <>
      <button
        type="button"
        className={primary ? 'primary' : undefined}
        onClick={() => input.current?.click()}
      >
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        capture={camera ? 'environment' : undefined}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={camera ? 'film-camera' : 'film-input'}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // The input lets go of the file at once: only the decoded copy is kept, and only here.
          e.target.value = '';
          if (file) void openFilmFile(file);
        }}
      />
    </>
  );
}

/**
 * The patient's radiograph, over the 3D view: open it (button, drop, paste, a tablet's camera),
 * place the landmarks the session's body part needs, read the angles, calibrate and measure in
 * millimetres, and pose the 3D model to the film's angles. The film lives in this view's memory
 * only and is wiped when it closes.
 */
export default function FilmView() {
  const { t } = useTranslation();
  const region = useSession((s) => s.region);
  const film = useFilm((s) => s.film);
  const [dragging, setDragging] = useState(false);
  const [camera] = useState(touch);
  const hintId = useId();
  const count = FILM_LANDMARKS[region].length;

  // Another body part, another set of landmarks: the points placed for the last one mean nothing.
  const regionSeen = useRef(region);
  useEffect(() => {
    if (regionSeen.current !== region) clearPoints();
    regionSeen.current = region;
  }, [region]);

  // Closing the view forgets the film, the points and any file still being read.
  useEffect(
    () => () => {
      forgetAsked();
      wipeFilm();
    },
    [],
  );

  useEffect(() => {
    const paste = (e: ClipboardEvent) => {
      const file = firstFile(e.clipboardData);
      if (!file) return;
      e.preventDefault();
      void openFilmFile(file);
    };
    window.addEventListener('paste', paste);
    return () => window.removeEventListener('paste', paste);
  }, []);

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = firstFile(e.dataTransfer);
    if (file) void openFilmFile(file);
  };

  return (
    <section
      className={dragging ? 'film-view dragging' : 'film-view'}
      aria-labelledby="film-title"
      data-testid="film-view"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      onKeyDown={(e) => {
        // In a text field, Ctrl+Z is the field's own undo.
        const typing = e.target instanceof HTMLInputElement && e.target.type !== 'checkbox';
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !typing) {
          e.preventDefault();
          undo();
        }
      }}
    >
      <header className="film-head">
        <h2 id="film-title">{t('film.title')}</h2>
        {film && <OpenButton />}
        <button
          type="button"
          className="film-close"
          onClick={() => {
            useView.setState({ filmOpen: false });
            // The keyboard goes back where the film came from (when that button is on show).
            document.querySelector<HTMLElement>('[data-action="open-radiograph"]')?.focus();
          }}
          title={t('film.closeTitle')}
          data-action="close-radiograph"
        >
          {t('film.close')}
        </button>
      </header>
      <div className="film-body">
        <div className="film-stage">
          {film ? (
            <FilmImage
              film={film}
              region={region}
              count={count}
              label={t('film.imageLabel')}
              hintId={hintId}
            />
          ) : (
            <div className="overlay film-empty">
              <p>{t('film.drop')}</p>
              <OpenButton primary />
              {camera && <OpenButton camera />}
              <p className="hint">{t('film.privacy')}</p>
            </div>
          )}
        </div>
        <div className="film-side">
          <FilmMessages />
          {film && (
            <>
              <FilmTools hintId={hintId} />
              <FilmGuide region={region} />
              <FilmReadouts region={region} />
              <FilmPlanPanel region={region} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
