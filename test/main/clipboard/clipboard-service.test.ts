import { describe, expect, it } from 'vitest';

import { AppFailure, appFailure } from '../../../shared/errors';
import type { SecretHandle } from '../../../shared/stytch/views';
import { SECRET_CLIPBOARD_FORMATS } from '../../../main/clipboard/clipboard-port';
import { ClipboardService } from '../../../main/clipboard/clipboard-service';
import { captureLogger } from '../../support/capture-logger';
import { errorOf } from '../../support/error-of';
import { FakeClipboard, FakeTimers } from '../../support/fake-clipboard';

const HANDLE: SecretHandle = { kind: 'scim-token', connectionId: 'conn-1' };
const TOKENS: Record<string, string> = {
  'scim-token:conn-1': 'token-on-clipboard-ABCD',
  'scim-next-token:conn-1': 'next-token-EFGH',
};

function setup(clearAfterMs = 60_000) {
  const port = new FakeClipboard();
  const timers = new FakeTimers();
  const log = captureLogger();
  const service = new ClipboardService({
    port,
    timers,
    logger: log.logger,
    clearAfterMs: () => Promise.resolve(clearAfterMs),
    readToken: (handle) => {
      const value = TOKENS[`${handle.kind}:${handle.connectionId}`];
      return value === undefined
        ? Promise.reject(appFailure('SECRET_NOT_FOUND', 'No token.', 'Rotate.'))
        : Promise.resolve(value);
    },
  });
  return { port, timers, service, log };
}

describe('ClipboardService', () => {
  it('copies plain text as is, with no clearing scheduled', async () => {
    const { port, timers, service } = setup();
    expect(await service.copyText('https://api.stytch.com/v1/b2b/scim/x?aadOptscim062020')).toEqual(
      {
        clearsInMs: null,
      },
    );
    expect(port.writes).toEqual([
      { text: 'https://api.stytch.com/v1/b2b/scim/x?aadOptscim062020', secret: false },
    ]);
    expect(timers.pending).toBe(0);
  });

  it('copies a token by handle, marked secret, and says when it will be cleared', async () => {
    const { port, service } = setup(45_000);
    expect(await service.copySecret(HANDLE)).toEqual({ clearsInMs: 45_000 });
    expect(port.text).toBe('token-on-clipboard-ABCD');
    expect(port.markedSecret).toBe(true);
  });

  it('clears the clipboard when the time is up if it still holds the token', async () => {
    const { port, timers, service } = setup(60_000);
    await service.copySecret(HANDLE);
    await timers.advance(59_999);
    expect(port.text).toBe('token-on-clipboard-ABCD');
    await timers.advance(1);
    expect(port.text).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const { port, timers, service } = setup();
    await service.copySecret(HANDLE);
    port.copyFromElsewhere('something the user copied');
    await timers.advance(60_000);
    expect(port.text).toBe('something the user copied');
  });

  it('leaves plain text copied from the app afterwards alone too', async () => {
    const { port, timers, service } = setup();
    await service.copySecret(HANDLE);
    await service.copyText('tenant url');
    await timers.advance(60_000);
    expect(port.text).toBe('tenant url');
  });

  it('times a second secret copy from its own copy, replacing the first timer', async () => {
    const { port, timers, service } = setup(60_000);
    await service.copySecret(HANDLE);
    await timers.advance(50_000);
    await service.copySecret({ kind: 'scim-next-token', connectionId: 'conn-1' });
    expect(timers.pending).toBe(1);
    await timers.advance(50_000);
    expect(port.text).toBe('next-token-EFGH');
    await timers.advance(10_000);
    expect(port.text).toBe('');
  });

  it('clears a copied token at once on dispose (app quit)', async () => {
    const { port, timers, service } = setup();
    await service.copySecret(HANDLE);
    await service.dispose();
    expect(port.text).toBe('');
    expect(timers.pending).toBe(0);
  });

  it('passes SECRET_NOT_FOUND through and writes nothing', async () => {
    const { port, timers, service } = setup();
    const error = await service
      .copySecret({ kind: 'scim-token', connectionId: 'missing' })
      .catch((e: unknown) => e);
    expect((error as AppFailure).appError.code).toBe('SECRET_NOT_FOUND');
    expect(port.writes).toEqual([]);
    expect(timers.pending).toBe(0);
  });

  it('turns a clipboard that cannot be written into CLIPBOARD_FAILED', async () => {
    const { port, timers, service } = setup();
    port.failWrites = true;
    const error = await service.copySecret(HANDLE).catch((e: unknown) => e);
    expect(errorOf(error).code).toBe('CLIPBOARD_FAILED');
    expect(errorOf(error).hint).toContain('Try again');
    await expect(service.copyText('x')).rejects.toThrow(AppFailure);
    expect(timers.pending).toBe(0);
  });

  it('never logs the token it copies', async () => {
    const { service, timers, log } = setup();
    await service.copySecret(HANDLE);
    await timers.advance(60_000);
    expect(log.text()).toContain('clipboard.secret-copied');
    expect(log.text()).toContain('clipboard.secret-cleared');
    expect(log.text()).not.toContain('token-on-clipboard-ABCD');
  });
});

describe('SECRET_CLIPBOARD_FORMATS', () => {
  it('lists the password hints of macOS, Windows and KDE for the Electron adapter', () => {
    const byFormat = new Map(SECRET_CLIPBOARD_FORMATS.map((format) => [format.format, format]));
    expect(byFormat.get('org.nspasteboard.ConcealedType')?.platform).toBe('darwin');
    expect(byFormat.get('ExcludeClipboardContentFromMonitorProcessing')?.platform).toBe('win32');
    expect(byFormat.get('CanIncludeInClipboardHistory')?.bytes).toEqual([0, 0, 0, 0]);
    expect(
      Buffer.from(byFormat.get('x-kde-passwordManagerHint')?.bytes ?? []).toString('utf8'),
    ).toBe('secret');
  });
});
