import { expect, vi } from 'vitest';

import type { AppError, Result } from '../../../../shared/errors';
import type { GraphActionName } from '../../../../shared/entra/graph-permissions';
import type { GraphOperation } from '../../../../main/graph/graph-operations';
import { SANDBOX_ACCOUNTS } from '../../../../main/sandbox/sandbox-microsoft';
import type { GraphRequestRecord } from '../../../../main/sandbox/graph-stand-in/graph-stand-in';
import { SYSTEM_CLOCK } from '../../../../main/http/retry';
import { SEEDED_ORGANIZATIONS } from '../../../../main/sandbox/seed';
import type { EntraHarness } from '../entra-harness';

export const ACME = SEEDED_ORGANIZATIONS.acme;
export const INITECH = SEEDED_ORGANIZATIONS.initech;
export const APP_NAME = 'Stytch SCIM';

/** Signs in through `microsoft:signIn`, the harness's opener clicking `who` on the stand-in's page. */
export async function signInAs(
  app: EntraHarness,
  who: keyof typeof SANDBOX_ACCOUNTS,
  action: GraphActionName,
): Promise<void> {
  app.account.name = SANDBOX_ACCOUNTS[who].name;
  const status = await app.ok('microsoft:signIn', { action });
  expect(status.account?.username).toBe(SANDBOX_ACCOUNTS[who].username);
}

/** The AppError of a refused IPC answer; fails the test when the answer was ok. */
export function refusal(answer: Result<unknown>): AppError {
  if (answer.ok) throw new Error(`expected a refusal, got ${JSON.stringify(answer.data)}`);
  return answer.error;
}

/** What the Graph stand-in received for one operation, in order. */
export function requestsOf(app: EntraHarness, operation: GraphOperation): GraphRequestRecord[] {
  return app.sandbox.microsoft.graph.history.filter((record) => record.operation === operation);
}

/**
 * The request ID the admin sees is the `client-request-id` the stand-in received with the
 * operation's last request (or the last request of all), and the message shows it too.
 */
export function expectRequestIdShown(
  app: EntraHarness,
  error: AppError,
  operation?: GraphOperation,
): void {
  const sent = (
    operation === undefined ? app.sandbox.microsoft.graph.history : requestsOf(app, operation)
  ).at(-1)?.clientRequestId;
  expect(sent).toMatch(/^[0-9a-f-]{36}$/);
  expect(error.requestId).toBe(sent);
  expect(error.message).toContain(`client request ID ${sent}`);
}

/** Virtual time for the app and the stand-ins alike, while a test runs. */
export interface VirtualTime {
  /** Every wait the app's clock was asked for, in ms, in order. */
  sleeps: number[];
  restore(): void;
}

/**
 * Freezes `Date` (the app's SYSTEM_CLOCK.now, the Graph stand-in's throttling window, token
 * expiry) and makes the app's SYSTEM_CLOCK.sleep advance it at once instead of waiting: retries,
 * replication backoff and the on-demand limiter run their whole schedule in milliseconds, and
 * the stand-in sees the time pass that the app waited. The harness does not take a clock, and
 * main/graph's client defaults to SYSTEM_CLOCK, so the seam is that object.
 */
export function virtualTime(): VirtualTime {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date());
  const sleeps: number[] = [];
  const sleep = vi.spyOn(SYSTEM_CLOCK, 'sleep').mockImplementation((ms: number) => {
    sleeps.push(ms);
    vi.setSystemTime(Date.now() + ms);
    return Promise.resolve();
  });
  return {
    sleeps,
    restore: () => {
      sleep.mockRestore();
      vi.useRealTimers();
    },
  };
}

/** One `graph.retry` log line: a failed Graph attempt the client tries again. */
export interface RetryLogged {
  operation: string;
  code: string;
  delayMs: number;
  clientRequestId: string;
}

/** `graph.retry` log lines (one per retried Graph attempt), with the code that caused each. */
export function retriesLogged(app: EntraHarness): RetryLogged[] {
  return app.log.records
    .filter((record) => record.event === 'graph.retry')
    .map((record) => record.fields as RetryLogged);
}
