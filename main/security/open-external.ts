import { appFailure } from '../../shared/errors';

/** Opens a URL in the system browser (Electron's shell.openExternal in the app). */
export type ExternalOpener = (url: string) => Promise<void>;

/**
 * Hosts the app may send the user to: the Entra admin centre and Azure portal, Microsoft's
 * docs, and Stytch's docs and dashboard. Anything else is refused, so a compromised renderer
 * cannot use the app to open arbitrary links or local files.
 */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = [
  'entra.microsoft.com',
  'portal.azure.com',
  'learn.microsoft.com',
  'stytch.com',
  'www.stytch.com',
];

/** True when `url` is https, has no credentials and names an allow-listed host exactly. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_HOST_ALLOW_LIST.includes(parsed.hostname)
  );
}

/** Opens `url` through `opener` if it is allow-listed; otherwise throws EXTERNAL_URL_BLOCKED. */
export async function openExternalSafely(url: string, opener: ExternalOpener): Promise<void> {
  if (!isAllowedExternalUrl(url)) {
    throw appFailure(
      'EXTERNAL_URL_BLOCKED',
      'The app only opens https links to Microsoft Entra, Microsoft Learn and Stytch.',
      'Copy the address and open it in your browser yourself if you trust it.',
    );
  }
  await opener(url);
}
