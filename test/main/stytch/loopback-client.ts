import type { LogRecord } from '../../../main/logging/logger';
import { StytchClient } from '../../../main/stytch/stytch-client';
import { StytchTransport } from '../../../main/stytch/stytch-transport';
import { TEST_RETRY, TEST_TIMEOUTS } from '../../support/stytch-doubles';
import { captureLogger } from '../../support/capture-logger';
import { FakeRetryClock } from '../../support/fake-retry-clock';

/** A test project's credentials (the secret long and random-looking, like Stytch's). */
export const TEST_CREDENTIALS = {
  projectId: 'project-test-00000000-0000-4000-8000-000000000000',
  secret: 'secret-test-Zq8vN3kLw5Pj7Rt2Xy9Bc4Df6Gh1',
};

/**
 * A client over the app's own transport, pointed at `baseUrl` (a loopback server standing in for
 * Stytch or for what sits in front of it), sending through `fetch`, timing retries by `clock`.
 */
export function loopbackClient(
  baseUrl: string,
  fetchVia: typeof fetch = fetch,
  clock: FakeRetryClock = new FakeRetryClock(),
): { client: StytchClient; clock: FakeRetryClock; records: LogRecord[] } {
  const { logger, records } = captureLogger();
  const transport = new StytchTransport({
    fetch: fetchVia,
    baseUrl,
    credentials: TEST_CREDENTIALS,
    peerName: 'Stytch',
    defaultTimeoutMs: TEST_TIMEOUTS.readMs,
    retry: TEST_RETRY,
    clock,
    logger,
  });
  return { client: new StytchClient(transport, TEST_TIMEOUTS), clock, records };
}
