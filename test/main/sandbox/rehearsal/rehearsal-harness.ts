import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Result } from '../../../../shared/errors';
import type { EventChannel, InvokeChannel, Req, Res } from '../../../../shared/ipc';
import { composeServices, HANDLERS, type Services } from '../../../../main/composition';
import { stopServices } from '../../../support/compose-services';
import type { FetchLike } from '../../../../main/http/create-http-client';
import { createDispatcher, type EmitEvent } from '../../../../main/ipc/dispatch';
import { createLogger, type LogRecord } from '../../../../main/logging/logger';
import { MemorySecretStore } from '../../../support/keychain';
import { FakeClipboard } from '../../../support/fake-clipboard';

/** A request main sent, as the injected fetch saw it. */
export interface SentRequest {
  method: string;
  url: string;
  authorization: string | null;
  body: string | null;
}

function describeRequest(input: Parameters<FetchLike>[0], init?: RequestInit): SentRequest {
  const headers = new Headers(input instanceof Request ? input.headers : init?.headers);
  return {
    method: input instanceof Request ? input.method : (init?.method ?? 'GET'),
    url: input instanceof Request ? input.url : input instanceof URL ? input.href : input,
    authorization: headers.get('authorization'),
    body: typeof init?.body === 'string' ? init.body : null,
  };
}

/** The app's composition, handler table and dispatcher, with everything that leaves main recorded. */
export interface RehearsalHarness {
  services: Services;
  /** The app's data folder for this harness (settings, caches). */
  dataDir: string;
  secretStore: MemorySecretStore;
  /** Every request that went through the app's fetch (Stytch's and the simulator's). */
  sent: SentRequest[];
  /** Every answer, event and log line, to look for secrets in. */
  answers: Result<unknown>[];
  events: { event: EventChannel; payload: unknown }[];
  logs: LogRecord[];
  call<C extends InvokeChannel>(channel: C, request: Req<C>): Promise<Result<Res<C>>>;
  /** Calls and fails the test unless the answer is ok. */
  ok<C extends InvokeChannel>(channel: C, request: Req<C>): Promise<Res<C>>;
  close(): Promise<void>;
}

/**
 * Composes the app's services as main/index.ts does, around Node's fetch (real loopback HTTP, so
 * the sandbox's SCIM server answers), an in-memory keychain and a temp data folder. `fetch`
 * replaces Node's fetch where a test stands in for Stytch itself.
 */
export async function startRehearsalHarness(
  fetchImpl: FetchLike = fetch,
): Promise<RehearsalHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'rehearsal-'));
  const sent: SentRequest[] = [];
  const answers: Result<unknown>[] = [];
  const events: RehearsalHarness['events'] = [];
  const logs: LogRecord[] = [];
  const logger = createLogger((record) => logs.push(record));
  const secretStore = new MemorySecretStore();
  const services = composeServices({
    app: { name: 'SCIM Setup Assistant', version: '0.0.0-test', platform: process.platform },
    logger,
    fetch: (input, init) => {
      sent.push(describeRequest(input, init));
      return fetchImpl(input, init);
    },
    openExternal: () => Promise.resolve(),
    userDataDir: dir,
    secretStore,
    clipboardPort: new FakeClipboard(),
  });
  const dispatch = createDispatcher(HANDLERS, services, logger);
  const emit: EmitEvent = (event, payload) => events.push({ event, payload });
  const call = async <C extends InvokeChannel>(channel: C, request: Req<C>) => {
    const answer = (await dispatch(channel, request, emit)) as Result<Res<C>>;
    answers.push(answer);
    return answer;
  };
  return {
    services,
    dataDir: dir,
    secretStore,
    sent,
    answers,
    events,
    logs,
    call,
    ok: async (channel, request) => {
      const answer = await call(channel, request);
      if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
      return answer.data;
    },
    close: async () => {
      await stopServices(services, dir);
    },
  };
}
