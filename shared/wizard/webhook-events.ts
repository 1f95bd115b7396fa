import type { StepFact } from './content-types';

/**
 * The webhook events Stytch sends for SCIM changes, with what each one means.
 *
 * Sources, which agree with each other:
 * - Stytch API reference, "SCIM overview", step "Handle webhooks (optional)":
 *   https://stytch.com/docs/api-reference/b2b/api/scim/overview
 * - Stytch guide "Supported SCIM Actions", column "Stytch Webhook Triggered" (the meanings below
 *   come from its "Stytch Database Changes" column): https://stytch.com/docs/b2b/guides/scim/actions
 *
 * [Uncertain] Stytch's own event catalogue (hosted by Svix,
 * https://www.svix.com/event-types/us/org_2XtyUqbN4SKO3pqtd1Yp5eNLYas/) could not be read past
 * its dashboard.* entries in the sources available, and Stytch's SCIM overview under
 * /docs/multi-tenant-auth once listed `scim.scim_group.*` and `scim.scim_member_group.create`
 * instead. The two pages above are the newer ones and both say `scim.idp_group.*`. If the
 * catalogue says otherwise, change the names here and nowhere else.
 */
export const SCIM_WEBHOOK_EVENTS: readonly StepFact[] = [
  { term: 'scim.member.create', description: 'Entra provisioned a new member.' },
  {
    term: 'scim.member.update',
    description: 'A member’s details changed, or a deactivated member was reactivated.',
  },
  {
    term: 'scim.member.delete',
    description: 'A member was deprovisioned: deactivated, with roles and sessions revoked.',
  },
  { term: 'scim.idp_group.create', description: 'Entra pushed a new group.' },
  { term: 'scim.idp_group.update', description: 'A group’s display name changed.' },
  {
    term: 'scim.idp_group.delete',
    description: 'A group was deleted, with its memberships and the roles it granted.',
  },
  { term: 'scim.idp_group.member_add', description: 'A member was added to a group.' },
  {
    term: 'scim.idp_group.member_delete',
    description: 'A member was removed from a group, with the roles it granted.',
  },
];
