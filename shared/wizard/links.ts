/**
 * Every outside page the wizard links to, in one table. Main opens only https links to these
 * pages' hosts and paths (the allow-list in main/security/open-external.ts, checked against this
 * table by its tests), so a new link may need a line there too.
 */
export const LINKS = {
  entraAdminCenter: 'https://entra.microsoft.com/',
  entraScimCompatibility:
    'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility',
  entraProvisionOnDemand:
    'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/provision-on-demand',
  entraQuarantine:
    'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-quarantine-status',
  entraHowProvisioningWorks:
    'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works',
  // Stytch's docs moved under /docs/multi-tenant-auth; the page at the older address
  // (/docs/b2b/guides/scim/entra) carries the previous site's navigation. This one is "Microsoft
  // Entra — Set up a SCIM connection with Microsoft Entra", indexed in https://stytch.com/docs/llms.txt.
  stytchEntraGuide:
    'https://stytch.com/docs/multi-tenant-auth/enterprise-ready/scim/microsoft-entra',
  // The API reference's "SCIM overview": its "Handle webhooks (optional)" step lists the SCIM
  // events the webhooks step shows (shared/wizard/webhook-events.ts).
  stytchScimOverview: 'https://stytch.com/docs/api-reference/b2b/api/scim/overview',
  // [Uncertain] The dashboard paths below are not in the research notes; they are the pages
  // Stytch's dashboard uses today. If they move, change them here and nowhere else.
  stytchApiKeys: 'https://stytch.com/dashboard/api-keys',
  stytchWebhooks: 'https://stytch.com/dashboard/webhooks',
  // The dashboard's RBAC page, where roles are made: the SDK's Get RBAC Policy docs link it.
  stytchRoles: 'https://stytch.com/dashboard/rbac',
} as const;

/** A labelled outside link. */
export interface StepLink {
  label: string;
  url: string;
}
