import type { Language } from '../i18n';
import { chooseVoice, holdTime, speechDeadline } from '../engine/narration';
import { locate, type StepAt, type Timeline } from '../engine/timeline';
import { usePlayback } from '../state/playback-store';
import { useSession } from '../state/store';
import type { DeviceSpeech } from './device-speech';

/** What the narrator reads: the procedure's clock, and each step's caption as shown now. */
export interface NarratorSource {
  timeline(): Timeline;
  /** A step's caption as one sentence, in the language shown (empty while the texts are not in). */
  sentence(step: number): { readonly text: string; readonly lang: Language };
}

/** The narrator at work: told when the caption shown changes, stopped when it is no longer wanted. */
export interface Narrator {
  /** The caption on show now reads differently (another language or voice): read it again. */
  captionChanged(): void;
  stop(): void;
}

/**
 * Errors a voice reports when it cannot read a language at all. Others ('interrupted', 'canceled')
 * are the narrator's own doing: a sentence cut short for the next one, or a pause.
 */
const NO_VOICE = new Set([
  'language-unavailable',
  'voice-unavailable',
  'synthesis-unavailable',
  'synthesis-failed',
]);

/** Languages the user has been told this device cannot read: told once in a visit, not at each step. */
const told = new Set<Language>();

function tellNoVoice(lang: Language): void {
  if (told.has(lang)) return;
  told.add(lang);
  useSession.getState().notify({ param: 'narrate', kind: 'noVoice', given: lang });
}

/**
 * Reads each step's caption aloud as playback reaches it; while a sentence is being read the clock
 * waits at the step's end for it (the playback slice's `hold`, at speeds that wait). A pause stops
 * the voice; playing again reads the step from its start. A language without a voice is told once
 * and playback goes on in silence.
 */
export function startNarrator(speech: DeviceSpeech, source: NarratorSource): Narrator {
  const { synth, Utterance } = speech;
  /** The sentence being read, so that the end of one cut short releases nothing. */
  let current: SpeechSynthesisUtterance | null = null;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let playing = false;
  let spokenStep = -1;
  /** Languages found without a voice, read silently until the device's voices change. */
  const mute = new Set<Language>();
  // Written in place by each clock change (every frame while playing): no allocation per frame.
  const at: StepAt = { index: 0, progress: 0 };

  const releaseHold = () => {
    if (usePlayback.getState().hold !== null) usePlayback.setState({ hold: null });
  };
  const finished = (utterance: SpeechSynthesisUtterance) => {
    if (utterance !== current) return;
    current = null;
    clearTimeout(deadline);
    releaseHold();
  };
  const silence = () => {
    clearTimeout(deadline);
    // A last sentence let finish at the end may still be read (`current` or not): cut it too.
    if (current || synth.speaking || synth.pending) synth.cancel();
    current = null;
    releaseHold();
  };

  const speak = (step: number) => {
    silence();
    const { text, lang } = source.sentence(step);
    if (!text || mute.has(lang)) return;
    const voices = synth.getVoices();
    const voice = chooseVoice(voices, lang);
    // An empty list may only mean the voices are still loading: the browser then picks by language.
    if (!voice && voices.length > 0) {
      mute.add(lang);
      tellNoVoice(lang);
      return;
    }
    const utterance = new Utterance(text);
    utterance.lang = lang;
    if (voice) utterance.voice = voice;
    utterance.onend = () => finished(utterance);
    utterance.onerror = (event) => {
      if (utterance === current && NO_VOICE.has(event.error)) {
        mute.add(lang);
        tellNoVoice(lang);
      }
      finished(utterance);
    };
    current = utterance;
    usePlayback.setState({ hold: holdTime(source.timeline(), step) });
    // A voice that never says it has finished must not hold the clock (and a kiosk) for ever.
    deadline = setTimeout(() => finished(utterance), speechDeadline(text) * 1000);
    synth.speak(utterance);
  };

  const onClock = () => {
    const clock = usePlayback.getState();
    if (!clock.playing) {
      if (!playing) return;
      playing = false;
      // Paused: the voice stops with the picture. At the end, the last sentence is let finish.
      if (clock.time < clock.total) silence();
      return;
    }
    // The step from the clock itself: playing from the end starts again at 0 before the step follows.
    const step = locate(source.timeline(), clock.time, at).index;
    if (playing && step === spokenStep) return;
    playing = true;
    spokenStep = step;
    speak(step);
  };

  const onVoicesChanged = () => mute.clear();
  synth.addEventListener?.('voiceschanged', onVoicesChanged);
  const offClock = usePlayback.subscribe(onClock);
  onClock();
  return {
    captionChanged: () => {
      if (playing) speak(spokenStep);
    },
    stop: () => {
      offClock();
      synth.removeEventListener?.('voiceschanged', onVoicesChanged);
      playing = false;
      silence();
    },
  };
}
