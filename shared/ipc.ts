import { z } from 'zod';

import { MAX_CLIPBOARD_TEXT_CHARS } from './clipboard-limit';
import { MAX_ASSIGN_PRINCIPALS } from './entra/assign-limit';
import type { Result } from './errors';
import {
  DirectoryPrincipalSchema,
  EntraAppSchema,
  EntraHealthSchema,
  EntraSetupViewSchema,
  GraphActionNameSchema,
  GraphIdSchema,
  JobScopeSchema,
  MicrosoftStatusSchema,
  OnDemandWaitSchema,
} from './entra/entra-views';
import {
  FleetOverviewSchema,
  FleetProgressSchema,
  FleetSweepStatusSchema,
  MAX_SWEEP_SELECTION,
} from './fleet/fleet';
import type { EventChannel, InvokeChannel } from './ipc-channels';
import { ProbeProgressSchema, ProbeReportSchema } from './probe/report';
import {
  RehearsalActionSchema,
  RehearsalRunSchema,
  RehearsalViewSchema,
} from './provisioning/rehearsal';
import { WatchSnapshotSchema } from './provisioning/watch';
import {
  PendingCheckSchema,
  RotationInfoSchema,
  RotationOutcomeSchema,
  RotationProgressSchema,
  SelectionPlanSchema,
  SelectionRunSchema,
} from './rotation/rotation';
import { MAX_ROTATION_SELECTION } from './rotation/selection-limit';
import { SettingsPatchSchema, SettingsSchema } from './settings/settings';
import {
  GroupRolesViewSchema,
  OrganizationSummarySchema,
  ProjectIdSchema,
  ScimConnectionViewSchema,
  SecretHandleSchema,
  StytchEnvironmentSchema,
  StytchIdSchema,
} from './stytch/views';

/** Whether the app talks to Stytch itself or to the bundled local stand-ins. */
export const AppModeSchema = z.enum(['real', 'sandbox']);

/** What `app:info` answers. */
export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
  mode: AppModeSchema,
});

/** What `app:notice` carries: a short message main wants the user to see. */
export const NoticeSchema = z.object({
  level: z.enum(['info', 'warning']),
  message: z.string(),
});

/** Which Stytch project the app is connected to, if any. Never the secret. */
export const StytchStatusSchema = z.object({
  connected: z.boolean(),
  projectId: z.string().nullable(),
  environment: StytchEnvironmentSchema.nullable(),
  mode: AppModeSchema,
});

const OrgRef = { organizationId: StytchIdSchema };
const SelectionIds = z.array(StytchIdSchema).min(1).max(MAX_ROTATION_SELECTION);
const ConnectionRef = { ...OrgRef, connectionId: StytchIdSchema };

/** A connection just created or rotated: where its new token went. */
const ConnectionWithTokenOutcome = z.object({
  connection: ScimConnectionViewSchema,
  /**
   * Set when the keychain refused the token: it is held in memory for this run only, and the
   * renderer must tell the user to copy it now (and how to fix the keychain).
   */
  keychainWarning: z.string().nullable(),
});

const empty = z.object({}).strict();

/** Group → role changes one save may carry (one page of Stytch's groups). */
export const MAX_GROUP_ROLE_CHANGES = 1000;

/**
 * A host as `URL.host` gives it (name or address, maybe a port): what the admin confirms for
 * entra:useApp. No path, no spaces; 253 is DNS's longest name, plus a port.
 */
const HostNameSchema = z
  .string()
  .min(1)
  .max(260)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, { message: 'A host name has no path or spaces.' });

/** An enterprise app's display name, as Entra's "Create your own application" takes it. */
const EntraAppName = z.string().trim().min(1).max(120);

/**
 * The IPC contract: every channel with its request and response schema. The preload, main's
 * registration and the renderer's calls are all typed from this one object.
 */
export const ipcContract = {
  'app:info': { request: empty, response: AppInfoSchema },
  'app:openExternal': {
    request: z.object({ url: z.string().max(2048) }).strict(),
    response: z.object({ opened: z.literal(true) }),
  },
  'settings:get': { request: empty, response: SettingsSchema },
  'settings:update': { request: SettingsPatchSchema, response: SettingsSchema },
  // `large`: the sandbox seeds about 2,000 organizations in every state ("Try it with a large
  // project"); only the first start of a run decides (later calls reuse the running sandbox).
  'sandbox:start': {
    request: z.object({ large: z.boolean().optional() }).strict(),
    response: StytchStatusSchema,
  },
  // Creates Contoso's test user in the sandbox tenant (never in a real one): step 7's optional
  // deprovisioning proof assigns and unassigns it instead of a person.
  'sandbox:createTestUser': { request: empty, response: DirectoryPrincipalSchema },
  'stytch:status': { request: empty, response: StytchStatusSchema },
  'stytch:connect': {
    request: z
      .object({ projectId: ProjectIdSchema, secret: z.string().trim().min(1).max(500) })
      .strict(),
    response: StytchStatusSchema,
  },
  'stytch:forgetProject': {
    request: z.object({ projectId: ProjectIdSchema }).strict(),
    response: z.object({ removedSecrets: z.number().int().nonnegative() }),
  },
  'stytch:searchOrganizations': {
    request: z
      .object({
        query: z.string().max(200),
        cursor: z.string().max(500).nullable().optional(),
        limit: z.number().int().min(1).max(100).optional(),
      })
      .strict(),
    response: z.object({
      organizations: z.array(OrganizationSummarySchema),
      nextCursor: z.string().nullable(),
      total: z.number().int().nonnegative(),
    }),
  },
  'scim:getConnection': {
    request: z.object(OrgRef).strict(),
    response: z.object({ connection: ScimConnectionViewSchema.nullable() }),
  },
  'scim:createConnection': {
    request: z.object({ ...OrgRef, displayName: z.string().trim().min(1).max(200) }).strict(),
    response: ConnectionWithTokenOutcome,
  },
  'scim:rotateStart': {
    request: z.object(ConnectionRef).strict(),
    response: ConnectionWithTokenOutcome,
  },
  'scim:rotateComplete': {
    request: z.object(ConnectionRef).strict(),
    response: z.object({ connection: ScimConnectionViewSchema }),
  },
  'scim:rotateCancel': {
    request: z.object(ConnectionRef).strict(),
    response: z.object({ connection: ScimConnectionViewSchema }),
  },
  'scim:deleteConnection': {
    request: z.object(ConnectionRef).strict(),
    response: z.object({ deleted: z.literal(true), connectionId: z.string() }),
  },
  'scim:getGroupRoles': {
    request: z.object(ConnectionRef).strict(),
    response: GroupRolesViewSchema,
  },
  'scim:setGroupRoles': {
    request: z
      .object({
        ...ConnectionRef,
        // Only the groups the admin changed; null takes the group's role away. Stytch's group
        // and role ids: its ID alphabet for groups, role ids as the dashboard allows them.
        changes: z
          .array(
            z
              .object({
                groupId: StytchIdSchema,
                roleId: z.string().trim().min(1).max(128).nullable(),
              })
              .strict(),
          )
          .min(1)
          .max(MAX_GROUP_ROLE_CHANGES),
      })
      .strict(),
    response: z.object({
      assignments: z.array(z.object({ groupId: z.string(), roleId: z.string() })),
    }),
  },
  'secrets:reveal': {
    request: z.object({ handle: SecretHandleSchema }).strict(),
    response: z.object({ value: z.string() }),
  },
  'clipboard:copy': {
    request: z.discriminatedUnion('kind', [
      z
        .object({ kind: z.literal('text'), text: z.string().max(MAX_CLIPBOARD_TEXT_CHARS) })
        .strict(),
      z.object({ kind: z.literal('secret'), handle: SecretHandleSchema }).strict(),
    ]),
    response: z.object({ clearsInMs: z.number().int().nullable() }),
  },
  'probe:run': {
    // The request names the connection, never a URL: main sends the stored token only to the
    // base_url Stytch holds for that connection, so the renderer cannot redirect a token.
    request: z
      .object({
        runId: z.string().min(1).max(100),
        ...OrgRef,
        token: SecretHandleSchema,
        writeCycle: z.boolean().default(false),
        timeoutMs: z.number().int().min(500).max(120_000).optional(),
      })
      .strict(),
    response: ProbeReportSchema,
  },
  'watch:start': { request: z.object(ConnectionRef).strict(), response: WatchSnapshotSchema },
  'watch:refresh': { request: empty, response: WatchSnapshotSchema },
  'watch:stop': { request: empty, response: WatchSnapshotSchema },
  // Sandbox mode only; the request names the connection, main finds its endpoint and token.
  'rehearsal:get': { request: z.object(ConnectionRef).strict(), response: RehearsalViewSchema },
  'rehearsal:run': {
    request: z.object({ ...ConnectionRef, action: RehearsalActionSchema }).strict(),
    response: z.object({ run: RehearsalRunSchema, rehearsal: RehearsalViewSchema }),
  },
  // Microsoft sign-in (main/microsoft-sign-in/): the UI sees who is signed in, never a token.
  'microsoft:status': { request: empty, response: MicrosoftStatusSchema },
  'microsoft:signIn': {
    // Asks only the scopes of the step the admin is on (shared/entra/graph-permissions.ts).
    request: z.object({ action: GraphActionNameSchema }).strict(),
    response: MicrosoftStatusSchema,
  },
  'microsoft:cancelSignIn': { request: empty, response: z.object({ cancelled: z.boolean() }) },
  'microsoft:signOut': { request: empty, response: MicrosoftStatusSchema },
  // The Entra steps through Microsoft Graph (main/entra-setup/). Requests name Stytch and Graph
  // objects by id; main reads the Tenant URL from Stytch and the token from the keychain.
  'entra:get': { request: z.object(OrgRef).strict(), response: EntraSetupViewSchema },
  'entra:findApps': {
    request: z.object({ ...OrgRef, displayName: EntraAppName }).strict(),
    response: z.object({ apps: z.array(EntraAppSchema) }),
  },
  'entra:createApp': {
    request: z.object({ ...OrgRef, displayName: EntraAppName }).strict(),
    response: EntraSetupViewSchema,
  },
  // The one request that names a service principal: main checks it is a SCIM app, and asks
  // (`confirm`) before taking over one whose job already provisions elsewhere; the admin's yes
  // comes back as `confirmHost`, which main compares with what it reads again. Every later write
  // goes to the app main linked, never to an id from the renderer.
  'entra:useApp': {
    request: z
      .object({
        ...OrgRef,
        servicePrincipalId: GraphIdSchema,
        confirmHost: HostNameSchema.optional(),
      })
      .strict(),
    response: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('linked'), view: EntraSetupViewSchema }),
      z.object({
        outcome: z.literal('confirm'),
        app: EntraAppSchema,
        /** The host the app's job already sends users to (its BaseAddress's), never the path. */
        host: z.string(),
      }),
    ]),
  },
  'entra:ensureJob': { request: z.object(OrgRef).strict(), response: EntraSetupViewSchema },
  'entra:testConnection': {
    request: z.object(ConnectionRef).strict(),
    response: EntraSetupViewSchema,
  },
  'entra:saveCredentials': {
    request: z.object(ConnectionRef).strict(),
    response: EntraSetupViewSchema,
  },
  'entra:readMapping': { request: z.object(OrgRef).strict(), response: EntraSetupViewSchema },
  'entra:fixMapping': {
    request: z.object({ ...OrgRef, fingerprint: z.string().min(1).max(200) }).strict(),
    response: EntraSetupViewSchema,
  },
  'entra:searchDirectory': {
    request: z
      .object({ kind: z.enum(['user', 'group']), text: z.string().trim().max(100) })
      .strict(),
    response: z.object({ principals: z.array(DirectoryPrincipalSchema) }),
  },
  'entra:assign': {
    request: z
      .object({
        ...OrgRef,
        principals: z
          .array(z.object({ id: GraphIdSchema, kind: z.enum(['user', 'group']) }).strict())
          .min(1)
          .max(MAX_ASSIGN_PRINCIPALS),
      })
      .strict(),
    response: z.object({
      view: EntraSetupViewSchema,
      outcomes: z.array(z.object({ principalId: z.string(), alreadyAssigned: z.boolean() })),
    }),
  },
  // Removes the app role assignment(s) of one user or group; Entra's next cycle then
  // deprovisions whoever leaves the app's scope.
  'entra:unassign': {
    request: z.object({ ...OrgRef, principalId: GraphIdSchema }).strict(),
    response: EntraSetupViewSchema,
  },
  // Reads the job's scope (SyncAll) and, when it is not assigned-only, the tenant's user count.
  'entra:readScope': { request: z.object(OrgRef).strict(), response: JobScopeSchema },
  // Sets the scope to "Sync only assigned users and groups" (SyncAll false), keeping the job's
  // other settings; re-sends the connection's credentials, as the PUT replaces the whole set.
  'entra:setAssignedOnly': {
    request: z.object(ConnectionRef).strict(),
    response: EntraSetupViewSchema,
  },
  // Main re-reads the scope and refuses (ENTRA_CONFIRMATION_REQUIRED) a job that syncs all users
  // and groups, or whose scope it cannot read, unless `confirmScope` names that very scope: the
  // admin's yes, which a compromised renderer cannot skip without saying so.
  'entra:start': {
    request: z.object({ ...OrgRef, confirmScope: z.enum(['all', 'unknown']).optional() }).strict(),
    response: EntraSetupViewSchema,
  },
  'entra:provisionOnDemand': {
    request: z.object({ ...OrgRef, userId: GraphIdSchema }).strict(),
    response: EntraSetupViewSchema,
  },
  'entra:health': { request: z.object(OrgRef).strict(), response: EntraHealthSchema },
  'entra:restart': { request: z.object(OrgRef).strict(), response: EntraHealthSchema },
  // The connections overview and health sweep (main/fleet/). The overview answers the cached
  // rows at once and starts a refresh in the background when none is running (progress on
  // fleet:progress); fleet:refresh starts one now (`full`: re-read every connection, not only
  // the organizations Stytch reports as changed).
  'fleet:overview': { request: empty, response: FleetOverviewSchema },
  'fleet:refresh': {
    request: z.object({ full: z.boolean().optional() }).strict(),
    response: FleetOverviewSchema,
  },
  // Sweeps every connection, or the organizations named; resumes an interrupted sweep when the
  // selection is left out and one is waiting. Answers at once; results arrive on fleet:progress.
  'fleet:sweepStart': {
    request: z
      .object({
        organizationIds: z.array(StytchIdSchema).min(1).max(MAX_SWEEP_SELECTION).optional(),
      })
      .strict(),
    response: FleetSweepStatusSchema,
  },
  'fleet:sweepCancel': { request: empty, response: FleetSweepStatusSchema },
  'fleet:sweepStatus': { request: empty, response: FleetSweepStatusSchema },
  // Main asks where to save (the system's save dialog) and writes the file; `saved` is false
  // when the admin cancelled. Only the file's name comes back, never its folder.
  'fleet:saveReport': {
    request: z.object({ format: z.enum(['csv', 'html']) }).strict(),
    response: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  },
  // Rotation in Stytch and Entra together (main/rotation/). Main reads the tokens and the Tenant
  // URL itself; the renderer names the connection only.
  'rotation:get': { request: z.object(ConnectionRef).strict(), response: RotationInfoSchema },
  'rotation:checkPending': {
    request: z.object(ConnectionRef).strict(),
    response: PendingCheckSchema,
  },
  'rotation:run': {
    request: z.object({ ...ConnectionRef, runId: z.string().min(1).max(100) }).strict(),
    response: RotationOutcomeSchema,
  },
  // A selection (e.g. every token expiring within 30 days), named by organization only: main
  // finds each one's connection in the overview and its Entra app in the links it keeps, so the
  // renderer cannot choose where a token goes; an id not in the overview refuses the request.
  // The plan says, before anything changes, which will run across both and why others will not.
  'rotation:planSelection': {
    request: z.object({ organizationIds: SelectionIds }).strict(),
    response: SelectionPlanSchema,
  },
  // One connection after the other, each step on rotation:progress with its place in the run;
  // one at a time. Answers when all had their turn.
  'rotation:runSelection': {
    request: z
      .object({ organizationIds: SelectionIds, runId: z.string().min(1).max(100) })
      .strict(),
    response: SelectionRunSchema,
  },
  // Stops the running selection once the connection in progress has finished (never mid-way,
  // which would leave a rotation half done); false when none runs.
  'rotation:stopSelection': { request: empty, response: z.object({ stopping: z.boolean() }) },
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>;

/** Payload schema of each event channel. */
export const eventContract = {
  'app:notice': NoticeSchema,
  'probe:progress': ProbeProgressSchema,
  'watch:update': WatchSnapshotSchema,
  'entra:onDemandWait': OnDemandWaitSchema,
  'fleet:progress': FleetProgressSchema,
  'rotation:progress': RotationProgressSchema,
} as const satisfies Record<EventChannel, z.ZodType>;

/** What the renderer sends on channel C. */
export type Req<C extends InvokeChannel> = z.input<(typeof ipcContract)[C]['request']>;
/** What a handler receives on channel C, after parsing. */
export type ParsedReq<C extends InvokeChannel> = z.output<(typeof ipcContract)[C]['request']>;
/** What a handler returns on channel C. */
export type Res<C extends InvokeChannel> = z.output<(typeof ipcContract)[C]['response']>;
/** The payload of event E. */
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>;

/** The one function the renderer calls main with. */
export type Invoke = <C extends InvokeChannel>(
  channel: C,
  request: Req<C>,
) => Promise<Result<Res<C>>>;

/** Subscribes to an event from main; returns the function that unsubscribes. */
export type Subscribe = <E extends EventChannel>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
) => () => void;

/** Everything the preload exposes on `window.assistant`: exactly these two functions. */
export interface AssistantApi {
  invoke: Invoke;
  on: Subscribe;
}

export type { AppError, Result } from './errors';
export type { EventChannel, InvokeChannel } from './ipc-channels';
export type AppInfo = z.infer<typeof AppInfoSchema>;
export type AppMode = z.infer<typeof AppModeSchema>;
export type StytchStatus = z.infer<typeof StytchStatusSchema>;
