import { afterEach } from 'vitest';

import { AppErrorSchema } from '../../shared/errors';
import {
  eventContract,
  ipcContract,
  type AssistantApi,
  type EventChannel,
  type EventPayload,
  type Invoke,
  type InvokeChannel,
  type Req,
  type Res,
  type Result,
} from '../../shared/ipc';
import type { Settings } from '../../shared/settings/settings';
import { WIZARD_STEP_IDS, stepIndex, type WizardStepId } from '../../shared/wizard/steps';
import { settings as defaultSettings, probeCheck, probeReport, progressAt } from './fixtures';
import { entraDefaults } from './entra-setup/entra-fixtures';
import { fleetOverview, idleSweep } from './fleet/fleet-fixtures';
import { groupRolesView } from './group-roles/group-roles-fixtures';
import { rehearsalView } from './rehearsal/rehearsal-fixtures';

/** Answers one channel the way a main-side handler would. */
export type FakeHandler<C extends InvokeChannel> = (
  request: Req<C>,
) => Result<Res<C>> | Promise<Result<Res<C>>>;

/** Handlers by channel; a channel without one is recorded as unexpected. */
export type FakeHandlers = { [C in InvokeChannel]?: FakeHandler<C> };

/** A recorded call. */
export interface FakeCall {
  channel: InvokeChannel;
  request: unknown;
}

/** The fake `window.assistant` plus what tests inspect and drive. */
export interface FakeAssistant extends AssistantApi {
  calls: FakeCall[];
  unexpected: InvokeChannel[];
  /** The settings as the fake main holds them (updated by settings:update). */
  settings: Settings;
  callsTo: <C extends InvokeChannel>(channel: C) => Req<C>[];
  handle: <C extends InvokeChannel>(channel: C, handler: FakeHandler<C>) => void;
  emit: <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;
  listenerCount: (event: EventChannel) => number;
  /** Resolves once no settings write is in flight, counting those queued behind the last one. */
  writesSettled: () => Promise<void>;
  /**
   * Requests main would refuse and answers main could not give (each against the IPC contract
   * in shared/ipc.ts); any entry fails the test after it ends.
   */
  contractBreaches: string[];
}

/** Where a value breaks a schema, as "path: message" lines, or null when it fits. */
function breachOf(
  schema: { safeParse(value: unknown): { success: boolean; error?: { issues: Issue[] } } },
  value: unknown,
): string | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  return (parsed.error?.issues ?? [])
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

interface Issue {
  path: PropertyKey[];
  message: string;
}

/** The fake installed last, so the check after each test can read its breaches. */
let installed: FakeAssistant | null = null;

// A breach inside a component's call may be swallowed by its error handling; failing the test
// after it ends makes every request and answer a checked one.
afterEach(() => {
  const breaches = installed?.contractBreaches ?? [];
  installed = null;
  if (breaches.length > 0) {
    throw new Error(`The fake main saw IPC contract breaches:\n${breaches.join('\n')}`);
  }
});

function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Success, typed for channel C. */
export function okFor<C extends InvokeChannel>(_channel: C, data: Res<C>): Result<Res<C>> {
  return { ok: true, data };
}

/**
 * Installs a fake preload API on `window.assistant`. Defaults: app info in real mode, not
 * connected, first-run settings that settings:update really changes. Anything else must be
 * given a handler, or the call is recorded in `unexpected`.
 */
export function installFakeAssistant(
  handlers: FakeHandlers = {},
  initialSettings: Settings = defaultSettings(),
): FakeAssistant {
  const table = new Map<InvokeChannel, FakeHandler<InvokeChannel>>();
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const writesInFlight = new Set<Promise<unknown>>();
  const fake: FakeAssistant = {
    calls: [],
    unexpected: [],
    contractBreaches: [],
    settings: structuredClone(initialSettings),
    callsTo: <C extends InvokeChannel>(channel: C) =>
      fake.calls.filter((c) => c.channel === channel).map((c) => c.request as Req<C>),
    handle: (channel, handler) => table.set(channel, handler),
    emit: (event, payload) => {
      // An event main could not send fails the test at the line that emits it.
      eventContract[event].parse(payload);
      listeners.get(event)?.forEach((listener) => listener(payload));
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
    writesSettled: async () => {
      // The app sends progress writes one after another, each once the last is answered: after
      // a macrotask the next one has been sent, so wait until a turn goes by with none.
      do {
        await Promise.allSettled(writesInFlight);
        await nextMacrotask();
      } while (writesInFlight.size > 0);
    },
    // The generic signature cannot be met by a table lookup without a cast; the table's
    // entries are typed per channel by `handle`.
    invoke: (async (channel: InvokeChannel, request: unknown) => {
      fake.calls.push({ channel, request });
      const handler = table.get(channel);
      if (!handler) {
        fake.unexpected.push(channel);
        return {
          ok: false,
          error: { code: 'INTERNAL_ERROR', message: `No fake for ${channel}`, hint: '' },
        };
      }
      // Main parses every request with the contract (main/ipc/dispatch.ts) and refuses one
      // that does not fit, so the fake does too.
      const refused = breachOf(ipcContract[channel].request, request ?? {});
      if (refused !== null) {
        fake.contractBreaches.push(`request to ${channel}: ${refused}`);
        return {
          ok: false,
          error: {
            code: 'IPC_INVALID_REQUEST',
            message: `The request to "${channel}" was not valid.`,
            hint: 'Check the values you entered and try again.',
          },
        };
      }
      const answer = Promise.resolve(handler(request as Req<InvokeChannel>)).then((result) => {
        const wrong = result.ok
          ? breachOf(ipcContract[channel].response, result.data)
          : breachOf(AppErrorSchema, result.error);
        if (wrong !== null) fake.contractBreaches.push(`answer on ${channel}: ${wrong}`);
        return result;
      });
      if (channel === 'settings:update') {
        writesInFlight.add(answer);
        void answer.finally(() => writesInFlight.delete(answer));
      }
      return answer;
    }) as Invoke,
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      listeners.set(event, set);
      return () => set.delete(wrapped);
    },
  };
  fake.handle('app:info', () =>
    okFor('app:info', {
      name: 'SCIM Setup Assistant',
      version: '0.1.0',
      platform: 'linux',
      mode: 'real',
    }),
  );
  fake.handle('stytch:status', () =>
    okFor('stytch:status', { connected: false, projectId: null, environment: null, mode: 'real' }),
  );
  fake.handle('settings:get', () => okFor('settings:get', structuredClone(fake.settings)));
  fake.handle('settings:update', (patch) => {
    fake.settings = { ...fake.settings, ...patch };
    return okFor('settings:update', structuredClone(fake.settings));
  });
  // Step 7 watches whatever connection is on screen; by default nobody has arrived yet.
  const quietWatch = (target: { organizationId: string; connectionId: string }) => ({
    ...target,
    state: 'watching' as const,
    members: [],
    counts: { active: 0, deactivated: 0, total: 0 },
    timeline: [],
    lastPolledAt: null,
    nextPollInMs: 3_000,
    failure: null,
  });
  let watched = { organizationId: '', connectionId: '' };
  fake.handle('watch:start', (target) => {
    watched = target;
    return okFor('watch:start', quietWatch(target));
  });
  fake.handle('watch:refresh', () => okFor('watch:refresh', quietWatch(watched)));
  fake.handle('watch:stop', () =>
    okFor('watch:stop', { ...quietWatch(watched), state: 'stopped', nextPollInMs: null }),
  );
  // In sandbox mode step 7 reads the connection's rehearsal; by default nothing was sent yet.
  fake.handle('rehearsal:get', (target) => okFor('rehearsal:get', rehearsalView(target)));
  // The groups step: two groups Entra sent, the sandbox's roles, nothing mapped; saves succeed.
  fake.handle('scim:getGroupRoles', () => okFor('scim:getGroupRoles', groupRolesView()));
  fake.handle('scim:setGroupRoles', ({ changes }) =>
    okFor('scim:setGroupRoles', {
      assignments: changes.flatMap(({ groupId, roleId }) => (roleId ? [{ groupId, roleId }] : [])),
    }),
  );
  // The probe, when a panel runs it unasked (after Entra's Test Connection failed): it explains.
  fake.handle('probe:run', () =>
    okFor(
      'probe:run',
      probeReport([
        probeCheck({ status: 'fail', message: 'The server answered 401 to Entra’s query.' }),
      ]),
    ),
  );
  // The connections overview (home once connected): no connection yet, no check run.
  fake.handle('fleet:overview', () => okFor('fleet:overview', fleetOverview([])));
  fake.handle('fleet:sweepStatus', () => okFor('fleet:sweepStatus', idleSweep()));
  // The Entra steps through Graph: nobody signed in, nothing found, every change succeeding.
  for (const [channel, handler] of Object.entries(entraDefaults()) as [
    InvokeChannel,
    FakeHandler<InvokeChannel>,
  ][]) {
    table.set(channel, handler);
  }
  for (const [channel, handler] of Object.entries(handlers) as [
    InvokeChannel,
    FakeHandler<InvokeChannel>,
  ][]) {
    table.set(channel, handler);
  }
  window.assistant = fake;
  installed = fake;
  return fake;
}

/** The test project every "already connected" case uses. */
export const CONNECTED_PROJECT_ID = 'project-test-123';

/**
 * A fake main for a user connected (real mode) to the test project and saved at `step` with
 * every earlier step done; `organizationId` is the chosen organization, if any.
 */
export function installConnectedAt(
  step: WizardStepId,
  handlers: FakeHandlers = {},
  organizationId: string | null = 'organization-test-1',
): FakeAssistant {
  return installFakeAssistant(
    {
      'stytch:status': () =>
        okFor('stytch:status', {
          connected: true,
          projectId: CONNECTED_PROJECT_ID,
          environment: 'test',
          mode: 'real',
        }),
      ...handlers,
    },
    defaultSettings({
      projectId: CONNECTED_PROJECT_ID,
      organizationId,
      wizard: progressAt(step, WIZARD_STEP_IDS.slice(0, stepIndex(step))),
    }),
  );
}
