import { entraFailureText } from '../entra-texts';
import { MICROSOFT_SAYS, MICROSOFT_TLS12_SUITES, microsoftSuite } from '../microsoft-requirements';
import { requestsDeadline, targetOf, type ProbeContext } from '../probe-context';
import type { ProbeStep, StepOutcome } from '../probe-step';
import type { CertificateFacts, TlsHandshakeResult } from '../tls-connector';

/*
 * Why a server without TLS 1.2, or without any of Microsoft's suites, fails rather than warns:
 * Microsoft writes "The only acceptable protocol version is TLS 1.2. No other SSL/TLS version
 * is permitted." and, under "TLS 1.2 Cipher Suites minimum bar", "All services must be
 * configured to use the following cipher suites" (MicrosoftDocs/entra-docs
 * docs/identity/app-provisioning/use-scim-to-provision-users-and-groups.md, "Security
 * requirements"): a "must" and a minimum bar, not advice. So the decisive handshake offers
 * TLS 1.2 with those suites only, and passes when the server agrees to one of them.
 * Not judged: the "exact order" Microsoft asks for, which is the server's preference among the
 * suites and decides nothing once one is agreed; and [Inference] a server that also speaks
 * TLS 1.3 passes, because Entra's TLS 1.2 handshake still succeeds with it (failing it would
 * fail every modern server, Stytch's included, over a word Microsoft may mean as "no older").
 */

const EXPIRY_WARNING_DAYS = 14;

const OLD_PROTOCOLS = /^(SSLv[23]|TLSv1(\.1)?)$/;

export const MICROSOFT_OPENSSL_NAMES = MICROSOFT_TLS12_SUITES.map((suite) => suite.openssl);

const TLS12_FIX = `Serve the SCIM endpoint with TLS 1.2 (on the server, or on the proxy or load balancer in front of it) and at least one of Microsoft’s cipher suites: ${MICROSOFT_TLS12_SUITES.map((suite) => suite.iana).join(', ')}. Microsoft: “${MICROSOFT_SAYS.tls12}”`;

const CERTIFICATE_FIX =
  'Install a valid certificate for this host from a public certificate authority (with its intermediate certificates); Entra refuses anything else.';

type Handshake = Extract<TlsHandshakeResult, { ok: true }>;

/** The check's three handshakes. */
interface Handshakes {
  /** Whatever version and suite the server prefers: the certificate and its chain. */
  best: TlsHandshakeResult;
  /** TLS 1.2 offering only Microsoft's suites: what Entra needs. */
  microsoft: TlsHandshakeResult;
  /** TLS 1.2 offering every suite: what the server speaks when it refuses Microsoft's. */
  anyTls12: TlsHandshakeResult;
}

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
    `Old protocol: ${where} offers only TLS versions older than 1.2, which Microsoft does not accept.`,
  'not-tls': (where) =>
    `${where} does not speak TLS on this port (it answered in plain text, probably plain http).`,
  handshake: (where) => `The TLS handshake with ${where} failed.`,
};

function certificateProblems(handshake: Handshake, host: string): string[] {
  const problems: string[] = [];
  const { chainError, hostError, certificate } = handshake;
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

function certificateNotes(cert: CertificateFacts | null, now: number): string[] {
  const notes: string[] = [];
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

/** "TLS_… (ECDHE-…)": the suite under its IANA name and OpenSSL's, as far as they are known. */
function suiteNames(handshake: Handshake): string {
  const iana = handshake.cipherIana ?? microsoftSuite(handshake.cipher)?.iana ?? null;
  const openssl = handshake.cipher ?? 'unknown to OpenSSL';
  return iana === null ? openssl : `${iana} (${openssl})`;
}

function onMicrosoftsList(handshake: TlsHandshakeResult): handshake is Handshake {
  return (
    handshake.ok &&
    handshake.protocol === 'TLSv1.2' &&
    microsoftSuite(handshake.cipherIana ?? handshake.cipher) !== undefined
  );
}

/** What the server does about TLS 1.2: the summary's first sentence, or the problem. */
type Tls12Finding = { ok: true; summary: string } | { ok: false; problem: string };

function refusedTls12(spoken: string | null, why: string): string {
  if (spoken !== null && OLD_PROTOCOLS.test(spoken)) {
    return `Old protocol: the server speaks only ${spoken}, not TLS 1.2${why}.`;
  }
  if (spoken === null || spoken === 'TLSv1.2') return `The TLS 1.2 handshake failed${why}.`;
  return `The server refuses TLS 1.2: it speaks only ${spoken}${why}.`;
}

function tls12Finding({ best, microsoft, anyTls12 }: Handshakes): Tls12Finding {
  if (onMicrosoftsList(microsoft)) {
    const others =
      best.ok && best.protocol !== 'TLSv1.2'
        ? ` (it also speaks ${best.protocol ?? 'another version'} to clients that offer it)`
        : '';
    return {
      ok: true,
      summary: `TLS 1.2 with ${suiteNames(microsoft)}, one of Microsoft’s TLS 1.2 cipher suites${others}.`,
    };
  }
  if (anyTls12.ok && anyTls12.protocol === 'TLSv1.2') {
    return {
      ok: false,
      problem: `The server speaks TLS 1.2 only with ${suiteNames(anyTls12)}, which is not one of Microsoft’s TLS 1.2 cipher suites.`,
    };
  }
  const spoken = anyTls12.ok ? anyTls12.protocol : best.ok ? best.protocol : null;
  return { ok: false, problem: refusedTls12(spoken, anyTls12.ok ? '' : ` (${anyTls12.detail})`) };
}

function connectFailure(
  failure: Extract<TlsHandshakeResult, { ok: false }>,
  where: string,
  ms: number,
): StepOutcome {
  return {
    status: 'fail',
    message: `${CONNECT_FAILURES[failure.kind]?.(where, ms) ?? 'The TLS handshake failed.'} (${failure.detail})`,
    fix:
      failure.kind === 'old-protocol' || failure.kind === 'not-tls'
        ? TLS12_FIX
        : 'Check the host and port, and that nothing blocks the connection. If this computer can only reach the internet through a proxy, this direct check can fail even when Test Connection passes.',
  };
}

function judge(handshakes: Handshakes, where: string, host: string, ms: number): StepOutcome {
  const { best } = handshakes;
  if (!best.ok) return connectFailure(best, where, ms);
  const certificate = certificateProblems(best, host);
  const tls12 = tls12Finding(handshakes);
  if (certificate.length > 0 || !tls12.ok) {
    return {
      status: 'fail',
      message: [...certificate, ...(tls12.ok ? [] : [tls12.problem])].join(' '),
      fix: [
        ...(certificate.length > 0 ? [CERTIFICATE_FIX] : []),
        ...(tls12.ok ? [] : [TLS12_FIX]),
      ].join(' '),
      // The handshake fails before any request, so Entra receives no answer at all.
      entraWouldSay: entraFailureText(null),
    };
  }
  const cert = best.certificate;
  const summary = `${tls12.summary} Certificate for ${cert?.altNames || cert?.subject || host}, issued by ${cert?.issuer ?? 'unknown'}, valid until ${cert?.validTo ?? 'unknown'}.`;
  const notes = certificateNotes(cert, Date.now());
  if (notes.length > 0) {
    return {
      status: 'warn',
      message: `${summary} But: ${notes.join(' ')}`,
      fix: 'Have the server’s certificate meet Entra’s requirements.',
    };
  }
  return { status: 'pass', message: summary };
}

/**
 * `tls`: DNS, TCP connect and TLS handshakes, each failure named for what it is. Three
 * handshakes side by side: the server's preferred one (for the certificate), TLS 1.2 offering
 * only Microsoft's suites (what Entra needs) and TLS 1.2 offering everything (to name what the
 * server speaks when it refuses Microsoft's).
 */
export const tlsStep: ProbeStep<ProbeContext, 'tls'> = {
  id: 'tls',
  title: 'TLS certificate and protocol',
  needs: ['url'],
  skipReason: (ctx) =>
    ctx.analysis.target?.plainHttpLoopback
      ? 'Plain http on this computer: there is no TLS to check (Microsoft asks for HTTPS).'
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
    const [best, microsoft, anyTls12] = await Promise.all([
      ctx.connectTls(base),
      ctx.connectTls({ ...base, maxVersion: 'TLSv1.2', ciphers: MICROSOFT_OPENSSL_NAMES }),
      ctx.connectTls({ ...base, maxVersion: 'TLSv1.2' }),
    ]);
    return judge({ best, microsoft, anyTls12 }, `${host}:${port}`, host, ctx.options.timeoutMs);
  },
};
