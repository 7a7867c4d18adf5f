import i18next from 'i18next';
import { Component, type ReactNode } from 'react';
import { usePlayback } from '../state/playback-store';
import { useSession } from '../state/store';
import { useView } from '../state/store';

/** The first new start waits this long after a failure, ms; each failure in a row doubles it. */
const FIRST_WAIT_MS = 1_000;
/** …up to this, so a failure that keeps coming back is tried again twice a minute, for ever. */
const LONGEST_WAIT_MS = 30_000;
/** An app that ran this long before failing starts a new streak: its next start is quick again, ms. */
const STEADY_MS = 60_000;
/** Said if even the strings fail (the line must never be what breaks the page). */
const FALLBACK_TEXT = 'One moment: starting again…';

/** What shows while the app starts again: a calm line in the user's language, never the error. */
function Restarting() {
  let text = FALLBACK_TEXT;
  try {
    text = i18next.t('app.restarting', FALLBACK_TEXT);
  } catch {
    // The fallback is said instead.
  }
  return (
    <div className="app-restarting" role="status" data-testid="app-restarting">
      <div className="spinner" aria-hidden="true" />
      <p>{text}</p>
    </div>
  );
}

/**
 * The new app picks up where the failed one was: at the start of the step on show, at its speed
 * (a new mount puts the clock at the session's start step), and it is ready only once its new views
 * have drawn again.
 */
function beforeRestart(): void {
  const { step, speed } = usePlayback.getState();
  useSession.setState({ startStep: step + 1, startSpeed: speed });
  // The failed views' facts go with them: the new ones answer afresh.
  useView.setState({ panes: {}, hovered: null, focus: null });
}

/**
 * Around the whole app. A part that fails on its own has its own boundary (the 3D view, the parts
 * loaded on demand); a failure anywhere else would leave React an empty page, and a kiosk showing
 * it all day. Instead the app is mounted again after a short wait (the session, the loaded models
 * and texts are kept), the waits growing while it keeps failing.
 */
export class AppRecovery extends Component<{ readonly children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  private streak = 0;
  private startedAt = performance.now();
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('The app failed and starts again', error);
  }

  // The wait is set once the failure is on screen, not in componentDidCatch: a development build
  // unmounts and mounts a new boundary once more, which would clear a timer set before.
  override componentDidMount(): void {
    this.waitIfFailed();
  }

  override componentDidUpdate(): void {
    this.waitIfFailed();
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private waitIfFailed(): void {
    if (!this.state.failed || this.timer !== undefined) return;
    if (performance.now() - this.startedAt >= STEADY_MS) this.streak = 0;
    const wait = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** this.streak);
    this.streak += 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.startedAt = performance.now();
      beforeRestart();
      this.setState({ failed: false });
    }, wait);
  }

  override render(): ReactNode {
    return this.state.failed ? <Restarting /> : this.props.children;
  }
}
