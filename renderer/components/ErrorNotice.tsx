import type { ReactNode } from 'react';

import type { Failure } from '../state/failure';
import { PermissionDeniedActions } from './PermissionDeniedActions';

interface ErrorNoticeProps {
  failure: Failure;
  /** What was being attempted, e.g. "Couldn't connect to Stytch". Main's message follows. */
  title?: string;
  /** Whose request id `requestId` is; Stytch's unless said (Graph's calls name a client request ID). */
  requestIdLabel?: string;
  /**
   * False when the same call again cannot help (refused credentials the form no longer holds):
   * the caller says what to change in `children` and puts focus where it is changed.
   */
  offerRetry?: boolean;
  /** What to do, said by the caller, under main's hint. */
  children?: ReactNode;
}

/**
 * A failure from main: what happened, what to do, and a way out — Retry (which repeats the call)
 * unless the caller offers a better one.
 */
export function ErrorNotice({
  failure,
  title,
  requestIdLabel = 'Stytch request ID',
  offerRetry = true,
  children,
}: ErrorNoticeProps) {
  const { error, retry } = failure;
  return (
    <div className="notice notice-error" role="alert">
      {title && <p className="notice-title">{title}</p>}
      <p className="notice-message">{error.message}</p>
      <p className="notice-hint">{error.hint}</p>
      {children}
      {error.requestId && (
        <p className="notice-meta">
          {requestIdLabel}: {error.requestId}
        </p>
      )}
      {/* A missing Entra role for a Graph step (the error names it): another account, or a
          request for an admin, besides Retry. */}
      {error.action && error.code === 'GRAPH_PERMISSION_DENIED' && (
        <PermissionDeniedActions error={error} action={error.action} retry={retry} />
      )}
      {offerRetry && (
        <button type="button" className="button" onClick={retry}>
          Retry
        </button>
      )}
    </div>
  );
}
