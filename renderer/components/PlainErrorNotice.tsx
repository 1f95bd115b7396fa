import type { ReactNode } from 'react';

import type { Failure } from '../state/failure';

export interface ErrorNoticeProps {
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
  /** Ways out besides Retry, shown just before it. */
  actions?: ReactNode;
}

/**
 * A failure from main: what happened, what to do, and a way out — Retry (which repeats the call)
 * unless the caller offers a better one. {@link ErrorNotice} adds the ways out of a missing Entra
 * role; this plain one is for the parts those ways out are built from (the copy button).
 */
export function PlainErrorNotice({
  failure,
  title,
  requestIdLabel = 'Stytch request ID',
  offerRetry = true,
  children,
  actions,
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
      {actions}
      {offerRetry && (
        <button type="button" className="button" onClick={retry}>
          Retry
        </button>
      )}
    </div>
  );
}
