import { memo, type CSSProperties, useEffect } from 'react';
import { useTranslation } from '../i18n';
import { locate } from '../engine/timeline';
import { useCutStatus } from '../state/store';
import { advanced, usePlayback } from '../state/playback-store';
import { useProcedurePlan } from '../state/procedure-plan';
import { useSession } from '../state/store';
import { useRegionModel } from '../scene/use-region-model';
import { TAP_LABEL_MS } from '../scene/tap';
import { useView } from '../state/store';
import { ViewControls } from '../ui/ViewControls';

/**
 * The name of the bone under the mouse, next to it; or of the bone a finger tapped, above the
 * finger (not under it), for a few seconds or until the next tap elsewhere.
 */
export const HoverLabel = memo(function HoverLabel() {
  const { t } = useTranslation();
  const hovered = useView((s) => s.hovered);
  useEffect(() => {
    if (!hovered?.pinned) return;
    const fade = setTimeout(() => {
      if (useView.getState().hovered === hovered) useView.setState({ hovered: null });
    }, TAP_LABEL_MS);
    return () => clearTimeout(fade);
  }, [hovered]);
  if (!hovered) return null;
  return (
    <div
      className="bone-label"
      data-testid="bone-label"
      data-tapped={hovered.pinned ? 'true' : undefined}
      style={
        hovered.pinned
          ? { left: hovered.x + 14, top: Math.max(hovered.y - 24, 40), transform: 'translateY(-100%)' }
          : { left: hovered.x + 14, top: hovered.y + 14 }
      }
    >
      {t(`part.${hovered.part}`)}
    </div>
  );
});

/** Centred under the stage's top corners, over the view but never in the way of a click. */
const CUT_NOTICE: CSSProperties = {
  position: 'absolute',
  top: 56,
  left: '50%',
  transform: 'translateX(-50%)',
  zIndex: 2,
  // Its own width, not what is left right of the centre: the stage's, less a margin, at most.
  width: 'max-content',
  maxWidth: 'calc(100% - 32px)',
  display: 'flex',
  alignItems: 'center',
  gap: 10,
  padding: '6px 12px',
  borderRadius: 10,
  background: 'rgba(10, 20, 28, 0.85)',
  color: '#e8f0f5',
  fontSize: '0.9rem',
};

/**
 * What the geometry worker is up to when it is not plain sailing: a short "recomputing" while a
 * cut is redone in a new worker, and a note when a cut could not be made (the bone stays whole).
 * Only the words are a live region, there before them so a change is announced; the dismiss button
 * sits beside it in the same box, not read out with them.
 */
export function CutNotices() {
  const { t } = useTranslation();
  const recomputing = useCutStatus((s) => s.recomputing > 0);
  const failed = useCutStatus((s) => s.failed.length > 0) && !recomputing;
  const dismiss = useCutStatus((s) => s.dismissFailed);
  const shown = recomputing || failed;
  return (
    <div
      style={shown ? { ...CUT_NOTICE, pointerEvents: recomputing ? 'none' : undefined } : undefined}
      data-testid={recomputing ? 'cut-recomputing' : failed ? 'cut-failed' : undefined}
    >
      <span role="status" data-testid="cut-status">
        {recomputing ? t('cut.recomputing') : failed ? t('cut.failed') : ''}
      </span>
      {failed && (
        // The words wrap, the button keeps its width.
        <button type="button" onClick={dismiss} style={{ flex: 'none' }}>
          {t('controls.dismiss')}
        </button>
      )}
    </div>
  );
}

/**
 * Loading progress, or a plain message and a retry when the models could not be loaded (a kiosk
 * tries again by itself and shows no error: it keeps saying it is loading); once the bones are
 * there, the 3D / X-ray switch.
 */
export const LoadOverlay = memo(function LoadOverlay() {
  const { t } = useTranslation();
  const status = useView((s) => s.status);
  const retry = useView((s) => s.retry);
  const progress = useView((s) => s.progress);
  const kiosk = useSession((s) => s.mode === 'kiosk');
  if (status === 'error' && !kiosk)
    return (
      <div className="overlay" role="alert" data-testid="load-error">
        <p>{t('load.error')}</p>
        <button type="button" onClick={retry} data-testid="retry">
          {t('load.retry')}
        </button>
      </div>
    );
  if (status !== 'ready')
    return (
      <div className="overlay" role="status" data-testid="loading">
        <div className="spinner" aria-hidden="true" />
        <p>{t('load.loading')}</p>
        <progress max={1} value={progress} aria-label={t('load.loading')} />
      </div>
    );
  return (
    <>
      <CutNotices />
      <ViewControls />
    </>
  );
});

/**
 * The procedure's clock when there is no 3D view to drive it (the scene advances it frame by frame):
 * play, the step buttons and the scrubber still move the caption.
 */
function ClockWithoutView() {
  const timeline = useProcedurePlan()?.plan.timeline;
  useEffect(() => {
    if (!timeline) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      frame = 0;
      const clock = usePlayback.getState();
      if (!clock.playing) return;
      const next = advanced(clock, (now - last) / 1000);
      last = now;
      usePlayback.setState(next);
    };
    const follow = () => {
      const clock = usePlayback.getState();
      const step = locate(timeline, clock.time).index;
      if (step !== clock.step) usePlayback.setState({ step });
      if (clock.playing && !frame) {
        if (!last) last = performance.now();
        frame = requestAnimationFrame(tick);
      }
      if (!clock.playing) last = 0;
    };
    follow();
    const off = usePlayback.subscribe(follow);
    return () => {
      off();
      cancelAnimationFrame(frame);
    };
  }, [timeline]);
  return null;
}

/** At the top of the stage: the step caption and the playback bar keep the bottom. */
const NO_WEBGL: CSSProperties = {
  inset: '0 0 auto 0',
  justifyContent: 'flex-start',
  gap: 8,
  padding: '16px 20px',
};

/**
 * Shown instead of the 3D view when the browser has no WebGL. The bone models are still loaded
 * (no WebGL is needed for that): the procedure is planned and measured on them, so its panel, the
 * readouts and the captions work as usual.
 */
export function NoWebGL() {
  const { t } = useTranslation();
  useRegionModel(useSession((s) => s.region));
  return (
    <div className="overlay no-webgl" role="alert" data-testid="no-webgl" style={NO_WEBGL}>
      <h2 style={{ margin: 0 }}>{t('load.noWebglTitle')}</h2>
      <p style={{ margin: 0, fontSize: '0.95rem' }}>{t('load.noWebgl')}</p>
      <ClockWithoutView />
    </div>
  );
}
