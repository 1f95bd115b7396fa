import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { composeServices, HANDLERS, type Services } from '../../../main/composition';
import { stopServices } from '../../support/compose-services';
import type { FetchLike } from '../../../main/http/create-http-client';
import { createDispatcher, type Dispatch, type EmitEvent } from '../../../main/ipc/dispatch';
import { createLogger } from '../../../main/logging/logger';
import { SETTINGS_FILE_NAME } from '../../../main/settings/settings-store';
import { MemorySecretStore } from '../../support/keychain';
import { FakeClipboard } from '../../support/fake-clipboard';

/** A request main sent over the network, as the injected fetch saw it. */
export interface SentRequest {
  method: string;
  url: string;
}

/** Answers a request the app sent; undefined lets it fail like a host that does not resolve. */
export type Answer = (request: SentRequest) => Response | undefined;

/** The app's real dispatcher, handlers and services around a temp folder and a recording fetch. */
export interface IpcHarness {
  dispatch: Dispatch;
  services: Services;
  /** Every request that reached fetch, in order. */
  sent: SentRequest[];
  /** Every address handed to the system browser, in order. */
  opened: string[];
  /** The keychain the services use (in memory), e.g. to hold a token from an earlier run. */
  secretStore: MemorySecretStore;
  /** The settings file's text, or null when there is none yet. */
  settingsText(): Promise<string | null>;
  close(): Promise<void>;
}

/** Swallows events: these tests look at results and at what reached the network. */
export const ignoreEvents: EmitEvent = () => undefined;

function describeRequest(input: Parameters<FetchLike>[0], init?: RequestInit): SentRequest {
  if (input instanceof Request) return { method: input.method, url: input.url };
  return { method: init?.method ?? 'GET', url: input instanceof URL ? input.href : input };
}

/** A fetch that records every request and, unless `answer` says otherwise, reaches nowhere. */
function recordingFetch(sent: SentRequest[], answer: Answer): FetchLike {
  return (input, init) => {
    const request = describeRequest(input, init);
    sent.push(request);
    const response = answer(request);
    if (response) return Promise.resolve(response);
    return Promise.reject(
      new TypeError('fetch failed', { cause: { code: 'ENOTFOUND', message: 'nowhere' } }),
    );
  };
}

/** Builds the harness; `answer` stands in for Stytch (by default nothing answers). */
export async function startIpcHarness(answer: Answer = () => undefined): Promise<IpcHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'ipc-harness-'));
  const sent: SentRequest[] = [];
  const opened: string[] = [];
  const secretStore = new MemorySecretStore();
  const logger = createLogger(() => undefined);
  const services = composeServices({
    app: { name: 'SCIM Setup Assistant', version: '0.0.0-test', platform: process.platform },
    logger,
    fetch: recordingFetch(sent, answer),
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    userDataDir: dir,
    secretStore,
    clipboardPort: new FakeClipboard(),
  });
  return {
    dispatch: createDispatcher(HANDLERS, services, logger),
    services,
    sent,
    opened,
    secretStore,
    settingsText: () =>
      readFile(join(dir, SETTINGS_FILE_NAME), 'utf8').catch((error: unknown) => {
        if ((error as { code?: unknown }).code === 'ENOENT') return null;
        throw error;
      }),
    close: async () => {
      await stopServices(services, dir);
    },
  };
}

/** Stytch's answer to the one search `stytch:connect` makes to check the credentials. */
export function answerCredentialCheck(request: SentRequest): Response | undefined {
  if (request.method !== 'POST' || !request.url.endsWith('/v1/b2b/organizations/search'))
    return undefined;
  return Response.json({
    request_id: 'request-id-test-1',
    status_code: 200,
    organizations: [],
    results_metadata: { total: 0 },
  });
}
