import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { errorOf } from '../../support/error-of';
import { REPO_ROOT, runChild } from '../../support/run-child';
import { keychainChildArgs, parseChildResult } from './keychain-child-process';
import { uniqueService } from '../../support/keychain';

/**
 * The keychain across process and session boundaries, with the real Secret Service each time:
 * each case runs KeytarSecretStore in a child process, inside scripts/with-keyring.sh or in a
 * deliberately broken D-Bus environment. Linux only: elsewhere there is no D-Bus to break.
 */
const WITH_KEYRING = join(REPO_ROOT, 'scripts/with-keyring.sh');
const VALUE = 'scim-tøken-✓-0123456789abcdef';

let scratch: string;

/** The environment of a child: ours, minus any display (no unlock prompt may pop up). */
function childEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
}

async function inKeyring(
  dataHome: string,
  args: string[],
  extra: NodeJS.ProcessEnv = {},
): Promise<ReturnType<typeof parseChildResult>> {
  const outcome = await runChild(
    'bash',
    [WITH_KEYRING, ...args],
    childEnv({ WITH_KEYRING_DATA_HOME: dataHome, ...extra }),
  );
  return parseChildResult(outcome);
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'keychain-sessions-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe.skipIf(process.platform !== 'linux')('the keychain across Secret Service sessions', () => {
  it('keeps a secret across two keyring sessions on the same data folder', async () => {
    const dataHome = join(scratch, 'persist');
    const service = uniqueService('persist');
    const saved = await inKeyring(dataHome, keychainChildArgs('save', service, 'conn-p'), {
      KEYCHAIN_CHILD_VALUE: VALUE,
    });
    expect(saved).toEqual({ ok: true, data: null });

    const readBack = await inKeyring(dataHome, keychainChildArgs('read', service, 'conn-p'));
    expect(readBack).toEqual({ ok: true, data: VALUE });

    const fresh = await inKeyring(
      join(scratch, 'other-folder'),
      keychainChildArgs('read', service, 'conn-p'),
    );
    expect(fresh).toEqual({ ok: true, data: null });
  });

  it('exits with the command exit code and removes its throw-away folders', async () => {
    const outcome = await runChild(
      'bash',
      [WITH_KEYRING, 'sh', '-c', 'printf "%s\\n%s" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"; exit 7'],
      childEnv({}),
    );
    expect(outcome.code).toBe(7);
    const [dataHome = '', runtimeDir = ''] = outcome.stdout.split('\n');
    expect(dataHome).not.toBe('');
    expect(runtimeDir).not.toBe('');
    await expect(access(dataHome)).rejects.toThrow();
    await expect(access(runtimeDir)).rejects.toThrow();
  });

  it('refuses to save into a locked keyring with SECRET_STORE_LOCKED, and hides its items from reads', async () => {
    const dataHome = join(scratch, 'locked');
    const service = uniqueService('locked');
    await inKeyring(dataHome, keychainChildArgs('save', service, 'conn-l'), {
      KEYCHAIN_CHILD_VALUE: VALUE,
    });

    const wrongPassword = { WITH_KEYRING_PASSWORD: 'not-the-password' };
    const save = await inKeyring(dataHome, keychainChildArgs('save', service, 'conn-l2'), {
      ...wrongPassword,
      KEYCHAIN_CHILD_VALUE: VALUE,
    });
    expect(errorOf(save).code).toBe('SECRET_STORE_LOCKED');
    expect(errorOf(save).hint).toContain('Unlock your keychain');
    // libsecret answers "nothing" rather than an error for items it cannot unlock.
    expect(
      await inKeyring(dataHome, keychainChildArgs('read', service, 'conn-l'), wrongPassword),
    ).toEqual({
      ok: true,
      data: null,
    });
  });

  it('reports an unreachable D-Bus as SECRET_STORE_UNAVAILABLE with a hint to start a desktop session', async () => {
    const [node = process.execPath, ...args] = keychainChildArgs(
      'read',
      uniqueService('nobus'),
      'c',
    );
    const outcome = await runChild(
      node,
      args,
      childEnv({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(scratch, 'no-such-bus')}` }),
    );
    const error = errorOf(parseChildResult(outcome));
    expect(error.code).toBe('SECRET_STORE_UNAVAILABLE');
    expect(error.hint).toContain('GNOME Keyring or KWallet');
  });

  it('reports a session without a Secret Service as SECRET_STORE_UNAVAILABLE with a hint to install one', async () => {
    // A D-Bus session that knows no services at all, so nothing can provide org.freedesktop.secrets.
    const config = join(scratch, 'bare-session.conf');
    await writeFile(
      config,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=${scratch}</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
    );
    const outcome = await runChild(
      'dbus-run-session',
      [
        '--config-file',
        config,
        '--',
        ...keychainChildArgs('save', uniqueService('noservice'), 'c'),
      ],
      childEnv({ KEYCHAIN_CHILD_VALUE: VALUE }),
    );
    const error = errorOf(parseChildResult(outcome));
    expect(error.code).toBe('SECRET_STORE_UNAVAILABLE');
    expect(error.message).toContain('Secret Service');
    expect(error.hint).toContain('Install and start GNOME Keyring');
  });
});
