import { Component, Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The first new start waits this long after a failure, ms; each failure in a row doubles it. */
const FIRST_WAIT_MS = 1_000;
/** …up to this, so a failure that keeps coming back is tried again twice a minute, for ever. */
const LONGEST_WAIT_MS = 30_000;
/** An app that ran this long before failing starts a new streak: its next start is quick again, ms. */
const STEADY_MS = 60_000;

/** What shows while the app starts again: a calm line in the user's language, never the error. */
function Restarting() {
  const { t } = useTranslation();
  return (
    <div className="app-restarting" role="status" data-testid="app-restarting">
      <div className="spinner" aria-hidden="true" />
      <p>{t('app.restarting')}</p>
    </div>
  );
}

interface State {
  readonly failed: boolean;
  /** Re-keys the app: each new start mounts it afresh. */
  readonly attempt: number;
}

/**
 * Around the whole app. A part that fails on its own has its own boundary (the 3D view, the parts
 * loaded on demand); a failure anywhere else would leave React an empty page, and a kiosk showing
 * it all day. Instead the app is mounted again after a short wait (the stores, the loaded models and
 * texts are kept), the waits growing while it keeps failing.
 */
export class AppRecovery extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { failed: false, attempt: 0 };
  private streak = 0;
  private startedAt = performance.now();
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('The app failed and starts again', error);
    if (performance.now() - this.startedAt >= STEADY_MS) this.streak = 0;
    const wait = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** this.streak);
    this.streak += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.startedAt = performance.now();
      this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }));
    }, wait);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  override render(): ReactNode {
    if (this.state.failed) return <Restarting />;
    return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
  }
}
