import {
  fuzzyFilter,
  stringsFilter,
  stytchSearch,
  type ResultsMetadata,
  type SearchRequest,
} from './search';

/** The organization fields the stand-in's search looks at. */
export interface SearchableOrganization {
  organization_id: string;
  organization_name: string;
  organization_slug: string;
}

const search = stytchSearch<SearchableOrganization>({
  errors: {
    missingName: 'organization_search_missing_filter_name',
    notRecognized: 'organization_search_filter_name_not_recognized',
    missingValue: 'organization_search_missing_filter_value',
    expectedStrings: 'organization_search_expected_array_of_strings',
    expectedString: 'organization_search_expected_string',
  },
  /**
   * The filters the stand-in implements (a subset of reference A.9: the ones the org picker uses).
   * Any other filter name is refused with `organization_search_filter_name_not_recognized`.
   */
  filters: {
    organization_ids: stringsFilter((org, ids) => ids.includes(org.organization_id)),
    organization_slugs: stringsFilter((org, slugs) => slugs.includes(org.organization_slug)),
    organization_name_fuzzy: fuzzyFilter(
      (org) => org.organization_name,
      'organization_search_organization_name_fuzzy_too_short',
    ),
    organization_slug_fuzzy: fuzzyFilter(
      (org) => org.organization_slug,
      'organization_search_organization_slug_fuzzy_too_short',
    ),
  },
});

/** One page of a search, in Stytch's shape minus the envelope. */
export interface SearchPage<T> {
  organizations: T[];
  results_metadata: ResultsMetadata;
}

/**
 * `POST /v1/b2b/organizations/search` over the stand-in's organizations: the body's filters
 * (AND/OR), then cursor pagination with `limit` (default 100, max 1000).
 */
export function searchOrganizations<T extends SearchableOrganization>(
  all: T[],
  body: unknown,
): SearchPage<T> {
  const { items, results_metadata } = search(all, (body ?? {}) as SearchRequest);
  return { organizations: items, results_metadata };
}
