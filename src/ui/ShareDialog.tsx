import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n';
import { usePlayback } from '../state/playback-store';
import { useSession } from '../state/store';
import { sessionToUrl } from '../state/session-slice';
import { useView } from '../state/store';
import { qrPath } from './qr-path';

/** The address of the exact view: procedure, parameters, step, speed, language; angles after the '#'. */
function useShareUrl(): string {
  const session = useSession();
  const step = usePlayback((s) => s.step);
  const speed = usePlayback((s) => s.speed);
  const base = `${window.location.origin}${window.location.pathname}`;
  return `${base}${sessionToUrl(session, step + 1, speed)}`;
}

const escapeAttribute = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An `<iframe>` for a clinic's website: the same operation without the app's chrome (`mode=embed`),
 * and without this patient's angles (the part after '#'): a public page shows the typical case.
 */
function embedSnippet(url: string, title: string): string {
  const src = new URL(url);
  src.hash = '';
  src.searchParams.set('mode', 'embed');
  return `<iframe src="${escapeAttribute(src.href)}" title="${escapeAttribute(title)}" width="800" height="500" loading="lazy" allow="fullscreen"></iframe>`;
}

/**
 * Share the explanation: a link and a QR code that reopen the exact case at home, a picture of the
 * view, a printable handout, and an `<iframe>` snippet. Loaded only when first opened.
 */
export default function ShareDialog({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const url = useShareUrl();
  const qr = useMemo(() => qrPath(url), [url]);
  const [copied, setCopied] = useState(false);
  const [picture, setPicture] = useState<string | null>(null);

  useEffect(() => {
    // The link names a step: the operation holds still while it is being shared.
    usePlayback.getState().pause();
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const copy = () => {
    navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      // No clipboard (an insecure origin, a refusal): the link stays selected to copy by hand.
      () => document.querySelector<HTMLInputElement>('#share-link')?.select(),
    );
  };

  return (
    <dialog
      ref={dialog}
      className="share"
      onClose={onClose}
      aria-labelledby="share-title"
      data-testid="share-dialog"
    >
      <h2 id="share-title">{t('share.title')}</h2>
      <label htmlFor="share-link">{t('share.link')}</label>
      <div className="share-row">
        <input
          id="share-link"
          readOnly
          value={url}
          data-testid="share-link"
          onFocus={(e) => e.target.select()}
        />
        <button type="button" onClick={copy} data-testid="share-copy">
          {copied ? t('share.copied') : t('share.copy')}
        </button>
      </div>
      <p className="share-note">{t('share.privacy')}</p>
      <figure className="share-qr">
        <svg
          viewBox={`0 0 ${qr.size} ${qr.size}`}
          width={200}
          height={200}
          role="img"
          aria-label={t('share.qr')}
          data-testid="share-qr"
          data-modules={qr.size}
          shapeRendering="crispEdges"
        >
          <rect width={qr.size} height={qr.size} fill="#fff" />
          <path d={qr.d} fill="#000" />
        </svg>
        <figcaption>{t('share.qr')}</figcaption>
      </figure>
      <div className="share-row">
        <button
          type="button"
          data-testid="share-picture"
          onClick={() => setPicture(useView.getState().snapshot?.() ?? null)}
        >
          {t('share.picture')}
        </button>
        {picture && (
          <a href={picture} download="osteotomy-view.png" data-testid="share-picture-link">
            {t('share.download')}
          </a>
        )}
        <button type="button" onClick={() => window.print()} data-testid="share-print">
          {t('share.print')}
        </button>
      </div>
      <label htmlFor="share-embed">{t('share.embed')}</label>
      <textarea
        id="share-embed"
        readOnly
        rows={3}
        value={embedSnippet(url, t('app.title'))}
        data-testid="share-embed"
        onFocus={(e) => e.target.select()}
      />
      <form method="dialog">
        <button type="submit" data-testid="share-close">
          {t('share.close')}
        </button>
      </form>
    </dialog>
  );
}
