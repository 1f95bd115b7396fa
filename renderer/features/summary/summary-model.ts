import type { EntraSetupView } from '../../../shared/entra/entra-views';
import type { EntraStepsChoice } from '../../../shared/settings/settings';
import type { ScimConnectionView } from '../../../shared/stytch/views';
import { tokenDaysLeft } from '../../../shared/wizard/token-expiry';
import { SCOPE_WORDS } from '../entra-setup/ScopeSummary';

/** One SCIM group Entra sent and the Stytch role its members get. */
export interface GroupRole {
  group: string;
  role: string;
}

/**
 * What the summary is made of, read from the stores. Nothing here is a secret: the renderer
 * never holds a token or the project secret, and the token's last characters are left out too.
 */
export interface SummaryInput {
  project: { projectId: string | null; environment: 'test' | 'live' | null; sandbox: boolean };
  organization: { organizationId: string; name: string | null } | null;
  connection: ScimConnectionView | null;
  entraChoice: EntraStepsChoice | null;
  /** The assistant's view of the Entra side; null when it did not do the Entra steps. */
  entra: EntraSetupView | null;
  /** What the provisioning watch sees now; null before it has looked. */
  people: { active: number; deactivated: number; total: number } | null;
  /**
   * Group → role mappings (Stytch's `scim_group_implicit_role_assignments`). Slot for issue 22
   * item 10: null while the connection view does not carry them, and the row is left out.
   */
  groupRoles: readonly GroupRole[] | null;
  now: Date;
}

export interface SummaryRow {
  term: string;
  value: string;
}

export interface SummarySection {
  title: string;
  rows: SummaryRow[];
}

const BY_HAND = 'Set up by hand in Entra (the assistant did not read it)';

function projectWords({ projectId, environment, sandbox }: SummaryInput['project']): string {
  if (sandbox) return 'Local sandbox (nothing was sent to Stytch or Microsoft)';
  const where = environment === 'live' ? 'Live' : environment === 'test' ? 'Test' : 'unknown';
  return `${projectId ?? '—'} (${where})`;
}

function entraRows(input: SummaryInput): SummaryRow[] {
  const view = input.entraChoice === 'assistant' ? input.entra : null;
  if (view === null) {
    return [
      { term: 'Entra enterprise app', value: BY_HAND },
      { term: 'Scope', value: BY_HAND },
      { term: 'Attribute mapping', value: BY_HAND },
    ];
  }
  const scope = view.scope;
  const mapping = view.mapping;
  return [
    {
      term: 'Entra enterprise app',
      value: view.app ? view.app.displayName : 'Not created or chosen yet',
    },
    { term: 'Provisioning job', value: view.job ? view.job.status : 'Not set up yet' },
    {
      term: 'Scope',
      value:
        scope === null
          ? 'Not read in this session'
          : scope.scope === 'unknown'
            ? 'Unknown (the assistant could not read it)'
            : SCOPE_WORDS[scope.scope],
    },
    {
      term: 'Attribute mapping',
      value:
        mapping === null
          ? 'Not read in this session'
          : mapping.correct
            ? 'externalId from objectId, as Stytch expects'
            : `externalId from ${mapping.currentSource ?? 'nothing'} (Stytch expects objectId)`,
    },
  ];
}

function peopleWords(people: SummaryInput['people']): string {
  if (people === null) return 'Not looked at yet';
  if (people.total === 0) return 'None yet';
  return `${people.active} active, ${people.deactivated} deactivated (${people.total} in all)`;
}

function expiryWords(connection: ScimConnectionView | null, now: Date): string {
  if (connection === null) return 'No connection';
  const expiresAt = connection.bearerTokenExpiresAt;
  const days = tokenDaysLeft(expiresAt, now);
  if (expiresAt === null || days === null) return 'Stytch gave no expiry date';
  const date = new Date(expiresAt).toISOString().slice(0, 10);
  if (days < 0) return `Expired on ${date}: rotate it now`;
  return `${date} (${days === 1 ? '1 day' : `${days} days`} left)`;
}

/** The summary's sections: what was set up, and what to watch for. */
export function summarySections(input: SummaryInput): SummarySection[] {
  const { connection } = input;
  const setUp: SummaryRow[] = [
    { term: 'Stytch project', value: projectWords(input.project) },
    {
      term: 'Organization',
      value: input.organization
        ? `${input.organization.name ?? '—'} (${input.organization.organizationId})`
        : 'None chosen',
    },
    {
      term: 'SCIM connection',
      value: connection
        ? `${connection.displayName} (${connection.connectionId}), ${connection.status}`
        : 'None',
    },
    { term: 'Tenant URL', value: connection?.tenantUrl ?? '—' },
    ...entraRows(input),
    { term: 'People provisioned', value: peopleWords(input.people) },
    ...(input.groupRoles === null
      ? []
      : [
          {
            term: 'Group to role mappings',
            value:
              input.groupRoles.length === 0
                ? 'None'
                : input.groupRoles.map((m) => `${m.group} → ${m.role}`).join('; '),
          },
        ]),
  ];
  const watch: SummaryRow[] = [
    { term: 'Secret Token expires', value: expiryWords(connection, input.now) },
    {
      term: 'Before it expires',
      value:
        'Rotate the token from the SCIM connection step: when it expires, Entra quarantines ' +
        'the provisioning job.',
    },
    {
      term: 'Entra’s provisioning logs',
      value: 'Entra runs a cycle about every 40 minutes; its provisioning logs show any failure.',
    },
  ];
  return [
    { title: 'What was set up', rows: setUp },
    { title: 'What to watch for', rows: watch },
  ];
}

/** The summary as plain text, for "Copy summary". */
export function summaryText(sections: readonly SummarySection[], generatedAt: Date): string {
  const lines = [`SCIM set-up summary (${generatedAt.toISOString().slice(0, 10)})`];
  for (const section of sections) {
    lines.push('', section.title);
    for (const row of section.rows) lines.push(`- ${row.term}: ${row.value}`);
  }
  return lines.join('\n');
}
