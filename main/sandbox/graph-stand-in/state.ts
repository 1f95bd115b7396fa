import type { Directory, DirectoryGroup, DirectoryUser } from '../entra-simulator/entra-simulator';
import { contosoDirectory, contosoTestUser } from '../contoso';
import type { FetchLike } from '../../http/create-http-client';
import { StandInJob, type EarlierJobState } from './provisioning-job';
import { newApp, SANDBOX_TENANT_ID, type StandInApp } from './tenant';

/** A Graph error the stand-in answers with (reference §5, error envelope). */
export class GraphStandInError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphStandInError';
  }
}

/** `Request_ResourceNotFound`, as Graph words it for a directory object. */
export const notFound = (id: string) =>
  new GraphStandInError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

/**
 * The provisioning settings (`…/synchronization/secrets` keys) a new non-gallery SCIM job holds
 * before anyone saves credentials: the failure e-mail off and "Sync only assigned users and
 * groups" (reference §2, Secrets, gives these values as examples; that a new job starts with
 * exactly them is [inferred]).
 */
export const DEFAULT_JOB_SECRETS: readonly { key: string; value: string }[] = [
  { key: 'SyncNotificationSettings', value: '{"Enabled":false,"DeleteThresholdEnabled":false}' },
  { key: 'SyncAll', value: 'false' },
];

/** What the stand-in's tenant is built from. */
export interface GraphStandInStateOptions {
  fetch: FetchLike;
  now: () => Date;
  /** Reads of a new app that answer 404 before it "replicates" (reference §1). */
  replicationReads: number;
  /** How often a started job runs a cycle. */
  cycleIntervalMs: number;
  /** The one origin jobs may provision to (the sandbox's SCIM server); null: none. */
  scimOrigin: string | null;
  /**
   * How long after an assignment is made provision on demand honours it: "There's a replication
   * delay of up to a few minutes between when an object is assigned to an application and when
   * that assignment is honored in on-demand provisioning" (entra-docs provision-on-demand.md).
   * Tests set it; 0 by default. Cycles see assignments at once.
   */
  assignmentDelayMs: number;
}

/** The tenant "Contoso (sandbox)": its people, its enterprise apps and their provisioning jobs. */
export class GraphStandInState {
  readonly tenantId = SANDBOX_TENANT_ID;
  readonly users: DirectoryUser[];
  readonly groups: DirectoryGroup[];
  readonly apps: StandInApp[] = [];
  readonly jobs = new Map<string, { spId: string; job: StandInJob }>();
  /**
   * What `GET …/secrets` (beta) answers in place of a stored value, by key. Whether Graph echoes
   * SecretToken is [unconfirmed] (reference §2, Secrets), so the stand-in withholds it (null):
   * the app must save credentials without it. Tests add others (a mask) to play a withheld
   * setting.
   */
  readonly secretsReadAs = new Map<string, string | null>([['SecretToken', null]]);

  constructor(readonly options: GraphStandInStateOptions) {
    const { users, groups } = contosoDirectory();
    this.users = users;
    this.groups = groups;
  }

  createApp(displayName: string): StandInApp {
    const app = newApp(displayName, this.options.replicationReads);
    this.apps.push(app);
    return app;
  }

  /** The app by service principal id; 404 while it is still replicating. */
  app(spId: string): StandInApp {
    const app = this.apps.find((candidate) => candidate.spId === spId);
    if (app === undefined) throw notFound(spId);
    if (app.unreplicatedReads > 0) {
      app.unreplicatedReads -= 1;
      throw notFound(spId);
    }
    return app;
  }

  /**
   * A new provisioning job (from the `scim` template unless a test names another); the app's
   * first one also gets the settings Entra gives a new non-gallery job (DEFAULT_JOB_SECRETS),
   * unless it already has some.
   */
  createJob(app: StandInApp, templateId = 'scim', guid?: string): StandInJob {
    if (app.secrets.length === 0) app.secrets = DEFAULT_JOB_SECRETS.map((pair) => ({ ...pair }));
    const job = new StandInJob(
      this.tenantId,
      {
        fetch: this.options.fetch,
        now: this.options.now,
        directory: () => this.directoryOf(app),
        onDemandDirectory: () => this.directoryOf(app, this.options.now()),
        cycleIntervalMs: this.options.cycleIntervalMs,
        scimOrigin: this.options.scimOrigin,
      },
      templateId,
      guid,
    );
    this.jobs.set(job.id, { spId: app.spId, job });
    return job;
  }

  /**
   * An app with its job that the admin set up before this run (the large sandbox), long
   * replicated, the job shown in the state it was left in. Its ids are the caller's, so the
   * links the app keeps in its settings stay true from one run to the next.
   */
  addEarlierApp(earlier: {
    spId: string;
    jobGuid: string;
    displayName: string;
    state: EarlierJobState;
  }): { spId: string; jobId: string } {
    const app: StandInApp = { ...newApp(earlier.displayName, 0), spId: earlier.spId };
    this.apps.push(app);
    const job = this.createJob(app, 'scim', earlier.jobGuid);
    job.showAsEarlier(earlier.state);
    return { spId: app.spId, jobId: job.id };
  }

  job(app: StandInApp, jobId: string): StandInJob {
    const entry = this.jobs.get(jobId);
    if (entry?.spId !== app.spId) throw notFound(jobId);
    return entry.job;
  }

  jobsOf(app: StandInApp): StandInJob[] {
    return [...this.jobs.values()].filter((e) => e.spId === app.spId).map((e) => e.job);
  }

  principal(id: string): { displayName: string; type: 'User' | 'Group' } | null {
    const user = this.users.find((candidate) => candidate.objectId === id);
    if (user) return { displayName: user.displayName ?? user.userPrincipalName, type: 'User' };
    const group = this.groups.find((candidate) => candidate.objectId === id);
    return group ? { displayName: group.displayName, type: 'Group' } : null;
  }

  /**
   * What the simulator provisions: Contoso's people, scoped by the app's assignments; given
   * `honouredAt`, only those made at least `assignmentDelayMs` before it (provision on demand).
   */
  directoryOf(app: StandInApp, honouredAt?: Date): Directory {
    const delay = this.options.assignmentDelayMs;
    const honoured =
      honouredAt === undefined
        ? app.assignments
        : app.assignments.filter(
            (assignment) => Date.parse(assignment.createdDateTime) + delay <= honouredAt.getTime(),
          );
    return {
      users: structuredClone(this.users),
      groups: structuredClone(this.groups),
      assignments: honoured.map((assignment) => assignment.principalId),
    };
  }

  /**
   * Sets the app's SyncAll setting as the admin center's Scope would (`"true"`: Sync all users
   * and groups); null removes the key. For tests and the sandbox: a new job has `"false"`.
   */
  setSyncAll(spId: string, value: string | null): void {
    const app = this.apps.find((candidate) => candidate.spId === spId);
    if (app === undefined) throw notFound(spId);
    const others = app.secrets.filter((setting) => setting.key !== 'SyncAll');
    app.secrets = value === null ? others : [...others, { key: 'SyncAll', value }];
  }

  /**
   * Adds Contoso's test user (once: asking again answers the same user), as an admin would create
   * it in the admin center.
   */
  addTestUser(): DirectoryUser {
    const user = contosoTestUser();
    const existing = this.users.find((candidate) => candidate.objectId === user.objectId);
    if (existing) return existing;
    this.users.push(user);
    return user;
  }

  stopJobs(): void {
    for (const { job } of this.jobs.values()) job.stop();
  }
}
