import type { Member } from 'stytch';

import { MEMBER_STATUSES } from '../../../shared/stytch/api-schemas';
import { StandInError } from './errors';
import {
  booleanFilter,
  fuzzyFilter,
  operandsOf,
  stringsFilter,
  stytchSearch,
  type ResultsMetadata,
  type SearchRequest,
} from './search';

/*
 * `POST /v1/b2b/organizations/members/search` (reference stytch-members-scim.md §1), over the
 * stand-in's members. Filter names are the documented list (the frontend SDKs'); error types are
 * the names in Stytch's error enum.
 */

const KNOWN_STATUSES: ReadonlySet<string> = new Set(MEMBER_STATUSES);

function knownStatuses(values: string[]): void {
  if (!values.every((status) => KNOWN_STATUSES.has(status)))
    throw new StandInError('search_invalid_status_filter');
}

/** Stytch's member ids carry this prefix; anything else is read as an external id. */
const isMemberId = (id: string) => id.startsWith('member-');

function notMixed(ids: string[]): void {
  const internal = ids.filter(isMemberId).length;
  if (internal > 0 && internal < ids.length)
    throw new StandInError('member_search_cannot_mix_internal_and_external_member_ids');
}

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const search = stytchSearch<Member>({
  errors: {
    missingName: 'member_search_missing_filter_name',
    notRecognized: 'member_search_filter_name_not_recognized',
    missingValue: 'member_search_missing_filter_value',
    expectedStrings: 'member_search_expected_array_of_strings',
    expectedString: 'member_search_expected_string',
    expectedBoolean: 'member_search_expected_boolean',
  },
  filters: {
    member_ids: stringsFilter(
      (m, ids) =>
        ids.includes(m.member_id) || (m.external_id ? ids.includes(m.external_id) : false),
      notMixed,
    ),
    member_emails: stringsFilter((m, emails) => emails.some((e) => sameEmail(e, m.email_address))),
    member_email_fuzzy: fuzzyFilter(
      (m) => m.email_address,
      'member_search_member_email_fuzzy_too_short',
    ),
    member_is_breakglass: booleanFilter((m, value) => m.is_breakglass === value),
    statuses: stringsFilter((m, statuses) => statuses.includes(m.status), knownStatuses),
    member_mfa_phone_numbers: stringsFilter((m, phones) => phones.includes(m.mfa_phone_number)),
    member_mfa_phone_number_fuzzy: fuzzyFilter(
      (m) => m.mfa_phone_number,
      'member_search_member_mfa_phone_number_fuzzy_too_short',
    ),
    member_password_exists: booleanFilter((m, value) => (m.member_password_id !== '') === value),
    member_roles: stringsFilter((m, roles) => m.roles.some((role) => roles.includes(role.role_id))),
  },
});

/**
 * "By default, this endpoint will not return `deleted` Members" (§1, [DOCS-search]): only a
 * `statuses` filter naming `deleted` lets them in.
 */
function asksForDeleted(query: unknown): boolean {
  return operandsOf(query).some(
    (operand) =>
      operand.filter_name === 'statuses' &&
      Array.isArray(operand.filter_value) &&
      operand.filter_value.includes('deleted'),
  );
}

/** One page of a members search, minus the envelope and the organizations map. */
export interface MembersPage {
  members: Member[];
  results_metadata: ResultsMetadata;
}

/** The members search: `organization_ids` (required), the query, then the page asked for. */
export function searchMembers(all: Member[], body: unknown): MembersPage {
  const request = (body ?? {}) as SearchRequest & { organization_ids?: unknown };
  const orgIds = request.organization_ids;
  // [Unconfirmed] An absent list is refused like an empty one (only the latter is documented).
  if (!Array.isArray(orgIds) || orgIds.length === 0)
    throw new StandInError('member_search_organization_ids_empty');
  if (!orgIds.every((id) => typeof id === 'string'))
    throw new StandInError('member_search_expected_array_of_strings');
  const withDeleted = asksForDeleted(request.query);
  const inScope = (m: Member) =>
    orgIds.includes(m.organization_id) && (withDeleted || m.status !== 'deleted');
  const { items, results_metadata } = search(all, request, inScope);
  return { members: items, results_metadata };
}
