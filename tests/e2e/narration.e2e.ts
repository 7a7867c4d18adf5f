/**
 * Reading the captions aloud, with the browser's speech synthesis replaced by a recorder (an init
 * script): it lists the voices a test gives it, keeps each sentence asked of it, and finishes the
 * last one only when the test says so.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openApp, pagePerTest, reach, screenshot, stepStart, waitForReady, type AppPage } from './helpers';
import { expectClean, stepOf, waitStep } from './expectations';

const open = pagePerTest();

interface FakeVoice {
  readonly name: string;
  readonly lang: string;
  readonly localService: boolean;
  readonly default: boolean;
}

/** A sentence as the recorder kept it. */
interface Said {
  readonly text: string;
  readonly lang: string;
  readonly voice: string | null;
}

const LOCAL_IT: FakeVoice = { name: 'Local it', lang: 'it-IT', localService: true, default: false };
const NETWORK_IT: FakeVoice = { name: 'Network it', lang: 'it-IT', localService: false, default: true };
const LOCAL_EN: FakeVoice = { name: 'Local en', lang: 'en-GB', localService: true, default: false };

/** Replaces the page's speech synthesis with the recorder, before any of the app's code runs. */
const withSpeech = (voices: readonly FakeVoice[]) => (context: BrowserContext) =>
  context.addInitScript((list: readonly FakeVoice[]) => {
    type Utterance = { text: string; lang: string; voice: FakeVoice | null; onend?: (() => void) | null };
    const said: Utterance[] = [];
    const record = { said, cancels: 0, pauses: 0 };
    const synth = {
      speaking: false,
      pending: false,
      paused: false,
      onvoiceschanged: null,
      getVoices: () => list,
      speak(u: Utterance) {
        said.push(u);
        synth.speaking = true;
      },
      cancel() {
        record.cancels += 1;
        synth.speaking = false;
      },
      pause() {
        record.pauses += 1;
      },
      resume() {},
      addEventListener() {},
      removeEventListener() {},
    };
    class FakeUtterance {
      lang = '';
      voice: FakeVoice | null = null;
      rate = 1;
      pitch = 1;
      volume = 1;
      onend: (() => void) | null = null;
      onerror: ((e: { error: string }) => void) | null = null;
      constructor(public text: string) {}
    }
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
    Object.assign(window, {
      __speech: {
        said: () => said.map((u) => ({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null })),
        stops: () => record.cancels + record.pauses,
        finish: () => {
          synth.speaking = false;
          said.at(-1)?.onend?.();
        },
      },
    });
  }, voices);

/** A browser without speech synthesis at all. */
const withoutSpeech = (context: BrowserContext) =>
  context.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: undefined, configurable: true });
  });

type Recorder = { said(): Said[]; stops(): number; finish(): void };
const said = (page: Page) =>
  page.evaluate(() => (window as unknown as { __speech: Recorder }).__speech.said());
const stops = (page: Page) =>
  page.evaluate(() => (window as unknown as { __speech: Recorder }).__speech.stops());
const finish = (page: Page) =>
  page.evaluate(() => (window as unknown as { __speech: Recorder }).__speech.finish());
/** Waits until the recorder has been asked `n` sentences in all. */
const waitSaid = (page: Page, n: number, timeout = 30_000) =>
  page.waitForFunction(
    (want) => (window as unknown as { __speech: Recorder }).__speech.said().length >= want,
    n,
    { timeout },
  );

/** The sentence the shown caption reads as: its title, a full stop unless it has one, its text. */
async function shownCaption(page: Page): Promise<string> {
  const title = (await page.locator('[data-testid="caption"] h2').textContent())!.trim();
  const text = (await page.locator('[data-testid="caption"] p').first().textContent())!.trim();
  return `${/[.!?…:;]$/.test(title) ? title : `${title}.`} ${text}`;
}

const scrubber = (app: AppPage) => app.page.locator('[data-testid="scrubber"]');
const narrateSwitch = (app: AppPage) => app.page.locator('[data-testid="narrate"]');

/** Puts the paused clock `before` s before step 1 ends; returns where it ends. */
async function nearEndOfFirstStep(app: AppPage, before: number): Promise<number> {
  const end = await stepStart(app, 2);
  await scrubber(app).fill(String(end - before));
  return end;
}

describe('narration', () => {
  test('English: the switch reads the shown caption in English; at 1× the step waits for its sentence; pause stops it', async () => {
    const app = await open('?p=chevron&lang=en', { prepare: withSpeech([LOCAL_IT, LOCAL_EN]) });
    await waitForReady(app);
    expect(await narrateSwitch(app).isChecked()).toBe(false);
    await (await reach(app.page, 'narrate')).check();
    await app.page.waitForFunction(() => window.location.search.includes('narrate=1'));
    expect(await said(app.page)).toEqual([]);

    const end = await nearEndOfFirstStep(app, 0.4);
    await app.page.locator('[data-testid="play"]').click();
    await waitSaid(app.page, 1);
    const first = (await said(app.page)).at(-1)!;
    expect(first).toEqual({ text: await shownCaption(app.page), lang: 'en', voice: 'Local en' });
    // The clock reaches the end of step 1 and waits there while the sentence is read.
    await app.page.waitForFunction(([el, at]) => Number((el as HTMLInputElement).value) >= at - 0.01, [
      await scrubber(app).elementHandle(),
      end,
    ] as const);
    await app.page.waitForTimeout(1500);
    expect(await stepOf(app)).toBe(1);
    expect(await said(app.page)).toHaveLength(1);
    // The sentence ends: step 2 begins, and its caption is read.
    await finish(app.page);
    await waitStep(app, 2);
    await waitSaid(app.page, 2);
    expect((await said(app.page)).at(-1)).toEqual({
      text: await shownCaption(app.page),
      lang: 'en',
      voice: 'Local en',
    });

    // Pause: the voice stops. Play: the step is read again from its start.
    const stopped = await stops(app.page);
    await app.page.locator('[data-testid="play"]').click();
    await app.page.waitForFunction(
      (was) => (window as unknown as { __speech: Recorder }).__speech.stops() > was,
      stopped,
    );
    await app.page.locator('[data-testid="play"]').click();
    await waitSaid(app.page, 3);
    expect((await said(app.page)).at(-1)!.text).toBe(await shownCaption(app.page));
    expectClean(app);
  });

  test('Italian from a link with narrate=1: read in Italian by the device’s own voice, and the shared link keeps narrate=1', async () => {
    const voices = [NETWORK_IT, LOCAL_IT, LOCAL_EN];
    const app = await open('?p=chevron&lang=it&narrate=1&speed=2', { prepare: withSpeech(voices) });
    await waitForReady(app);
    expect(await narrateSwitch(app).isChecked()).toBe(true);
    await app.page.locator('[data-testid="play"]').click();
    await waitSaid(app.page, 1);
    const first = (await said(app.page))[0]!;
    expect(first.lang).toBe('it');
    // A voice on the device before the network's, even when the network's is the default.
    expect(first.voice).toBe('Local it');
    await app.page.locator('[data-testid="play"]').click();
    // The caption on show is the step read (the clock may have moved on to the next one at 2×).
    const reads = (await said(app.page)).map((s) => s.text);
    expect(reads).toContain(await shownCaption(app.page));

    await (await reach(app.page, 'share')).click();
    const link = await app.page.locator('[data-testid="share-link"]').inputValue();
    expect(new URL(link).searchParams.get('narrate')).toBe('1');
    const again = await openApp(link.replace(app.baseUrl, '').replace(/^\//, ''), {
      prepare: withSpeech(voices),
    });
    try {
      await narrateSwitch(again).waitFor({ state: 'attached' });
      expect(await narrateSwitch(again).isChecked()).toBe(true);
      expectClean(again);
    } finally {
      await again.close();
    }
    expectClean(app);
  });

  test('no voice for the language: the notice says so once, and playback goes on without waiting', async () => {
    const app = await open('?p=chevron&lang=it&narrate=1', { prepare: withSpeech([LOCAL_EN]) });
    await waitForReady(app);
    await nearEndOfFirstStep(app, 0.3);
    await app.page.locator('[data-testid="play"]').click();
    await app.page.locator('[data-notice="narrate"]').waitFor();
    await screenshot(app.page, 'narration-no-voice-it');
    // Nothing to wait for: step 2 comes, and is not read either; the notice is not repeated.
    await waitStep(app, 2);
    await app.page.locator('[data-testid="play"]').click();
    await app.page.locator('[data-testid="play"]').click();
    await waitStep(app, 3);
    expect(await app.page.locator('[data-notice="narrate"]').count()).toBe(1);
    expect(await app.page.locator('[data-notice="narrate"]').textContent()).toContain('italian');
    expect(await said(app.page)).toEqual([]);
    expectClean(app);
  });

  test('a browser without speech: the switch is off and says why, and the operation plays', async () => {
    const app = await open('?p=chevron&lang=en&narrate=1&speed=8', { prepare: withoutSpeech });
    await waitForReady(app);
    expect(await narrateSwitch(app).isDisabled()).toBe(true);
    expect(await narrateSwitch(app).isChecked()).toBe(false);
    expect(await app.page.locator('[data-testid="narrate-unavailable"]').textContent()).toBe(
      'This browser cannot read aloud',
    );
    await screenshot(app.page, 'narration-unavailable-en');
    await app.page.locator('[data-testid="play"]').click();
    await waitStep(app, 2);
    // The link keeps the wish, for a device that can speak.
    expect(new URL(app.page.url()).searchParams.get('narrate')).toBe('1');
    expectClean(app);
  });

  test('a kiosk with narrate=1 reads its captions, in the language it plays', async () => {
    const app = await open('?mode=kiosk&narrate=1&langs=it&speed=4', { prepare: withSpeech([LOCAL_IT]) });
    await app.page.locator('[data-kiosk="attract"]').waitFor();
    // The kiosk plays once the operation is ready (model, cuts): that may take a while here.
    await waitSaid(app.page, 1, 100_000);
    expect((await said(app.page))[0]).toMatchObject({ lang: 'it', voice: 'Local it' });
    expectClean(app);
  });
});
