import { appFailure } from '../../../shared/errors';
import type {
  RehearsalAction,
  RehearsalRun,
  RehearsalView,
} from '../../../shared/provisioning/rehearsal';
import { createEntraSimulator, type EntraSimulator } from '../entra-simulator/entra-simulator';
import type { FetchLike } from '../../http/create-http-client';
import type { Logger } from '../../logging/logger';
import { demoDirectory } from './demo-directory';
import { performAction } from './rehearsal-actions';
import { rehearsalView, type Rehearsal } from './rehearsal-view';

/** Which connection a rehearsal plays Entra for. */
export interface RehearsalTarget {
  organizationId: string;
  connectionId: string;
}

/** Where the simulated Entra sends, as main found it: the sandbox Tenant URL and its token. */
export interface SandboxEndpoint {
  tenantUrl: string;
  token: string;
}

/** Finds the endpoint (and reads the token) when a connection's job starts, and only then. */
export type FindEndpoint = () => Promise<SandboxEndpoint>;

const keyOf = (target: RehearsalTarget) => `${target.organizationId}/${target.connectionId}`;

/** How many runs a rehearsal remembers (newest kept). */
const MAX_RUNS = 50;

/**
 * Sandbox mode's rehearsals of Entra provisioning: one simulated Entra job per connection for the
 * session, each with its own copy of the demo directory, so the admin can provision on demand,
 * run cycles and unassign users, and see what Entra's log would say. Actions run one at a time.
 */
export class Rehearsals {
  private readonly rehearsals = new Map<string, Rehearsal>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      /** Electron's net.fetch in the app, as the probe uses; Node's fetch in tests. */
      fetch: FetchLike;
      logger: Logger;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The connection's rehearsal; a connection not rehearsed yet shows the untouched directory. */
  view(target: RehearsalTarget): RehearsalView {
    return rehearsalView(this.rehearsals.get(keyOf(target)) ?? fresh(target));
  }

  /**
   * Runs an action. The first one starts the connection's simulated job against the endpoint
   * `findEndpoint` gives (main works it out; the renderer never names a URL), as Entra keeps the
   * Tenant URL and token it was given; later actions reuse that job.
   */
  run(
    target: RehearsalTarget,
    action: RehearsalAction,
    findEndpoint: FindEndpoint,
  ): Promise<{ run: RehearsalRun; rehearsal: RehearsalView }> {
    const next = this.queue.then(() => this.runNow(target, action, findEndpoint));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(
    target: RehearsalTarget,
    action: RehearsalAction,
    findEndpoint: FindEndpoint,
  ) {
    const rehearsal = this.rehearsals.get(keyOf(target)) ?? fresh(target);
    rehearsal.simulator ??= this.startJob(await findEndpoint());
    this.rehearsals.set(keyOf(target), rehearsal);
    const at = this.now().toISOString();
    const run = await performAction(action, rehearsal, rehearsal.simulator, at);
    rehearsal.runs = [run, ...rehearsal.runs].slice(0, MAX_RUNS);
    this.deps.logger.info('rehearsal.ran', {
      connectionId: target.connectionId,
      action,
      ran: run.ran,
      completed: run.completed,
      entries: run.entries,
      failures: run.failures,
      errorCode: run.error?.code ?? null,
    });
    return { run, rehearsal: rehearsalView(rehearsal) };
  }

  private startJob(endpoint: SandboxEndpoint): EntraSimulator {
    const created = createEntraSimulator({ ...endpoint, fetch: this.deps.fetch });
    if (created.ok) return created.simulator;
    throw appFailure(
      'STYTCH_UNEXPECTED_RESPONSE',
      `The sandbox gave this connection a base_url the simulated Entra cannot use: ${created.error.message}`,
      'Delete the connection and create it again in the sandbox.',
    );
  }
}

function fresh(target: RehearsalTarget): Rehearsal {
  return {
    organizationId: target.organizationId,
    connectionId: target.connectionId,
    directory: demoDirectory(),
    simulator: null,
    runs: [],
  };
}
