import { useEffect, useRef } from 'react';
import { useTranslation } from '../i18n';
import type { Timeline } from '../engine/timeline';
import { SPEEDS, goToStep, usePlayback } from '../state/playback-store';

/** A small filled icon from one SVG path (24 × 24). */
function Icon({ d }: { readonly d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}

/**
 * Play/pause, previous/next step, a scrubbable timeline with step marks, speed and loop. The
 * scrubber follows the clock by writing to its own DOM node, never through React state.
 */
export function PlaybackBar({ timeline }: { readonly timeline: Timeline }) {
  const { t } = useTranslation();
  const playing = usePlayback((s) => s.playing);
  const step = usePlayback((s) => s.step);
  const speed = usePlayback((s) => s.speed);
  const loop = usePlayback((s) => s.loop);
  const scrubber = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const follow = ({ time }: { readonly time: number }) => {
      if (scrubber.current && document.activeElement !== scrubber.current)
        scrubber.current.value = String(time);
    };
    // The clock may have moved since the render read it (a link's step set, a frame drawn) and
    // before this subscription: the scrubber would show the old time until the clock next moves.
    follow(usePlayback.getState());
    return usePlayback.subscribe(follow);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, button')) return;
      const { step: current, toggle } = usePlayback.getState();
      if (e.key === ' ') toggle();
      else if (e.key === 'ArrowRight') goToStep(timeline, current + 1);
      else if (e.key === 'ArrowLeft') goToStep(timeline, current - 1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [timeline]);

  return (
    <div className="playback" role="group" aria-label={t('procedure.timeline')}>
      <button
        type="button"
        onClick={() => goToStep(timeline, step - 1)}
        aria-label={t('procedure.previous')}
        data-testid="prev"
      >
        <Icon d="M6 5h2v14H6zM20 5v14L9 12z" />
      </button>
      <button
        type="button"
        onClick={() => usePlayback.getState().toggle()}
        aria-label={playing ? t('procedure.pause') : t('procedure.play')}
        data-testid="play"
      >
        <Icon d={playing ? 'M6 5h4v14H6zM14 5h4v14h-4z' : 'M7 4v16l13-8z'} />
      </button>
      <button
        type="button"
        onClick={() => goToStep(timeline, step + 1)}
        aria-label={t('procedure.next')}
        data-testid="next"
      >
        <Icon d="M16 5h2v14h-2zM4 5v14l11-7z" />
      </button>
      <div className="scrub">
        <input
          ref={scrubber}
          type="range"
          min={0}
          max={timeline.total}
          step={0.01}
          defaultValue={usePlayback.getState().time}
          onInput={(e) => usePlayback.getState().seek(Number(e.currentTarget.value))}
          aria-label={t('procedure.timeline')}
          data-testid="scrubber"
        />
        <div className="marks" aria-hidden="true">
          {timeline.spans.map((s) => (
            <span key={s.index} style={{ left: `${(s.start / timeline.total) * 100}%` }} />
          ))}
        </div>
      </div>
      <label className="speed">
        {t('procedure.speed')}
        <select
          value={speed}
          onChange={(e) => usePlayback.getState().setSpeed(Number(e.target.value))}
          data-testid="speed"
        >
          {(SPEEDS.includes(speed as (typeof SPEEDS)[number]) ? SPEEDS : [...SPEEDS, speed]).map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={loop}
          onChange={(e) => usePlayback.getState().setLoop(e.target.checked)}
        />
        {t('procedure.loop')}
      </label>
    </div>
  );
}
