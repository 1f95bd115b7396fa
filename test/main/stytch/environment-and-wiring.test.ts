import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, expectTypeOf, it } from 'vitest';

import { AppFailure } from '../../../shared/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings/settings';
import { ensureAadOptFlag } from '../../../shared/stytch/tenant-url';
import { createLogger } from '../../../main/logging/logger';
import { composeServices } from '../../../main/composition';
import type { Secrets } from '../../../main/secrets/secrets';
import { assertSecretMatches, baseUrlFor, environmentOf } from '../../../main/stytch/environment';
import { SettingsProjectMemory } from '../../../main/stytch/settings-project-memory';
import type { StytchServices } from '../../../main/stytch/stytch-handlers';
import type { StytchSessionOptions } from '../../../main/stytch/stytch-session';
import { MemorySecretStore } from '../../support/keychain';
import { FakeClipboard } from '../../support/fake-clipboard';
import { MemoryKeeper } from '../../support/stytch-doubles';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppFailure) return error.appError.code;
    throw error;
  }
  return 'no error';
}

describe('ensureAadOptFlag', () => {
  it.each([
    [
      'https://test.stytch.com/v1/b2b/scim/c1',
      'https://test.stytch.com/v1/b2b/scim/c1?aadOptscim062020',
    ],
    [
      'https://test.stytch.com/v1/b2b/scim/c1?aadOptscim062020',
      'https://test.stytch.com/v1/b2b/scim/c1?aadOptscim062020',
    ],
    ['https://h/scim?x=1', 'https://h/scim?x=1&aadOptscim062020'],
    ['https://h/scim?', 'https://h/scim?aadOptscim062020'],
    ['https://h/scim?x=1&aadOptscim062020=', 'https://h/scim?x=1&aadOptscim062020='],
    ['https://h/scim#part', 'https://h/scim?aadOptscim062020#part'],
    ['  https://h/scim  ', 'https://h/scim?aadOptscim062020'],
    ['https://h/scim?aadOptscim0620200=1', 'https://h/scim?aadOptscim0620200=1&aadOptscim062020'],
    ['https://h/scim?bad=%E0%A4%A', 'https://h/scim?bad=%E0%A4%A&aadOptscim062020'],
  ])('turns %s into %s', (input, expected) => {
    expect(ensureAadOptFlag(input)).toBe(expected);
  });
});

describe('project ID → environment and base URL', () => {
  it('tells test from live by the prefix and picks Stytch’s host', () => {
    expect(environmentOf('project-test-0b5c')).toBe('test');
    expect(environmentOf(' project-live-0b5c ')).toBe('live');
    expect(baseUrlFor('test')).toBe('https://test.stytch.com/');
    expect(baseUrlFor('live')).toBe('https://api.stytch.com/');
    expect(baseUrlFor('live', 'http://127.0.0.1:9999')).toBe('http://127.0.0.1:9999/');
  });

  it('refuses anything else as STYTCH_PROJECT_ID_INVALID', () => {
    for (const id of [
      'secret-test-abc',
      'organization-test-1',
      'project-staging-1',
      'PROJECT-TEST-1',
    ]) {
      expect(
        codeOf(() => environmentOf(id)),
        id,
      ).toBe('STYTCH_PROJECT_ID_INVALID');
    }
  });

  it('refuses a secret of the other environment, and lets an unprefixed one through', () => {
    expect(codeOf(() => assertSecretMatches('test', 'secret-live-abc'))).toBe(
      'STYTCH_ENVIRONMENT_MISMATCH',
    );
    expect(codeOf(() => assertSecretMatches('live', 'secret-test-abc'))).toBe(
      'STYTCH_ENVIRONMENT_MISMATCH',
    );
    expect(codeOf(() => assertSecretMatches('test', 'secret-test-abc'))).toBe('no error');
    expect(codeOf(() => assertSecretMatches('live', 'abc'))).toBe('no error');
  });
});

describe('the keychain side fits the Stytch layer’s ports (checked by tsc)', () => {
  it('accepts main/secrets’ Secrets, and the tests’ MemoryKeeper, where the Stytch layer keeps secrets', () => {
    expectTypeOf<Secrets>().toExtend<StytchServices['secrets']>();
    expectTypeOf<Secrets>().toExtend<StytchSessionOptions['secrets']>();
    expectTypeOf<MemoryKeeper>().toExtend<StytchServices['secrets']>();
    expectTypeOf<MemoryKeeper>().toExtend<StytchSessionOptions['secrets']>();
  });
});

describe('SettingsProjectMemory', () => {
  it('remembers, recalls and forgets the project in the settings, never touching other fields', async () => {
    let settings: Settings = { ...DEFAULT_SETTINGS, clipboardClearMs: 30_000 };
    const memory = new SettingsProjectMemory({
      get: () => Promise.resolve(settings),
      mutate: (change) => Promise.resolve((settings = change(settings))),
    });
    expect(await memory.recall()).toBeNull();
    await memory.remember('project-live-1', 'live');
    expect(await memory.recall()).toEqual({ projectId: 'project-live-1', environment: 'live' });
    await memory.forget('project-live-other');
    expect(settings.projectId).toBe('project-live-1');
    await memory.forget('project-live-1');
    expect(await memory.recall()).toBeNull();
    expect(settings.clipboardClearMs).toBe(30_000);
  });
});

describe('composeServices', () => {
  it('remembers a connected project in the settings, so a restart reconnects from the keychain', async () => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'stytch-wiring-'));
    const secretStore = new MemorySecretStore();
    const compose = () =>
      composeServices({
        app: { name: 'SCIM Setup Assistant', version: '0.0.0-test', platform: process.platform },
        logger: createLogger(() => undefined),
        fetch,
        openExternal: () => Promise.resolve(),
        userDataDir,
        secretStore,
        clipboardPort: new FakeClipboard(),
      });
    const first = compose();
    const sandbox = await first.sandbox.ensureStarted();
    try {
      await first.stytch.connect({
        projectId: sandbox.projectId,
        secret: sandbox.secret,
        baseUrl: sandbox.apiBaseUrl,
      });
      expect(await first.settings.get()).toMatchObject({
        projectId: sandbox.projectId,
        environment: 'test',
      });
      const second = compose();
      expect(await second.stytch.status()).toMatchObject({
        connected: true,
        projectId: sandbox.projectId,
        mode: 'real',
      });
    } finally {
      await first.sandbox.stop();
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
});
