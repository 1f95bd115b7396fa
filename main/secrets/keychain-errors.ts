import { appFailure, type AppFailure, type ErrorCode } from '../../shared/errors';
import { maskThenCut } from '../logging/redact';

/** The codes a keychain failure can map to. */
export type KeychainErrorCode = Extract<
  ErrorCode,
  'SECRET_STORE_UNAVAILABLE' | 'SECRET_STORE_LOCKED' | 'SECRET_STORE_DENIED' | 'SECRET_NOT_FOUND'
>;

interface KeychainErrorRule {
  code: KeychainErrorCode;
  /** Matched against the native error's message (libsecret, macOS Security, Windows Credential Manager). */
  pattern: RegExp;
  message: string;
  hint: string;
}

const UNLOCK_HINT =
  'Unlock your keychain and try again: on macOS open Keychain Access and unlock "login"; on Linux open Passwords and Keys (Seahorse) or KWallet and unlock the default keyring, or log out and back in.';

/**
 * What keychain failures look like, first match wins. The messages are the native libraries'
 * own words, which keytar passes through unchanged. [Uncertain] The macOS and Windows wordings
 * come from those platforms' documented error strings and were not reproduced on this project's
 * Linux machines; the Linux ones were (libsecret with gnome-keyring). Add a row here when a new
 * wording shows up in the field.
 */
export const KEYCHAIN_ERROR_RULES: readonly KeychainErrorRule[] = [
  {
    code: 'SECRET_STORE_UNAVAILABLE',
    pattern: /org\.freedesktop\.secrets was not provided|ServiceUnknown/i,
    message: 'No keyring service (Secret Service) is running on this computer.',
    hint: 'Install and start GNOME Keyring (package "gnome-keyring") or KWallet with its Secret Service enabled, then restart the app.',
  },
  {
    code: 'SECRET_STORE_UNAVAILABLE',
    pattern:
      /Cannot autolaunch D-Bus|Could not connect|Failed to connect to socket|DBus\.Error\.(NoServer|Disconnected|FileNotFound|NoReply)/i,
    message:
      "The app could not reach your desktop session's message bus (D-Bus) to use the keyring.",
    hint: 'Start the app from your desktop session (not over SSH or with sudo), with GNOME Keyring or KWallet running, then try again.',
  },
  {
    code: 'SECRET_STORE_UNAVAILABLE',
    pattern:
      /Object does not exist at path .*\/collection\/|No such secret collection|specified keychain could not be found/i,
    message: 'Your keychain has no default keyring to store secrets in.',
    hint: 'On Linux, open Passwords and Keys (Seahorse) or KWallet Manager, create a keyring named "Login" and make it the default; on macOS, open Keychain Access and make sure a "login" keychain exists. Then try again.',
  },
  {
    code: 'SECRET_STORE_UNAVAILABLE',
    pattern: /keytar\.node|NODE_MODULE_VERSION|cannot open shared object file|libsecret/i,
    message: "The app's keychain component could not be loaded.",
    hint: 'Reinstall the app. On Linux, also install libsecret (package "libsecret-1-0").',
  },
  {
    code: 'SECRET_STORE_LOCKED',
    pattern: /locked collection|is locked|locked object|User interaction is not allowed|-25308/i,
    message: 'The keychain is locked.',
    hint: UNLOCK_HINT,
  },
  {
    code: 'SECRET_STORE_DENIED',
    pattern:
      /AccessDenied|Access is denied|not allowed|User canceled|cancelled|dismissed|-128\b|-25293|passphrase you entered is not correct|authorization/i,
    message: 'The keychain refused the app access to its secrets (or the request was cancelled).',
    hint: 'Try again and allow access when your system asks (on macOS choose "Always Allow"); if it keeps failing, check that your keychain lets this app store passwords.',
  },
  {
    code: 'SECRET_NOT_FOUND',
    pattern: /could not be found|Element not found|-25300|No such item/i,
    message: 'The secret is not in the keychain.',
    hint: 'Enter the secret again; for a SCIM token, start a token rotation to get a new one.',
  },
];

const FALLBACK_HINT =
  'Check that your keychain works (macOS: Keychain Access; Windows: Credential Manager; Linux: GNOME Keyring or KWallet), then try again.';

/** What the keychain was doing, for the message. */
export type KeychainOperation = 'save' | 'read' | 'delete' | 'list' | 'load';

/**
 * Turns a native keychain error into the matching typed failure. Unknown wordings become
 * SECRET_STORE_UNAVAILABLE with the native text attached (redacted: it should never contain a
 * secret, but a log line or a dialog is not the place to find out).
 */
export function keychainFailure(error: unknown, operation: KeychainOperation): AppFailure {
  const detail = maskThenCut(error instanceof Error ? error.message : String(error), 300);
  const rule = KEYCHAIN_ERROR_RULES.find((candidate) => candidate.pattern.test(detail));
  if (rule) {
    return appFailure(rule.code, rule.message, rule.hint, {
      retryable: rule.code !== 'SECRET_NOT_FOUND',
    });
  }
  return appFailure(
    'SECRET_STORE_UNAVAILABLE',
    `The system keychain failed (${operation}): ${detail}`,
    FALLBACK_HINT,
    { retryable: true },
  );
}
