import { lazy, memo, Suspense, useEffect, useState } from 'react';
import { useTextsReady, useTranslation } from '../i18n';
import { useSession, useView } from '../state/store';
import { useReady } from '../state/readiness';
import { AnglesPanel } from '../ui/AnglesPanel';
import { ProcedureCards } from '../ui/ProcedureCards';
import {
  LazyPlaybackBar,
  LazyProcedurePanel,
  LazyStepCaption,
  useProcedureUiLoaded,
} from './procedure-ui-chunk';
import { useProcedurePlan } from '../state/procedure-plan';
import { usePlaybackStart } from './use-playback-start';
import { Notices } from '../ui/Notices';
import { HoverLabel, LoadOverlay, NoWebGL } from './StageOverlays';
import { TopBar } from '../ui/TopBar';
import { useStageCover } from '../ui/use-stage-cover';
import { FilmHost } from '../ui/film/FilmHost';
import { QuietBoundary } from '../ui/QuietBoundary';
import { StagePanes } from './StagePanes';
import { useUrlSync } from './use-url-sync';
import { registerServiceWorker } from './service-worker';
import type { KioskState } from './KioskMode';

/**
 * The caption and playback bar of the open procedure. Its own component, so that a parameter
 * change re-renders only what shows the procedure, not the whole page.
 */
const ProcedureControls = memo(function ProcedureControls() {
  const procedure = useProcedurePlan();
  usePlaybackStart(procedure?.plan);
  const cover = useStageCover('caption', 'bottom');
  if (!procedure) return null;
  return (
    <div ref={cover} className="stage-bottom">
      <Suspense fallback={null}>
        <LazyStepCaption proc={procedure.plan.proc} values={procedure.values} />
        <LazyPlaybackBar timeline={procedure.plan.timeline} />
      </Suspense>
    </div>
  );
});

/** On a portrait screen the panel is a sheet under the 3D view: its handle lifts it and lowers it. */
function SheetHandle({ raised, onToggle }: { readonly raised: boolean; readonly onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="sheet-handle"
      aria-expanded={raised}
      onClick={onToggle}
      data-testid="sheet-handle"
    >
      {t(raised ? 'controls.sheetLower' : 'controls.sheetRaise')}
    </button>
  );
}

/** Leva (and its own dependencies) and the quiz load only in the study view. */
const LevaPanel = lazy(() => import('../ui/LevaPanel'));
const Quiz = lazy(() => import('../ui/Quiz'));
const ComparePanel = lazy(() => import('../ui/ComparePanel'));
/** The kiosk's loop and overlay load only in kiosk mode. */
const KioskMode = lazy(() => import('./KioskMode'));

/** The open procedure's panel, or, with none open, the operations to choose from. */
const ProcedureSide = memo(function ProcedureSide() {
  const procedure = useProcedurePlan();
  const open = useSession((s) => s.procedure !== null);
  if (procedure) return <LazyProcedurePanel state={procedure} />;
  return open ? null : <ProcedureCards />;
});

/**
 * Whether the page may be painted yet. Until the first view's bones are drawn it is laid out but not
 * painted: without a graphics card the browser draws every frame of the page in software, and a
 * page painted a moment before its bones made the bones come about 60 ms later (bench). Once
 * shown it stays shown; a view that cannot come (no WebGL, a load error) shows the page at once,
 * and the style sheet shows it after a second whatever happens (`.app.unpainted`).
 */
function useAppeared(ready: boolean, webgl: boolean): boolean {
  const failed = useView((s) => s.status === 'error');
  const now = ready || failed || !webgl;
  const [appeared, setAppeared] = useState(now);
  if (now && !appeared) setAppeared(true);
  return appeared || now;
}

/**
 * The page. Its parts (top bar, views, panel, overlays) read the store themselves and are memoised:
 * the page's own re-renders (ready, shown, the sheet raised) leave them be. The render that marks
 * the page ready follows the first bone frame, so it is kept to the page's own element.
 */
export function App() {
  const { t } = useTranslation();
  useUrlSync();
  const webgl = useView((s) => s.webgl);
  const open = useSession((s) => s.procedure !== null);
  // Captions and the procedure panel show once the long texts are in: ready waits for them too.
  const texts = useTextsReady();
  // So does the procedure's own UI (panel, caption, playback bar), fetched at start beside them.
  const procedureUi = useProcedureUiLoaded() || !open;
  const ready = useReady() && texts && procedureUi;
  // The offline copy is installed once the first view is on screen, not in its way.
  useEffect(() => {
    if (ready) registerServiceWorker();
  }, [ready]);
  const study = useSession((s) => s.mode === 'study');
  const active = useSession((s) => s.mode === 'kiosk');
  // Null until the kiosk's own code has mounted (it reports at once): before that a touch would
  // not be heard, so the page does not say it is in the kiosk's loop yet.
  const [kioskState, setKioskState] = useState<KioskState | null>(null);
  const kiosk = { active, exploring: kioskState?.exploring ?? false, shown: kioskState?.shown ?? 0 };
  const embed = useSession((s) => s.mode === 'embed');
  const [sheetRaised, setSheetRaised] = useState(false);
  const appeared = useAppeared(ready, webgl);
  // The film lies over the views and the panel: what it covers is out of the keyboard's way.
  const film = useView((s) => s.filmOpen) && !kiosk.active && !embed;

  return (
    <div
      className={
        (kiosk.active
          ? `app kiosk ${kiosk.exploring ? 'explore' : 'attract'}`
          : embed
            ? 'app embed'
            : 'app') + (appeared ? '' : ' unpainted')
      }
      data-kiosk={kiosk.active && kioskState ? (kiosk.exploring ? 'explore' : 'attract') : undefined}
      data-kiosk-shown={kiosk.active && kioskState ? kiosk.shown : undefined}
    >
      <TopBar />
      <main className="layout">
        <section
          className="stage"
          data-testid="stage"
          data-ready={ready}
          aria-label={t('app.stageLabel')}
          inert={film}
        >
          {webgl ? <StagePanes /> : <NoWebGL />}
          {webgl && <LoadOverlay />}
          <HoverLabel />
          <ProcedureControls />
          {kiosk.active && (
            <Suspense fallback={null}>
              <KioskMode onState={setKioskState} />
            </Suspense>
          )}
        </section>
        <div className={sheetRaised ? 'side raised' : 'side'} inert={film}>
          <SheetHandle raised={sheetRaised} onToggle={() => setSheetRaised(!sheetRaised)} />
          {/*
           * At the panel's top, taking room from neither the 3D view nor its controls. A kiosk
           * shows no notices: nobody there typed the address.
           */}
          {!kiosk.active && !embed && <Notices />}
          {study && (
            <QuietBoundary>
              <Suspense fallback={null}>
                <LevaPanel />
              </Suspense>
            </QuietBoundary>
          )}
          <Suspense fallback={null}>
            <ProcedureSide />
          </Suspense>
          <AnglesPanel />
          {study && (
            <QuietBoundary>
              <Suspense fallback={null}>
                <ComparePanel />
                <Quiz />
              </Suspense>
            </QuietBoundary>
          )}
        </div>
        {film && <FilmHost />}
      </main>
    </div>
  );
}
