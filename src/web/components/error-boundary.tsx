/** If a screen fails while rendering, say so (in the person's language) instead of leaving a blank page. */
import { Component, type ReactNode } from 'react';
import { Trans } from 'react-i18next';

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean; key: string }> {
  override state = { failed: false, key: this.props.resetKey };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  static getDerivedStateFromProps(props: { resetKey: string }, state: { failed: boolean; key: string }) {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="alert alert-error" role="alert">
        <Trans i18nKey="web:errors.unexpected" />
      </div>
    );
  }
}
