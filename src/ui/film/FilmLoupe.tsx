import { useEffect, useRef } from 'react';
import type { DecodedFilm } from './decode-film';
import { loupe } from './film-raster';
import { useFilm } from './film-store';

/** The loupe's size on screen, CSS pixels, and how much it enlarges the film as shown. */
const SIZE = 132;
const ZOOM = 4;

interface Props {
  readonly film: DecodedFilm;
  readonly lut: Uint8ClampedArray;
  readonly scale: number;
  /** The film has the keyboard's focus: the loupe follows the crosshair. */
  readonly keyboard: boolean;
}

/**
 * While a point is being placed or moved (or the crosshair moved by the keys), the film around it
 * enlarged, at the film's full resolution, in the corner away from the finger so that the finger
 * does not hide what it aims at.
 */
export function FilmLoupe({ film, lut, scale, keyboard }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const aim = useFilm((s) => s.aim ?? (keyboard && s.tool !== 'contrast' ? s.cursor : null));

  useEffect(() => {
    const c = canvas.current;
    const context = c?.getContext('2d');
    if (!c || !context || !aim || scale <= 0) return;
    const image = context.createImageData(SIZE, SIZE);
    loupe(film, lut, aim[0], aim[1], SIZE / (scale * ZOOM), image);
    context.putImageData(image, 0, 0);
  }, [film, lut, aim, scale]);

  if (!aim) return null;
  const left = aim[0] > film.width / 2;
  return (
    <div className={left ? 'film-loupe at-left' : 'film-loupe at-right'} aria-hidden="true">
      <canvas ref={canvas} width={SIZE} height={SIZE} />
      <span className="film-loupe-cross" />
    </div>
  );
}
