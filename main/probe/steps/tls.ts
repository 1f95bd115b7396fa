import { requestsDeadline, targetOf, type ProbeContext } from '../probe-context';
import type { ProbeStep, StepOutcome } from '../probe-step';
import type { CertificateFacts, TlsHandshakeResult } from '../tls-connector';

const EXPIRY_WARNING_DAYS = 14;

const CHAIN_PROBLEMS: Readonly<Record<string, (cert: CertificateFacts | null) => string>> = {
  CERT_HAS_EXPIRED: (c) =>
    `Expired: the certificate expired on ${c?.validTo ?? 'an earlier date'}.`,
  CERT_NOT_YET_VALID: (c) =>
    `Not yet valid: the certificate is valid only from ${c?.validFrom ?? 'a later date'} (or this computer’s clock is wrong).`,
  DEPTH_ZERO_SELF_SIGNED_CERT: () =>
    'Self-signed: the certificate is signed by itself, so no certificate authority vouches for it.',
  SELF_SIGNED_CERT_IN_CHAIN: (c) =>
    `Untrusted chain: the chain ends in a root that is not trusted (issuer ${c?.issuer ?? 'unknown'}).`,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: (c) =>
    `Untrusted chain: the issuer (${c?.issuer ?? 'unknown'}) is not a trusted certificate authority.`,
  UNABLE_TO_GET_ISSUER_CERT: (c) =>
    `Untrusted chain: the issuer (${c?.issuer ?? 'unknown'}) is not a trusted certificate authority.`,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: (c) =>
    `Untrusted chain: the certificate cannot be traced to a trusted root (issuer ${c?.issuer ?? 'unknown'}); often the server does not send its intermediate certificate.`,
};

const CONNECT_FAILURES: Readonly<Record<string, (where: string, ms: number) => string>> = {
  dns: (where) => `DNS: the host name of ${where} does not resolve.`,
  refused: (where) => `TCP: ${where} refused the connection; nothing is listening there.`,
  timeout: (where, ms) => `No TLS handshake with ${where} within ${ms} ms.`,
  reset: (where) => `${where} closed the connection during the TLS handshake.`,
  'old-protocol': (where) =>
    `Old protocol: ${where} offers only TLS versions older than 1.2, which Entra refuses.`,
  'not-tls': (where) =>
    `${where} does not speak TLS on this port (it answered in plain text, probably plain http).`,
  handshake: (where) => `The TLS handshake with ${where} failed.`,
};

function certificateProblems(
  result: Extract<TlsHandshakeResult, { ok: true }>,
  host: string,
): string[] {
  const problems: string[] = [];
  const { protocol, chainError, hostError, certificate } = result;
  if (protocol !== null && !/^TLSv1\.[23]$/.test(protocol)) {
    problems.push(`Old protocol: the server negotiated ${protocol}; Entra requires TLS 1.2.`);
  }
  if (chainError !== null) {
    const describe = CHAIN_PROBLEMS[chainError];
    problems.push(describe ? describe(certificate) : `Certificate not trusted (${chainError}).`);
  }
  if (hostError !== null) {
    problems.push(
      `Wrong host: the certificate is for ${certificate?.altNames || certificate?.subject || 'another name'}, not ${host}.`,
    );
  }
  return problems;
}

function certificateNotes(
  result: Extract<TlsHandshakeResult, { ok: true }>,
  tls12: TlsHandshakeResult,
  now: number,
): string[] {
  const notes: string[] = [];
  const cert = result.certificate;
  if (!tls12.ok && (tls12.kind === 'old-protocol' || tls12.kind === 'handshake')) {
    notes.push(
      'The server refuses TLS 1.2 (it only offers TLS 1.3); Microsoft documents TLS 1.2 as what Entra uses.',
    );
  }
  if (cert?.keyType === 'RSA' && cert.keyBits !== null && cert.keyBits < 2048) {
    notes.push(`The RSA key has ${cert.keyBits} bits; Entra requires at least 2048.`);
  }
  if (cert?.keyType === 'EC' && cert.keyBits !== null && cert.keyBits < 256) {
    notes.push(`The EC key has ${cert.keyBits} bits; Entra requires at least 256.`);
  }
  const daysLeft = cert ? (Date.parse(cert.validTo) - now) / 86_400_000 : Infinity;
  if (daysLeft >= 0 && daysLeft < EXPIRY_WARNING_DAYS) {
    notes.push(`The certificate expires in ${Math.floor(daysLeft)} day(s) (${cert?.validTo}).`);
  }
  return notes;
}

function judge(
  results: [TlsHandshakeResult, TlsHandshakeResult],
  where: string,
  host: string,
  ms: number,
): StepOutcome {
  const [best, tls12] = results;
  if (!best.ok) {
    return {
      status: 'fail',
      message: `${CONNECT_FAILURES[best.kind]?.(where, ms) ?? 'The TLS handshake failed.'} (${best.detail})`,
      fix:
        best.kind === 'old-protocol' || best.kind === 'not-tls'
          ? 'Serve the SCIM endpoint over https with TLS 1.2 or newer.'
          : 'Check the host and port, and that nothing blocks the connection. If this computer can only reach the internet through a proxy, this direct check can fail even when Test Connection passes.',
    };
  }
  const problems = certificateProblems(best, host);
  if (problems.length > 0) {
    return {
      status: 'fail',
      message: problems.join(' '),
      fix: 'Install a valid certificate for this host from a public certificate authority (with its intermediate certificates); Entra refuses anything else.',
      entraWouldSay:
        'Entra would fail to connect: the SCIM endpoint needs a valid certificate from a public certificate authority.',
    };
  }
  const cert = best.certificate;
  const summary = `${best.protocol ?? 'TLS'} (${best.cipher ?? 'unknown cipher'}); certificate for ${cert?.altNames || cert?.subject || host}, issued by ${cert?.issuer ?? 'unknown'}, valid until ${cert?.validTo ?? 'unknown'}.`;
  const notes = certificateNotes(best, tls12, Date.now());
  if (notes.length > 0) {
    return {
      status: 'warn',
      message: `${summary} But: ${notes.join(' ')}`,
      fix: 'Have the server’s certificate and TLS settings meet Entra’s requirements.',
    };
  }
  return { status: 'pass', message: summary };
}

/** `tls`: DNS, TCP connect and TLS handshake, each failure named for what it is. */
export const tlsStep: ProbeStep<ProbeContext, 'tls'> = {
  id: 'tls',
  title: 'TLS certificate and protocol',
  needs: ['url'],
  skipReason: (ctx) =>
    ctx.analysis.target?.plainHttpLoopback
      ? 'Plain http on this computer: there is no TLS to check (Entra would refuse http).'
      : null,
  deadlineMs: (ctx) => requestsDeadline(ctx),
  run: async (ctx) => {
    const { host, port } = targetOf(ctx);
    const base = {
      host,
      port,
      timeoutMs: ctx.options.timeoutMs,
      ...(ctx.options.ca ? { ca: ctx.options.ca } : {}),
    };
    const results = await Promise.all([
      ctx.connectTls(base),
      ctx.connectTls({ ...base, maxVersion: 'TLSv1.2' }),
    ]);
    return judge(results, `${host}:${port}`, host, ctx.options.timeoutMs);
  },
};
