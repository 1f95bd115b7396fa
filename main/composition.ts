import type { StytchEnvironment } from '../shared/stytch/views';
import { appHandlers, type AppFacts } from './app/app-handlers';
import { clipboardHandlers } from './clipboard/clipboard-handlers';
import { entraHandlers } from './entra-setup/entra-handlers';
import { entraStepDeps, type EntraStepDeps } from './entra-setup/entra-context';
import { fleetHandlers } from './fleet/fleet-handlers';
import { FleetService } from './fleet/fleet-service';
import type { SaveDialogPort } from './fleet/save-dialog-port';
import type { ClipboardPort } from './clipboard/clipboard-port';
import { ClipboardService, type ClipboardTimers } from './clipboard/clipboard-service';
import type { FetchLike } from './http/create-http-client';
import type { HandlerTable } from './ipc/dispatch';
import type { Logger } from './logging/logger';
import { microsoftHandlers } from './microsoft-sign-in/microsoft-handlers';
import { MicrosoftSession } from './microsoft-sign-in/microsoft-session';
import { probeHandlers } from './probe/probe-handlers';
import { ProvisioningWatch } from './provisioning-watch/provisioning-watch';
import { watchHandlers } from './provisioning-watch/watch-handlers';
import type { ProbeTransport } from './probe/run-probe';
import { nodeTlsConnector } from './probe/tls-connector';
import { rotationHandlers } from './rotation/rotation-handlers';
import { SelectionRuns } from './rotation/selection-runs';
import { SYSTEM_ROTATION_CLOCK, type RotationClock } from './rotation/rotation-services';
import { rehearsalHandlers } from './sandbox/rehearsal/rehearsal-handlers';
import { Rehearsals } from './sandbox/rehearsal/rehearsals';
import { SandboxLauncher } from './sandbox/sandbox';
import { sandboxHandlers } from './sandbox/sandbox-handlers';
import type { SecretStore } from './secrets/secret-store';
import { connectionsOf } from './secrets/known-connections';
import { Secrets } from './secrets/secrets';
import { secretsHandlers } from './secrets/secrets-handlers';
import type { ExternalOpener } from './security/open-external';
import { settingsHandlers } from './settings/settings-handlers';
import { SettingsStore } from './settings/settings-store';
import { connectionMembers } from './stytch/connection-members';
import { scimHandlers } from './stytch/scim-handlers';
import { SettingsProjectMemory } from './stytch/settings-project-memory';
import { stytchHandlers } from './stytch/stytch-handlers';
import { StytchSession } from './stytch/stytch-session';

/** What only the host (Electron, or the test bridge) can supply. */
export interface HostDependencies {
  app: AppFacts;
  logger: Logger;
  /** Electron's net.fetch in the app; Node's fetch in the bridge and CLI. */
  fetch: FetchLike;
  openExternal: ExternalOpener;
  /** The app's data folder (settings live here). */
  userDataDir: string;
  /** The OS keychain (keytar) in the app; an in-memory store in some tests. */
  secretStore: SecretStore;
  /** Electron's clipboard in the app; the browser's clipboard in the bridge. */
  clipboardPort: ClipboardPort;
  /**
   * The system's save dialog (Electron's in the app); without one, saving a report answers
   * "cancelled" (hosts that cannot show a dialog).
   */
  saveDialog?: SaveDialogPort;
  /** Stytch's API hosts; only end-to-end tests replace them (with the local stand-in). */
  stytchHosts?: Partial<Record<StytchEnvironment, string>>;
  /** Timers for clearing a copied secret; real timers unless a test supplies fake ones. */
  clipboardTimers?: ClipboardTimers;
  /**
   * Time between the sandbox's simulated provisioning cycles (default SANDBOX_CYCLE_INTERVAL_MS);
   * only tests shorten it, to see a second cycle without waiting.
   */
  sandboxCycleIntervalMs?: number;
  /** The rotation's clocks (wall time, and the monotonic one its gap is measured with). */
  clock?: RotationClock;
}

/**
 * Everything a handler may use, built once by {@link composeServices}. Each feature's handlers
 * declare the slice they use, so every one runs under plain Node with no globals.
 */
export interface Services {
  app: AppFacts;
  logger: Logger;
  openExternal: ExternalOpener;
  /** Non-secret settings in the app's data folder (main/settings/). */
  settings: SettingsStore;
  /** The project secret and the SCIM tokens in the keychain, and one-time reveal (main/secrets/). */
  secrets: Secrets;
  /** Copy from main, with secrets cleared after a while (main/clipboard/). */
  clipboard: ClipboardService;
  /** What the connection probe sends through: net.fetch and the node:tls connector (main/probe/). */
  probe: ProbeTransport;
  /** The Stytch project of this run and its API client (main/stytch/). */
  stytch: StytchSession;
  /** Sandbox mode's local Stytch stand-in and SCIM server, started on demand (main/sandbox/). */
  sandbox: SandboxLauncher;
  /** Step 7's watch of a connection's members in Stytch (main/provisioning-watch/). */
  watch: ProvisioningWatch;
  /** Sandbox mode's simulated Entra jobs, one per connection for the session (main/sandbox/rehearsal/). */
  rehearsals: Rehearsals;
  /** Microsoft sign-in, real or the sandbox's stand-ins; tokens stay here (main/microsoft-sign-in/). */
  microsoft: MicrosoftSession;
  /** The Entra steps through Microsoft Graph, per organization (main/entra-setup/). */
  entra: EntraStepDeps;
  /** The connections overview and health sweep, cached per project (main/fleet/). */
  fleet: FleetService;
  /** Where a saved report goes: the system's save dialog (main/fleet/). */
  saveDialog: SaveDialogPort;
  /** Wall and monotonic time for rotations across Stytch and Entra (main/rotation/). */
  clock: RotationClock;
  /** The one rotation of a selection from the overview that may run, and its Stop (main/rotation/). */
  rotationSelections: SelectionRuns;
}

/**
 * The handler table: every feature's table, one entry per channel of `shared/ipc.ts` (the type
 * refuses a channel without a handler). Electron's IPC and the test bridge both register exactly
 * this table, so end-to-end tests exercise the real handlers.
 */
export const HANDLERS: HandlerTable<Services> = {
  ...appHandlers,
  ...settingsHandlers,
  ...sandboxHandlers,
  ...stytchHandlers,
  ...scimHandlers,
  ...secretsHandlers,
  ...clipboardHandlers,
  ...probeHandlers,
  ...watchHandlers,
  ...rehearsalHandlers,
  ...microsoftHandlers,
  ...entraHandlers,
  ...fleetHandlers,
  ...rotationHandlers,
};

/**
 * The composition root: builds every service from what the host supplies. The Electron entry
 * and the end-to-end test bridge both call this, so the bridge runs the same services the app
 * does, differing only in transport, keychain and clipboard.
 */
export function composeServices(host: HostDependencies): Services {
  const { logger } = host;
  const settings = new SettingsStore({ dir: host.userDataDir, logger });
  const secrets = new Secrets({ store: host.secretStore, settings, logger });
  const clipboard = new ClipboardService({
    port: host.clipboardPort,
    readToken: (handle) => secrets.readToken(handle),
    clearAfterMs: async () => (await settings.get()).clipboardClearMs,
    logger,
    ...(host.clipboardTimers ? { timers: host.clipboardTimers } : {}),
  });
  const stytch = new StytchSession({
    fetch: host.fetch,
    secrets,
    memory: new SettingsProjectMemory(settings),
    logger,
    ...(host.stytchHosts ? { hosts: host.stytchHosts } : {}),
  });
  const cycleIntervalMs = host.sandboxCycleIntervalMs;
  const sandbox = new SandboxLauncher({
    logger,
    ...(cycleIntervalMs === undefined ? {} : { start: { cycleIntervalMs } }),
  });
  const microsoft = new MicrosoftSession({
    dir: host.userDataDir,
    keychain: host.secretStore,
    settings,
    logger,
    openExternal: host.openExternal,
    // MSAL's HTTP through the app's network stack too (net.fetch in the app), like Graph's.
    fetch: host.fetch,
    // The sandbox's stand-ins sign in and answer Graph while the app is connected to it.
    sandboxMode: () => stytch.project()?.mode === 'sandbox',
    sandboxMicrosoft: async () => (await sandbox.ensureStarted()).microsoft,
  });
  const watch = new ProvisioningWatch({
    logger,
    listMembers: async ({ organizationId, connectionId }) =>
      connectionMembers(await stytch.client(), organizationId, connectionId),
  });
  // Through the app's network stack, like the probe: the rehearsal sends what Entra would.
  const rehearsals = new Rehearsals({ fetch: host.fetch, logger });
  // A rehearsal step changes the organization's members: the watch looks sooner around it.
  const run = rehearsals.run.bind(rehearsals);
  rehearsals.run = (target, ...rest) =>
    watch.around(target.organizationId, () => run(target, ...rest));
  // Graph through the app's network stack; the SCIM token is read here, never sent by the UI.
  const entra = entraStepDeps({
    microsoft,
    settings,
    stytch,
    secrets,
    fetch: host.fetch,
    logger,
    aroundMemberChange: (organizationId, step) => watch.around(organizationId, step),
  });
  const probe = { fetch: host.fetch, connectTls: nodeTlsConnector };
  // The sweep reads tokens here, in main, and sends them only where Stytch says the endpoint is.
  const fleet = new FleetService({
    dir: host.userDataDir,
    logger,
    stytch,
    heldConnections: async (projectId) => new Set(connectionsOf(await settings.get(), projectId)),
    readToken: (handle) => secrets.readToken(handle),
    probe,
    // The Entra jobs' states through the Entra steps' own Graph client, for the signed-in tenant.
    entra: {
      target: () => microsoft.target(),
      links: () => entra.contexts.links.all(),
      graph: () => entra.contexts.graph('read-provisioning'),
    },
  });
  // After a sign-in or sign-out the overview's Entra jobs are read again for the account now.
  microsoft.onSignInChange(() => fleet.entraSignInChanged());
  return {
    app: host.app,
    logger,
    openExternal: host.openExternal,
    settings,
    secrets,
    clipboard,
    // The probe goes through the same network stack as the app's Stytch calls, so a proxy or
    // certificate problem shows up in the probe exactly as Entra's admin would meet it locally.
    probe,
    stytch,
    sandbox,
    watch,
    rehearsals,
    microsoft,
    entra,
    fleet,
    saveDialog: host.saveDialog ?? { choosePath: () => Promise.resolve(null) },
    clock: host.clock ?? SYSTEM_ROTATION_CLOCK,
    rotationSelections: new SelectionRuns(),
  };
}
