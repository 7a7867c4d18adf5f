/**
 * What a real operation achieves, from CLINICAL.md §5 "Published results": the shape of a published
 * series' numbers per post-operative measure (each operation's own live in its definition, as its
 * `published`), and the typical range (band) derived from them. The readouts show the band beside the value measured on
 * the model, so a surgeon sees at once whether the model promises more, or less, than surgery does.
 */
import type { MeasureId } from './measures';

/** A published mean and its standard deviation, in the measure's unit. */
export interface MeanSd {
  readonly mean: number;
  readonly sd: number;
}

/** How many patients' feet or knees a series reports. */
export interface SeriesSize {
  readonly n: number;
  readonly of: 'feet' | 'knees';
}

interface ResultBase {
  /** The measure (an id of `clinical/measures`) the series reports after surgery. */
  readonly measure: MeasureId;
  /** CLINICAL.md's source numbers (see `clinical/references`). */
  readonly refs: readonly number[];
}

/**
 * One published post-operative result:
 * - `post`: the post-operative mean ± SD (band: mean − SD … mean + SD);
 * - `fall`: the series gives how far the angle falls, mean ± SD (band: the patient's pre-operative
 *   value minus the fall's mean ± SD);
 * - `range`: CLINICAL's stated realistic range from a typical starting angle (band: that range).
 */
export type PublishedResult =
  | (ResultBase & {
      readonly kind: 'post';
      readonly pre: MeanSd;
      readonly post: MeanSd;
      readonly size: SeriesSize;
    })
  | (ResultBase & { readonly kind: 'fall'; readonly fall: MeanSd; readonly size: SeriesSize })
  | (ResultBase & {
      readonly kind: 'range';
      readonly low: number;
      readonly high: number;
      /** The starting angle (HVA, °) the range is stated from. */
      readonly from: { readonly low: number; readonly high: number };
    });

/**
 * "Realistic after a chevron or a scarf from HVA ~30–32°: HVA about 8–18°, IMA 4–10°", resting on
 * the RCT of both [67], its meta-analysis [68] and, for the chevron, the chevron arm of [69].
 */
export const openBunionResults = (refs: readonly number[]): readonly PublishedResult[] => [
  { measure: 'hva', kind: 'range', low: 8, high: 18, from: { low: 30, high: 32 }, refs },
  { measure: 'ima', kind: 'range', low: 4, high: 10, from: { low: 30, high: 32 }, refs },
];

/** A typical post-operative range, in the measure's unit, and the sources it rests on. */
export interface TypicalRange {
  readonly low: number;
  readonly high: number;
  readonly refs: readonly number[];
}

/**
 * The band a result gives for a patient whose pre-operative value is `preValue` (needed by a
 * `fall`; without it, undefined). A post-operative HVA below 0° is a varus toe, a complication, never
 * a typical result: an HVA band stops at 0°, and is none when nothing of it is left.
 */
export function bandOf(result: PublishedResult, preValue?: number): TypicalRange | undefined {
  let low: number;
  let high: number;
  if (result.kind === 'post') {
    low = result.post.mean - result.post.sd;
    high = result.post.mean + result.post.sd;
  } else if (result.kind === 'fall') {
    if (preValue === undefined || !Number.isFinite(preValue)) return undefined;
    low = preValue - (result.fall.mean + result.fall.sd);
    high = preValue - (result.fall.mean - result.fall.sd);
  } else {
    low = result.low;
    high = result.high;
  }
  if (result.measure === 'hva') low = Math.max(0, low);
  if (!(high > low)) return undefined;
  // The sums of one-decimal numbers, without floating-point dust (8.7 - 5.2 = 3.4999999999999996).
  const tidy = (x: number) => Math.round(x * 1e6) / 1e6;
  return { low: tidy(low), high: tidy(high), refs: result.refs };
}

/**
 * The typical published post-operative range of `measureId` among an operation's `results`, for a
 * patient whose pre-operative value is `preValue`; undefined where CLINICAL §5 has no series for it.
 */
export function typicalRangeIn(
  results: readonly PublishedResult[],
  measureId: string,
  preValue?: number,
): TypicalRange | undefined {
  const result = results.find((r) => r.measure === measureId);
  return result && bandOf(result, preValue);
}

/** Decimals to write a band's bound with: none where it is whole (8, 18), else one (3.5, 15.2). */
export const boundDigits = (x: number): 0 | 1 => (Math.abs(x - Math.round(x)) < 0.05 ? 0 : 1);
