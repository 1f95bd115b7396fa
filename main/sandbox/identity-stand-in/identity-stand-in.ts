import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INetworkModule } from '@azure/msal-node';

import { SANDBOX_TENANT_NAME } from '../graph-stand-in/tenant';
import { newRunKey, pathAfterKey, refusedHost } from '../loopback-only';
import {
  authorizePage,
  errorPage,
  readAuthorizeRequest,
  type AuthorizeRequest,
  type HtmlAnswer,
} from './authorize-page';
import { loopbackNetworkClient } from './network-client';
import {
  clientInfo,
  consentRequiredReply,
  CONTOSO_TENANT,
  DEFAULT_USER,
  errorEnvelope,
  FABRIKAM_TENANT,
  idToken,
  opaqueToken,
  signedInAs,
  type StandInTenant,
  type StandInUser,
  type TokenErrorReply,
} from './tokens';

/**
 * A loopback stand-in for Microsoft's identity platform (login.microsoftonline.com), enough for
 * MSAL's real public-client flow: the authorize page a browser shows (authorize-page.ts), the
 * token endpoint (authorization code with PKCE, refresh token), in Microsoft's documented reply
 * shapes. Tests may skip the page: their "browser" issues codes with {@link issueCode}.
 *
 * It serves the app only: under a random per-run path segment ({@link baseUrl}) that the app gets
 * in-process (MSAL's network client) and in the page address it opens, and for loopback Host
 * names only; anything else is not found. Without that, any local user or rebinding web page
 * could open the page, take a code and redeem it for an admin's token.
 */

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const MICROSOFT_LOGIN = 'https://login.microsoftonline.com';
const AUTHORIZE_PATH = /^\/[^/]+\/oauth2\/v2\.0\/authorize$/;
const TOKEN_PATH = /^\/[^/]+\/oauth2\/v2\.0\/token$/;
const OPENID_PATH = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/;
/** Entra's authorization codes are short-lived (about 10 minutes). */
const CODE_LIFETIME_MS = 10 * 60_000;

/** What a code or refresh token stands for. */
interface Grant {
  clientId: string;
  scope: string[];
  user: StandInUser;
  nonce: string | null;
  /** The authority's tenant the code was issued at (an ID, a domain, or `organizations`). */
  tenant: string;
}

/** What a code is issued for: the authorize request's client, scopes, nonce, PKCE and redirect. */
export interface CodeRequest {
  clientId: string;
  scope: string[];
  nonce: string | null;
  challenge: string;
  redirectUri: string;
  /**
   * The tenant of the authority the code was issued at (the authorize URL's first path segment);
   * default: the user's own tenant. The token's `tid` follows it (tokens.ts, signedInAs).
   */
  tenant?: string;
}

interface PendingCode extends Grant, Omit<CodeRequest, 'tenant'> {
  expiresAtMs: number;
  /** Issued by the page: choosing an account there is consenting to the scopes shown. */
  consents: boolean;
}

/** What an access token the stand-in issued stands for (for the Graph stand-in to check). */
export interface AccessGrant {
  scope: string[];
  user: StandInUser;
}

/** How to start the identity stand-in. */
export interface IdentityStandInOptions {
  /** The accounts the authorize page offers (default: {@link DEFAULT_USER}). */
  accounts?: readonly StandInUser[];
  /** Shown as "Sign in to <tenantName>". */
  tenantName?: string;
  /** The tenants the stand-in knows by ID and domain (default Contoso and Fabrikam). */
  tenants?: readonly StandInTenant[];
  now?: () => Date;
}

/** One token request the stand-in answered, for tests to assert on. */
export interface TokenRequestSeen {
  grantType: string;
  scope: string[];
  /** 'tokens', or the OAuth error code answered. */
  outcome: string;
}

function resourceScopes(scope: string | null): string[] {
  return (scope ?? '').split(' ').filter((item) => item !== '' && !OIDC_SCOPES.has(item));
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function tenantNotFound(tenant: string): string {
  return `AADSTS90002: Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** The running stand-in: its server, what it issued, and the knobs tests turn. */
export class IdentityStandIn {
  /** Every token issued, so tests can search files, logs and errors for them. */
  readonly issued = {
    accessTokens: [] as string[],
    refreshTokens: [] as string[],
    idTokens: [] as string[],
  };
  readonly tokenRequests: TokenRequestSeen[] = [];
  /** Requests to paths the stand-in does not serve (MSAL should make none). */
  readonly unknownRequests: string[] = [];
  /** `expires_in` of the next access tokens; under MSAL's 5-minute margin, every silent call renews. */
  expiresIn = 3600;
  /** Scopes the tenant has consented to; null: all. A refresh asking for more gets AADSTS65001. */
  consented: Set<string> | null = null;
  /** Who {@link issueCode} signs in. */
  user: StandInUser;
  readonly accounts: readonly StandInUser[];

  private readonly codes = new Map<string, PendingCode>();
  private readonly refreshTokens = new Map<string, Grant>();
  private readonly accessGrants = new Map<string, AccessGrant & { expiresAtMs: number }>();
  private readonly queuedErrors: TokenErrorReply[] = [];
  private readonly tenantName: string;
  private readonly tenants: readonly StandInTenant[];
  private readonly now: () => Date;
  private readonly key = newRunKey();

  private constructor(
    private readonly server: Server,
    options: IdentityStandInOptions,
  ) {
    this.accounts = options.accounts ?? [DEFAULT_USER];
    this.user = this.accounts[0] ?? DEFAULT_USER;
    this.tenantName = options.tenantName ?? SANDBOX_TENANT_NAME;
    this.tenants = options.tenants ?? [CONTOSO_TENANT, FABRIKAM_TENANT];
    this.now = options.now ?? (() => new Date());
  }

  static async start(options: IdentityStandInOptions = {}): Promise<IdentityStandIn> {
    const server = createServer();
    const standIn = new IdentityStandIn(server, options);
    server.on('request', (request, response) => {
      if (refusedHost(request, response)) return;
      standIn
        .handle(request, response)
        .catch(() => sendJson(response, 500, { error: 'server_error' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The origin and the per-run path segment: where login.microsoftonline.com's paths go. */
  get baseUrl(): string {
    return `${this.origin}/${this.key}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next token request is answered with this error (400, Microsoft's envelope). */
  failNextToken(reply: TokenErrorReply): void {
    this.queuedErrors.push(reply);
  }

  /** Records a code the "user" just approved (the tests' browser calls it). */
  issueCode(request: CodeRequest, user: StandInUser = this.user, consents = false): string {
    const value = opaqueToken('code');
    const expiresAtMs = this.now().getTime() + CODE_LIFETIME_MS;
    const tenant = request.tenant ?? user.tid;
    this.codes.set(value, { ...request, tenant, user, expiresAtMs, consents });
    return value;
  }

  /** What an access token grants, or null when the stand-in did not issue it or it expired. */
  verifyAccessToken(token: string): AccessGrant | null {
    const grant = this.accessGrants.get(token);
    if (grant === undefined || grant.expiresAtMs <= this.now().getTime()) return null;
    return { scope: [...grant.scope], user: grant.user };
  }

  /**
   * The stand-in's authorize page for the authorize URL MSAL built (what the app's "system
   * browser" opens in sandbox mode): same path and query, under the stand-in's {@link baseUrl}.
   */
  browserUrl(authorizeUrl: string): string {
    if (!authorizeUrl.startsWith(`${MICROSOFT_LOGIN}/`))
      throw new Error('Not a Microsoft sign-in address.');
    return `${this.baseUrl}${authorizeUrl.slice(MICROSOFT_LOGIN.length)}`;
  }

  /** MSAL's documented `system.networkClient`, sending login.microsoftonline.com to this server. */
  networkClient(): INetworkModule {
    return loopbackNetworkClient(MICROSOFT_LOGIN, this.baseUrl);
  }

  /** A known tenant by ID or domain; `organizations`/`common` are every tenant's. */
  private knowsTenant(tenant: string): boolean {
    const path = tenant.toLowerCase();
    return (
      path === 'organizations' ||
      path === 'common' ||
      this.tenants.some((item) => item.id === path || item.domain === path)
    );
  }

  private authorize(tenant: string, query: URLSearchParams): HtmlAnswer {
    if (!this.knowsTenant(tenant)) return errorPage(tenantNotFound(tenant));
    const read = readAuthorizeRequest(query);
    if (!read.ok) return errorPage(read.reason);
    const request: AuthorizeRequest = read.request;
    // Only the accounts of the authority's tenant (members and guests), as Entra's page allows.
    const accounts = this.accounts.filter(
      (user) => signedInAs(user, tenant, this.tenants) !== null,
    );
    // One code per account, so each button is a plain form: the page needs no script.
    const choices = accounts.map((user) => ({
      user,
      code: this.issueCode({ ...request, tenant }, user, true),
    }));
    return authorizePage(this.tenantName, request, choices);
  }

  /** The tenant's OpenID Connect metadata: what the app resolves a tenant domain to an ID with. */
  private openIdConfiguration(tenant: string): { status: number; body: unknown } {
    const path = tenant.toLowerCase();
    const known = this.tenants.find((item) => item.id === path || item.domain === path);
    if (known === undefined) {
      return {
        status: 400,
        body: errorEnvelope(
          {
            error: 'invalid_tenant',
            error_description: tenantNotFound(tenant),
            error_codes: [90002],
          },
          '',
        ),
      };
    }
    const base = `${MICROSOFT_LOGIN}/${known.id}`;
    return {
      status: 200,
      body: {
        issuer: `${base}/v2.0`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
      },
    };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const path = pathAfterKey(url.pathname, this.key);
    if (path === null) {
      sendJson(response, 404, { error: 'not_found' });
      return;
    }
    const openId = OPENID_PATH.exec(path);
    if (request.method === 'GET' && openId !== null) {
      const answer = this.openIdConfiguration(decodeURIComponent(openId[1] ?? ''));
      sendJson(response, answer.status, answer.body);
      return;
    }
    if (request.method === 'GET' && AUTHORIZE_PATH.test(path)) {
      const page = this.authorize(decodeURIComponent(path.split('/')[1] ?? ''), url.searchParams);
      response.writeHead(page.status, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': page.csp,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
      });
      response.end(page.html);
      return;
    }
    if (request.method !== 'POST' || !TOKEN_PATH.test(path)) {
      this.unknownRequests.push(`${request.method ?? '?'} ${path}`);
      sendJson(response, 404, { error: 'not_found' });
      return;
    }
    const form = await formOf(request);
    const grantType = form.get('grant_type') ?? '';
    const scope = resourceScopes(form.get('scope'));
    const outcome = this.answer(grantType, form, scope);
    this.tokenRequests.push({
      grantType,
      scope,
      outcome: 'error' in outcome ? outcome.error : 'tokens',
    });
    if ('error' in outcome) {
      sendJson(response, 400, errorEnvelope(outcome, form.get('client-request-id') ?? ''));
      return;
    }
    sendJson(response, 200, this.tokens(outcome, scope));
  }

  private answer(
    grantType: string,
    form: URLSearchParams,
    scope: string[],
  ): Grant | TokenErrorReply {
    const queued = this.queuedErrors.shift();
    if (queued) return queued;
    const grant =
      grantType === 'authorization_code'
        ? this.redeemCode(form)
        : grantType === 'refresh_token'
          ? this.redeemRefresh(form)
          : null;
    if (grant === null)
      return {
        error: 'invalid_grant',
        error_description: 'AADSTS70000: The provided grant is invalid or expired.',
        error_codes: [70000],
      };
    if (signedInAs(grant.user, grant.tenant, this.tenants) === null)
      return {
        error: 'invalid_grant',
        error_description: `AADSTS50020: User account '${grant.user.username}' from identity provider does not exist in tenant '${grant.tenant}' and cannot access the application.`,
        error_codes: [50020],
      };
    const missing = scope.filter((item) => this.consented !== null && !this.consented.has(item));
    if (missing.length > 0) return consentRequiredReply(missing.join(' '));
    return { ...grant, scope };
  }

  /**
   * A code is redeemed whatever tenant's token endpoint it is sent to: whether Entra refuses a
   * code issued at another tenant's authority is [unconfirmed], so the stand-in plays the worst
   * case and the app's own `tid` check is what stops such a sign-in.
   */
  private redeemCode(form: URLSearchParams): Grant | null {
    const code = this.codes.get(form.get('code') ?? '');
    this.codes.delete(form.get('code') ?? '');
    if (!code) return null;
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (
      challenge !== code.challenge ||
      form.get('redirect_uri') !== code.redirectUri ||
      form.get('client_id') !== code.clientId ||
      code.expiresAtMs <= this.now().getTime()
    )
      return null;
    // A page shows one code per account; the one chosen makes the others useless.
    for (const [value, other] of this.codes)
      if (other.challenge === code.challenge) this.codes.delete(value);
    if (code.consents && this.consented !== null)
      for (const item of resourceScopes(code.scope.join(' '))) this.consented.add(item);
    return code;
  }

  private redeemRefresh(form: URLSearchParams): Grant | null {
    const token = form.get('refresh_token') ?? '';
    const grant = this.refreshTokens.get(token);
    // Each use returns a new refresh token, but the old one stays valid: "The Microsoft identity
    // platform doesn't revoke old refresh tokens when used to fetch new access tokens"
    // (learn.microsoft.com, entra/identity-platform/refresh-tokens, "Token lifetime"). MSAL may
    // renew for two scopes at once with the same one; a stand-in stricter than Entra would fail it.
    return grant && grant.clientId === form.get('client_id') ? grant : null;
  }

  private tokens(grant: Grant, scope: string[]): Record<string, unknown> {
    const accessToken = opaqueToken('at');
    const refreshToken = opaqueToken('rt');
    const as = signedInAs(grant.user, grant.tenant, this.tenants) ?? grant.user;
    const id = idToken(grant.user, grant.clientId, grant.nonce, as);
    this.refreshTokens.set(refreshToken, { ...grant, scope });
    this.accessGrants.set(accessToken, {
      scope,
      user: grant.user,
      expiresAtMs: this.now().getTime() + this.expiresIn * 1000,
    });
    this.issued.accessTokens.push(accessToken);
    this.issued.refreshTokens.push(refreshToken);
    this.issued.idTokens.push(id);
    return {
      token_type: 'Bearer',
      scope: scope.join(' '),
      expires_in: this.expiresIn,
      ext_expires_in: this.expiresIn,
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: id,
      client_info: clientInfo(grant.user),
    };
  }
}
