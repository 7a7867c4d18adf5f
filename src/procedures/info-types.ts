/**
 * What the app tells about an operation besides playing it: its recovery, its sources, what it
 * achieves in published series and whom it is for (the study quiz asks it). Part of every definition (see
 * `ProcedureDef`), kept apart so the playing part reads on its own.
 */
import type { PublishedResult } from '../clinical/published-results';

/** A moment of the recovery, as the sources state it: at a time (or over a span), in its unit. */
export interface RecoveryMilestone {
  /** When, in `unit`s after the operation (0: the same day). */
  readonly at: number;
  /** The end of a span the sources give as a range (3–4 weeks), in the same unit. */
  readonly to?: number;
  readonly unit: 'minute' | 'hour' | 'day' | 'week' | 'month';
  /** i18n key of what happens then. */
  readonly key: string;
}

/**
 * Who an operation is for, in numbers (CLINICAL §1–3): the measures of its region it suits (HVA,
 * IMA, HKA, mMPTA…, degrees) or the values of its own parameters (a lesion's size, mm), each from
 * low to high. The study quiz's "which operation?" derives from it: an operation fits a case when
 * the case quotes each measure it names, within its range; the operations of the case's region
 * that do not fit, then the others, are the wrong options.
 */
export interface Indication {
  readonly suits: Readonly<Record<string, readonly [low: number, high: number]>>;
  /**
   * The typical patient the quiz asks this operation for: its id (i18n `quiz.case.<id>.prompt` /
   * `.why`, whose text quotes these numbers) and the measures the prompt quotes.
   */
  readonly case?: { readonly id: string; readonly quotes: Readonly<Record<string, number>> };
}

export interface ProcedureInfo {
  /** The recovery's milestones in time order, from CLINICAL.md's aftercare facts. */
  readonly recovery?: readonly RecoveryMilestone[];
  /** Numbers of CLINICAL.md's sources the procedure rests on, its own or shared ones (clinical/references). */
  readonly references?: readonly number[];
  /**
   * The citations (as CLINICAL.md writes them, by their number there) of the sources only this
   * operation cites; a source several operations or the measurements cite stays shared.
   */
  readonly sources?: Readonly<Record<number, string>>;
  /**
   * What the operation achieves in published series (CLINICAL §5), shown beside what the model
   * measures; none where CLINICAL has no series of post-operative angles for it.
   */
  readonly published?: readonly PublishedResult[];
  readonly indication?: Indication;
}
