import { LINKS, type StepLink } from './links';
import type { WizardStepId } from './steps';

/** Something the user confirms by ticking a box. Saved in settings under `<stepId>.<id>`. */
export interface ChecklistItem {
  id: string;
  label: string;
}

/** A term and what it means, shown as a definition list (webhook events, for example). */
export interface StepFact {
  term: string;
  description: string;
}

/** What the wizard says on one step. Plain data: no React, no zod. */
export interface StepContent {
  id: WizardStepId;
  /** Used in the step list and as the step's heading. */
  title: string;
  summary: string;
  /** Numbered instructions, in the order the user carries them out. */
  instructions: readonly string[];
  /** Boxes the user ticks; every one must be ticked before Next. */
  checklist: readonly ChecklistItem[];
  facts: readonly StepFact[];
  notes: readonly string[];
  links: readonly StepLink[];
  optional: boolean;
}

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

const createEntraApp: StepContent = {
  id: 'create-entra-app',
  title: 'Create the Entra application',
  summary:
    'Entra provisions users through an enterprise application. For Stytch you create a custom, ' +
    'non-gallery one.',
  instructions: [
    'Sign in to the Microsoft Entra admin center and open Enterprise applications.',
    'Choose New application, then Create your own application.',
    'Name it so other admins recognise it, for example after this Stytch organization.',
    'Pick “Integrate any other application you don’t find in the gallery (Non-gallery)” and ' +
      'create it.',
  ],
  checklist: [
    { id: 'opened', label: 'I opened Enterprise applications' },
    { id: 'own-app', label: 'I chose New application, then Create your own application' },
    { id: 'non-gallery', label: 'I picked the non-gallery option and the app was created' },
  ],
  facts: [],
  notes: [],
  links: [
    { label: 'Open Microsoft Entra admin center', url: LINKS.entraAdminCenter },
    { label: 'Read Stytch’s Entra guide', url: LINKS.stytchEntraGuide },
  ],
  optional: false,
};

const enableProvisioning: StepContent = {
  id: 'enable-provisioning',
  title: 'Turn on automatic provisioning',
  summary: 'Tell the new application to push users to Stytch automatically.',
  instructions: [
    'In the application you just created, open Provisioning and choose Get started.',
    'Set Provisioning Mode to Automatic.',
    'Open Admin Credentials. Its two fields, Tenant URL and Secret Token, are filled in two steps ' +
      'from now.',
  ],
  checklist: [
    { id: 'get-started', label: 'I opened Provisioning and chose Get started' },
    { id: 'automatic', label: 'Provisioning Mode is Automatic' },
    {
      id: 'admin-credentials',
      label: 'I can see Tenant URL and Secret Token under Admin Credentials',
    },
  ],
  facts: [],
  notes: [],
  links: [{ label: 'Open Microsoft Entra admin center', url: LINKS.entraAdminCenter }],
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

const configureCredentials: StepContent = {
  id: 'configure-credentials',
  title: 'Paste the credentials into Entra',
  summary:
    'Copy the Tenant URL and Secret Token into Admin Credentials, then check the connection here ' +
    'and in Entra.',
  instructions: [
    'Paste each value below into the field of the same name under Admin Credentials.',
    'Run Test Connection here: it sends the query Entra sends and explains any failure.',
    'In Entra, select Test Connection, then Save.',
    'Under Mappings, open the user mapping and make objectId the source of externalId. ' +
      'Stytch matches members on it.',
    'Back on Provisioning, switch Provisioning Status to On and save.',
  ],
  checklist: [
    { id: 'entra-test', label: 'Entra’s Test Connection succeeded and I saved' },
    { id: 'mapping', label: 'objectId maps to externalId in the user mapping' },
    { id: 'status-on', label: 'Provisioning Status is On' },
  ],
  facts: [],
  // The aadOptscim062020 line sits next to the Tenant URL itself (AAD_OPT_FLAG_NOTE).
  notes: [],
  links: [
    { label: 'Open Microsoft Entra admin center', url: LINKS.entraAdminCenter },
    { label: 'Read about the aadOptscim062020 flag', url: LINKS.entraScimCompatibility },
  ],
  optional: false,
};

const provisionUsers: StepContent = {
  id: 'provision-users',
  title: 'Provision users',
  summary: 'Decide who Entra sends to Stytch, and check one person straight away.',
  instructions: [
    'Under Users and groups, assign the people or groups who should become members.',
    'Use Provision on demand to push one user (or a small group) now; it shows each stage ' +
      'and usually finishes within seconds.',
    'Everyone else follows with the regular cycle, which runs about every 40 minutes. The first ' +
      'cycle can take longer.',
    'Unassigning or disabling someone in Entra deactivates the member in Stytch at the next cycle.',
  ],
  checklist: [
    { id: 'assigned', label: 'I assigned users or groups' },
    { id: 'on-demand', label: 'Provision on demand succeeded for one user' },
  ],
  facts: [],
  notes: [
    'Provision on demand ignores the aadOptscim062020 flag, so its requests can differ slightly ' +
      'from the regular cycle.',
    'If most requests fail, Entra quarantines the job and slows it to about once a day until it ' +
      'recovers.',
  ],
  links: [
    { label: 'Read about Provision on demand', url: LINKS.entraProvisionOnDemand },
    { label: 'Read about quarantine', url: LINKS.entraQuarantine },
  ],
  optional: false,
};

const webhooks: StepContent = {
  id: 'webhooks',
  title: 'Webhooks (optional)',
  summary:
    'If your own application must react when Entra changes a member, subscribe to the SCIM ' +
    'events Stytch sends.',
  instructions: [
    'Webhook endpoints are set up per project in the Stytch dashboard, on the Webhooks page.',
    'Subscribe to the events below that your application cares about.',
  ],
  checklist: [],
  facts: [
    { term: 'scim.member.create', description: 'Entra provisioned a new member.' },
    {
      term: 'scim.member.update',
      description: 'A member’s details changed, or a deactivated member was reactivated.',
    },
    {
      term: 'scim.member.delete',
      description: 'A member was deprovisioned: deactivated, with roles and sessions revoked.',
    },
    { term: 'scim.scim_group.create', description: 'Entra pushed a new group.' },
    { term: 'scim.scim_group.update', description: 'A group’s name changed.' },
    { term: 'scim.scim_member_group.create', description: 'A member was added to a group.' },
  ],
  notes: [],
  links: [
    { label: 'Open Stytch webhooks', url: LINKS.stytchWebhooks },
    { label: 'Read Stytch’s SCIM overview', url: LINKS.stytchScimOverview },
  ],
  optional: true,
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
  webhooks,
};

/** The settings key under which a checklist tick is saved. */
export function checklistKey(step: WizardStepId, itemId: string): string {
  return `${step}.${itemId}`;
}
