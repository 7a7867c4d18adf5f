import { useEffect, useMemo, useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from '../i18n';
import { buildTimeline } from '../engine/timeline';
import type { ProcedureDef } from '../procedures/types';
import { usePlayback } from '../state/playback-store';

/** Minutes as the caption says them: "12 min", "1 h 30 min". */
function say(t: TFunction, minutes: number): string {
  const m = Math.floor(minutes);
  return m < 60
    ? t('procedure.clock.min', { m })
    : t('procedure.clock.hmin', { h: Math.floor(m / 60), m: m % 60 });
}

/**
 * The real time a step stands for (cement setting), running fast-forwarded as the step plays. The
 * clock changes every frame, so the text is written straight into the DOM, never through React state.
 */
export function StepClock({ proc, step }: { readonly proc: ProcedureDef; readonly step: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLSpanElement>(null);
  const minutes = proc.steps[step]?.clock ?? 0;
  const span = useMemo(() => buildTimeline(proc.steps).spans[step], [proc, step]);
  useEffect(() => {
    const show = (time: number) => {
      const el = ref.current;
      if (!el || !span) return;
      const p = Math.min(1, Math.max(0, (time - span.start) / (span.end - span.start)));
      const elapsed = p * minutes;
      el.dataset.value = String(Math.floor(elapsed));
      el.textContent = t('procedure.clock.running', { elapsed: say(t, elapsed), total: say(t, minutes) });
    };
    show(usePlayback.getState().time);
    return usePlayback.subscribe((s, prev) => s.time !== prev.time && show(s.time));
  }, [span, minutes, t]);
  // Rewritten every frame: kept out of the caption's live region, which would read it out each time.
  return <span className="caption-clock" data-testid="clock" aria-hidden="true" ref={ref} />;
}
