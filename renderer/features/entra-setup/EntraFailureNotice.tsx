import { useEffect } from 'react';

import { ErrorNotice } from '../../components/ErrorNotice';
import type { Failure } from '../../state/failure';
import { useMicrosoftStore } from '../../state/microsoft-store';
import { ClientIdForm } from './ClientIdForm';
import { SignInButton } from './SignInButton';

const SIGN_IN_CODES = new Set([
  'MICROSOFT_NOT_SIGNED_IN',
  'MICROSOFT_CONSENT_REQUIRED',
  'MICROSOFT_CACHE_UNREADABLE',
  'MICROSOFT_WRONG_TENANT',
  'MICROSOFT_WRONG_ACCOUNT',
]);

interface EntraFailureNoticeProps {
  failure: Failure;
  /** What was being attempted. */
  title: string;
}

/**
 * What "Sign in to Microsoft" asks for: the Graph action main named in the error (the step's, or
 * the failed call's), else reading the tenant's apps, as the sign-in panel's own button does.
 */
const SIGN_IN_FALLBACK = 'read-apps';

/**
 * A failed Graph step: the client-ID form when none is set, "Sign in to Microsoft" (for the
 * permissions the error names, then the step again) when Microsoft wants the admin, else main's
 * message, hint and client request ID with Retry.
 */
export function EntraFailureNotice({ failure, title }: EntraFailureNoticeProps) {
  const { error } = failure;
  const signInLost = error.code === 'MICROSOFT_NOT_SIGNED_IN';
  // Main now knows whether the sign-in on record was refused: read it again, so the context bar
  // and the account panel say so too rather than "signed in".
  useEffect(() => {
    if (signInLost) void useMicrosoftStore.getState().load();
  }, [failure, signInLost]);
  if (error.code === 'MICROSOFT_CLIENT_ID_MISSING') {
    return (
      <div className="notice notice-warning" role="alert">
        <p className="notice-title">{title}</p>
        <p className="notice-message">{error.message}</p>
        <ClientIdForm />
      </div>
    );
  }
  if (SIGN_IN_CODES.has(error.code)) {
    return (
      <div className="notice notice-warning" role="alert">
        <p className="notice-title">{title}</p>
        <p className="notice-message">{error.message}</p>
        <p className="notice-hint">{error.hint}</p>
        <SignInButton action={error.action ?? SIGN_IN_FALLBACK} onSignedIn={failure.retry} />
      </div>
    );
  }
  return <ErrorNotice failure={failure} title={title} requestIdLabel="Client request ID" />;
}
