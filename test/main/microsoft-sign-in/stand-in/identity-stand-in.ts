import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

import {
  clientInfo,
  consentRequiredReply,
  DEFAULT_USER,
  errorEnvelope,
  idToken,
  opaqueToken,
  type StandInUser,
  type TokenErrorReply,
} from './tokens';

/**
 * A loopback stand-in for Microsoft's identity platform (login.microsoftonline.com), enough for
 * MSAL's real public-client flow: the token endpoint (authorization code with PKCE, refresh
 * token), in Microsoft's documented reply shapes. The authorize step is not served here: the
 * test's "browser" (stand-in-browser.ts) plays the user and issues codes with {@link issueCode}.
 */

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const MICROSOFT_LOGIN = 'https://login.microsoftonline.com';

/** What a code or refresh token stands for. */
interface Grant {
  clientId: string;
  scope: string[];
  user: StandInUser;
  nonce: string | null;
}

interface PendingCode extends Grant {
  challenge: string;
  redirectUri: string;
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

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

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
  user: StandInUser = DEFAULT_USER;

  private readonly codes = new Map<string, PendingCode>();
  private readonly refreshTokens = new Map<string, Grant>();
  private readonly queuedErrors: TokenErrorReply[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<IdentityStandIn> {
    const server = createServer();
    const standIn = new IdentityStandIn(server);
    server.on('request', (request, response) => {
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

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next token request is answered with this error (400, Microsoft's envelope). */
  failNextToken(reply: TokenErrorReply): void {
    this.queuedErrors.push(reply);
  }

  /** Records the code the "user" just approved (stand-in-browser.ts calls it). */
  issueCode(code: Omit<PendingCode, 'user'>): string {
    const value = opaqueToken('code');
    this.codes.set(value, { ...code, user: this.user });
    return value;
  }

  /** MSAL's documented `system.networkClient`, sending login.microsoftonline.com to this server. */
  networkClient(): INetworkModule {
    const send = async <T>(
      method: 'GET' | 'POST',
      url: string,
      options?: NetworkRequestOptions,
    ): Promise<NetworkResponse<T>> => {
      if (!url.startsWith(`${MICROSOFT_LOGIN}/`))
        throw new Error(`The stand-in refuses ${new URL(url).host}.`);
      const response = await fetch(`${this.origin}${url.slice(MICROSOFT_LOGIN.length)}`, {
        method,
        ...(options?.headers ? { headers: options.headers } : {}),
        ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      // INetworkModule is generic in the body's type; MSAL checks the parsed body itself.
      return { headers, status: response.status, body: (await response.json()) as T };
    };
    return {
      sendGetRequestAsync: (url, options) => send('GET', url, options),
      sendPostRequestAsync: (url, options) => send('POST', url, options),
    };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', this.origin).pathname;
    if (request.method !== 'POST' || !/^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)) {
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
    const missing = scope.filter((item) => this.consented !== null && !this.consented.has(item));
    if (missing.length > 0) return consentRequiredReply(missing.join(' '));
    return { ...grant, scope };
  }

  private redeemCode(form: URLSearchParams): Grant | null {
    const code = this.codes.get(form.get('code') ?? '');
    this.codes.delete(form.get('code') ?? '');
    if (!code) return null;
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (
      challenge !== code.challenge ||
      form.get('redirect_uri') !== code.redirectUri ||
      form.get('client_id') !== code.clientId
    )
      return null;
    return code;
  }

  private redeemRefresh(form: URLSearchParams): Grant | null {
    const token = form.get('refresh_token') ?? '';
    const grant = this.refreshTokens.get(token);
    // Refresh tokens rotate: each is good once, like Entra's for public clients.
    this.refreshTokens.delete(token);
    return grant && grant.clientId === form.get('client_id') ? grant : null;
  }

  private tokens(grant: Grant, scope: string[]): Record<string, unknown> {
    const accessToken = opaqueToken('at');
    const refreshToken = opaqueToken('rt');
    const id = idToken(grant.user, grant.clientId, grant.nonce);
    this.refreshTokens.set(refreshToken, { ...grant, scope });
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
