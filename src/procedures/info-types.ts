/**
 * What the app tells about an operation besides playing it: its recovery, its sources, what it
 * achieves in published series and its place in the study quiz. Part of every definition (see
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
 * The study quiz's "which operation suits this patient?" question: its cases are i18n keys
 * `quiz.case.<id>.prompt` / `.why` (CLINICAL §1–3), each answered by one operation; the wrong
 * options are the operations the same facts plainly rule out for it.
 */
export interface QuizRole {
  /** The case this operation is the answer to. */
  readonly answers?: string;
  /** Cases this operation is offered for as a wrong option, in the picker's order. */
  readonly wrongFor?: readonly string[];
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
  readonly quiz?: QuizRole;
}
