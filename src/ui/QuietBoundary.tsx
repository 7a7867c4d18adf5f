import { Component, type ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
  /** Told of the failure: the 3D view offers its retry, a dialog that was opening closes. */
  readonly onError?: () => void;
}

/**
 * Around a part of the page that may fail on its own (the 3D view, a part loaded on demand whose
 * file cannot be fetched): the part is left out, the rest keeps working, nobody sees a raw error.
 * Re-key it to try the part again.
 */
export class QuietBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('A part of the page failed and is left out', error);
    this.props.onError?.();
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
