/** The browser's speech synthesis: what reads the captions aloud. */
export interface DeviceSpeech {
  readonly synth: SpeechSynthesis;
  readonly Utterance: typeof SpeechSynthesisUtterance;
}

/**
 * The browser's speech synthesis, or null where there is none (an older or locked-down browser, a
 * web view without it): the switch then says reading aloud is unavailable, and nothing is read.
 */
export function deviceSpeech(): DeviceSpeech | null {
  try {
    if (typeof window === 'undefined') return null;
    const synth = window.speechSynthesis as SpeechSynthesis | undefined;
    const Utterance = window.SpeechSynthesisUtterance as typeof SpeechSynthesisUtterance | undefined;
    return synth && typeof Utterance === 'function' ? { synth, Utterance } : null;
  } catch {
    // A browser that refuses access to it (a privacy setting) has none, as far as the app goes.
    return null;
  }
}
