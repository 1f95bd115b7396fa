import { join } from 'node:path';

import {
  CryptoProvider,
  LogLevel,
  PublicClientApplication,
  ResponseMode,
  ServerError,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type INetworkModule,
} from '@azure/msal-node';

import { appFailure, type AppFailure } from '../../shared/errors';
import type { FetchLike } from '../http/create-http-client';
import type { Logger } from '../logging/logger';
import { registerSecret } from '../logging/redact';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { EncryptedCacheFile } from './encrypted-cache-file';
import { fetchNetworkClient } from './fetch-network-client';
import {
  needFor,
  scopesOf,
  type GraphAction,
  type GraphActionName,
} from '../../shared/entra/graph-permissions';
import { LoopbackListener } from './loopback-listener';
import { PendingSignIn } from './pending-sign-in';
import {
  clientIdMissing,
  notSignedIn,
  scopesNotInTable,
  toSignInFailure,
  wrongAccount,
  wrongTenant,
} from './sign-in-errors';
import { authorityFor, isTenantId, resolveTenantId } from './tenant';
import { encryptedCachePlugin } from './token-cache-plugin';

/** The encrypted token cache, in the app's data folder. */
export const TOKEN_CACHE_FILE_NAME = 'microsoft-token-cache.json';

/** Who is signed in, for the UI. Never a token. */
export type MicrosoftSignInStatus =
  | { signedIn: false; clientIdConfigured: boolean }
  | {
      signedIn: true;
      username: string;
      name: string | null;
      /** The tenant's ID, from the ID token (`tid`). */
      tenantId: string;
      /** The tenant by name: the domain (or ID) the admin gave, or the sandbox's name. */
      tenant: string;
      /** MSAL's home account id (`<oid>.<home tid>`): the same person across tenants. */
      homeAccountId: string;
    };

/** The signed-in variant of {@link MicrosoftSignInStatus}. */
export type MicrosoftAccount = Extract<MicrosoftSignInStatus, { signedIn: true }>;

/** What an interactive sign-in may be held to, besides the tenant. */
export interface SignInHints {
  /**
   * The account to sign in as (`login_hint`); the sign-in is refused unless the account that
   * comes back is this one. Given when the admin is already signed in and signs in again for
   * another step's permissions.
   */
  loginHint?: string;
}

/** What the service is built from (by the composition root, or a test). */
export interface MicrosoftSignInOptions {
  /** The app's data folder (Electron's userData); the encrypted cache file goes here. */
  dir: string;
  /** The OS keychain, holding the cache file's key. */
  keychain: SecretStore;
  /** Where the client ID and tenant (`microsoftClientId`, `microsoftTenant`) are read, at each call. */
  settings: Pick<SettingsStore, 'get'>;
  logger: Logger;
  /** Opens the system browser (shell.openExternal in the app; the stand-in's "user" in tests). */
  openBrowser: (url: string) => Promise<void>;
  /**
   * What MSAL's HTTP goes through, as `system.networkClient` (fetch-network-client.ts): net.fetch
   * in the app, Node's fetch by default.
   */
  fetch?: FetchLike;
  /** MSAL's documented `system.networkClient`, given whole; the sandbox points it at its stand-in. */
  networkClient?: INetworkModule;
  /** The tenant's name in the status (default: the tenant as the settings hold it). */
  tenantName?: string;
  /** How long an interactive sign-in waits for the browser (default 5 minutes). */
  signInTimeoutMs?: number;
  /**
   * The cache file's name in `dir` (default {@link TOKEN_CACHE_FILE_NAME}); it also names the
   * file's key in the keychain, so a second sign-in (the sandbox's) never shares either.
   */
  cacheFileName?: string;
  now?: () => Date;
  /**
   * Called after the cached sign-in was dropped because the client ID or the tenant in the
   * settings changed ({@link MicrosoftSignIn.client}): for the session's sign-in listeners.
   */
  onRegistrationChanged?: () => void;
}

/** The client ID and tenant the sign-in uses, both set. */
interface Registration {
  clientId: string;
  tenant: string;
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
  private app: { key: string; registration: Registration; pca: PublicClientApplication } | null =
    null;
  private pending: { sign: PendingSignIn; finished: Promise<unknown> } | null = null;
  private readonly cacheFile: EncryptedCacheFile;
  private readonly network: INetworkModule;
  /** Tenant IDs resolved from domains (tenant.ts), for this run of the app. */
  private readonly tenantIds = new Map<string, string>();

  constructor(private readonly options: MicrosoftSignInOptions) {
    this.cacheFile = new EncryptedCacheFile({
      path: join(options.dir, options.cacheFileName ?? TOKEN_CACHE_FILE_NAME),
      keychain: options.keychain,
      logger: options.logger,
      ...(options.now ? { now: options.now } : {}),
    });
    this.network = options.networkClient ?? fetchNetworkClient(options.fetch ?? fetch);
  }

  /**
   * Signs in interactively in the system browser for `action`'s scopes (the admin picks the
   * account) at the configured tenant's authority. A sign-in already in flight is cancelled
   * first. The account that comes back must be of the configured tenant (and the hinted account,
   * when there is a hint); otherwise everything is signed out and MICROSOFT_WRONG_TENANT (or
   * MICROSOFT_WRONG_ACCOUNT) says which was expected and which came. Keeps only the new account.
   */
  async signIn(action: GraphActionName, hints: SignInHints = {}): Promise<MicrosoftAccount> {
    const need = needOf(action);
    const pca = await this.client();
    // Known before any code can arrive, so the first sign-in is held to it too.
    const expectedTenantId = await this.tenantId(this.registration().tenant);
    await this.cancelSignIn();
    const sign = new PendingSignIn();
    const run = this.interactive(pca, sign, need, hints);
    const current = { sign, finished: run.catch(() => undefined) };
    this.pending = current;
    try {
      const result = await run;
      noteTokens(result);
      await this.holdTo(result, expectedTenantId, hints);
      await this.keepOnly(pca, result.account);
      const account = this.accountOf(result.account);
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
    const { microsoftClientId, microsoftTenant } = await this.options.settings.get();
    if (microsoftClientId === null || microsoftTenant === null)
      return { signedIn: false, clientIdConfigured: false };
    const account = await this.account(await this.client());
    return account === null
      ? { signedIn: false, clientIdConfigured: true }
      : this.accountOf(account);
  }

  /**
   * An access token for an action's scopes (the action a Graph operation names; its scope strings
   * are derived here, for MSAL), for main-side Graph calls only: from the cache, or renewed with the refresh token. Never opens a browser: when
   * Microsoft wants the admin back, it throws MICROSOFT_NOT_SIGNED_IN (or
   * MICROSOFT_CONSENT_REQUIRED) for the UI to offer sign-in.
   */
  async accessToken(action: GraphActionName): Promise<string> {
    const need = needOf(action);
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
    await this.forget();
    this.options.logger.info('microsoft.sign-out.done');
  }

  private async forget(): Promise<void> {
    try {
      const cache = (await this.client()).getTokenCache();
      for (const account of await cache.getAllAccounts()) await cache.removeAccount(account);
    } catch (error) {
      // An unreadable cache or a missing client ID must not keep the file and key alive.
      this.options.logger.warn('microsoft.sign-out.cache-not-read', { error });
    } finally {
      await this.cacheFile.clear();
    }
  }

  /**
   * Holds a fresh sign-in to the tenant (ID token `tid`) and, when hinted, the account; signs
   * everything out and throws when it is someone else. A code for another account can reach the
   * listener from anyone on this computer who read the authorize URL; PKCE binds the code to this
   * sign-in's verifier, not to the person the admin chose.
   */
  private async holdTo(
    result: AuthenticationResult,
    expectedTenantId: string,
    hints: SignInHints,
  ): Promise<void> {
    const claims = result.idTokenClaims as { tid?: unknown; preferred_username?: unknown };
    const tid = typeof claims.tid === 'string' ? claims.tid.toLowerCase() : '';
    const username = result.account?.username ?? '';
    let failure: AppFailure | null = null;
    if (tid !== expectedTenantId) {
      failure = wrongTenant(this.registration().tenant, expectedTenantId, tid || 'none', username);
    } else if (
      hints.loginHint !== undefined &&
      username.toLowerCase() !== hints.loginHint.toLowerCase()
    ) {
      failure = wrongAccount(hints.loginHint, username);
    }
    if (failure === null) return;
    this.options.logger.warn('microsoft.sign-in.refused', {
      code: failure.appError.code,
      expectedTenantId,
      tenantId: tid,
    });
    await this.forget();
    throw failure;
  }

  /** The tenant ID sign-ins are held to (tenant.ts): the GUID given, or the domain's, resolved once. */
  private async tenantId(tenant: string): Promise<string> {
    const known = this.tenantIds.get(tenant);
    if (known !== undefined) return known;
    const id = await resolveTenantId(tenant, this.network);
    this.tenantIds.set(tenant, id);
    return id;
  }

  /**
   * The interactive sign-in: MSAL builds the authorize URL (PKCE S256, state, nonce, form_post,
   * login and domain hints), the system browser shows Microsoft's page, this app's own loopback
   * listener (loopback-listener.ts) receives the answer, and MSAL redeems the code, checking the
   * state and the ID token's nonce.
   */
  private async interactive(
    pca: PublicClientApplication,
    sign: PendingSignIn,
    need: GraphAction,
    hints: SignInHints,
  ): Promise<AuthenticationResult> {
    const { tenant } = this.registration();
    const crypto = new CryptoProvider();
    const { verifier, challenge } = await crypto.generatePkceCodes();
    const state = crypto.createNewGuid();
    const nonce = crypto.createNewGuid();
    const listener = await LoopbackListener.start({
      state,
      successPage: SIGNED_IN_PAGE,
      failurePage: FAILED_PAGE,
      ...(this.options.signInTimeoutMs === undefined
        ? {}
        : { timeoutMs: this.options.signInTimeoutMs }),
    });
    sign.attach(listener);
    try {
      const scopes = scopesOf(need);
      const url = await pca.getAuthCodeUrl({
        scopes,
        redirectUri: listener.redirectUri,
        responseMode: ResponseMode.FORM_POST,
        codeChallenge: challenge,
        codeChallengeMethod: 'S256',
        state,
        nonce,
        // The account picker, unless the sign-in is for a given account: MSAL leaves the
        // login_hint out of the URL when the prompt is select_account.
        ...(hints.loginHint === undefined
          ? { prompt: 'select_account' }
          : { loginHint: hints.loginHint }),
        // Straight to the organization's own sign-in (and federation), when it was named by domain.
        ...(isTenantId(tenant) ? {} : { domainHint: tenant }),
      });
      if (!sign.isCancelled) await this.openBrowser(url);
      const answer = await listener.answer;
      if (answer.error !== undefined) {
        throw new ServerError(answer.error, '', answer.error_description, answer.suberror);
      }
      return await pca.acquireTokenByCode(
        {
          code: answer.code ?? '',
          codeVerifier: verifier,
          redirectUri: listener.redirectUri,
          scopes,
          state,
          nonce,
          ...(answer.client_info === undefined ? {} : { clientInfo: answer.client_info }),
        },
        {
          code: answer.code ?? '',
          state: answer.state,
          nonce,
          ...(answer.client_info === undefined ? {} : { client_info: answer.client_info }),
        },
      );
    } finally {
      await listener.close();
    }
  }

  private async openBrowser(url: string): Promise<void> {
    try {
      await this.options.openBrowser(url);
    } catch {
      throw appFailure(
        'MICROSOFT_SIGN_IN_FAILED',
        'The system browser could not be opened for the Microsoft sign-in.',
        'Check that a default web browser is set, then try again.',
      );
    }
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

  /** The registration MSAL's client was last built for (call {@link client} first). */
  private registration(): Registration {
    if (this.app === null) throw clientIdMissing();
    return this.app.registration;
  }

  /**
   * MSAL's client for the client ID and tenant in the settings, rebuilt when either changes. A
   * change while the app runs also drops the cached sign-in (file and key): it was made for the
   * other app registration or tenant, and kept it would show as signed in to the new tenant's
   * name while its tokens are the old tenant's.
   */
  private async client(): Promise<PublicClientApplication> {
    const { microsoftClientId, microsoftTenant } = await this.options.settings.get();
    if (microsoftClientId === null || microsoftTenant === null) throw clientIdMissing();
    const key = `${microsoftClientId}|${microsoftTenant}`;
    if (this.app?.key !== key) {
      const changed = this.app !== null;
      const registration = { clientId: microsoftClientId, tenant: microsoftTenant };
      this.app = {
        key,
        registration,
        pca: new PublicClientApplication(this.config(registration)),
      };
      if (changed) {
        await this.cacheFile.clear();
        this.options.logger.info('microsoft.registration-changed', {});
        this.options.onRegistrationChanged?.();
      }
    }
    return this.app.pca;
  }

  private config({ clientId, tenant }: Registration): Configuration {
    const { logger } = this.options;
    return {
      auth: { clientId, authority: authorityFor(tenant) },
      cache: { cachePlugin: encryptedCachePlugin(this.cacheFile) },
      system: {
        networkClient: this.network,
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

  private accountOf(account: AccountInfo | null): MicrosoftAccount {
    if (account === null) throw notSignedIn();
    return {
      signedIn: true,
      username: account.username,
      name: account.name ?? null,
      tenantId: account.tenantId,
      tenant: this.options.tenantName ?? this.app?.registration.tenant ?? account.tenantId,
      homeAccountId: account.homeAccountId,
    };
  }
}

function needOf(action: GraphActionName): GraphAction {
  const need = needFor(action);
  if (need === null) throw scopesNotInTable();
  return need;
}

/** Registers a result's tokens for redaction before anything could log them. */
function noteTokens(result: AuthenticationResult): void {
  registerSecret(result.accessToken, 'microsoft-sign-in');
  if (result.idToken) registerSecret(result.idToken, 'microsoft-sign-in');
}
