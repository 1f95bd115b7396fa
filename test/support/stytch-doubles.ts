import http from 'node:http';

import { appFailure, AppFailure, type AppError } from '../../shared/errors';
import type { StytchEnvironment, TokenStatus } from '../../shared/stytch/views';
import { secretId, type SecretRef } from '../../main/secrets/secret-store';
import type { LogRecord } from '../../main/logging/logger';
import { captureLogger } from './capture-logger';
import { FakeRetryClock } from './fake-retry-clock';
import type { RetryPolicy } from '../../main/http/retry';
import type { TokenDropped, TokenSaved } from '../../main/secrets/secrets';
import type { KnownConnection } from '../../shared/settings/settings';
import type { StytchTimeouts } from '../../main/stytch/stytch-client';
import type { StytchServices } from '../../main/stytch/stytch-handlers';
import {
  StytchSession,
  type ProjectMemory,
  type StytchSessionOptions,
  type StytchTuning,
} from '../../main/stytch/stytch-session';

type TokenOwner = KnownConnection;
/** Where the Stytch layer keeps secrets: the handlers' and the session's slices of `Secrets`. */
type StytchSecrets = StytchServices['secrets'] & StytchSessionOptions['secrets'];

/**
 * An in-memory keeper with the same lifecycle as main/secrets (which the app wires in), and a
 * switch that makes "the keychain" refuse, so the fallback path is exercised.
 */
export class MemoryKeeper implements StytchSecrets {
  readonly values = new Map<string, string>();
  readonly memoryOnly = new Set<string>();
  readonly owners = new Map<string, TokenOwner>();
  /** When true, saves land in memory with a warning, as when the OS keychain refuses. */
  keychainRefuses = false;
  /** When true, saving a token throws (even the memory fallback failed). */
  saveThrows = false;
  /** Every save, in order, with the moment it happened relative to `events`. */
  readonly events: string[] = [];

  private key(kind: string, id: string): string {
    return `${kind}:${id}`;
  }

  private keep(
    key: string,
    value: string,
  ): { storage: 'keychain' | 'memory'; keychainWarning: string | null } {
    if (this.saveThrows)
      throw appFailure('SECRET_STORE_UNAVAILABLE', 'The keychain is gone.', 'Restart.');
    this.values.set(key, value);
    this.events.push(`save ${key}`);
    if (!this.keychainRefuses) {
      this.memoryOnly.delete(key);
      return { storage: 'keychain', keychainWarning: null };
    }
    this.memoryOnly.add(key);
    return { storage: 'memory', keychainWarning: 'The keychain refused; copy the token now.' };
  }

  private statusOf(key: string): TokenStatus {
    const value = this.values.get(key);
    if (value === undefined) return { storage: 'none', last4: null };
    return { storage: this.memoryOnly.has(key) ? 'memory' : 'keychain', last4: value.slice(-4) };
  }

  saveCreatedToken(connection: TokenOwner, token: string): Promise<TokenSaved> {
    const kept = this.keep(this.key('scim-token', connection.connectionId), token);
    this.owners.set(connection.connectionId, connection);
    return Promise.resolve({
      token: { storage: kept.storage, last4: token.slice(-4) },
      keychainWarning: kept.keychainWarning,
    });
  }

  saveNextToken(connection: TokenOwner, nextToken: string): Promise<TokenSaved> {
    const kept = this.keep(this.key('scim-next-token', connection.connectionId), nextToken);
    this.owners.set(connection.connectionId, connection);
    return Promise.resolve({
      token: { storage: kept.storage, last4: nextToken.slice(-4) },
      keychainWarning: kept.keychainWarning,
    });
  }

  completeRotation(connectionId: string): Promise<TokenSaved> {
    const nextKey = this.key('scim-next-token', connectionId);
    const next = this.values.get(nextKey);
    this.values.delete(nextKey);
    if (next === undefined) {
      this.values.delete(this.key('scim-token', connectionId));
      return Promise.resolve({ token: { storage: 'none', last4: null }, keychainWarning: null });
    }
    const kept = this.keep(this.key('scim-token', connectionId), next);
    return Promise.resolve({
      token: { storage: kept.storage, last4: next.slice(-4) },
      keychainWarning: kept.keychainWarning,
    });
  }

  cancelRotation(connectionId: string): Promise<TokenDropped> {
    this.values.delete(this.key('scim-next-token', connectionId));
    return Promise.resolve({ keychainWarning: null });
  }

  deleteConnection(connectionId: string): Promise<TokenDropped> {
    this.values.delete(this.key('scim-token', connectionId));
    this.values.delete(this.key('scim-next-token', connectionId));
    this.owners.delete(connectionId);
    return Promise.resolve({ keychainWarning: null });
  }

  status(ref: SecretRef): Promise<TokenStatus> {
    return Promise.resolve(this.statusOf(this.key(ref.kind, secretId(ref))));
  }

  /** The token value (tests only: the app never hands it to the renderer). */
  token(connectionId: string, next = false): string | undefined {
    return this.values.get(this.key(next ? 'scim-next-token' : 'scim-token', connectionId));
  }

  saveProjectSecret(projectId: string, secret: string) {
    return Promise.resolve(this.keep(this.key('stytch-project', projectId), secret));
  }

  readProjectSecret(projectId: string): Promise<string | null> {
    return Promise.resolve(this.values.get(this.key('stytch-project', projectId)) ?? null);
  }

  forgetProject(projectId: string) {
    let removed = Number(this.values.delete(this.key('stytch-project', projectId)));
    for (const [connectionId, owner] of this.owners) {
      if (owner.projectId !== projectId) continue;
      removed += Number(this.values.delete(this.key('scim-token', connectionId)));
      removed += Number(this.values.delete(this.key('scim-next-token', connectionId)));
      this.owners.delete(connectionId);
    }
    return Promise.resolve({ removedSecrets: removed, keychainWarning: null });
  }
}

/** A project memory in a variable. */
export class MemoryProjectMemory implements ProjectMemory {
  remembered: { projectId: string; environment: StytchEnvironment } | null = null;

  remember(projectId: string, environment: StytchEnvironment): Promise<void> {
    this.remembered = { projectId, environment };
    return Promise.resolve();
  }

  recall() {
    return Promise.resolve(this.remembered);
  }

  forget(projectId: string): Promise<void> {
    if (this.remembered?.projectId === projectId) this.remembered = null;
    return Promise.resolve();
  }
}

/** Timeouts short enough for tests, long enough for a loaded machine. */
export const TEST_TIMEOUTS: StytchTimeouts = { readMs: 2_000, writeMs: 2_000, searchMs: 2_000 };

/** The app's policy shape with test bounds. */
export const TEST_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxTotalMs: 10_000,
};

/** How a test session differs from the app's. */
export interface TestSessionOptions {
  tuning?: Partial<StytchTuning>;
  memory?: ProjectMemory;
  fetch?: typeof fetch;
  hosts?: Partial<Record<StytchEnvironment, string>>;
}

/** A session wired like the app's, with test tuning (virtual sleeps, short timeouts). */
export function testSession(
  keeper: StytchSessionOptions['secrets'],
  options: TestSessionOptions = {},
): { session: StytchSession; clock: FakeRetryClock; records: LogRecord[] } {
  const clock = new FakeRetryClock();
  const { logger, records } = captureLogger();
  const session = new StytchSession({
    fetch: options.fetch ?? fetch,
    secrets: keeper,
    logger,
    ...(options.memory ? { memory: options.memory } : {}),
    ...(options.hosts ? { hosts: options.hosts } : {}),
    tuning: { timeouts: TEST_TIMEOUTS, retry: TEST_RETRY, clock, ...options.tuning },
  });
  return { session, clock, records };
}

/**
 * A fetch over node:http that hands back every status as a Response. Node's own fetch (undici)
 * turns any HTTP 407 into a bare network error, as the fetch standard says; Chromium's stack
 * (net.fetch, behind a proxy) surfaces proxy authentication itself. This lets a test show what the
 * client does when a 407 answer does reach it.
 */
export const plainHttpFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const body = Buffer.from(await request.arrayBuffer());
  return new Promise<Response>((resolve, reject) => {
    const outgoing = http.request(
      request.url,
      { method: request.method, headers: Object.fromEntries(request.headers.entries()) },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (typeof value === 'string') headers.set(name, value);
          }
          resolve(
            new Response(Buffer.concat(chunks), { status: incoming.statusCode ?? 500, headers }),
          );
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body.length > 0 ? body : undefined);
  });
};

/** The user-facing error of a call expected to fail with an AppFailure. */
export async function failure(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppFailure) return error.appError;
    throw error;
  }
  throw new Error('expected the call to fail');
}
