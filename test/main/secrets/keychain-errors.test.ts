import { describe, expect, it } from 'vitest';

import { keychainFailure } from '../../../main/secrets/keychain-errors';
import { registerSecret } from '../../../main/logging/redact';

function codeOf(message: string): string {
  return keychainFailure(new Error(message), 'save').appError.code;
}

describe('keychainFailure', () => {
  it.each([
    // Linux (libsecret), as reproduced with gnome-keyring on this project's machines
    [
      'The name org.freedesktop.secrets was not provided by any .service files',
      'SECRET_STORE_UNAVAILABLE',
    ],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'SECRET_STORE_UNAVAILABLE'],
    ['Could not connect: No such file or directory', 'SECRET_STORE_UNAVAILABLE'],
    [
      'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
      'SECRET_STORE_UNAVAILABLE',
    ],
    ['Cannot create an item in a locked collection', 'SECRET_STORE_LOCKED'],
    ['org.freedesktop.DBus.Error.AccessDenied: Rejected send message', 'SECRET_STORE_DENIED'],
    // macOS Security framework and Windows Credential Manager wordings
    ['User interaction is not allowed.', 'SECRET_STORE_LOCKED'],
    ['User canceled the operation.', 'SECRET_STORE_DENIED'],
    ['The user name or passphrase you entered is not correct.', 'SECRET_STORE_DENIED'],
    ['The specified keychain could not be found.', 'SECRET_STORE_UNAVAILABLE'],
    ['The specified item could not be found in the keychain.', 'SECRET_NOT_FOUND'],
    ['Access is denied.', 'SECRET_STORE_DENIED'],
    ['Element not found.', 'SECRET_NOT_FOUND'],
  ])('maps "%s" to %s', (message, code) => {
    expect(codeOf(message)).toBe(code);
  });

  it('gives the no-Secret-Service case a hint that names what to install', () => {
    const failure = keychainFailure(
      new Error('The name org.freedesktop.secrets was not provided by any .service files'),
      'save',
    );
    expect(failure.appError.hint).toMatch(/gnome-keyring.*KWallet/s);
    expect(failure.appError.retryable).toBe(true);
  });

  it('keeps an unknown failure as SECRET_STORE_UNAVAILABLE with the native words, redacted', () => {
    registerSecret('leaked-value-123456', 'stytch');
    const failure = keychainFailure(new Error('weird failure near leaked-value-123456'), 'read');
    expect(failure.appError.code).toBe('SECRET_STORE_UNAVAILABLE');
    expect(failure.appError.message).toContain('weird failure');
    expect(failure.appError.message).toContain('(read)');
    expect(failure.appError.message).not.toContain('leaked-value-123456');
  });

  it('accepts a thrown non-Error', () => {
    expect(
      keychainFailure('Cannot create an item in a locked collection', 'save').appError.code,
    ).toBe('SECRET_STORE_LOCKED');
  });
});
