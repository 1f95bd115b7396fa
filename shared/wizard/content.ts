import type { StepContent } from './content-types';
import {
  configureCredentials,
  createEntraApp,
  enableProvisioning,
  provisionUsers,
} from './entra-steps';
import { LINKS } from './links';
import type { WizardStepId } from './steps';
import { SCIM_WEBHOOK_EVENTS } from './webhook-events';

export type { ChecklistItem, StepContent, StepFact, WatchFact } from './content-types';

/** The one line that explains the Tenant URL's query flag (shown next to the credentials). */
export const AAD_OPT_FLAG_NOTE =
  'The Tenant URL ends with ?aadOptscim062020: that flag makes Entra send standards-compliant ' +
  'updates (for example a true/false value when it deactivates someone). Keep it.';

/** What deleting a connection removes and what it leaves, said before the user confirms. */
export const DELETE_CONNECTION_CONSEQUENCES: readonly string[] = [
  'Entra provisioning for this organization stops working: its requests will be refused.',
  'The token is removed from this computer’s keychain.',
  'Members already provisioned stay in the Stytch organization.',
];

const connectStytch: StepContent = {
  id: 'connect-stytch',
  title: 'Connect to Stytch',
  summary:
    'The assistant calls your Stytch B2B project for you. It needs the project ID and a secret ' +
    'from the API keys page of the Stytch dashboard. The secret is kept in your system keychain; ' +
    'only the ID is written to the settings file.',
  instructions: [
    'In the Stytch dashboard, open API keys for the B2B project you want to connect.',
    'Copy the project ID. An ID starting with project-test- is the test environment; ' +
      'project-live- is live.',
    'Copy a secret from the same environment and paste both below.',
  ],
  checklist: [],
  facts: [],
  notes: [],
  links: [{ label: 'Open Stytch API keys', url: LINKS.stytchApiKeys }],
  optional: false,
};

const chooseOrganization: StepContent = {
  id: 'choose-organization',
  title: 'Choose the organization',
  summary:
    'Pick the Stytch organization whose members Entra will manage. An organization can have only ' +
    'one active SCIM connection; those that already have one are marked.',
  instructions: ['Type at least three characters of the name to search, or browse the list.'],
  checklist: [],
  facts: [],
  notes: [],
  links: [],
  optional: false,
};

const createScimConnection: StepContent = {
  id: 'create-scim-connection',
  title: 'Create the SCIM connection',
  summary:
    'The assistant asks Stytch for a SCIM connection set up for Microsoft Entra ID. Stytch hands ' +
    'out the token only once, so it goes to your system keychain before anything else happens.',
  instructions: [],
  checklist: [],
  facts: [],
  notes: [
    'One organization, one active connection: if it already has one, reuse its token, rotate it, ' +
      'or delete the connection.',
  ],
  links: [],
  optional: false,
};

const groupRoles: StepContent = {
  id: 'group-roles',
  title: 'Give Entra groups a Stytch role (optional)',
  summary:
    'Entra sends the groups assigned to the enterprise app to Stytch. Pick a role for a group and ' +
    'Stytch gives that role to every member of the group, and takes it away when they leave it. ' +
    'The roles are the ones defined in your Stytch project.',
  instructions: [],
  checklist: [],
  facts: [],
  notes: [],
  links: [{ label: 'Open Roles & Permissions in Stytch', url: LINKS.stytchRoles }],
  optional: true,
};

const webhooks: StepContent = {
  id: 'webhooks',
  title: 'Webhooks (optional)',
  summary:
    'If your own application must react when Entra changes a member or a group, subscribe to ' +
    'the SCIM events Stytch sends.',
  instructions: [
    'Webhook endpoints are set up per project in the Stytch dashboard, on the Webhooks page.',
    'Subscribe to the events below that your application cares about.',
  ],
  checklist: [],
  facts: SCIM_WEBHOOK_EVENTS,
  notes: [],
  links: [
    { label: 'Open Stytch webhooks', url: LINKS.stytchWebhooks },
    { label: 'Read Stytch’s SCIM overview', url: LINKS.stytchScimOverview },
  ],
  optional: true,
};

const summary: StepContent = {
  id: 'summary',
  title: 'Summary',
  summary:
    'What this set-up connected, and what to keep an eye on. Copy it for your records or for ' +
    'a colleague: it holds no token or secret.',
  instructions: [],
  checklist: [],
  facts: [],
  notes: [],
  links: [],
  optional: false,
};

/** The content of every step, by id. */
export const STEP_CONTENT: Readonly<Record<WizardStepId, StepContent>> = {
  'connect-stytch': connectStytch,
  'choose-organization': chooseOrganization,
  'create-entra-app': createEntraApp,
  'enable-provisioning': enableProvisioning,
  'create-scim-connection': createScimConnection,
  'configure-credentials': configureCredentials,
  'provision-users': provisionUsers,
  'group-roles': groupRoles,
  webhooks,
  summary,
};

/** Every note of a step, its own then its parts' in part order: the step on one page (by hand). */
export function allNotes(content: StepContent): string[] {
  return [...content.notes, ...Object.values(content.partNotes ?? {}).flat()];
}

/** The settings key under which a checklist tick is saved. */
export function checklistKey(step: WizardStepId, itemId: string): string {
  return `${step}.${itemId}`;
}

/**
 * The credentials step's "I've pasted both" tick, which Next waits for: the step's own body and
 * the wizard's gate both read it, so it lives here rather than in either of them.
 */
export const PASTED_KEY = checklistKey('configure-credentials', 'pasted');
