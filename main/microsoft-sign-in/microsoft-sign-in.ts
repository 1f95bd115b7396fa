import { join } from 'node:path';

import {
  LogLevel,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type INetworkModule,
} from '@azure/msal-node';

import { appFailure } from '../../shared/errors';
import type { Logger } from '../logging/logger';
import { registerSecret } from '../logging/redact';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { EncryptedCacheFile } from './encrypted-cache-file';
import {
  GRAPH_RESOURCE,
  needFor,
  type GraphAction,
  type ScopeRequest,
} from '../../shared/entra/graph-permissions';
import { PendingSignIn } from './pending-sign-in';
import { clientIdMissing, notSignedIn, scopesNotInTable, toSignInFailure } from './sign-in-errors';
import { encryptedCachePlugin } from './token-cache-plugin';

/** Any work or school tenant (`common` would add personal Microsoft accounts, which have no Entra). */
export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com/organizations';

/** The encrypted token cache, in the app's data folder. */
export const TOKEN_CACHE_FILE_NAME = 'microsoft-token-cache.json';

/** Who is signed in, for the UI. Never a token. */
export type MicrosoftSignInStatus =
  | { signedIn: false; clientIdConfigured: boolean }
  | { signedIn: true; username: string; name: string | null; tenantId: string };

/** The signed-in variant of {@link MicrosoftSignInStatus}. */
export type MicrosoftAccount = Extract<MicrosoftSignInStatus, { signedIn: true }>;

/** What the service is built from (by the composition root, or a test). */
export interface MicrosoftSignInOptions {
  /** The app's data folder (Electron's userData); the encrypted cache file goes here. */
  dir: string;
  /** The OS keychain, holding the cache file's key. */
  keychain: SecretStore;
  /** Where the client ID (`microsoftClientId`) is read from, at each call. */
  settings: Pick<SettingsStore, 'get'>;
  logger: Logger;
  /** Opens the system browser (shell.openExternal in the app; the stand-in's "user" in tests). */
  openBrowser: (url: string) => Promise<void>;
  authority?: string;
  /** MSAL's documented `system.networkClient`; tests point it at the identity stand-in. */
  networkClient?: INetworkModule;
  /**
   * The cache file's name in `dir` (default {@link TOKEN_CACHE_FILE_NAME}); it also names the
   * file's key in the keychain, so a second sign-in (the sandbox's) never shares either.
   */
  cacheFileName?: string;
  now?: () => Date;
}

const SIGNED_IN_PAGE =
  '<!doctype html><title>Signed in</title><p>You are signed in. Return to SCIM Setup Assistant; you can close this tab.</p>';
const FAILED_PAGE =
  '<!doctype html><title>Sign-in not finished</title><p>The sign-in did not finish. Return to SCIM Setup Assistant to see why.</p>';

/**
 * Signing in to Microsoft Graph with the admin's own delegated permissions, through MSAL (it does
 * the protocol: system browser, loopback redirect, PKCE, refresh). Each action asks only for its
 * own scopes (shared/entra/graph-permissions.ts). Tokens stay in main: the UI gets {@link status}; main-side Graph
 * callers get {@link accessToken}.
 */
export class MicrosoftSignIn {
  private app: { clientId: string; pca: PublicClientApplication } | null = null;
  private pending: { sign: PendingSignIn; finished: Promise<unknown> } | null = null;
  private readonly cacheFile: EncryptedCacheFile;

  constructor(private readonly options: MicrosoftSignInOptions) {
    this.cacheFile = new EncryptedCacheFile({
      path: join(options.dir, options.cacheFileName ?? TOKEN_CACHE_FILE_NAME),
      keychain: options.keychain,
      logger: options.logger,
      ...(options.now ? { now: options.now } : {}),
    });
  }

  /**
   * Signs in interactively in the system browser for `action`'s scopes (the admin picks the
   * account). A sign-in already in flight is cancelled first. Keeps only the new account.
   */
  async signIn(action: ScopeRequest): Promise<MicrosoftAccount> {
    const need = needOf(action);
    const pca = await this.client();
    await this.cancelSignIn();
    const sign = new PendingSignIn();
    const run = this.interactive(pca, sign, need);
    const current = { sign, finished: run.catch(() => undefined) };
    this.pending = current;
    try {
      const result = await run;
      noteTokens(result);
      await this.keepOnly(pca, result.account);
      const account = accountOf(result.account);
      this.options.logger.info('microsoft.sign-in.done', {
        tenantId: account.tenantId,
        permissions: need.permissions,
      });
      return account;
    } catch (error) {
      const failure = toSignInFailure(error, 'interactive', need);
      this.options.logger.warn('microsoft.sign-in.failed', {
        code: failure.appError.code,
        permissions: need.permissions,
      });
      throw failure;
    } finally {
      if (this.pending === current) this.pending = null;
    }
  }

  /** Cancels the interactive sign-in in flight; false when there was none. */
  async cancelSignIn(): Promise<boolean> {
    const pending = this.pending;
    if (pending === null) return false;
    await pending.sign.cancel();
    await pending.finished;
    return true;
  }

  /** Who is signed in. Throws MICROSOFT_CACHE_UNREADABLE (once) when the saved sign-in is damaged. */
  async status(): Promise<MicrosoftSignInStatus> {
    const { microsoftClientId } = await this.options.settings.get();
    if (microsoftClientId === null) return { signedIn: false, clientIdConfigured: false };
    const account = await this.account(await this.client());
    return account === null ? { signedIn: false, clientIdConfigured: true } : accountOf(account);
  }

  /**
   * An access token for an action's scopes (or Graph scopes from the table), for main-side Graph
   * calls only: from the cache, or renewed with the refresh token. Never opens a browser: when
   * Microsoft wants the admin back, it throws MICROSOFT_NOT_SIGNED_IN (or
   * MICROSOFT_CONSENT_REQUIRED) for the UI to offer sign-in.
   */
  async accessToken(request: ScopeRequest): Promise<string> {
    const need = needOf(request);
    const pca = await this.client();
    const account = await this.account(pca);
    if (account === null) throw notSignedIn();
    try {
      const result = await pca.acquireTokenSilent({ account, scopes: scopesOf(need) });
      noteTokens(result);
      return result.accessToken;
    } catch (error) {
      const failure = toSignInFailure(error, 'silent', need);
      this.options.logger.warn('microsoft.token.failed', {
        code: failure.appError.code,
        permissions: need.permissions,
      });
      throw failure;
    }
  }

  /**
   * Forgets the signed-in account and its tokens: MSAL's memory, then the cache file and its key
   * in the keychain, so a copy of the file from before cannot sign the app in again (the next
   * sign-in makes a new key).
   */
  async signOut(): Promise<void> {
    await this.cancelSignIn();
    try {
      const cache = (await this.client()).getTokenCache();
      for (const account of await cache.getAllAccounts()) await cache.removeAccount(account);
    } catch (error) {
      // An unreadable cache or a missing client ID must not keep the file and key alive.
      this.options.logger.warn('microsoft.sign-out.cache-not-read', { error });
    } finally {
      await this.cacheFile.clear();
    }
    this.options.logger.info('microsoft.sign-out.done');
  }

  private interactive(
    pca: PublicClientApplication,
    sign: PendingSignIn,
    need: GraphAction,
  ): Promise<AuthenticationResult> {
    return pca.acquireTokenInteractive({
      scopes: scopesOf(need),
      prompt: 'select_account',
      successTemplate: SIGNED_IN_PAGE,
      errorTemplate: FAILED_PAGE,
      openBrowser: async (url) => {
        sign.noteAuthorizeUrl(url);
        // Cancelled while MSAL was starting its listener: answer it instead of opening a tab.
        if (sign.isCancelled) return sign.answerDeclined();
        try {
          await this.options.openBrowser(url);
        } catch {
          throw appFailure(
            'MICROSOFT_SIGN_IN_FAILED',
            'The system browser could not be opened for the Microsoft sign-in.',
            'Check that a default web browser is set, then try again.',
          );
        }
      },
    });
  }

  /** The one account the cache holds, or null. */
  private async account(pca: PublicClientApplication): Promise<AccountInfo | null> {
    const accounts = await pca.getTokenCache().getAllAccounts();
    return accounts[0] ?? null;
  }

  /** Removes every other account, so status and tokens always mean the last sign-in. */
  private async keepOnly(pca: PublicClientApplication, keep: AccountInfo | null): Promise<void> {
    const cache = pca.getTokenCache();
    for (const account of await cache.getAllAccounts()) {
      if (account.homeAccountId !== keep?.homeAccountId) await cache.removeAccount(account);
    }
  }

  /** MSAL's client for the client ID in the settings, rebuilt when the setting changes. */
  private async client(): Promise<PublicClientApplication> {
    const { microsoftClientId } = await this.options.settings.get();
    if (microsoftClientId === null) throw clientIdMissing();
    if (this.app?.clientId !== microsoftClientId) {
      this.app = {
        clientId: microsoftClientId,
        pca: new PublicClientApplication(this.config(microsoftClientId)),
      };
    }
    return this.app.pca;
  }

  private config(clientId: string): Configuration {
    const { logger, networkClient } = this.options;
    return {
      auth: { clientId, authority: this.options.authority ?? DEFAULT_AUTHORITY },
      cache: { cachePlugin: encryptedCachePlugin(this.cacheFile) },
      system: {
        // Only when given: MSAL spreads these over its defaults, so an undefined would win.
        ...(networkClient ? { networkClient } : {}),
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          loggerCallback: (level, message) => {
            if (level === LogLevel.Error) logger.error('microsoft.msal', { message });
            else logger.warn('microsoft.msal', { message });
          },
        },
      },
    };
  }
}

function needOf(request: ScopeRequest): GraphAction {
  const need = needFor(request);
  if (need === null) throw scopesNotInTable();
  return need;
}

function scopesOf(need: GraphAction): string[] {
  return need.permissions.map((permission) => `${GRAPH_RESOURCE}/${permission}`);
}

/** Registers a result's tokens for redaction before anything could log them. */
function noteTokens(result: AuthenticationResult): void {
  registerSecret(result.accessToken);
  if (result.idToken) registerSecret(result.idToken);
}

function accountOf(account: AccountInfo | null): MicrosoftAccount {
  if (account === null) throw notSignedIn();
  return {
    signedIn: true,
    username: account.username,
    name: account.name ?? null,
    tenantId: account.tenantId,
  };
}
