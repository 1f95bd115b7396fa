import net from 'node:net';
import tls from 'node:tls';

import { classifyTransportError } from '../http/transport-error';
import { maskThenCut, redactText } from '../logging/redact';

/** What the TLS check asks the connector to do: one handshake, nothing sent after it. */
export interface TlsHandshakeRequest {
  host: string;
  port: number;
  timeoutMs: number;
  /** Extra trusted CA certificates (PEM), added to the system's; tests use a generated CA. */
  ca?: readonly string[];
  /** Caps the protocol version, to ask "does this server still speak TLS 1.2?". */
  maxVersion?: 'TLSv1.2';
  /**
   * Offers only these TLS 1.2 cipher suites (OpenSSL names), to ask "does this server accept
   * one of Microsoft's?". Without it the handshake offers everything, weak suites included.
   */
  ciphers?: readonly string[];
}

/** Facts about the server's leaf certificate. */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  altNames: string;
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
  keyType: 'RSA' | 'EC' | null;
  /** RSA modulus size or EC curve size, when known. */
  keyBits: number | null;
}

/** Why a handshake did not complete. */
export type TlsFailureKind =
  'dns' | 'refused' | 'timeout' | 'reset' | 'old-protocol' | 'not-tls' | 'handshake';

/** The outcome of one handshake: facts when it completed, a named failure when it did not. */
export type TlsHandshakeResult =
  | {
      ok: true;
      protocol: string | null;
      /** The negotiated cipher suite under OpenSSL's name (ECDHE-RSA-AES128-GCM-SHA256). */
      cipher: string | null;
      /** The same suite under its IANA name (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), when known. */
      cipherIana: string | null;
      /** OpenSSL's chain verdict (e.g. CERT_HAS_EXPIRED), null when the chain is trusted. */
      chainError: string | null;
      /** Why the certificate does not cover the host, null when it does. */
      hostError: string | null;
      certificate: CertificateFacts | null;
    }
  | { ok: false; kind: TlsFailureKind; detail: string };

/** Performs one TLS handshake; injected so the TLS check is testable and swappable. */
export type TlsConnector = (request: TlsHandshakeRequest) => Promise<TlsHandshakeResult>;

type ReadCaCertificates = (type: 'default' | 'system') => string[];

/**
 * The OS certificate store, which is what Chromium's net.fetch trusts. Node 22.15+ (Electron's
 * Node) can read it; older Node has only its bundled roots, and answers an empty list here.
 */
function systemRoots(): string[] {
  const read = (tls as { getCACertificates?: ReadCaCertificates }).getCACertificates;
  return typeof read === 'function' ? read('system') : [];
}

// Building a context from ~150 root certificates costs tens of milliseconds of CPU, so each
// distinct configuration is built once and reused.
const contexts = new Map<string, tls.SecureContext>();

function secureContext(request: TlsHandshakeRequest, permissive: boolean): tls.SecureContext {
  const key = JSON.stringify([
    permissive,
    request.maxVersion ?? null,
    request.ciphers ?? null,
    request.ca ?? [],
  ]);
  let context = contexts.get(key);
  if (!context) {
    const system = systemRoots();
    const extra = [...system, ...(request.ca ?? [])];
    context = tls.createSecureContext({
      // Without extra roots Node's built-in store applies; listing roots replaces it, so add them back.
      ...(extra.length > 0 ? { ca: [...tls.rootCertificates, ...extra] } : {}),
      ...(request.maxVersion ? { maxVersion: request.maxVersion } : {}),
      ...(request.ciphers ? { ciphers: request.ciphers.join(':') } : {}),
      // Accept old protocols and weak parameters on this handshake-only connection (no data is
      // sent), so an outdated server is reported as such rather than as an opaque failure.
      ...(permissive ? { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
    });
    contexts.set(key, context);
  }
  return context;
}

function facts(cert: tls.DetailedPeerCertificate): CertificateFacts | null {
  // Node answers an empty object when the server sent no certificate.
  if (Object.keys(cert).length === 0) return null;
  const name = (entity: tls.Certificate | undefined): string =>
    entity
      ? Object.entries(entity)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(', ')
      : '';
  const { bits, modulus, asn1Curve } = cert as {
    bits?: number;
    modulus?: string;
    asn1Curve?: string;
  };
  return {
    subject: name(cert.subject),
    issuer: name(cert.issuer),
    altNames: cert.subjectaltname ?? '',
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    selfSigned: cert.issuerCertificate === cert || name(cert.subject) === name(cert.issuer),
    keyType: modulus ? 'RSA' : asn1Curve ? 'EC' : null,
    keyBits: typeof bits === 'number' ? bits : null,
  };
}

/** OpenSSL's chain verdict; the host name is judged separately, so its error is left out. */
function chainErrorOf(value: unknown): string | null {
  const code = typeof value === 'string' ? value : value instanceof Error ? value.message : null;
  return code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? null : code;
}

function failureOf(error: unknown): TlsHandshakeResult {
  const record = error as { code?: unknown; message?: unknown };
  const text = [record.code, record.message].filter((part) => typeof part === 'string').join(' ');
  const detail = maskThenCut(text.trim(), 300);
  if (/PROTOCOL_VERSION|unsupported protocol|NO_PROTOCOLS_AVAILABLE/i.test(text)) {
    return { ok: false, kind: 'old-protocol', detail };
  }
  if (/WRONG_VERSION_NUMBER|packet length too long|http request/i.test(text)) {
    return { ok: false, kind: 'not-tls', detail };
  }
  const kind = classifyTransportError(error).kind;
  if (kind === 'dns' || kind === 'refused' || kind === 'timeout' || kind === 'reset') {
    return { ok: false, kind, detail };
  }
  return { ok: false, kind: 'handshake', detail };
}

function connectOptions(request: TlsHandshakeRequest, permissive: boolean): tls.ConnectionOptions {
  return {
    host: request.host,
    port: request.port,
    // SNI must be a host name, never an IP address.
    ...(net.isIP(request.host) === 0 ? { servername: request.host } : {}),
    secureContext: secureContext(request, permissive),
    // We inspect the certificate ourselves, to name what is wrong instead of just refusing.
    rejectUnauthorized: false,
  };
}

function openSocket(request: TlsHandshakeRequest, onConnect: () => void): tls.TLSSocket {
  let options: tls.ConnectionOptions;
  // A handshake that names its suites must offer exactly those, so it is never permissive.
  if (request.ciphers) {
    options = connectOptions(request, false);
  } else {
    try {
      options = connectOptions(request, true);
    } catch {
      // A TLS library without SECLEVEL support (BoringSSL in Electron) rejects the cipher string.
      options = connectOptions(request, false);
    }
  }
  return tls.connect(options, onConnect);
}

/**
 * The real connector: DNS, TCP connect and TLS handshake with node:tls, reporting the protocol,
 * the certificate and every problem with it (expiry, self-signed, untrusted chain, wrong host).
 */
export const nodeTlsConnector: TlsConnector = (request) =>
  new Promise((resolve) => {
    let socket: tls.TLSSocket;
    try {
      socket = openSocket(request, () => {
        const cert = socket.getPeerCertificate(true);
        const hostError = tls.checkServerIdentity(request.host, cert);
        const cipher = socket.getCipher();
        resolve({
          ok: true,
          protocol: socket.getProtocol(),
          cipher: cipher.name,
          // Empty where the TLS library does not know the IANA name.
          cipherIana: cipher.standardName || null,
          chainError: chainErrorOf(socket.authorizationError),
          hostError: hostError ? redactText(hostError.message) : null,
          certificate: facts(cert),
        });
        socket.destroy();
      });
    } catch (error) {
      // The TLS library refused the settings (a cipher list it does not know, for one).
      resolve(failureOf(error));
      return;
    }
    socket.setTimeout(request.timeoutMs, () => {
      socket.destroy(Object.assign(new Error('TLS handshake timeout'), { code: 'ETIMEDOUT' }));
    });
    socket.once('error', (error) => resolve(failureOf(error)));
  });
