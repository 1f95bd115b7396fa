/**
 * The app registration's fields as the admin types them, checked without zod: the settings'
 * schemas (settings.ts) are built on these checks, and the renderer's form uses them directly,
 * so one rule serves both and the renderer ships no zod.
 */

/** What the form and the settings' schema say when an application (client) ID is refused. */
export const CLIENT_ID_REFUSED =
  'An application (client) ID looks like 00000000-0000-0000-0000-000000000000.';

/** What the form and the settings' schema say when a tenant is refused. */
export const TENANT_REFUSED =
  'A tenant is its primary domain (like contoso.onmicrosoft.com) or its tenant ID (like 00000000-0000-0000-0000-000000000000).';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
/** The longest domain name DNS allows. */
const MAX_DOMAIN_CHARS = 253;

/**
 * A Microsoft Entra application (client) ID: a GUID, as the app registration's Overview shows it.
 * Only the shape is checked; whether the registration exists is Microsoft's to say at sign-in.
 */
export function isMicrosoftClientId(text: string): boolean {
  return GUID.test(text);
}

/**
 * The admin's own Entra tenant, where the app registration lives: its tenant ID (a GUID) or a
 * verified domain such as its primary domain `contoso.onmicrosoft.com`, trimmed and lower-cased
 * (Entra matches both without regard to case); null when it is neither. Sign-in goes to
 * `https://login.microsoftonline.com/<tenant>`: a single-tenant registration needs that authority
 * (graph-provisioning.md, corrections), and with it a guest admin gets a token for this tenant,
 * not their home tenant.
 */
export function microsoftTenantOf(text: string): string | null {
  const tenant = text.trim().toLowerCase();
  if (tenant.length > MAX_DOMAIN_CHARS) return null;
  return GUID.test(tenant) || DOMAIN.test(tenant) ? tenant : null;
}

/**
 * The redirect URI the admin registers for the app (platform "Mobile and desktop
 * applications"). Microsoft ignores the port of a loopback redirect URI, so this one covers the
 * port the app's sign-in listens on each time (main/microsoft-sign-in/loopback-listener.ts says
 * why `localhost` rather than `127.0.0.1`).
 */
export const MICROSOFT_REDIRECT_URI = 'http://localhost';
