import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Result } from '../../../shared/errors';
import type { InvokeChannel, Req, Res } from '../../../shared/ipc';
import type { EventChannel } from '../../../shared/ipc-channels';
import { composeServices, HANDLERS, type Services } from '../../../main/composition';
import { stopServices } from '../../support/compose-services';
import type { FetchLike } from '../../../main/http/create-http-client';
import { createDispatcher, type EmitEvent } from '../../../main/ipc/dispatch';
import type { RunningSandbox } from '../../../main/sandbox/sandbox';
import { MemorySecretStore } from '../../support/keychain';
import { FakeClipboard } from '../../support/fake-clipboard';
import { formsOf, submit } from '../../support/sign-in-browser';
import { captureLogger } from '../../support/capture-logger';

/** The app as main/index.ts composes it, in sandbox mode, with everything that leaves main kept. */
export interface EntraHarness {
  services: Services;
  sandbox: RunningSandbox;
  dir: string;
  secretStore: MemorySecretStore;
  /** Every IPC answer, to look for secrets in. */
  answers: Result<unknown>[];
  /** Every event main pushed to the window, in order. */
  events: { event: EventChannel; payload: unknown }[];
  log: ReturnType<typeof captureLogger>;
  /** Every address handed to the host's opener (the system browser). */
  opened: string[];
  /** The account button the "admin" clicks on the sandbox's sign-in page. */
  account: { name: string };
  call<C extends InvokeChannel>(channel: C, request: Req<C>): Promise<Result<Res<C>>>;
  /** Calls and fails the test unless the answer is ok. */
  ok<C extends InvokeChannel>(channel: C, request: Req<C>): Promise<Res<C>>;
  close(): Promise<void>;
}

/** What a caller may change about the harness. */
export interface EntraHarnessOptions {
  /**
   * The host's fetch, which the app's Stytch and Graph calls go through (Node's by default); the
   * Graph benchmark passes one that slows Graph down. The opener's page visits stay on Node's.
   */
  fetch?: FetchLike;
  /** Time between the sandbox's provisioning cycles: short in tests that wait for a second one. */
  cycleIntervalMs?: number;
}

/**
 * Composes the app's services around Node's fetch (real loopback HTTP to the sandbox's Stytch,
 * SCIM, identity and Graph stand-ins), an in-memory keychain and a temp data folder; connects
 * like `sandbox:start`. The host's opener plays the admin at the sandbox's sign-in page.
 */
export async function startEntraHarness(options: EntraHarnessOptions = {}): Promise<EntraHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'entra-setup-'));
  const log = captureLogger();
  const secretStore = new MemorySecretStore();
  const opened: string[] = [];
  const account = { name: 'Adele Vance' };
  const services = composeServices({
    app: { name: 'SCIM Setup Assistant', version: '0.0.0-test', platform: process.platform },
    logger: log.logger,
    fetch: options.fetch ?? fetch,
    openExternal: async (url) => {
      opened.push(url);
      const html = await (await fetch(url)).text();
      const form = formsOf(html).find((candidate) => candidate.button.startsWith(account.name));
      if (form === undefined) throw new Error(`No "${account.name}" button on the page.`);
      await (await submit(form)).text();
    },
    userDataDir: dir,
    secretStore,
    clipboardPort: new FakeClipboard(),
    ...(options.cycleIntervalMs === undefined
      ? {}
      : { sandboxCycleIntervalMs: options.cycleIntervalMs }),
  });
  const dispatch = createDispatcher(HANDLERS, services, log.logger);
  const events: EntraHarness['events'] = [];
  const emit: EmitEvent = (event, payload) => {
    events.push({ event, payload });
  };
  const answers: Result<unknown>[] = [];
  const call = async <C extends InvokeChannel>(channel: C, request: Req<C>) => {
    const answer = (await dispatch(channel, request, emit)) as Result<Res<C>>;
    answers.push(answer);
    return answer;
  };
  const ok = async <C extends InvokeChannel>(channel: C, request: Req<C>) => {
    const answer = await call(channel, request);
    if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
    return answer.data;
  };
  await ok('sandbox:start', {});
  const sandbox = await services.sandbox.ensureStarted();
  return {
    services,
    sandbox,
    dir,
    secretStore,
    answers,
    events,
    log,
    opened,
    account,
    call,
    ok,
    close: async () => {
      await stopServices(services, dir);
    },
  };
}

/**
 * A connection set up through Graph, as the wizard leaves it: signed in, the enterprise app and
 * its job for `organizationId`, the Stytch connection, and its credentials saved in Entra.
 * Answers the connection's id.
 */
export async function linkedConnection(
  app: EntraHarness,
  organizationId: string,
  appName: string,
): Promise<string> {
  await app.ok('microsoft:signIn', { action: 'create-app' });
  await app.ok('entra:createApp', { organizationId, displayName: appName });
  await app.ok('entra:ensureJob', { organizationId });
  const created = await app.ok('scim:createConnection', {
    organizationId,
    displayName: 'Microsoft Entra ID',
  });
  const { connectionId } = created.connection;
  await app.ok('entra:saveCredentials', { organizationId, connectionId });
  return connectionId;
}
