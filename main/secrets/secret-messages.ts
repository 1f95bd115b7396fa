import { createHash } from 'node:crypto';

import { appFailure, type AppError, type AppFailure } from '../../shared/errors';
import type { SecretHandle } from '../../shared/stytch/views';
import type { SecretRef } from './secret-store';

/** A secret's sha256, to recognise it later (on the clipboard, in memory) without keeping it. */
export function fingerprint(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** The last four characters of a secret, which Stytch and Entra also show. */
export function lastFour(value: string): string {
  return value.slice(-4);
}

function reasonOf(error: AppError): string {
  return error.message.replace(/\.$/, '');
}

/** What to tell the user when the keychain refused a secret and it is held in memory instead. */
export function keychainRefusedWarning(ref: SecretRef, error: AppError): string {
  const refused = `The system keychain did not accept the ${
    ref.kind === 'stytch-project' ? 'Stytch project secret' : 'SCIM token'
  } (${reasonOf(error)}).`;
  const consequence =
    ref.kind === 'stytch-project'
      ? 'The app keeps it in memory until you quit, so you will need to enter it again next time.'
      : 'The app keeps it in memory until you quit: copy it into Entra now, because Stytch will not show it again.';
  return `${refused} ${consequence} To fix the keychain: ${error.hint}`;
}

/** What to tell the user when a token that no longer works could not be removed. */
export function cleanupWarning(failures: readonly (AppError | null)[]): string | null {
  const failure = failures.find((f) => f !== null);
  if (!failure) return null;
  return `A token that no longer works could not be removed from the keychain (${reasonOf(failure)}). It does no harm there; to remove it later: ${failure.hint}`;
}

/** What to tell the user when "forget this project" could not reach the keychain. */
export function forgetProjectWarning(failure: AppError | null): string | null {
  return failure
    ? `Some of this project's secrets could not be removed from the keychain (${reasonOf(failure)}). ${failure.hint}`
    : null;
}

/** A token the app needs but does not have. */
export function tokenNotFound(handle: SecretHandle): AppFailure {
  return appFailure(
    'SECRET_NOT_FOUND',
    handle.kind === 'scim-next-token'
      ? 'The new token of this rotation is not stored on this computer.'
      : "This connection's SCIM token is not stored on this computer.",
    'If your keychain is locked, unlock it and try again. Otherwise start a token rotation to get a new token (Stytch shows each token only once), then paste it into Entra.',
  );
}

/** A second reveal of the same token. */
export function alreadyRevealed(): AppFailure {
  return appFailure(
    'SECRET_ALREADY_REVEALED',
    'This token has already been shown once.',
    'Use Copy to put it on the clipboard instead; the clipboard is cleared again after a short while.',
  );
}

/**
 * Reveal of a token other than the one Stytch just showed for the connection on screen: one kept
 * by an earlier run, or another connection's.
 */
export function notRevealable(): AppFailure {
  return appFailure(
    'SECRET_NOT_REVEALABLE',
    'Reveal shows only a token Stytch issued in this session, for the connection you just created or rotated.',
    'Use Copy to put this token on the clipboard instead; the clipboard is cleared again after a short while.',
  );
}
