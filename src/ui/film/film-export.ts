import type { FilmPoint, FilmRegion } from '../../clinical/film-measures';
import type { DecodedFilm } from './decode-film';
import { paint, shrink, windowLut } from './film-raster';
import type { Shape } from './film-plan-shapes';

/** The saved picture's longest side at most, px: enough to read a long-leg film, small enough to hold in memory. */
export const PICTURE_MAX = 4096;

/** A shape in the picture's pixels (`k` picture px per film px; `u` picture px per screen px). */
function drawShape(c: CanvasRenderingContext2D, s: Shape, k: number, u: number): void {
  const at = (p: FilmPoint): [number, number] => [p[0] * k, p[1] * k];
  c.setLineDash([]);
  switch (s.kind) {
    case 'line': {
      c.beginPath();
      c.moveTo(...at(s.a));
      c.lineTo(...at(s.b));
      c.strokeStyle = s.colour;
      c.lineWidth = s.width * u;
      if (s.dash) c.setLineDash([8 * u, 5 * u]);
      c.stroke();
      return;
    }
    case 'polygon': {
      c.beginPath();
      s.points.forEach((p, i) => (i ? c.lineTo(...at(p)) : c.moveTo(...at(p))));
      c.closePath();
      c.fillStyle = s.fill;
      c.fill();
      return;
    }
    case 'dot': {
      c.beginPath();
      c.arc(...at(s.at), s.r * u, 0, 2 * Math.PI);
      c.fillStyle = s.hollow ? 'rgba(0, 0, 0, 0.35)' : s.colour;
      c.fill();
      c.strokeStyle = s.hollow ? s.colour : '#000';
      c.lineWidth = 2 * u;
      c.stroke();
      return;
    }
    case 'arc': {
      const [cx, cy] = at(s.centre);
      const a0 = Math.atan2(s.from[1] - s.centre[1], s.from[0] - s.centre[0]);
      const a1 = Math.atan2(s.to[1] - s.centre[1], s.to[0] - s.centre[0]);
      const r = Math.hypot(s.from[0] - s.centre[0], s.from[1] - s.centre[1]) * k;
      // The shorter way round: anticlockwise (on screen) when the turn from `from` to `to` is negative.
      const turn = Math.atan2(Math.sin(a1 - a0), Math.cos(a1 - a0));
      c.beginPath();
      c.arc(cx, cy, r, a0, a1, turn < 0);
      c.strokeStyle = s.colour;
      c.lineWidth = s.width * u;
      c.stroke();
      return;
    }
    case 'label': {
      c.font = `700 ${14 * u}px system-ui, sans-serif`;
      // Kept whole inside the picture: on a narrow long-leg film a label beside the knee would run off it.
      const width = c.measureText(s.text).width;
      const [x, y] = at(s.at);
      const left = s.anchor === 'end' ? x - width : s.anchor === 'middle' ? x - width / 2 : x;
      const pad = 4 * u;
      const fit = Math.min(Math.max(left, pad), c.canvas.width - width - pad);
      c.textAlign = 'left';
      c.lineWidth = 3 * u;
      c.strokeStyle = '#000';
      c.strokeText(s.text, fit, y);
      c.fillStyle = s.colour;
      c.fillText(s.text, fit, y);
      return;
    }
  }
}

/**
 * The film as shown (its grey window) with the landmarks and the plan drawn in, on one canvas the
 * caller turns into a PNG and then empties. Lines and labels are sized for the picture as a whole,
 * as they look on a screen showing it about 1000 px tall. `shapes` takes the picture's pixels per
 * screen pixel, so label offsets scale with the strokes.
 */
export function filmPicture(
  film: DecodedFilm,
  window: { readonly center: number; readonly width: number },
  shapes: (u: number) => readonly Shape[],
): HTMLCanvasElement {
  const image = shrink(film, PICTURE_MAX, PICTURE_MAX);
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const c = canvas.getContext('2d');
  if (!c) return canvas;
  const data = c.createImageData(image.width, image.height);
  paint(image, windowLut(film.maxValue, window.center, window.width, film.invert), data);
  c.putImageData(data, 0, 0);
  const k = image.width / film.width;
  const u = Math.max(1, Math.max(image.width, image.height) / 1000);
  for (const s of shapes(u / k)) drawShape(c, s, k, u);
  return canvas;
}

/** The picture's file name: the region and the time, nothing of the patient. */
export function pictureName(region: FilmRegion, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, '');
  return `film-${region}-${stamp}.png`;
}

/** A PNG of the canvas, the canvas emptied after (its pixels go with it). */
export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((done) =>
    canvas.toBlob((blob) => {
      canvas.width = canvas.height = 0;
      done(blob);
    }, 'image/png'),
  );
}

/** Downloads the blob on this device (an <a download> of a blob URL, revoked after): nothing is sent. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file; the URL can go once the click's task is done.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
