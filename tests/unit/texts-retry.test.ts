import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepTrying, MAX_RETRY_MS, retryDelay } from '../../src/i18n/retry';

/** Fetches of each language's texts chunk that fail before one gets through, and fetches made. */
const chunk = vi.hoisted(() => ({ failures: { en: 0, it: 0 }, fetches: { en: 0, it: 0 } }));
const fetchChunk = (lang: 'en' | 'it') => {
  chunk.fetches[lang] += 1;
  if (chunk.failures[lang]-- > 0) throw new Error('offline');
  return { default: { probe: { [lang]: `${lang} texts` } } };
};
vi.mock('../../src/i18n/locales/en.texts.json', () => fetchChunk('en'));
vi.mock('../../src/i18n/locales/it.texts.json', () => fetchChunk('it'));

describe('retryDelay', () => {
  it('doubles from 1 s and stops growing at 30 s, however long the failures go on', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(retryDelay(1e6)).toBe(MAX_RETRY_MS);
    expect(retryDelay(0)).toBe(1000);
  });
});

describe('keepTrying', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** An attempt that fails `n` times then works, logging when it ran. */
  function flaky(n: number) {
    const at: number[] = [];
    const attempt = () => {
      at.push(Date.now() - start);
      return at.length > n ? Promise.resolve() : Promise.reject(new Error('offline'));
    };
    const start = Date.now();
    return { at, attempt };
  }

  it('tries at once, then after 1, 2, 4 s … until it works, and then stops', async () => {
    const { at, attempt } = flaky(3);
    const waits: number[] = [];
    keepTrying(attempt, (_e, wait) => waits.push(wait));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(at).toEqual([0, 1000, 3000, 7000]);
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('goes on for ever, 30 s apart at most', async () => {
    const { at, attempt } = flaky(Infinity);
    const stop = keepTrying(attempt, () => undefined);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    expect(gaps.slice(0, 6)).toEqual([1000, 2000, 4000, 8000, 16000, 30000]);
    expect(Math.max(...gaps)).toBe(30000);
    expect(at.length).toBeGreaterThan(20);
    stop();
  });

  it('stop leaves no timer, even with a try still under way', async () => {
    let fail!: (e: Error) => void;
    const attempt = vi.fn(() => new Promise<void>((_ok, no) => (fail = no)));
    const stop = keepTrying(attempt, () => undefined);
    stop();
    fail(new Error('offline'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the long texts', () => {
  beforeAll(async () => {
    await i18next.init({ resources: {}, lng: 'en', fallbackLng: false });
  });
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    chunk.fetches = { en: 0, it: 0 };
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('a language change stops the tries for the language before: no timer is left', async () => {
    const { keepLoadingTexts, textsReady } = await import('../../src/i18n/texts');
    chunk.failures.it = Infinity;
    await i18next.changeLanguage('it');
    await keepLoadingTexts('it');
    await vi.advanceTimersByTimeAsync(3500);
    expect(chunk.fetches.it).toBe(3);
    expect(vi.getTimerCount()).toBe(1);
    await i18next.changeLanguage('en');
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(chunk.fetches.it).toBe(3);
    expect(textsReady('it')).toBe(false);
  });

  it('after failed fetches the texts come by themselves, and the tries stop there', async () => {
    const { keepLoadingTexts, textsReady } = await import('../../src/i18n/texts');
    chunk.failures.en = 3;
    await keepLoadingTexts('en');
    await vi.advanceTimersByTimeAsync(0);
    expect(chunk.fetches.en).toBe(1);
    expect(textsReady('en')).toBe(false);
    expect(console.warn).toHaveBeenCalledWith('Texts not loaded, trying again in 1 s', expect.any(Error));
    await vi.advanceTimersByTimeAsync(6999);
    expect(chunk.fetches.en).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(chunk.fetches.en).toBe(4);
    expect(textsReady('en')).toBe(true);
    expect(i18next.t('probe.en')).toBe('en texts');
    expect(vi.getTimerCount()).toBe(0);
    // Asking again costs nothing.
    await keepLoadingTexts('en');
    expect(chunk.fetches.en).toBe(4);
  });
});
