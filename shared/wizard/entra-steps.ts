import type { StepContent } from './content-types';
import { LINKS } from './links';

/*
 * The steps the admin carries out in the Microsoft Entra admin center. Entra shows one of two
 * provisioning screens, so every instruction and checklist item names both and can be ticked
 * honestly on either:
 * - the current one ("+ New configuration" … "Create" … "Start provisioning"):
 *   MicrosoftDocs/entra-docs@0596ed57 docs/identity/app-provisioning/
 *   use-scim-to-provision-users-and-groups.md, "Integrate your SCIM endpoint with the Microsoft
 *   Entra provisioning service" > "Getting started" (below: "use-scim, Getting started");
 * - the older one ("Get started", "Provisioning Mode", "Admin Credentials", "Mappings",
 *   "Settings", "Provisioning Status"): MicrosoftDocs/entra-docs@0596ed57
 *   docs/identity/app-provisioning/configure-automatic-user-provisioning-portal.md (below:
 *   "configure-automatic") and Stytch's Entra guide
 *   (https://stytch.com/docs/multi-tenant-auth/enterprise-ready/scim/microsoft-entra, steps
 *   "Enable automatic provisioning" and "Configure SCIM credentials in Entra").
 */

export const createEntraApp: StepContent = {
  id: 'create-entra-app',
  title: 'Create the enterprise app in Entra',
  summary:
    'Entra provisions users through an enterprise application. For Stytch you create a custom, ' +
    'non-gallery one.',
  instructions: [
    // "Entra ID > Enterprise apps", "+ New application > + Create your own application":
    // use-scim, Getting started, steps 2 and 4. "Applications → Enterprise Applications":
    // Stytch's Entra guide, "Create application in Entra".
    'Sign in to the Microsoft Entra admin center and browse to Entra ID > Enterprise apps ' +
      '(on older screens: Applications > Enterprise applications).',
    'Select + New application, then + Create your own application.',
    'Name it so other admins recognise it, for example after this Stytch organization.',
    'Pick “Integrate any other application you don’t find in the gallery (Non-gallery)” and ' +
      'create it.',
  ],
  // Outcomes, not actions: each can be checked in Entra, by the admin or by the assistant.
  checklist: [
    {
      id: 'own-app',
      label: 'The enterprise app exists, made with + Create your own application',
    },
    {
      id: 'non-gallery',
      label:
        'It is a non-gallery app (“Integrate any other application you don’t find in the gallery”)',
    },
  ],
  facts: [],
  notes: [],
  links: [
    { label: 'Open Microsoft Entra admin center', url: LINKS.entraAdminCenter },
    { label: 'Read Stytch’s Entra guide', url: LINKS.stytchEntraGuide },
  ],
  optional: false,
};

export const enableProvisioning: StepContent = {
  id: 'enable-provisioning',
  title: 'Turn on automatic provisioning',
  summary:
    'Tell the new application to push users to Stytch automatically. Entra shows one of two ' +
    'screens here; each step names both.',
  instructions: [
    'In the application you just created, select Provisioning.',
    // Current: use-scim, Getting started ("Select + New configuration"). Older: Stytch's Entra
    // guide ("click “Get started” and then switch the provisioning mode from “Manual” to
    // “Automatic”") and configure-automatic, "Provisioning modes".
    'Current screen: select + New configuration. Older screen: select Get started, then set ' +
      'Provisioning Mode to Automatic.',
    // Current: use-scim, Getting started ("In the Tenant URL field …", "… the optional Secret
    // Token field"). Older: configure-automatic, "Admin Credentials".
    'You now see the Tenant URL and Secret Token fields (under Admin Credentials on the older ' +
      'screen). Leave this page open: they are filled in two steps from now.',
  ],
  checklist: [
    {
      id: 'configuration',
      label:
        'The app has a provisioning configuration (older screen: Provisioning Mode is Automatic)',
    },
    { id: 'credential-fields', label: 'Entra shows its Tenant URL and Secret Token fields' },
  ],
  facts: [],
  notes: [],
  links: [{ label: 'Open Microsoft Entra admin center', url: LINKS.entraAdminCenter }],
  optional: false,
};

export const configureCredentials: StepContent = {
  id: 'configure-credentials',
  title: 'Paste the credentials into Entra',
  summary:
    'Copy the Tenant URL and Secret Token into Entra, check the connection here and in Entra, ' +
    'then save the configuration and check the user mapping.',
  assistantSummary:
    'The assistant gives Entra this connection’s Tenant URL and Secret Token, runs Entra’s Test ' +
    'Connection and checks the user mapping, one part at a time.',
  instructions: [
    'Paste each value below into the Entra field of the same name: Tenant URL and Secret Token.',
    'Select Check the connection here: it sends the query Entra’s Test Connection sends, and ' +
      'explains any failure.',
    // Current: use-scim, Getting started ("Select Test Connection …", "then select Create to
    // create the provisioning job"). Older: Stytch's Entra guide ("Click “Test Connection”,
    // then save").
    'In Entra, select Test Connection. Once it succeeds, select Create (older screen: Save).',
    // Current: use-scim, Getting started ("Select Attribute mapping in the left panel …"). Older:
    // configure-automatic, "Mappings". The requirement: Stytch's Entra guide, "Configure SCIM
    // credentials in Entra" ("Under “Mappings” ensure that objectId is mapped to externalId (i.e.
    // objectId is set to the “Source” attribute and externalId is set to the “Target”
    // attribute)").
    'Open Attribute mapping (older screen: Mappings), then the user mapping. Make sure objectId ' +
      'is the source attribute of externalId, the target attribute, and save.',
  ],
  checklist: [
    {
      id: 'entra-test',
      label:
        'Entra’s Test Connection passes and the configuration is created (older screen: saved)',
    },
    { id: 'mapping', label: 'The user mapping sends objectId (source) as externalId (target)' },
  ],
  facts: [],
  notes: [],
  partNotes: {
    mapping: [
      // Stytch documents the requirement only (Stytch's Entra guide, see above); why Stytch needs
      // it is our reading, not Stytch's words, and is said as such.
      'Stytch’s Entra guide requires the objectId to externalId mapping. That Stytch uses ' +
        'externalId to recognise members Entra has already sent is our inference: Stytch does ' +
        'not document how it matches them.',
    ],
  },
  // The aadOptscim062020 line sits next to the Tenant URL itself (AAD_OPT_FLAG_NOTE).
  links: [
    { label: 'Open Microsoft Entra admin center', url: LINKS.entraAdminCenter },
    { label: 'Read Stytch’s Entra guide', url: LINKS.stytchEntraGuide },
    { label: 'Read about the aadOptscim062020 flag', url: LINKS.entraScimCompatibility },
  ],
  optional: false,
};

/**
 * The name the app suggests for step 7's test user, and gives the one it creates in the sandbox
 * tenant (main/sandbox/contoso.ts): someone to unassign instead of a person.
 */
export const TEST_USER_NAME = 'Test User (SCIM check)';

export const provisionUsers: StepContent = {
  id: 'provision-users',
  title: 'Provision users',
  summary: 'Decide who Entra sends to Stytch, check one person straight away, then start.',
  instructions: [
    // The label "Sync only assigned users and groups": MicrosoftDocs/entra-docs@009a8a8d
    // docs/identity/app-provisioning/how-provisioning-works.md, "Scoping" > "Assignment-based
    // scoping". Older screen: configure-automatic, "Settings" ("select the scope of users to
    // sync"). [Uncertain] Current screen: MicrosoftDocs/entra-docs@0039785a
    // docs/identity/app-provisioning/accidental-deletions.md puts "Settings" behind "Edit
    // provisioning" on the provisioning page; that Scope sits in the same Settings is inferred,
    // not documented.
    'On the Provisioning page (current screen: select Edit provisioning first), under Settings, ' +
      'set Scope to Sync only assigned users and groups, and save.',
    // Assigning groups needs P1 or P2: how-provisioning-works.md, "Assignment-based scoping".
    'Under Users and groups, assign the people or groups who should become members. Assigning ' +
      'groups needs a Microsoft Entra ID P1 or P2 licence; without one, assign people one by one.',
    // "Provision on demand": MicrosoftDocs/entra-docs@0596ed57
    // docs/identity/app-provisioning/provision-on-demand.md, "How to use on-demand provisioning".
    'Use Provision on demand to push one user (or a small group) now; it shows each stage ' +
      'and usually finishes within seconds.',
    // Current: use-scim, Getting started ("Select Start provisioning"). Older: configure-automatic,
    // "Provisioning Status" ("changing the Provisioning Status to On").
    'Turn provisioning on: select Start provisioning (older screen: set Provisioning Status to ' +
      'On and save).',
    'Everyone else follows with the regular cycle, which runs about every 40 minutes. The first ' +
      'cycle can take longer.',
    'Optional, to see deprovisioning work: create a dedicated test user in Entra (for example ' +
      `“${TEST_USER_NAME}”), assign it, and once its member appears in Stytch, unassign it. Entra ` +
      'deactivates its member at the next cycle. Don’t unassign a real person to test this: ' +
      'their member would be deactivated in Stytch.',
  ],
  checklist: [
    // Ticked by the assistant (renderer/features/entra-setup/EntraProvisionStep.tsx) when it reads
    // the job's SyncAll as false through Graph (main/entra-setup/job-settings.ts).
    { id: 'scope', label: 'Scope is Sync only assigned users and groups' },
    { id: 'assigned', label: 'Users or groups are assigned to the app' },
    { id: 'on-demand', label: 'Provision on demand succeeded for one user' },
    {
      id: 'started',
      label:
        'Provisioning is on (current screen: after Start provisioning; older screen: ' +
        'Provisioning Status is On and saved)',
    },
    // Ticked only from the watch's own state (renderer/features/wizard/Checklist.tsx): the step
    // is done once a member arrives; deprovisioning is an optional proof, with a test user.
    {
      id: 'member-arrived',
      label: 'A member of this connection appeared in Stytch',
      seenByWatch: 'arrived',
    },
    {
      id: 'member-deactivated',
      label: 'Optional: a test user unassigned in Entra showed as deactivated in Stytch',
      optional: true,
      seenByWatch: 'deactivated',
    },
  ],
  facts: [],
  notes: [],
  // Each note under the part it is about, when the assistant does the step in parts.
  partNotes: {
    assign: [
      // how-provisioning-works.md, "Assignment-based scoping" > "Nested groups".
      'Only direct members of an assigned group are provisioned: Entra does not provision the ' +
        'members of a group nested inside it. Assign such groups directly.',
      // use-scim-to-provision-users-and-groups.md, "Understand the Microsoft Entra SCIM
      // implementation" > "/Groups".
      'Give every assigned group a unique display name: Entra requires it to match groups ' +
        'between Entra and the SCIM application.',
    ],
    'on-demand': [
      'Provision on demand ignores the aadOptscim062020 flag, so its requests can differ ' +
        'slightly from the regular cycle.',
    ],
    watch: [
      'If most requests fail, Entra quarantines the job and slows it to about once a day until ' +
        'it recovers.',
    ],
  },
  links: [
    { label: 'Read how Entra decides who is in scope', url: LINKS.entraHowProvisioningWorks },
    { label: 'Read about Provision on demand', url: LINKS.entraProvisionOnDemand },
    { label: 'Read about quarantine', url: LINKS.entraQuarantine },
  ],
  optional: false,
};
