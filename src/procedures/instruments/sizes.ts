/** A use's size numbers, before the catalogue reads them into the numbers a kind is built from. */
export interface InstrumentOptions {
  /**
   * Overall length of a screw, tip to back end, mm; default per kind (INSTRUMENT_CATALOGUE),
   * clamped to SCREW_LENGTH_RANGE. Other kinds ignore it.
   */
  readonly length?: number;
  /**
   * Made-to-measure sizes, mm (mL for the cement), each rounded to 0.1; each kind's entry in
   * INSTRUMENT_CATALOGUE says what its numbers mean. Missing or invalid: the kind's default.
   * Other kinds ignore it.
   */
  readonly shape?: readonly number[];
}

/** How a kind is sized: the numbers it is built from, read from a use's options. */
export interface SizeSpec<By extends 'length' | 'shape' = 'length' | 'shape'> {
  /** A screw is sized by its length; an implant made to measure by its shape numbers. */
  readonly by: By;
  /** The numbers it is built from when none (or unusable ones) are given. */
  readonly default: readonly number[];
  /** The numbers it is built from for these options, rounded to 0.1 (mm or mL). */
  readonly read: (options?: InstrumentOptions) => readonly number[];
}

/** Screw lengths are clamped to this range and rounded to 0.1 mm, mm. */
export const SCREW_LENGTH_RANGE = { min: 8, max: 90 } as const;

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** A screw: built from its length (default `defaultLength` mm), clamped to SCREW_LENGTH_RANGE. */
export function byLength(defaultLength: number): SizeSpec<'length'> {
  return {
    by: 'length',
    default: [defaultLength],
    read: (options) => {
      const l = options?.length;
      const length = l !== undefined && Number.isFinite(l) ? l : defaultLength;
      return [round1(Math.min(SCREW_LENGTH_RANGE.max, Math.max(SCREW_LENGTH_RANGE.min, length)))];
    },
  };
}

/** Made to measure: shape numbers rounded to 0.1, or `defaultShape` where `valid` refuses them. */
export function byShape(
  defaultShape: readonly number[],
  valid: (v: readonly number[]) => boolean,
): SizeSpec<'shape'> {
  return {
    by: 'shape',
    default: defaultShape,
    read: (options) => {
      const v = options?.shape?.map(round1);
      return v && v.every(Number.isFinite) && valid(v) ? v : defaultShape;
    },
  };
}

/** Are there as many numbers as ranges, each within its [min, max]? */
export const within =
  (...ranges: readonly (readonly [number, number])[]) =>
  (v: readonly number[]): boolean =>
    v.length === ranges.length && ranges.every(([min, max], i) => v[i]! >= min && v[i]! <= max);
