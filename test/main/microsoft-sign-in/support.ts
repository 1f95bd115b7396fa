import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AppFailure, type AppError } from '../../../shared/errors';
import { DEFAULT_SETTINGS } from '../../../shared/settings/settings';
import {
  MicrosoftSignIn,
  TOKEN_CACHE_FILE_NAME,
} from '../../../main/microsoft-sign-in/microsoft-sign-in';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { MemorySecretStore } from '../../support/keychain';
import { captureLogger } from '../../support/capture-logger';
import { memorySettings } from '../../support/memory-settings';
import { IdentityStandIn } from '../../../main/sandbox/identity-stand-in/identity-stand-in';
import {
  CONTOSO_TENANT,
  DEFAULT_USER,
  type StandInUser,
} from '../../../main/sandbox/identity-stand-in/tokens';
import { signInBrowser, type SignInBrowser } from '../../support/sign-in-browser';

/** The app registration's client ID the tests sign in with. */
export const CLIENT_ID = '2f1c7a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b';
/** The tenant the tests' admin names beside it: Contoso's primary domain. */
export const TENANT = CONTOSO_TENANT.domain;

/** A second Contoso admin, for the admin signing in as someone else. */
export const OTHER_ADMIN: StandInUser = {
  oid: '00000000-0000-0000-1111-222233334444',
  tid: DEFAULT_USER.tid,
  username: 'other@contoso.example',
  name: 'Other Admin',
  adminRole: DEFAULT_USER.adminRole,
};

/** A Contoso admin the admin chooses by login hint. */
export const MEGAN: StandInUser = {
  oid: '00000000-0000-0000-cccc-00000000004e',
  tid: CONTOSO_TENANT.id,
  username: 'megan@contoso.example',
  name: 'Megan Bowen',
  adminRole: 'Application Administrator',
};

/** One test's world: the stand-in, a browser playing the admin, a data folder and a keychain. */
export interface SignInWorld {
  standIn: IdentityStandIn;
  browser: SignInBrowser;
  dir: string;
  keychain: MemorySecretStore;
  settings: ReturnType<typeof memorySettings>;
  log: ReturnType<typeof captureLogger>;
  /** A new service over the same folder and keychain (a new one is an app restart). */
  service: (keychain?: SecretStore) => MicrosoftSignIn;
  cacheFile: string;
  cacheText: () => Promise<string>;
  close: () => Promise<void>;
}

export async function signInWorld(): Promise<SignInWorld> {
  // The sign-in page offers these accounts; the browser clicks the stand-in's current user.
  const standIn = await IdentityStandIn.start({ accounts: [DEFAULT_USER, OTHER_ADMIN, MEGAN] });
  const dir = await mkdtemp(join(tmpdir(), 'microsoft-sign-in-'));
  const keychain = new MemorySecretStore();
  const settings = memorySettings({
    ...DEFAULT_SETTINGS,
    microsoftClientId: CLIENT_ID,
    microsoftTenant: TENANT,
  });
  const log = captureLogger();
  const browser = signInBrowser(standIn);
  const cacheFile = join(dir, TOKEN_CACHE_FILE_NAME);
  return {
    standIn,
    browser,
    dir,
    keychain,
    settings,
    log,
    cacheFile,
    service: (otherKeychain?: SecretStore) =>
      new MicrosoftSignIn({
        dir,
        keychain: otherKeychain ?? keychain,
        settings,
        logger: log.logger,
        openBrowser: (url) => browser.open(url),
        networkClient: standIn.networkClient(),
      }),
    cacheText: () => readFile(cacheFile, 'utf8'),
    close: async () => {
      await standIn.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The AppError a promise rejected with; fails the test if it resolved or threw something else. */
export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error.appError;
    throw new Error(`expected an AppFailure, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a failure, but it succeeded');
}
