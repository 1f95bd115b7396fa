/**
 * What Microsoft documents about the SCIM endpoint Entra calls, word for word, for the probe's
 * messages to quote. Markdown emphasis in the sources is dropped; the words are unchanged.
 * Guesses about Entra's behaviour do not belong here: they live in `entra-texts.ts`.
 */

/** Sentences from Microsoft's SCIM tutorial, each quoted where a check relies on it. */
export const MICROSOFT_SAYS = {
  // MicrosoftDocs/entra-docs docs/identity/app-provisioning/use-scim-to-provision-users-and-groups.md,
  // "Understand the Microsoft Entra SCIM implementation" → "General".
  randomUserAndGroup:
    "Microsoft Entra ID makes requests to fetch a random user and group to ensure that the endpoint and the credentials are valid. It's also done as a part of the Test Connection flow.",
  // Same article and list.
  https: 'Support HTTPS on your SCIM endpoint.',
  // Same article, "Understand the Microsoft Entra SCIM implementation", the requirements table,
  // row "Query users or groups".
  queried:
    'By default, users are retrieved with their id and queried with their username and externalId, and groups are queried with displayName.',
  // Same article, "Security requirements" → "TLS Protocol Versions".
  tls12: 'The only acceptable protocol version is TLS 1.2. No other SSL/TLS version is permitted.',
  // Same article, "Security requirements" → "Cipher Suites".
  cipherSuites: 'All services must be configured to use the following cipher suites',
} as const;

/** A TLS 1.2 cipher suite under its IANA name and the name OpenSSL (and Node) use for it. */
export interface CipherSuite {
  iana: string;
  openssl: string;
}

/**
 * "TLS 1.2 Cipher Suites minimum bar", in Microsoft's order: MicrosoftDocs/entra-docs
 * docs/identity/app-provisioning/use-scim-to-provision-users-and-groups.md, "Security
 * requirements" → "Cipher Suites". The OpenSSL names are OpenSSL's own mapping (openssl/openssl
 * doc/man1/openssl-ciphers.pod.in, option -stdname; checked with `openssl ciphers -stdname`).
 */
export const MICROSOFT_TLS12_SUITES: readonly CipherSuite[] = [
  { iana: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', openssl: 'ECDHE-ECDSA-AES128-GCM-SHA256' },
  { iana: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', openssl: 'ECDHE-ECDSA-AES256-GCM-SHA384' },
  { iana: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', openssl: 'ECDHE-RSA-AES128-GCM-SHA256' },
  { iana: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', openssl: 'ECDHE-RSA-AES256-GCM-SHA384' },
  { iana: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', openssl: 'ECDHE-ECDSA-AES128-SHA256' },
  { iana: 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', openssl: 'ECDHE-ECDSA-AES256-SHA384' },
  { iana: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', openssl: 'ECDHE-RSA-AES128-SHA256' },
  { iana: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', openssl: 'ECDHE-RSA-AES256-SHA384' },
];

/** Microsoft's suite with this IANA or OpenSSL name, if it is on the list. */
export function microsoftSuite(name: string | null): CipherSuite | undefined {
  return MICROSOFT_TLS12_SUITES.find((suite) => suite.iana === name || suite.openssl === name);
}
