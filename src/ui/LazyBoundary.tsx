import { Component, type ReactNode } from 'react';

/**
 * Around a part loaded on demand (the share dialog, the quiz, leva): if its file cannot be fetched
 * (offline before it was cached, a new version replaced it), the part is left out and the rest of
 * the page keeps working.
 */
interface Props {
  readonly children: ReactNode;
  /** Told when the part could not be loaded (to close what was opening it). */
  readonly onError?: () => void;
}

export class LazyBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('A part of the page could not be loaded', error);
    this.props.onError?.();
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
