/**
 * Reading the captions aloud: which words a step reads, where and when the clock waits for them,
 * which of the device's voices reads them; and the narrator driven by the app's clock with a fake
 * voice (one that finishes when told).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  captionKeys,
  chooseVoice,
  holdTime,
  speechDeadline,
  spokenCaption,
  waitsForSpeech,
  type VoiceInfo,
} from '../../src/engine/narration';
import { buildTimeline, locate } from '../../src/engine/timeline';
import { defaultParams, procedureById, resolveProcedure } from '../../src/procedures/registry';
import { advanced, usePlayback } from '../../src/state/playback-store';
import { sessionFromUrl, sessionToUrl } from '../../src/state/session-slice';
import { useSession } from '../../src/state/store';
import { startNarrator, type Narrator } from '../../src/ui/narrator';
import type { DeviceSpeech } from '../../src/ui/device-speech';

describe('the words of a step', () => {
  it("are the caption's keys: the step's title and its text in the voice shown", () => {
    const chevron = procedureById('chevron')!;
    const keys = captionKeys(chevron, 1, 'technical');
    expect(keys).toEqual({
      title: `proc.chevron.step.${chevron.steps[1]!.id}.title`,
      text: `proc.chevron.step.${chevron.steps[1]!.id}.technical`,
    });
    // A step an added Akin brings reads the Akin's own strings.
    const both = resolveProcedure('chevron', { ...defaultParams(chevron), akin: '1' })!;
    const added = both.steps.findIndex((s) => s.strings === 'akin');
    expect(added).toBeGreaterThan(0);
    expect(captionKeys(both, added, 'patient').text).toBe(`proc.akin.step.${both.steps[added]!.id}.patient`);
    // Past the end (a plan that just shrank): the first step, as the caption shows.
    expect(captionKeys(chevron, 99, 'patient').title).toBe(`proc.chevron.step.${chevron.steps[0]!.id}.title`);
  });

  it('read as one sentence: the title ends with a full stop unless it has its own', () => {
    expect(spokenCaption('The incision', 'A cut on the inner side.')).toBe(
      'The incision. A cut on the inner side.',
    );
    expect(spokenCaption('Ready?', ' Yes. ')).toBe('Ready? Yes.');
    expect(spokenCaption('  ', 'Only text.')).toBe('Only text.');
    expect(spokenCaption('Only a title', '')).toBe('Only a title');
  });
});

describe('waiting for the sentence', () => {
  it('at 1× and slower, not faster', () => {
    expect([0.5, 1, 1.5, 2, 4].map(waitsForSpeech)).toEqual([true, true, false, false, false]);
  });

  it("the clock waits inside the step, at its last instant (never in the next one's first)", () => {
    const timeline = buildTimeline(procedureById('scarf')!.steps);
    for (const span of timeline.spans) {
      const hold = holdTime(timeline, span.index);
      expect(locate(timeline, hold).index).toBe(span.index);
      expect(hold).toBeGreaterThan(span.start);
      expect(hold).toBeLessThan(span.end);
    }
  });

  it('the clock stops at the hold at speeds that wait, and runs past it at faster ones', () => {
    const clock = { time: 1.9, total: 9, speed: 1, loop: false, hold: 1.999 };
    expect(advanced(clock, 0.2)).toEqual({ time: 1.999, playing: true });
    expect(advanced({ ...clock, time: 1.999 }, 0.2)).toEqual({ time: 1.999, playing: true });
    expect(advanced({ ...clock, speed: 0.5 }, 0.2)).toEqual({ time: 1.999, playing: true });
    expect(advanced({ ...clock, speed: 2 }, 0.2).time).toBeCloseTo(2.3, 9);
    // A hold behind the clock (the user scrubbed past it) and no hold at all change nothing.
    expect(advanced({ ...clock, time: 3 }, 0.2).time).toBeCloseTo(3.2, 9);
    expect(advanced({ ...clock, hold: null }, 0.2).time).toBeCloseTo(2.1, 9);
    // Before reaching the hold, the clock runs as usual.
    expect(advanced({ ...clock, time: 1 }, 0.2).time).toBeCloseTo(1.2, 9);
  });

  it('never longer than a slow voice would take: a longer sentence is waited for longer', () => {
    const short = 'Short.';
    const long = 'A much longer sentence, as a technical caption with its numbers reads. '.repeat(4);
    expect(speechDeadline(long)).toBeGreaterThan(speechDeadline(short));
    // Slower than any voice reads (some 12–18 characters a second).
    for (const text of [short, long]) expect(speechDeadline(text)).toBeGreaterThan(text.length / 8);
  });
});

describe("the device's voice", () => {
  const v = (lang: string, localService: boolean, isDefault = false, name = lang) => ({
    lang,
    localService,
    default: isDefault,
    name,
  });

  it("one of the language's, on the device before a network one, the device's default among equals", () => {
    const network = v('it-IT', false, true, 'net');
    const local = v('it-IT', true, false, 'local');
    const localDefault = v('it-CH', true, true, 'local default');
    expect(chooseVoice([network, local], 'it')).toBe(local);
    expect(chooseVoice([network, local, localDefault], 'it')).toBe(localDefault);
    expect(chooseVoice([v('en-US', true, true), network], 'it')).toBe(network);
  });

  it('matches the language however the device writes its tag, and none of another language', () => {
    expect(chooseVoice([v('it_IT', true)], 'it')?.lang).toBe('it_IT');
    expect(chooseVoice([v('EN-gb', true)], 'en')?.lang).toBe('EN-gb');
    expect(chooseVoice([v('en-US', true), v('de-DE', true)], 'it')).toBeUndefined();
    expect(chooseVoice([], 'en')).toBeUndefined();
  });
});

describe('narrate in the link', () => {
  it('reads narrate=1, keeps it in the address, and writes nothing for the default (silent)', () => {
    const on = sessionFromUrl('?p=chevron&narrate=1&lang=it', '');
    expect(on.narrate).toBe(true);
    expect(sessionToUrl(on)).toContain('narrate=1');
    expect(sessionFromUrl(sessionToUrl(on).split('#')[0]!, '').narrate).toBe(true);
    const off = sessionFromUrl('?p=chevron&lang=it', '');
    expect(off.narrate).toBe(false);
    expect(sessionToUrl(off)).not.toContain('narrate');
    const bad = sessionFromUrl('?narrate=yes', '');
    expect(bad.narrate).toBe(false);
    expect(bad.notices.map((n) => [n.param, n.kind])).toEqual([['narrate', 'invalid']]);
  });
});

/** A device's voice that records what it is asked and finishes a sentence when the test says so. */
function fakeSpeech(voices: VoiceInfo[]) {
  const spoken: FakeUtterance[] = [];
  let cancels = 0;
  class FakeUtterance {
    lang = '';
    voice: VoiceInfo | null = null;
    onend: (() => void) | null = null;
    onerror: ((e: { error: string }) => void) | null = null;
    constructor(readonly text: string) {}
  }
  const synth = {
    speaking: false,
    pending: false,
    getVoices: () => voices,
    speak: (u: FakeUtterance) => {
      spoken.push(u);
      synth.speaking = true;
    },
    cancel: () => {
      cancels += 1;
      synth.speaking = false;
    },
  };
  const speech = { synth, Utterance: FakeUtterance } as unknown as DeviceSpeech;
  return {
    speech,
    spoken,
    cancels: () => cancels,
    /** The last sentence read to its end. */
    finish: () => {
      synth.speaking = false;
      spoken.at(-1)!.onend?.();
    },
  };
}

describe('the narrator on the clock', () => {
  const timeline = buildTimeline([{ duration: 2 }, { duration: 3 }, { duration: 4 }]);
  const source = (lang: 'en' | 'it' = 'en') => ({
    timeline: () => timeline,
    sentence: (step: number) => ({ text: `Caption of step ${step + 1}.`, lang }),
  });
  let narrator: Narrator | undefined;
  afterEach(() => {
    narrator?.stop();
    usePlayback.setState({ time: 0, step: 0, total: 0, playing: false, hold: null, speed: 1 });
    useSession.getState().dismissNotices();
  });
  const frame = (seconds: number) => {
    const clock = usePlayback.getState();
    const next = advanced(clock, seconds);
    usePlayback.setState({ ...next, step: locate(timeline, next.time).index });
  };

  it("reads each step as it begins, and the clock waits at the step's end until the sentence is done", () => {
    const fake = fakeSpeech([{ lang: 'en-GB', localService: true, default: false }]);
    usePlayback.setState({ time: 0, step: 0, total: timeline.total, speed: 1, hold: null, playing: false });
    narrator = startNarrator(fake.speech, source());
    expect(fake.spoken).toHaveLength(0);
    usePlayback.getState().play();
    expect(fake.spoken.map((u) => [u.text, u.lang])).toEqual([['Caption of step 1.', 'en']]);
    for (let i = 0; i < 40; i++) frame(0.25);
    // Ten seconds later the clock still waits in step 1 for its sentence.
    expect(usePlayback.getState()).toMatchObject({ step: 0, playing: true, time: holdTime(timeline, 0) });
    fake.finish();
    expect(usePlayback.getState().hold).toBeNull();
    frame(0.25);
    expect(usePlayback.getState().step).toBe(1);
    expect(fake.spoken.map((u) => u.text)).toEqual(['Caption of step 1.', 'Caption of step 2.']);
  });

  it('faster than 1× the clock does not wait; a pause stops the voice and playing again reads the step afresh', () => {
    const fake = fakeSpeech([{ lang: 'en-US', localService: true, default: true }]);
    usePlayback.setState({ time: 0, step: 0, total: timeline.total, speed: 2, hold: null, playing: true });
    narrator = startNarrator(fake.speech, source());
    expect(fake.spoken).toHaveLength(1);
    for (let i = 0; i < 6; i++) frame(0.25);
    expect(usePlayback.getState().step).toBe(1);
    usePlayback.getState().pause();
    expect(fake.cancels()).toBeGreaterThan(0);
    expect(usePlayback.getState().hold).toBeNull();
    const before = fake.spoken.length;
    usePlayback.getState().play();
    expect(fake.spoken.slice(before).map((u) => u.text)).toEqual(['Caption of step 2.']);
  });

  it('with no voice for the language it says so once and the clock goes on', () => {
    const fake = fakeSpeech([{ lang: 'en-US', localService: true, default: true }]);
    usePlayback.setState({ time: 0, step: 0, total: timeline.total, speed: 1, hold: null, playing: false });
    narrator = startNarrator(fake.speech, source('it'));
    usePlayback.getState().play();
    for (let i = 0; i < 30; i++) frame(0.25);
    expect(fake.spoken).toHaveLength(0);
    expect(usePlayback.getState().step).toBe(2);
    const notices = useSession.getState().notices.filter((n) => n.kind === 'noVoice');
    expect(notices).toEqual([{ param: 'narrate', kind: 'noVoice', given: 'it' }]);
  });
});
