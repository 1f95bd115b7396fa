import { randomUUID } from 'node:crypto';

import type { Member, Organization } from 'stytch';

import { groupRoles, groupsOf } from './group-roles';
import { searchMembers, type MembersPage } from './member-search';
import { scimAttributesOf } from './scim-attributes';
import type { ScimStore, StoredResource } from '../scim-server/scim-store';
import type { ConnectionRecord } from './records';
import {
  memberEmailOf,
  memberNameOf,
  SCIM_FILLS_MEMBER_EXTERNAL_ID,
  SCIM_REUSES_DELETED_MEMBER_WITH_SAME_EMAIL,
  STATUS_OF_DEACTIVATED_SCIM_MEMBER,
  STATUS_OF_DELETED_SCIM_MEMBER,
} from './stytch-behaviour';

/** A member as the stand-in keeps it: the SCIM user it mirrors, and where that user lives. */
interface MemberRecord {
  member_id: string;
  registration_id: string;
  organization_id: string;
  connection: ConnectionRecord;
  store: ScimStore;
  /** The SCIM user as last written (kept after a DELETE, as Stytch keeps the member). */
  user: StoredResource;
  status: string;
  created_at: string;
  updated_at: string;
}

/** A members search page with its organizations map (only the returned members' orgs, §1). */
export interface MembersSearchResult extends MembersPage {
  organizations: Record<string, Organization>;
}

/**
 * The stand-in's Stytch members: every user written through a connection's SCIM endpoint is a
 * member of the connection's organization with a `scim_registration` (reference
 * stytch-members-scim.md §2), and follows its user: deactivated, reactivated, deleted (§7).
 */
export class StandInMembers {
  private readonly records: MemberRecord[] = [];

  constructor(private readonly now: () => Date) {}

  /** Makes the users of a connection's SCIM store members of its organization. */
  follow(connection: ConnectionRecord, store: ScimStore | undefined): void {
    store?.subscribe((change) => {
      if (change.kind === 'User') this.apply(connection, store, change.resource, change.removed);
    });
  }

  /** Search members (§1), with the organization of each returned member. */
  search(body: unknown, organization: (id: string) => Organization): MembersSearchResult {
    const page = searchMembers(
      this.records.map((record) => this.view(record)),
      body,
    );
    const orgIds = new Set(page.members.map((member) => member.organization_id));
    return {
      ...page,
      organizations: Object.fromEntries([...orgIds].map((id) => [id, organization(id)])),
    };
  }

  private apply(
    connection: ConnectionRecord,
    store: ScimStore,
    user: StoredResource,
    removed: boolean,
  ): void {
    const at = this.now().toISOString();
    const record =
      this.records.find((r) => r.store === store && r.user.id === user.id) ??
      (removed ? undefined : this.claim(connection, store, user, at));
    if (!record) return;
    record.user = user;
    record.updated_at = at;
    // Stytch's SCIM actions (§7): deprovisioned → deactivated (see the constants), reactivated
    // (active:true) → active.
    if (removed) record.status = STATUS_OF_DELETED_SCIM_MEMBER;
    else record.status = user.active === false ? STATUS_OF_DEACTIVATED_SCIM_MEMBER : 'active';
  }

  /** The member a new SCIM user becomes: a deleted one with its email, or a new one. */
  private claim(
    connection: ConnectionRecord,
    store: ScimStore,
    user: StoredResource,
    at: string,
  ): MemberRecord {
    const email = memberEmailOf(scimAttributesOf(user, [])).toLowerCase();
    const reused = SCIM_REUSES_DELETED_MEMBER_WITH_SAME_EMAIL
      ? this.records.find(
          (r) =>
            r.organization_id === connection.organization_id &&
            r.status === 'deleted' &&
            memberEmailOf(scimAttributesOf(r.user, [])).toLowerCase() === email,
        )
      : undefined;
    const registration_id = `scim-registration-test-${randomUUID()}`;
    if (reused) return Object.assign(reused, { connection, store, registration_id });
    const record: MemberRecord = {
      member_id: `member-test-${randomUUID()}`,
      registration_id,
      organization_id: connection.organization_id,
      connection,
      store,
      user,
      status: 'active',
      created_at: at,
      updated_at: at,
    };
    this.records.push(record);
    return record;
  }

  /** A member in the full shape of the SDK's `Member`; what SCIM does not set is neutral. */
  private view(record: MemberRecord): Member {
    const groups = groupsOf(record.store, record.user.id);
    const scim = scimAttributesOf(record.user, groups);
    const externalId = scim.external_id === '' ? {} : { external_id: scim.external_id };
    return {
      organization_id: record.organization_id,
      member_id: record.member_id,
      email_address: memberEmailOf(scim),
      status: record.status,
      name: memberNameOf(scim),
      sso_registrations: [],
      is_breakglass: false,
      member_password_id: '',
      oauth_registrations: [],
      email_address_verified: false,
      mfa_phone_number_verified: false,
      is_admin: false,
      totp_registration_id: '',
      retired_email_addresses: [],
      is_locked: false,
      mfa_enrolled: false,
      mfa_phone_number: '',
      default_mfa_method: '',
      // Deprovisioning "revokes all current Roles" (§7); a reactivated member has its implicit
      // (group) roles again, and the stand-in has no explicit ones.
      roles: record.status === 'deleted' ? [] : groupRoles(record.connection, groups),
      trusted_metadata: {},
      untrusted_metadata: {},
      created_at: record.created_at,
      updated_at: record.updated_at,
      ...(SCIM_FILLS_MEMBER_EXTERNAL_ID ? externalId : {}),
      scim_registration: {
        connection_id: record.connection.connection_id,
        registration_id: record.registration_id,
        ...externalId,
        scim_attributes: scim,
      },
    };
  }
}
