import { useEffect, useState } from 'react';
import { PROCEDURES } from '../procedures/registry';
import { usePlayback } from '../state/playback-store';
import { useSession } from '../state/store';
import { readyNow } from '../state/readiness';
import { useView } from '../state/store';
import {
  KIOSK_PAUSE_S,
  KIOSK_READY_S,
  KIOSK_RELOAD_AFTER,
  KIOSK_RELOAD_EVERY_S,
  KIOSK_RETRY_S,
  kioskItem,
} from './kiosk-schedule';

/** Each input that hands the screen to a visitor. */
const INPUTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
/** The loop's clock: it checks readiness, the end of a procedure, idleness and errors. */
const TICK_MS = 500;
/** When the kiosk last started afresh (kept across the reload). */
const RELOADED_AT = 'kiosk-reloaded-at';

/** Whether the page may reload now (a service worker serves it, none in the last while); notes it. */
function mayReload(): boolean {
  if (!navigator.serviceWorker?.controller) return false;
  try {
    const now = Date.now();
    if (now - Number(sessionStorage.getItem(RELOADED_AT) ?? 0) < KIOSK_RELOAD_EVERY_S * 1000) return false;
    sessionStorage.setItem(RELOADED_AT, String(now));
    return true;
  } catch {
    // No storage (a locked-down browser): no way to keep from reloading in a loop.
    return false;
  }
}

/**
 * The waiting-room kiosk: plays every procedure in turn with patient captions, alternating
 * languages; a touch hands the screen to the visitor, and after `idle` seconds without one it plays
 * by itself again. A failed load is retried on its own: nobody is there to press a button.
 */
export function useKioskLoop(): { exploring: boolean; shown: number } {
  const [exploring, setExploring] = useState(false);
  // How many procedures the loop has started: the tests and a soak read it.
  const [shown, setShown] = useState(0);

  useEffect(() => {
    const ids = PROCEDURES.map((p) => p.id);
    let n = 0;
    let startedAt = 0;
    let waiting = true;
    let endedAt: number | null = null;
    let lastInput = 0;
    let visitor = false;
    let failedAt: number | null = null;
    let failures = 0;

    const show = (k: number) => {
      n = k;
      setShown((c) => c + 1);
      const { langs } = useSession.getState();
      const item = kioskItem(n, ids, langs);
      useSession.getState().setProcedure(item.procedure);
      useSession.getState().set({ lang: item.lang, voice: 'patient' });
      usePlayback.setState({ playing: false, loop: false });
      startedAt = performance.now();
      waiting = true;
      endedAt = null;
    };
    const setVisitor = (on: boolean) => {
      visitor = on;
      setExploring(on);
    };
    const onInput = () => {
      lastInput = performance.now();
      if (!visitor) setVisitor(true);
    };
    const tick = () => {
      const now = performance.now();
      const view = useView.getState();
      if (view.status === 'error') {
        failedAt ??= now;
        if (now - failedAt > KIOSK_RETRY_S * 1000) {
          failedAt = null;
          failures += 1;
          if (failures >= KIOSK_RELOAD_AFTER && mayReload()) {
            window.location.reload();
            return;
          }
          view.retry();
        }
        return;
      }
      failedAt = null;
      if (view.status === 'ready') failures = 0;
      if (visitor) {
        if (now - lastInput < useSession.getState().idle * 1000) return;
        setVisitor(false);
        // A dialog the visitor left open (share) closes with them.
        document.querySelectorAll('dialog[open]').forEach((d) => (d as HTMLDialogElement).close());
        show(n + 1);
        return;
      }
      const clock = usePlayback.getState();
      // A tick after the switch, the procedure's layer has had time to say its cuts are not ready.
      if (waiting) {
        // A procedure that never gets ready (a cut that failed) is skipped, never waited on for ever.
        if (now - startedAt > KIOSK_READY_S * 1000) return show(n + 1);
        if (now - startedAt < TICK_MS || !readyNow()) return;
        waiting = false;
        usePlayback.setState({ time: 0, playing: true, speed: useSession.getState().startSpeed });
        return;
      }
      if (clock.playing || clock.time < clock.total) return;
      endedAt ??= now;
      if (now - endedAt > KIOSK_PAUSE_S * 1000) show(n + 1);
    };

    show(0);
    const timer = window.setInterval(tick, TICK_MS);
    for (const e of INPUTS) window.addEventListener(e, onInput, { passive: true });
    return () => {
      window.clearInterval(timer);
      for (const e of INPUTS) window.removeEventListener(e, onInput);
    };
  }, []);

  return { exploring, shown };
}
