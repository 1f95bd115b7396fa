import type { ProbeExchange, ProbeStatus } from '../../../shared/probe/report';
import type { ProbeContext } from '../probe-context';
import type { Exchange, ScimCall } from '../scim-exchange';
import { ListResponseSchema, ScimResourceSchema } from '../scim-messages';
import { answerOf, exchangeLine } from './record';

/** A line's verdict: status, message and, for a problem, what to do about it. */
export type Verdict = readonly [status: ProbeStatus, message: string, fix?: string];

const RANK: Record<ProbeStatus, number> = { pass: 0, skip: 0, warn: 1, fail: 2 };

/** Which kind of resource a line is about: how it is addressed, named and labelled. */
export interface ResourceKind {
  noun: 'user' | 'group';
  collection: '/Users' | '/Groups';
  /** Entra's query string when it reads one by id (Get Group excludes members). */
  readQuery: ScimCall['query'];
  /** Appended to its lines' labels; the user's lines keep the bare labels they always had. */
  labelSuffix: string;
}

export const USER: ResourceKind = {
  noun: 'user',
  collection: '/Users',
  readQuery: [],
  labelSuffix: '',
};

/** use-scim-to-provision-users-and-groups.md, "Get Group": `?excludedAttributes=members`. */
export const GROUP: ResourceKind = {
  noun: 'group',
  collection: '/Groups',
  readQuery: [['excludedAttributes', 'members']],
  labelSuffix: '-group',
};

export const labelOf = (kind: ResourceKind, base: string): string => `${base}${kind.labelSuffix}`;

/** Something the cycle created: where it lives and how an admin would find it by hand. */
export interface Created {
  kind: ResourceKind;
  id: string;
  path: string;
  name: string;
  gone: boolean;
}

/** Collects the write cycle's lines, and what it created, as it goes. */
export class Cycle {
  readonly lines: ProbeExchange[] = [];
  /** One entry per line that did not pass: its fix, when it has one of its own. */
  readonly fixes: Array<string | undefined> = [];
  worst: ProbeStatus = 'pass';
  decisive: Exchange | null = null;
  /** Oldest first, so a report lists what was left behind in the order it was made. */
  readonly created: Created[] = [];
  /** Resources that may exist but could not be found to clean up. */
  readonly unaccounted: Array<{ kind: ResourceKind; name: string }> = [];

  constructor(private readonly ctx: ProbeContext) {}

  async send(label: string, call: ScimCall, judge: (sent: Exchange) => Verdict): Promise<Exchange> {
    const sent = await this.ctx.send(call);
    const [status, message, fix] = judge(sent);
    this.lines.push(exchangeLine(label, sent, status, message));
    if (status !== 'pass') this.fixes.push(fix);
    if (RANK[status] > RANK[this.worst]) {
      this.worst = status;
      this.decisive = sent;
    }
    return sent;
  }

  made(kind: ResourceKind, id: string, name: string): Created {
    const created: Created = { kind, id, path: `${kind.collection}/${id}`, name, gone: false };
    this.created.push(created);
    return created;
  }

  /** What may still exist, oldest first: what could not be deleted, then what could not be found. */
  get leftBehind(): ReadonlyArray<{ kind: ResourceKind; name: string }> {
    return [...this.created.filter((c) => !c.gone), ...this.unaccounted];
  }
}

export const ok2xx = (sent: Exchange): boolean =>
  sent.reply !== null && sent.reply.status >= 200 && sent.reply.status < 300;

/** The `id` of a created resource, when the answer carries one. */
function idOf(sent: Exchange): string | null {
  const parsed = ScimResourceSchema.safeParse(sent.reply?.json);
  return parsed.success && ok2xx(sent) ? parsed.data.id : null;
}

/** How to find a resource whose creation may have happened without the probe learning its id. */
interface LookUp {
  kind: ResourceKind;
  /** Entra's query for it by its unique attribute. */
  call: ScimCall;
  /** "a user named …", for the report when it cannot be found. */
  described: string;
}

/**
 * The id a create answered with. After a create whose outcome is unclear (no answer, or success
 * without an id) the resource may exist all the same, so it is looked up to be cleaned up; a
 * create the server refused made nothing.
 */
export async function createdId(
  cycle: Cycle,
  created: Exchange,
  find: LookUp,
): Promise<string | null> {
  const id = idOf(created);
  if (id !== null) return id;
  if (created.reply !== null && !ok2xx(created)) return null;
  const found = await cycle.send(labelOf(find.kind, 'look-up'), find.call, (sent) => [
    sent.reply?.status === 200 ? 'pass' : 'warn',
    `Looking for the test ${find.kind.noun} ${answerOf(sent)}.`,
  ]);
  const list = ListResponseSchema.safeParse(found.reply?.json);
  const first = ScimResourceSchema.safeParse(list.success ? list.data.Resources?.[0] : undefined);
  if (first.success) return first.data.id;
  cycle.unaccounted.push({
    kind: find.kind,
    name: `possibly ${find.described} (the server did not say whether it was created)`,
  });
  return null;
}

/**
 * The create line's verdict: 201 with an id passes (use-scim…, "Create User" / "Create Group"
 * responses), another 2xx with an id warns, anything else is `problem`.
 */
export function createVerdict(
  sent: Exchange,
  kind: ResourceKind,
  problem: ProbeStatus,
  fix?: string,
): Verdict {
  if (idOf(sent) === null) {
    const noId = ok2xx(sent) ? ' without an "id"' : '';
    return [problem, `Creating an Entra-shaped ${kind.noun} ${answerOf(sent)}${noId}.`, fix];
  }
  return sent.reply?.status === 201
    ? ['pass', 'Created (201).']
    : ['warn', `Created, but with ${sent.reply?.status} instead of 201.`, fix];
}

const deleteFix = (kind: ResourceKind): string =>
  `Make DELETE ${kind.collection}/{id} delete the ${kind.noun} and answer 204, as Entra expects.`;

/**
 * Deletes what the cycle created and reads it back, expecting 404. Entra's docs answer DELETE
 * with 204 (use-scim…, "Delete User" and "Delete Group" responses); another 2xx still deletes.
 */
async function deleteAndConfirm(
  cycle: Cycle,
  created: Created,
  problem: ProbeStatus,
): Promise<void> {
  const { kind, path } = created;
  const deleted = await cycle.send(labelOf(kind, 'delete'), { method: 'DELETE', path }, (sent) => {
    if (sent.reply?.status === 204) return ['pass', 'Deleted (204).'];
    if (ok2xx(sent))
      return ['warn', `Deleted, but with ${sent.reply?.status} instead of 204.`, deleteFix(kind)];
    return [problem, `Deleting the test ${kind.noun} ${answerOf(sent)}.`, deleteFix(kind)];
  });
  if (!ok2xx(deleted)) return;
  created.gone = true;
  const read: ScimCall = { method: 'GET', path, query: kind.readQuery };
  await cycle.send(labelOf(kind, 'read-deleted'), read, (sent) =>
    sent.reply?.status === 404
      ? ['pass', 'Gone (404).']
      : [
          'warn',
          `After DELETE, reading the ${kind.noun} ${answerOf(sent)}; expected 404.`,
          `Answer 404 with a SCIM Error for a ${kind.noun} that was deleted (RFC 7644 §3.4.1).`,
        ],
  );
}

/**
 * Runs `work` on something the cycle created, then deletes it; on every path — a failed step, a
 * failed delete, even a throw — it tries once more, so nothing is left behind on purpose. Nested
 * calls therefore delete in reverse order of creation.
 */
export async function thenDelete(
  cycle: Cycle,
  created: Created,
  problem: ProbeStatus,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
    await deleteAndConfirm(cycle, created, problem);
  } finally {
    if (!created.gone) {
      const retry = await cycle.send(
        labelOf(created.kind, 'clean-up'),
        { method: 'DELETE', path: created.path },
        (sent) =>
          ok2xx(sent)
            ? ['pass', 'Clean-up delete succeeded.']
            : [
                'fail',
                `Clean-up delete of the test ${created.kind.noun} ${answerOf(sent)}.`,
                deleteFix(created.kind),
              ],
      );
      created.gone = ok2xx(retry);
    }
  }
}
