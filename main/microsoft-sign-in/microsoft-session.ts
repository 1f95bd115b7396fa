import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { INetworkModule } from '@azure/msal-node';

import type { MicrosoftStatus } from '../../shared/entra/entra-views';
import { AppFailure } from '../../shared/errors';
import type { GraphActionName } from '../../shared/entra/graph-permissions';
import { GRAPH_BASE_URL } from '../graph/create-graph-client';
import type { FetchLike } from '../http/create-http-client';
import type { Logger } from '../logging/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { ExternalOpener } from '../security/open-external';
import type { SettingsStore } from '../settings/settings-store';
import { MicrosoftSignIn, type MicrosoftSignInStatus } from './microsoft-sign-in';
import { openLoopbackSignInPage, openMicrosoftSignInPage } from './sign-in-page';

/**
 * What sandbox mode's Microsoft stand-ins offer the sign-in (main/sandbox/sandbox-microsoft.ts's
 * `SandboxMicrosoft` extends it). An interface so this folder does not depend on the sandbox.
 */
export interface SandboxMicrosoftLink {
  clientId: string;
  /** The stand-in's tenant: sandbox sign-in goes to its authority and is held to it. */
  tenantId: string;
  /** Its name, shown as the signed-in tenant. */
  tenantName: string;
  /** MSAL's documented network hook, sending login.microsoftonline.com to the stand-in. */
  networkClient: INetworkModule;
  /** The loopback page that plays Microsoft's sign-in for an authorize URL. */
  browserUrl(authorizeUrl: string): string;
  graphBaseUrl: string;
}

/** What the session is built from (by the composition root). */
export interface MicrosoftSessionOptions {
  /** The app's data folder; the sandbox's cache goes in its `sandbox` subfolder. */
  dir: string;
  keychain: SecretStore;
  settings: Pick<SettingsStore, 'get'>;
  logger: Logger;
  /** The host's opener (raw shell.openExternal in the app): guarded in sign-in-page.ts. */
  openExternal: ExternalOpener;
  /** What MSAL's HTTP goes through: Electron's net.fetch in the app, Node's fetch in tests and CLI. */
  fetch?: FetchLike;
  /** True while the Stytch session is connected to the sandbox. */
  sandboxMode: () => boolean;
  /** The running sandbox's Microsoft stand-ins. */
  sandboxMicrosoft: () => Promise<SandboxMicrosoftLink>;
}

/**
 * The signed-in account as Graph callers need it: which tenant, which person, and which Graph.
 * Keep one from before a write and compare it with {@link sameTarget} to a fresh one right
 * before the write, to know the admin and tenant are still the ones the work began with.
 */
export interface MicrosoftTarget {
  sandbox: boolean;
  /** The tenant's ID (the ID token's `tid`; the configured tenant, as every sign-in is held to it). */
  tenantId: string;
  /** The tenant by name: the domain (or ID) the admin gave, or the sandbox's name. */
  tenant: string;
  /** MSAL's home account id: the same person, whichever tenant they signed in to. */
  homeAccountId: string;
  username: string;
  graphBaseUrl: string;
}

/** True when two targets are the same place, tenant and person (`now` null: nobody signed in). */
export function sameTarget(before: MicrosoftTarget, now: MicrosoftTarget | null): boolean {
  return (
    now !== null &&
    now.sandbox === before.sandbox &&
    now.tenantId === before.tenantId &&
    now.homeAccountId === before.homeAccountId &&
    now.graphBaseUrl === before.graphBaseUrl
  );
}

/** The sandbox sign-in's folder, under the app's data folder. */
export const SANDBOX_SIGN_IN_DIR = 'sandbox';
/** Its cache file: another name, so its keychain key is another entry too. */
export const SANDBOX_TOKEN_CACHE_FILE_NAME = 'sandbox-microsoft-token-cache.json';

/**
 * Picks where Microsoft sign-in goes: Microsoft itself (the client ID from the settings, the
 * system browser on Microsoft's page), or, while the app is connected to the sandbox, the
 * sandbox's identity and Graph stand-ins with their own client ID and their own cache file, so a
 * sandbox sign-in never touches the real one. Tokens stay in main ({@link accessToken}).
 */
export class MicrosoftSession {
  private readonly real: MicrosoftSignIn;
  private sandbox: { link: SandboxMicrosoftLink; signIn: Promise<MicrosoftSignIn> } | null = null;
  private readonly changeListeners = new Set<() => void>();
  /** The sign-in whose silent renewal failed last, until it gives a token again ({@link accessToken}). */
  private renewalLost: MicrosoftSignIn | null = null;

  constructor(private readonly options: MicrosoftSessionOptions) {
    this.real = new MicrosoftSignIn({
      dir: options.dir,
      keychain: options.keychain,
      settings: options.settings,
      logger: options.logger,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      openBrowser: (url) => openMicrosoftSignInPage(url, options.openExternal),
      onRegistrationChanged: () => this.accountChanged(),
    });
  }

  /** Who is signed in where; never a token. */
  async status(): Promise<MicrosoftStatus> {
    const sandbox = this.options.sandboxMode();
    const signIn = await this.current();
    const view = toView(await signIn.status(), sandbox);
    // Said where the account is shown, so "signed in" is not all the admin reads after a loss.
    if (view.account !== null && this.renewalLost === signIn) view.account.renewalLost = true;
    return view;
  }

  /**
   * Signs in interactively for an action's scopes (shared/entra/graph-permissions.ts). While
   * someone is signed in, the new sign-in is for them (`login_hint`) and is refused as anyone
   * else: signing in as another person starts with signing out.
   */
  async signIn(action: GraphActionName): Promise<MicrosoftStatus> {
    const sandbox = this.options.sandboxMode();
    const signIn = await this.current();
    const now = await signIn.status().catch(() => null);
    const hints = now?.signedIn ? { loginHint: now.username } : {};
    const account = await signIn.signIn(action, hints);
    this.accountChanged();
    return toView(account, sandbox);
  }

  /** Cancels the sign-in in flight, in either place. */
  async cancelSignIn(): Promise<boolean> {
    const sandbox =
      this.sandbox === null ? false : await (await this.sandbox.signIn).cancelSignIn();
    return (await this.real.cancelSignIn()) || sandbox;
  }

  /** Signs out of the current place (real or sandbox) only. */
  async signOut(): Promise<MicrosoftStatus> {
    await (await this.current()).signOut();
    this.accountChanged();
    return this.status();
  }

  /**
   * Calls `listener` after each sign-in or sign-out that went through, and when the sign-in on
   * record is found lost ({@link accessToken}), so what was read for the account before (the
   * overview's Entra jobs) is read again for the one now. Answers a function that stops the calls.
   */
  onSignInChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Another account, or none, from now on: a loss found for the one before no longer holds. */
  private accountChanged(): void {
    this.renewalLost = null;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.changeListeners) {
      try {
        listener();
      } catch (error) {
        // The sign-in went through; a listener's trouble is its own, never the admin's sign-in.
        this.options.logger.warn('microsoft.sign-in-change-listener-failed', { error });
      }
    }
  }

  /**
   * A Graph token, for main's Graph client only. The first time the sign-in on record can no
   * longer be renewed silently (MICROSOFT_NOT_SIGNED_IN while an account is still cached: a
   * refresh token revoked or expired), the listeners hear of it as of a sign-out, so what was
   * read for the account (the overview's Entra jobs) is read again and says to sign in. Once per
   * loss: the reading that follows fails the same way and must not start another.
   */
  async accessToken(action: GraphActionName): Promise<string> {
    const signIn = await this.current();
    try {
      const token = await signIn.accessToken(action);
      if (this.renewalLost === signIn) this.renewalLost = null;
      return token;
    } catch (error) {
      if (
        error instanceof AppFailure &&
        error.appError.code === 'MICROSOFT_NOT_SIGNED_IN' &&
        this.renewalLost !== signIn &&
        (await signIn.status().catch(() => null))?.signedIn === true
      ) {
        this.renewalLost = signIn;
        this.changed();
      }
      throw error;
    }
  }

  /** Graph's v1.0 base URL, or the sandbox's Graph stand-in. */
  async graphBaseUrl(): Promise<string> {
    return this.options.sandboxMode()
      ? (await this.options.sandboxMicrosoft()).graphBaseUrl
      : GRAPH_BASE_URL;
  }

  /** Who is signed in, to which tenant, and which Graph; null when nobody is signed in. */
  async target(): Promise<MicrosoftTarget | null> {
    const sandbox = this.options.sandboxMode();
    const status = await (await this.current()).status();
    if (!status.signedIn) return null;
    const { tenantId, tenant, homeAccountId, username } = status;
    const graphBaseUrl = await this.graphBaseUrl();
    return { sandbox, tenantId, tenant, homeAccountId, username, graphBaseUrl };
  }

  private async current(): Promise<MicrosoftSignIn> {
    if (!this.options.sandboxMode()) return this.real;
    const link = await this.options.sandboxMicrosoft();
    if (this.sandbox?.link !== link) this.sandbox = { link, signIn: this.sandboxSignIn(link) };
    return this.sandbox.signIn;
  }

  /**
   * A sign-in for one sandbox run. The stand-ins' tokens die with them, so an account cached by
   * an earlier run is forgotten rather than shown as signed in.
   */
  private async sandboxSignIn(link: SandboxMicrosoftLink): Promise<MicrosoftSignIn> {
    const { options } = this;
    const dir = join(options.dir, SANDBOX_SIGN_IN_DIR);
    await mkdir(dir, { recursive: true });
    const signIn = new MicrosoftSignIn({
      dir,
      cacheFileName: SANDBOX_TOKEN_CACHE_FILE_NAME,
      keychain: options.keychain,
      settings: {
        get: async () => ({
          ...(await options.settings.get()),
          microsoftClientId: link.clientId,
          microsoftTenant: link.tenantId,
        }),
      },
      tenantName: link.tenantName,
      logger: options.logger,
      networkClient: link.networkClient,
      openBrowser: (url) => openLoopbackSignInPage(link.browserUrl(url), options.openExternal),
    });
    await signIn.signOut().catch((error: unknown) => {
      options.logger.warn('microsoft.sandbox-cache-reset-failed', { error });
    });
    return signIn;
  }
}

function toView(status: MicrosoftSignInStatus, sandbox: boolean): MicrosoftStatus {
  if (!status.signedIn)
    return { sandbox, clientIdConfigured: sandbox || status.clientIdConfigured, account: null };
  const { username, name, tenantId, tenant } = status;
  return { sandbox, clientIdConfigured: true, account: { username, name, tenantId, tenant } };
}
