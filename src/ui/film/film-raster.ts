/**
 * Turning a film's grey samples into screen pixels: the window (centre and width, as DICOM's
 * window/level) as a lookup table, and a smaller copy for the screen, so that moving the window
 * repaints about a screen's worth of pixels, not a 20-megapixel film.
 */

/** A grey image: `width × height` samples, row by row from the top. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly grey: Uint16Array;
}

/**
 * Screen brightness (0–255) of each sample value 0…maxValue: linear across the window, black
 * below it and white above; reversed for MONOCHROME1, where a high value is dark.
 */
export function windowLut(
  maxValue: number,
  center: number,
  width: number,
  invert: boolean,
): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(maxValue + 1);
  const w = Math.max(1, width);
  const low = center - w / 2;
  for (let v = 0; v <= maxValue; v++) {
    const shade = ((v - low) / w) * 255;
    lut[v] = invert ? 255 - shade : shade;
  }
  return lut;
}

/**
 * A copy no larger than `maxWidth × maxHeight`, each of its samples the mean of the film's samples
 * it covers (a plain pick would alias the fine trabecular pattern into noise). A film already
 * small enough is returned as it is.
 */
export function shrink(image: GreyImage, maxWidth: number, maxHeight: number): GreyImage {
  const k = Math.max(image.width / maxWidth, image.height / maxHeight);
  if (k <= 1) return image;
  const width = Math.max(1, Math.floor(image.width / k));
  const height = Math.max(1, Math.floor(image.height / k));
  const sum = new Float64Array(width * height);
  const count = new Uint32Array(width * height);
  const sx = width / image.width;
  const sy = height / image.height;
  for (let y = 0; y < image.height; y++) {
    const row = Math.min(height - 1, Math.floor(y * sy)) * width;
    const from = y * image.width;
    for (let x = 0; x < image.width; x++) {
      const i = row + Math.min(width - 1, Math.floor(x * sx));
      sum[i]! += image.grey[from + x]!;
      count[i]!++;
    }
  }
  const grey = new Uint16Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = Math.round(sum[i]! / Math.max(1, count[i]!));
  return { width, height, grey };
}

/** Paints `image` through `lut` into `out` (RGBA, the same size), opaque grey. */
export function paint(image: GreyImage, lut: Uint8ClampedArray, out: ImageData): void {
  const data = out.data;
  const { grey } = image;
  for (let i = 0, j = 0; i < grey.length; i++, j += 4) {
    const v = lut[grey[i]!]!;
    data[j] = v;
    data[j + 1] = v;
    data[j + 2] = v;
    data[j + 3] = 255;
  }
}

/**
 * The loupe's picture: the square of the film `span` pixels wide centred on (cx, cy), at full
 * resolution, enlarged into `out` by taking the nearest sample (the pixels stay crisp to aim by).
 * Outside the film is black.
 */
export function loupe(
  image: GreyImage,
  lut: Uint8ClampedArray,
  cx: number,
  cy: number,
  span: number,
  out: ImageData,
): void {
  const data = out.data;
  const n = out.width;
  const step = span / n;
  const x0 = cx - span / 2;
  const y0 = cy - span / 2;
  for (let y = 0, j = 0; y < out.height; y++) {
    const sy = Math.floor(y0 + y * step);
    for (let x = 0; x < n; x++, j += 4) {
      const sx = Math.floor(x0 + x * step);
      const inside = sx >= 0 && sy >= 0 && sx < image.width && sy < image.height;
      const v = inside ? lut[image.grey[sy * image.width + sx]!]! : 0;
      data[j] = v;
      data[j + 1] = v;
      data[j + 2] = v;
      data[j + 3] = 255;
    }
  }
}
