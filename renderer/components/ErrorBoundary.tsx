import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  children: ReactNode;
}

interface ErrorBoundaryState {
  crashed: boolean;
}

/**
 * Catches a rendering crash so the user sees a plain message and a way back instead of a
 * blank window or a stack trace. React only offers this as a class component.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { crashed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { crashed: true };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // Deliberately nothing: the renderer has no log sink, and details could carry user data.
  }

  override render() {
    if (!this.state.crashed) return this.props.children;
    return (
      <div className="notice notice-error crash" role="alert">
        <p className="notice-title">Something went wrong on this screen.</p>
        <p className="notice-hint">
          Your progress is saved. Show the screen again; if it keeps failing, restart the app.
        </p>
        <button type="button" className="button" onClick={() => this.setState({ crashed: false })}>
          Show the screen again
        </button>
      </div>
    );
  }
}
