import { useEffect, useRef, useState } from 'react';
import { formatNumber, useTranslation, type Language } from '../i18n';
import type { ProcedureDef } from '../procedures/types';
import { usePlayback } from '../state/playback-store';
import type { Case } from '../engine/case';
import { useView } from '../state/store';
import { useHandoutFilm } from './handout-film';
import { handoutTimes, type HandoutFrame } from './handout-frames';
import { RecoveryTimeline } from './RecoveryTimeline';
import './handout.css';

/** One measure of the case: before surgery and as planned, with its unit ('°', '%'). */
export interface HandoutAngle {
  readonly id: string;
  readonly pre: number;
  readonly post: number;
  readonly unit: string;
}

interface Picture {
  readonly frame: HandoutFrame;
  readonly step: number;
  readonly png: string | null;
}

const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
/** Longest wait for the camera to settle on a step's view after a seek, ms. */
const SETTLE_MS = 3000;

/**
 * The view at time `t`: seeks, lets two frames draw it, then waits for the camera's glide onto the
 * step's view to end (two pictures in a row the same) before keeping the picture.
 */
async function pictureAt(t: number): Promise<string | null> {
  usePlayback.getState().seek(t);
  await nextFrame();
  await nextFrame();
  let last = useView.getState().snapshot?.() ?? null;
  const until = performance.now() + SETTLE_MS;
  while (last && performance.now() < until) {
    await pause(150);
    await nextFrame();
    const now = useView.getState().snapshot?.() ?? null;
    if (now === last) break;
    last = now;
  }
  return last;
}

/**
 * Takes the handout's three pictures of the operation (not of the patient before it), then puts
 * the clock back where the user left it, unless the handout was closed meanwhile (`live` false):
 * the user may have moved on.
 */
async function takePictures(proc: ProcedureDef, state: Case, live: () => boolean): Promise<Picture[]> {
  const playback = usePlayback.getState();
  const { time, playing, key, keyStart } = playback;
  playback.pause();
  useView.setState({ showingBefore: false });
  const pictures: Picture[] = [];
  try {
    for (const { frame, step, time: t } of handoutTimes(proc, state.plan.timeline)) {
      if (!live()) break;
      pictures.push({ frame, step, png: await pictureAt(t) });
    }
  } finally {
    if (live()) {
      usePlayback.getState().seek(time);
      // A paused step's still comes back as it was.
      usePlayback.setState({ key, keyStart });
      if (playing) usePlayback.getState().play();
    }
  }
  return pictures;
}

/** Every picture on the page decoded, so the print shows them all. */
function decoded(root: HTMLElement | null): Promise<unknown> {
  return Promise.all(
    [...(root?.querySelectorAll('img') ?? [])].map((img) => img.decode().catch(() => undefined)),
  );
}

/**
 * A one-page printable handout for the patient: the operation's name and summary, three pictures
 * (before, the cut, after) with their captions in the patient's words, the angles before and as
 * planned, and the recovery timeline. A modal dialog over the app, from a portal on the body:
 * printing shows only it (handout.css).
 */
export default function Handout({
  state,
  angles,
  proc,
  onClose,
}: {
  readonly state: Case;
  /** The case's measures, as the panel's before-and-after table shows them. */
  readonly angles: readonly HandoutAngle[];
  /** The procedure as chosen (its name, summary and recovery). */
  readonly proc: ProcedureDef;
  readonly onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const played = state.plan.proc;
  const [pictures, setPictures] = useState<Picture[] | null>(null);
  const page = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const printed = useRef(false);
  const film = useHandoutFilm((s) => s.picture);

  useEffect(() => {
    // Modal, as the share dialog: the page behind is inert, Tab stays inside, Escape closes it, and
    // focus goes to its first control (Close, while Print waits for the pictures).
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    void takePictures(played, state, () => live).then((p) => live && setPictures(p));
    return () => {
      live = false;
    };
    // The pictures are taken once, for the case as it was when the handout was asked for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!pictures || printed.current) return;
    printed.current = true;
    void decoded(page.current).then(() => window.print());
  }, [pictures]);

  const values = Object.fromEntries(
    Object.entries(state.values).map(([k, v]) => [k, formatNumber(lang, v, Number.isInteger(v) ? 0 : 1)]),
  );
  const stepKey = (i: number) => {
    const s = played.steps[i]!;
    return `proc.${s.strings ?? played.id}.step.${s.id}`;
  };

  return (
    <dialog
      ref={dialog}
      className="handout-root"
      onClose={onClose}
      aria-labelledby="handout-title"
      data-testid="handout"
      data-state={pictures ? 'ready' : 'preparing'}
    >
      <form method="dialog" className="handout-toolbar">
        <button type="button" onClick={() => window.print()} disabled={!pictures} data-testid="handout-print">
          {t('handout.print')}
        </button>
        <button type="submit" data-testid="handout-close">
          {t('handout.close')}
        </button>
      </form>
      <div className="handout-page" ref={page}>
        <header className="handout-head">
          <p className="handout-app">{t('app.title')}</p>
          <h1 id="handout-title">{t(`proc.${proc.id}.name`)}</h1>
          <p className="handout-summary">{t(`proc.${proc.id}.summary`)}</p>
        </header>
        {pictures ? (
          <ol className="handout-frames">
            {pictures.map((p, i) => (
              <li key={p.frame} data-testid={`handout-frame-${p.frame}`}>
                <div className="handout-shot">
                  {p.png && <img src={p.png} alt={t(`${stepKey(p.step)}.title`)} />}
                  <span className="handout-badge">
                    {i + 1} · {t(`handout.${p.frame}`)}
                  </span>
                </div>
                <h2>{t(`${stepKey(p.step)}.title`)}</h2>
                <p data-testid="handout-caption">{t(`${stepKey(p.step)}.patient`, values)}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="handout-preparing" role="status">
            {t('handout.preparing')}
          </p>
        )}
        {film && (
          <figure className="handout-film" data-testid="handout-film">
            <img src={film} alt={t('handout.film')} />
            <figcaption>{t('handout.film')}</figcaption>
          </figure>
        )}
        <div className="handout-columns">
          <section aria-labelledby="handout-angles">
            <h2 id="handout-angles">{t('handout.angles')}</h2>
            <table className="handout-angles" data-testid="handout-angles">
              <thead>
                <tr>
                  <th />
                  <th scope="col">{t('procedure.before')}</th>
                  <th scope="col">{t('handout.planned')}</th>
                </tr>
              </thead>
              <tbody>
                {angles.map((a) => (
                  <tr key={a.id} data-angle={a.id}>
                    <th scope="row">{t(`measure.${a.id}`)}</th>
                    <td data-value={a.pre.toFixed(2)}>
                      {formatNumber(lang, a.pre)}
                      {a.unit}
                    </td>
                    <td data-value={a.post.toFixed(2)}>
                      {formatNumber(lang, a.post)}
                      {a.unit}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="handout-recovery">
            <h2 id="handout-recovery">{t('handout.recovery')}</h2>
            {proc.recovery?.length ? (
              <RecoveryTimeline milestones={proc.recovery} />
            ) : (
              <p>{t(`proc.${proc.id}.info.aftercare`)}</p>
            )}
          </section>
        </div>
        <p className="handout-note">{t('handout.note')}</p>
      </div>
    </dialog>
  );
}
