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
      organization_id: `organization-test-1a2b${number.slice(0, 4)}-5a9e-4f41-8d8a-large${number}00`,
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
