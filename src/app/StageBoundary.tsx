import { Component, type ReactNode } from 'react';
import { useView } from '../state/view-store';

interface Props {
  readonly children: ReactNode;
}

/**
 * Catches a failure inside the 3D view and turns it into the load-error overlay with its retry (the
 * app re-keys this boundary on retry): the user never sees a raw error and the page keeps working.
 */
export class StageBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('3D view failed; offering a retry', error);
    useView.setState({ status: 'error' });
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
