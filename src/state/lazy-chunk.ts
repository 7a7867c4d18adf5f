import { useSyncExternalStore } from 'react';

/** A chunk of code fetched once, on first ask, that React can wait for without Suspense. */
export interface LazyChunk<T> {
  /** Fetches the chunk (once; a failed fetch is forgotten, so the next ask fetches afresh). */
  readonly preload: () => Promise<T>;
  /** The chunk once it is in, else undefined; re-renders the caller when it arrives. */
  readonly use: () => T | undefined;
}

/**
 * Wraps a dynamic import. Not React.lazy: a Suspense boundary that has shown its fallback holds the
 * content back for 300 ms more, and these chunks usually land just after the page's first render.
 */
export function lazyChunk<T>(load: () => Promise<T>): LazyChunk<T> {
  let pending: Promise<T> | undefined;
  let loaded: T | undefined;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const preload = () =>
    (pending ??= load().then(
      (m) => {
        loaded = m;
        for (const listener of listeners) listener();
        return m;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  const use = () =>
    useSyncExternalStore(
      subscribe,
      () => loaded,
      () => undefined,
    );
  return { preload, use };
}
