import type { Failure } from '../state/failure';

interface ErrorNoticeProps {
  failure: Failure;
  /** What was being attempted, e.g. "Couldn't connect to Stytch". Main's message follows. */
  title?: string;
  /** Whose request id `requestId` is; Stytch's unless said (Graph's calls name a client request ID). */
  requestIdLabel?: string;
}

/** A failure from main: what happened, what to do, and a Retry that repeats the call. */
export function ErrorNotice({
  failure,
  title,
  requestIdLabel = 'Stytch request ID',
}: ErrorNoticeProps) {
  const { error, retry } = failure;
  return (
    <div className="notice notice-error" role="alert">
      {title && <p className="notice-title">{title}</p>}
      <p className="notice-message">{error.message}</p>
      <p className="notice-hint">{error.hint}</p>
      {error.requestId && (
        <p className="notice-meta">
          {requestIdLabel}: {error.requestId}
        </p>
      )}
      <button type="button" className="button" onClick={retry}>
        Retry
      </button>
    </div>
  );
}
