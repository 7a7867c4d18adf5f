import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { FilmRegion } from '../../clinical/film-measures';
import type { DecodedFilm } from './decode-film';
import { filmKeyDown } from './film-keys';
import { shrink, paint, windowLut } from './film-raster';
import { useFilm } from './film-store';
import { FilmLoupe } from './FilmLoupe';
import { FilmOverlay } from './FilmOverlay';
import { useFilmGestures } from './use-film-gestures';

interface Props {
  readonly film: DecodedFilm;
  readonly region: FilmRegion;
  /** The region's number of landmarks. */
  readonly count: number;
  /** The image's accessible name, and the id of the words that say how to work it. */
  readonly label: string;
  readonly hintId: string;
}

/** The area's size, followed as it changes. */
function useSize(el: RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const area = el.current;
    if (!area) return;
    const observer = new ResizeObserver(() =>
      setSize({ width: area.clientWidth, height: area.clientHeight }),
    );
    observer.observe(area);
    return () => observer.disconnect();
  }, [el]);
  return size;
}

/**
 * The film, fit whole into its area without rotation; its element's box is the image's box on
 * screen (`data-radiograph`, with the natural size), so a point of the image is a point of the box.
 * The canvas holds a copy the size of the screen's pixels, repainted through the grey window;
 * the points and lines are drawn over it in the image's own pixels.
 */
export function FilmImage({ film, region, count, label, hintId }: Props) {
  const area = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useSize(area);
  const [focused, setFocused] = useState(false);
  const window_ = useFilm((s) => s.window);
  const gestures = useFilmGestures(count);

  const scale = Math.min(size.width / film.width, size.height / film.height) || 0;
  const box = { width: film.width * scale, height: film.height * scale };
  const dpr = globalThis.devicePixelRatio || 1;
  const targetWidth = Math.max(1, Math.ceil(box.width * dpr));
  const targetHeight = Math.max(1, Math.ceil(box.height * dpr));
  const screen = useMemo(() => shrink(film, targetWidth, targetHeight), [film, targetWidth, targetHeight]);
  const lut = useMemo(
    () => windowLut(film.maxValue, window_.center, window_.width, film.invert),
    [film, window_.center, window_.width],
  );

  useEffect(() => {
    const c = canvas.current;
    const context = c?.getContext('2d');
    if (!c || !context) return;
    c.width = screen.width;
    c.height = screen.height;
    const image = context.createImageData(screen.width, screen.height);
    paint(screen, lut, image);
    context.putImageData(image, 0, 0);
  }, [screen, lut]);

  // The canvas's pixels go with the view: nothing of the film stays drawn anywhere.
  useEffect(() => {
    const c = canvas.current;
    return () => {
      if (c) c.width = c.height = 0;
    };
  }, []);

  return (
    <div className="film-area" ref={area}>
      {scale > 0 && (
        <div
          className="film-image"
          data-radiograph=""
          data-natural-width={film.width}
          data-natural-height={film.height}
          style={{
            left: (size.width - box.width) / 2,
            top: (size.height - box.height) / 2,
            width: box.width,
            height: box.height,
          }}
          role="application"
          aria-label={label}
          aria-describedby={hintId}
          tabIndex={0}
          onKeyDown={(e) => filmKeyDown(e, count, 1 / scale)}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onContextMenu={(e) => e.preventDefault()}
          {...gestures}
        >
          <canvas ref={canvas} className="film-canvas" aria-hidden="true" />
          <FilmOverlay film={film} region={region} scale={scale} showCursor={focused} />
        </div>
      )}
      <FilmLoupe film={film} lut={lut} scale={scale} keyboard={focused} />
    </div>
  );
}
