import { useEffect, useMemo, useRef } from 'react';
import { captionKeys, spokenCaption } from '../engine/narration';
import { buildTimeline } from '../engine/timeline';
import type { ProcedureDef } from '../procedures/types';
import { useTextsReady, useTranslation, type Language } from '../i18n';
import { useSession } from '../state/store';
import { captionValues } from './caption-values';
import { deviceSpeech } from './device-speech';
import { startNarrator, type Narrator, type NarratorSource } from './narrator';

/**
 * Reads the step captions of `proc` aloud while "Read aloud" is on (`narrate=1`): the words the
 * caption shows, in the language and voice shown. Nothing happens where the browser cannot speak.
 */
export function useNarration(proc: ProcedureDef, values: Readonly<Record<string, number>>): void {
  const { t, i18n } = useTranslation();
  const narrate = useSession((s) => s.narrate);
  const voice = useSession((s) => s.voice);
  const ready = useTextsReady();
  const lang = i18n.language as Language;
  const timeline = useMemo(() => buildTimeline(proc.steps), [proc]);
  // The narrator lives across renders (a parameter dragged must not cut a sentence): it reads what
  // is shown through this ref when a step begins.
  const shown = useRef({ t, lang, voice, ready, proc, values, timeline });
  useEffect(() => {
    shown.current = { t, lang, voice, ready, proc, values, timeline };
  });
  const narrator = useRef<Narrator | null>(null);
  useEffect(() => {
    const speech = narrate ? deviceSpeech() : null;
    if (!speech) return;
    const source: NarratorSource = {
      timeline: () => shown.current.timeline,
      sentence: (step) => {
        const s = shown.current;
        if (!s.ready) return { text: '', lang: s.lang };
        const keys = captionKeys(s.proc, step, s.voice);
        const text = spokenCaption(s.t(keys.title), s.t(keys.text, captionValues(s.lang, s.values)));
        return { text, lang: s.lang };
      },
    };
    const started = startNarrator(speech, source);
    narrator.current = started;
    return () => {
      started.stop();
      narrator.current = null;
    };
  }, [narrate]);
  // The caption on show reads differently now: the sentence being read is read again, as shown.
  const said = useRef(`${lang}|${voice}|${ready}`);
  useEffect(() => {
    const now = `${lang}|${voice}|${ready}`;
    if (now === said.current) return;
    said.current = now;
    narrator.current?.captionChanged();
  }, [lang, voice, ready]);
}
