/** The wait after the first failed try, in ms. */
export const FIRST_RETRY_MS = 1000;
/** The longest wait between tries, in ms: a kiosk back online recovers within this. */
export const MAX_RETRY_MS = 30_000;

/** How long to wait after the `failures`-th failed try in a row: 1 s, 2 s, 4 s … at most 30 s. */
export function retryDelay(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(failures - 1, 0), MAX_RETRY_MS);
}

/**
 * Runs `attempt` now and again after each failure, waiting {@link retryDelay} in between, until it
 * succeeds: forever, since a kiosk left alone must recover by itself. `onFailure` hears each failure
 * and the wait before the next try. Returns a stop function that cancels the pending try.
 */
export function keepTrying(
  attempt: () => Promise<unknown>,
  onFailure: (error: unknown, wait: number) => void,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  const run = () => {
    timer = undefined;
    attempt().then(
      () => undefined,
      (error: unknown) => {
        if (stopped) return;
        const wait = retryDelay(++failures);
        onFailure(error, wait);
        timer = setTimeout(run, wait);
      },
    );
  };
  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
