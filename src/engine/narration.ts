import type { ProcedureDef } from '../procedures/types';
import type { Timeline } from './timeline';

/** The captions' two voices: for a patient, or an operative note's for a student. */
export type CaptionVoice = 'patient' | 'technical';

/** The i18n keys of a step's caption: the title both voices share, and the text in one voice. */
export function captionKeys(
  proc: ProcedureDef,
  step: number,
  voice: CaptionVoice,
): { readonly title: string; readonly text: string } {
  const current = proc.steps[step] ?? proc.steps[0]!;
  const key = `proc.${current.strings ?? proc.id}.step.${current.id}`;
  return { title: `${key}.title`, text: `${key}.${voice}` };
}

/**
 * The sentence read aloud for a caption: its title, then its text. A title has no full stop of its
 * own; without one a voice runs it into the text as one breathless sentence.
 */
export function spokenCaption(title: string, text: string): string {
  const head = title.trim();
  const body = text.trim();
  if (!head) return body;
  if (!body) return head;
  return `${/[.!?…:;]$/.test(head) ? head : `${head}.`} ${body}`;
}

/**
 * Whether playback at `speed` waits at a step's end until its sentence is read: at 1× and slower
 * the viewer is following the words; faster, they are skimming, and the picture leads.
 */
export const waitsForSpeech = (speed: number): boolean => speed <= 1;

/**
 * How far before its end a step's clock waits for the sentence, s: the step's last instant is still
 * the step (at its end the next one begins), as a paused step's key frame is.
 */
const HOLD_BEFORE_END_S = 1e-3;

/** Where the clock waits (s) while step `step`'s sentence is still being read. */
export function holdTime(timeline: Timeline, step: number): number {
  const span = timeline.spans[Math.min(timeline.spans.length - 1, Math.max(0, step))];
  return span ? Math.max(span.start, span.end - HOLD_BEFORE_END_S) : 0;
}

/**
 * The longest a sentence is waited for, s. A voice reads some 12–18 characters a second; a device
 * that never says it has finished (a known fault of some browsers' voices) would otherwise hold the
 * clock for ever, and a kiosk with it.
 */
export function speechDeadline(text: string): number {
  return 5 + text.length / 5;
}

/** What the app needs to know of one of the device's voices (a `SpeechSynthesisVoice`). */
export interface VoiceInfo {
  readonly lang: string;
  /** True when the voice runs on the device (it speaks offline); false for a network voice. */
  readonly localService: boolean;
  /** The device's default voice. */
  readonly default: boolean;
}

/** A BCP 47 tag's language alone, lower case: 'it-IT', 'it_IT' and 'IT' are all 'it'. */
const languageOf = (tag: string): string => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * The voice to read a language with, or undefined when the device has none for it. A voice on the
 * device first, so that a kiosk speaks offline and nothing said leaves the device; among those the
 * device's default, then the first listed (the device's own order).
 */
export function chooseVoice<V extends VoiceInfo>(voices: readonly V[], lang: string): V | undefined {
  const wanted = languageOf(lang);
  let best: V | undefined;
  let bestScore = -1;
  for (const voice of voices) {
    if (languageOf(voice.lang) !== wanted) continue;
    const score = (voice.localService ? 2 : 0) + (voice.default ? 1 : 0);
    if (score > bestScore) {
      best = voice;
      bestScore = score;
    }
  }
  return best;
}
