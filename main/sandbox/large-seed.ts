import type { EntraAppLink } from '../../shared/settings/settings';
import type { EarlierJobState } from './graph-stand-in/provisioning-job';
import type { GraphStandInState } from './graph-stand-in/state';
import { SANDBOX_TENANT_ID, SANDBOX_TENANT_NAME } from './graph-stand-in/tenant';
import { FABRIKAM_TENANT } from './identity-stand-in/tokens';
import { SANDBOX_ACCOUNTS } from './sandbox-microsoft';
import type { ScimFault } from './scim-server/scim-server';
import type { OrganizationSeed } from './stytch-stand-in/state';

/** How many organizations "Try it with a large project" seeds. */
export const LARGE_SEED_SIZE = 2_000;

/** The states the large project shows, each with its share of the organizations. */
export const LARGE_SEED_STATES = [
  'healthy',
  'healthy-held',
  'expiring',
  'expired',
  'rotation-pending',
  'endpoint-failing',
  'no-connection',
] as const;
export type LargeSeedState = (typeof LARGE_SEED_STATES)[number];

/**
 * Which state the organization at `index` is in: most healthy (a few of them with the token on
 * this computer, so the sweep has real queries to send), then one in 25 expiring within 30 days,
 * one in 50 expired, one in 50 with a rotation left half done, one in 50 with a failing endpoint
 * (token on this computer, so the sweep finds it) and one in 20 with no connection at all.
 */
export function largeSeedState(index: number): LargeSeedState {
  if (index % 20 === 3) return 'no-connection';
  if (index % 50 === 7) return 'endpoint-failing';
  if (index % 50 === 11) return 'rotation-pending';
  if (index % 50 === 13) return 'expired';
  if (index % 25 === 5) return 'expiring';
  if (index % 50 === 17) return 'healthy-held';
  return 'healthy';
}

const WORDS = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Tailspin',
  'Woodgrove',
  'Litware',
  'Proseware',
  'Adventure',
  'Alpine',
  'Blue Yonder',
  'Coho',
  'Fourth Coffee',
  'Lucerne',
  'Margie',
  'Relecloud',
  'Trey',
  'Wide World',
  'Wingtip',
  'Graphic',
  'Humongous',
];
const KINDS = ['Health', 'Logistics', 'Bank', 'Retail', 'Labs', 'Energy', 'Media', 'Foods'];

/** The organization at `index`'s id, fixed so tests, screenshots and kept links find it again. */
export function largeOrganizationId(index: number): string {
  const number = String(index).padStart(5, '0');
  return `organization-test-1a2b${number.slice(0, 4)}-5a9e-4f41-8d8a-large${number}00`;
}

function fault(index: number): ScimFault {
  return index % 100 === 7 ? 'server-error' : 'filter-404';
}

/**
 * The large project: `count` organizations in every state the overview shows, with ids and names
 * fixed by their index (tests and screenshots address them directly).
 */
export function largeSeed(count: number = LARGE_SEED_SIZE): OrganizationSeed[] {
  return Array.from({ length: count }, (_, index) => {
    const number = String(index).padStart(5, '0');
    const name = `${WORDS[index % WORDS.length] ?? 'Org'} ${KINDS[Math.floor(index / WORDS.length) % KINDS.length] ?? ''} ${index}`;
    const base: OrganizationSeed = {
      organization_id: largeOrganizationId(index),
      organization_name: name,
      organization_slug: `large-${number}`,
    };
    const connection = {
      display_name: `${name} Entra provisioning`,
      identity_provider: 'microsoft-entra',
    };
    switch (largeSeedState(index)) {
      case 'no-connection':
        return base;
      case 'healthy':
        return { ...base, connection: { ...connection, tokenExpiresInDays: 60 + (index % 300) } };
      case 'healthy-held':
        return { ...base, connection: { ...connection, tokenExpiresInDays: 120, heldByApp: true } };
      case 'expiring':
        return { ...base, connection: { ...connection, tokenExpiresInDays: 1 + (index % 30) } };
      case 'expired':
        return { ...base, connection: { ...connection, tokenExpiresInDays: -1 - (index % 20) } };
      case 'rotation-pending':
        return { ...base, connection: { ...connection, rotationPending: true } };
      case 'endpoint-failing':
        return { ...base, scimFault: fault(index), connection: { ...connection, heldByApp: true } };
    }
  });
}

/**
 * The Entra side of the large project: one organization in ten has an Entra app this app linked
 * earlier. Its provisioning job is Active, Paused or in quarantine in the sandbox's tenant, or the
 * app is in another tenant (Fabrikam), whose jobs the overview cannot read while signed in to
 * Contoso. The organizations in quarantine or paused are otherwise healthy, so their job is what
 * the overview has to show.
 */
export type LargeSeedEntra = 'active' | 'paused' | 'quarantine' | 'other-tenant';

export function largeSeedEntra(index: number): LargeSeedEntra | null {
  if (index % 10 !== 1) return null;
  if (index % 50 === 21) return 'quarantine';
  if (index % 50 === 31) return 'paused';
  if (index % 50 === 41) return 'other-tenant';
  return 'active';
}

/**
 * Quarantines with the reasons Graph documents (synchronizationQuarantine, reference §2): the
 * credentials refused (EncounteredQuarantineException, "invalid credentials were provided", with
 * the error Entra's Test Connection reports for a 401, CredentialValidationFailure), more than
 * 40% of the changes failing (EncounteredEscrowProportionThreshold, application-provisioning-
 * quarantine-status.md) and the accidental-deletions safeguard (TooManyDeletes).
 */
const QUARANTINES: readonly EarlierJobState[] = [
  {
    code: 'Quarantine',
    reason: 'EncounteredQuarantineException',
    error: {
      code: 'SystemForCrossDomainIdentityManagementCredentialValidationFailure',
      message:
        'Error code: SystemForCrossDomainIdentityManagementCredentialValidationFailure. Response Status Code: Unauthorized.',
    },
    since: '2026-01-05T08:00:00Z',
  },
  {
    code: 'Quarantine',
    reason: 'EncounteredEscrowProportionThreshold',
    error: null,
    since: '2026-01-06T09:30:00Z',
  },
  { code: 'Quarantine', reason: 'TooManyDeletes', error: null, since: '2026-01-07T11:15:00Z' },
];

/** A fixed GUID per organization and kind (apps `5eed0001-…`, jobs `5eed0002-…`). */
const fixedGuid = (kind: number, index: number) =>
  `5eed000${String(kind)}-0000-4000-8000-${String(index).padStart(12, '0')}`;

/**
 * Adds the large project's earlier Entra apps to the sandbox's Graph (`graph`, the tenant
 * "Contoso (sandbox)") and answers the links the app keeps for them, as if Adele had linked them
 * in the assistant; the other tenant's apps exist only as links.
 */
export function largeEntraLinks(
  graph: Pick<GraphStandInState, 'addEarlierApp'>,
  count: number = LARGE_SEED_SIZE,
): EntraAppLink[] {
  const adele = SANDBOX_ACCOUNTS.adele;
  const confirmedBy = { homeAccountId: `${adele.oid}.${adele.tid}`, username: adele.username };
  const links: EntraAppLink[] = [];
  for (let index = 0; index < count; index += 1) {
    const kind = largeSeedEntra(index);
    if (kind === null) continue;
    const organizationId = largeOrganizationId(index);
    if (kind === 'other-tenant') {
      links.push({
        organizationId,
        sandbox: true,
        tenantId: FABRIKAM_TENANT.id,
        tenantName: FABRIKAM_TENANT.name,
        servicePrincipalId: fixedGuid(1, index),
        jobId: `scim.${FABRIKAM_TENANT.id.replaceAll('-', '')}.${fixedGuid(2, index)}`,
        confirmedBy: null,
      });
      continue;
    }
    const state: EarlierJobState =
      kind === 'quarantine'
        ? (QUARANTINES[Math.floor(index / 50) % QUARANTINES.length] ?? { code: 'Active' })
        : { code: kind === 'paused' ? 'Paused' : 'Active' };
    const made = graph.addEarlierApp({
      spId: fixedGuid(1, index),
      jobGuid: fixedGuid(2, index),
      displayName: `Stytch SCIM (large ${String(index)})`,
      state,
    });
    links.push({
      organizationId,
      sandbox: true,
      tenantId: SANDBOX_TENANT_ID,
      tenantName: SANDBOX_TENANT_NAME,
      servicePrincipalId: made.spId,
      jobId: made.jobId,
      confirmedBy,
    });
  }
  return links;
}
