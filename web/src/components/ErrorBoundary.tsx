import { Component, type ReactNode } from 'react';

/** Last line of defence: a crash in one page shows a message, never a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (this.state.failed) {
      return (
        <section className="page narrow">
          <h1>Something went wrong</h1>
          <div className="notice notice-error" role="alert">
            <p>This page hit an unexpected problem. Reloading usually fixes it.</p>
            <p className="notice-actions">
              <button type="button" className="btn" onClick={() => window.location.reload()}>
                Reload
              </button>
              <a href="/">Go to the catalogue</a>
            </p>
          </div>
        </section>
      );
    }
    return this.props.children;
  }
}
