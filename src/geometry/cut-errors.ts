/**
 * What a failed cut says about the worker that ran it. The names travel with the error through
 * comlink (it keeps an Error's name and message), so the main thread knows whether to redo the cut
 * in a fresh worker or to give up on it.
 */
export const CUT_ERROR = {
  /** The mesh or the jobs handed to the worker are not usable: redoing the cut cannot help. */
  input: 'CutInputError',
  /** The geometry kernel failed to load or aborted: this worker is spent, a new one may succeed. */
  engine: 'CutEngineError',
} as const;

/** An error whose name says which kind of failure it is (see CUT_ERROR). */
export function cutError(kind: keyof typeof CUT_ERROR, message: string, cause?: unknown): Error {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.name = CUT_ERROR[kind];
  return error;
}
