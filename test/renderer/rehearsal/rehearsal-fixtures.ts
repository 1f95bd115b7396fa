import type { ProvisioningLogRow } from '../../../shared/provisioning/log-row';
import type { RehearsalRun, RehearsalView } from '../../../shared/provisioning/rehearsal';

const people = [
  ['Adele Vance', 'adele.vance@contoso.com'],
  ['Alex Wilber', 'alex.wilber@contoso.com'],
  ['Diego Siciliani', 'diego.siciliani@contoso.com'],
  ['Megan Bowen', 'megan.bowen@contoso.com'],
  ['Nestor Wilke', 'nestor.wilke@contoso.com'],
] as const;

/** A rehearsal as main answers it before any action: the demo directory, nothing sent. */
export function rehearsalView(
  target: { organizationId: string; connectionId: string },
  overrides: Partial<RehearsalView> = {},
): RehearsalView {
  return {
    ...target,
    users: people.map(([displayName, userPrincipalName], index) => ({
      objectId: `object-${index + 1}`,
      userPrincipalName,
      displayName,
      assigned: true,
      provisioned: false,
    })),
    groups: [
      {
        objectId: 'group-1',
        displayName: 'Sales and Marketing',
        assigned: true,
        members: ['Adele Vance', 'Alex Wilber', 'Megan Bowen'],
      },
      {
        objectId: 'group-2',
        displayName: 'Engineering',
        assigned: true,
        members: ['Diego Siciliani', 'Nestor Wilke'],
      },
    ],
    next: { onDemand: 'Adele Vance', unassign: null },
    job: { state: 'running', quarantine: null },
    runs: [],
    log: [],
    ...overrides,
  };
}

/** A run that went well. */
export function rehearsalRun(overrides: Partial<RehearsalRun> = {}): RehearsalRun {
  return {
    at: '2026-12-01T12:04:05.000Z',
    action: 'provision-on-demand',
    ran: 'on-demand',
    user: 'Adele Vance',
    completed: true,
    entries: 1,
    failures: 0,
    error: null,
    ...overrides,
  };
}

/** A log entry: a user created on demand, unless overridden. */
export function logEntry(overrides: Partial<ProvisioningLogRow> = {}): ProvisioningLogRow {
  return {
    changeId: 'change-1',
    cycleId: 'cycle-1',
    trigger: 'onDemand',
    activityDateTime: '2026-12-01T12:04:05.000Z',
    identityType: 'User',
    sourceIdentity: { id: 'object-1', displayName: 'Adele Vance' },
    targetIdentity: { id: 'scim-user-1' },
    action: 'Create',
    status: 'Success',
    steps: [
      {
        name: 'Import',
        status: 'Success',
        description: "Received User 'adele.vance@contoso.com' from Microsoft Entra ID",
        details: { UserPrincipalName: 'adele.vance@contoso.com' },
      },
      { name: 'Scope', status: 'Success', description: 'User is assigned', details: {} },
      { name: 'Match', status: 'Success', description: 'No match found', details: {} },
      { name: 'Action', status: 'Success', description: 'User was created', details: {} },
    ],
    modifiedProperties: [
      { displayName: 'userName', oldValue: null, newValue: 'adele.vance@contoso.com' },
    ],
    error: null,
    ...overrides,
  };
}
