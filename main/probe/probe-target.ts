import { AAD_OPT_FLAG } from '../../shared/stytch/tenant-url';
import { maskThenCut } from '../logging/redact';
import { hiddenHost } from './hidden-host';
import { MICROSOFT_SAYS } from './microsoft-requirements';
import type { StepOutcome } from './probe-step';

/**
 * [Uncertain — reference B.1] Whether Entra forwards `?aadOptscim062020` to the server or keeps it
 * as a client flag is not documented. We strip it from every request, as a client flag would be;
 * flip this one constant if a live capture shows otherwise.
 */
const STRIP_ENTRA_FLAG_FROM_REQUESTS: boolean = true;

/** Where the probe sends its requests, worked out from the Tenant URL and token. */
export interface ProbeTarget {
  /** Scheme, host, port and path, with no trailing slash and no query: `{base}/Users` is a resource. */
  base: string;
  /** Query parameters every request keeps (everything but the Entra flag, when it is stripped). */
  keptQuery: ReadonlyArray<readonly [string, string]>;
  /** Whether the Tenant URL carries `aadOptscim062020`. */
  entraFlag: boolean;
  /** The bearer token, with paste mistakes (a `Bearer ` prefix, surrounding spaces) removed. */
  token: string;
  /** True for `http:` on a loopback host, the only place the probe allows plain http. */
  plainHttpLoopback: boolean;
  host: string;
  port: number;
}

/** The URL check's verdict and, when the URL is usable, the target. */
export interface TargetAnalysis {
  outcome: StepOutcome;
  target: ProbeTarget | null;
}

interface Finding {
  /** `note`: worth saying, but the check still passes. */
  severity: 'fail' | 'warn' | 'note';
  message: string;
  fix: string;
}

// Microsoft asks for HTTPS; what Entra shows for an http Tenant URL is not documented, so the
// url check gives no "what Entra shows" text (reference G.3).
const HTTPS_ASKED = `Microsoft: “${MICROSOFT_SAYS.https}”`;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function checkProtocol(url: URL, localSandbox: boolean): Finding | null {
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname) && localSandbox) {
    return {
      severity: 'note',
      message:
        'The URL uses plain http on this computer: expected for the local sandbox, which Entra never calls.',
      fix: 'A real Stytch Tenant URL starts with https://, as Entra requires.',
    };
  }
  if (url.protocol === 'http:' && isLoopback(url.hostname)) {
    return {
      severity: 'warn',
      message:
        'The URL uses plain http. The assistant allows that on this computer (loopback) only.',
      fix: `Use an https:// Tenant URL for Entra. ${HTTPS_ASKED}`,
    };
  }
  if (url.protocol === 'http:') {
    return {
      severity: 'fail',
      message: 'The URL uses plain http, so the token would travel unencrypted.',
      fix: `Use the https:// address of the SCIM endpoint (Stytch base URLs always start with https://). ${HTTPS_ASKED}`,
    };
  }
  return {
    severity: 'fail',
    message: `“${url.protocol}” is not a web address scheme Entra can call.`,
    fix: 'Paste the https:// Tenant URL (Stytch calls it base_url).',
  };
}

function checkPath(url: URL): Finding[] {
  const findings: Finding[] = [];
  const resource = /\/(Users|Groups)(\/[^/]*)?\/?$/i.exec(url.pathname);
  if (resource) {
    findings.push({
      severity: 'fail',
      message: `The URL ends with “${resource[0]}”. Entra adds /Users and /Groups itself, so it would call …${resource[0]}/Users.`,
      fix: `Remove “${resource[0]}” from the end of the Tenant URL.`,
    });
  } else if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    findings.push({
      severity: 'warn',
      message: 'The URL ends with a slash. The assistant removes it before adding /Users.',
      fix: 'Remove the trailing slash: some servers treat “//Users” as a different path.',
    });
  }
  if (url.hash !== '') {
    findings.push({
      severity: 'warn',
      message: 'The URL has a “#…” part, which is never sent to the server.',
      fix: 'Remove everything from “#” on.',
    });
  }
  return findings;
}

function checkFlag(url: URL): Finding | null {
  const count = url.searchParams.getAll(AAD_OPT_FLAG).length;
  if (count === 1) return null;
  if (count > 1) {
    return {
      severity: 'warn',
      message: `“${AAD_OPT_FLAG}” appears ${count} times in the URL.`,
      fix: `Keep a single “?${AAD_OPT_FLAG}” at the end of the Tenant URL.`,
    };
  }
  return {
    severity: 'warn',
    message: `The URL has no “?${AAD_OPT_FLAG}”. Without it Entra sends older, non-standard update requests (for example "active": "False" as a string), which Stytch and most servers do not accept.`,
    fix: `Add “?${AAD_OPT_FLAG}” to the end of the Tenant URL in Entra (Stytch adds it for connections created for Microsoft Entra).`,
  };
}

function checkToken(raw: string): { token: string; findings: Finding[] } {
  const findings: Finding[] = [];
  let token = raw;
  if (token.trim() !== token) {
    findings.push({
      severity: 'warn',
      message: 'The token has spaces or line breaks around it; the assistant removed them.',
      fix: 'Paste the token into Entra without surrounding spaces or line breaks.',
    });
    token = token.trim();
  }
  const prefix = /^bearer\s+/i.exec(token);
  if (prefix) {
    findings.push({
      severity: 'warn',
      message:
        'The token starts with “Bearer ”. Entra adds that word itself, so it would send “Bearer Bearer …” and be refused. The assistant removed it.',
      fix: 'Paste only the part after “Bearer ” into Entra’s Secret Token field.',
    });
    token = token.slice(prefix[0].length);
  }
  if (token === '') {
    findings.push({
      severity: 'fail',
      message: 'The token is empty.',
      fix: 'Provide the SCIM bearer token.',
    });
  } else if (/\s/.test(token)) {
    findings.push({
      severity: 'fail',
      message: 'The token contains spaces or line breaks, so it cannot be the token Stytch issued.',
      fix: 'Copy the token again in one piece, without spaces.',
    });
  }
  return { token, findings };
}

function summarise(findings: Finding[], url: URL, entraFlag: boolean): StepOutcome {
  const failed = findings.filter((f) => f.severity === 'fail');
  const notes = findings.filter((f) => f.severity === 'note');
  const worst = failed.length > 0 ? failed : findings.filter((f) => f.severity === 'warn');
  // Where the token goes, said outright: the host a reader sees in a URL is not always it.
  const sentTo = `The token will be sent to ${url.origin}.`;
  if (worst.length === 0) {
    const flag = entraFlag ? ` with “?${AAD_OPT_FLAG}”` : '';
    const scheme = url.protocol === 'https:' ? 'https ' : '';
    const wellFormed = `${url.origin}${url.pathname} is a well-formed ${scheme}SCIM address${flag}.`;
    return {
      status: 'pass',
      message: [wellFormed, sentTo, ...notes.map((f) => f.message)].join(' '),
    };
  }
  const messages = findings.map((f) => f.message);
  return {
    status: failed.length > 0 ? 'fail' : 'warn',
    message: (failed.length > 0 ? messages : [...messages, sentTo]).join(' '),
    fix: findings.map((f) => f.fix).join(' '),
  };
}

/**
 * The `url` check: parses the Tenant URL and token, names common paste mistakes and works out
 * where requests go. Pure: nothing is sent.
 */
export function analyzeTarget(
  tenantUrl: string,
  rawToken: string,
  context: { localSandbox: boolean } = { localSandbox: false },
): TargetAnalysis {
  const findings: Finding[] = [];
  const trimmed = tenantUrl.trim();
  if (trimmed !== tenantUrl) {
    findings.push({
      severity: 'warn',
      message: 'The URL has spaces or line breaks around it; the assistant removed them.',
      fix: 'Paste the Tenant URL into Entra without surrounding spaces.',
    });
  }
  let url: URL;
  try {
    if (/\s/.test(trimmed)) throw new Error('whitespace');
    url = new URL(trimmed);
  } catch {
    return {
      target: null,
      outcome: {
        status: 'fail',
        message: `“${maskThenCut(trimmed, 200)}” is not a web address.`,
        fix: 'Paste the full Tenant URL, starting with https:// (Stytch calls it base_url).',
      },
    };
  }
  const hidden = hiddenHost(trimmed, url);
  if (hidden) findings.push({ severity: 'fail', ...hidden });
  const protocol = checkProtocol(url, context.localSandbox);
  if (protocol) findings.push(protocol);
  findings.push(...checkPath(url));
  const flag = checkFlag(url);
  if (flag) findings.push(flag);
  const token = checkToken(rawToken);
  findings.push(...token.findings);

  const entraFlag = url.searchParams.has(AAD_OPT_FLAG);
  const outcome = summarise(findings, url, entraFlag);
  if (outcome.status === 'fail') return { outcome, target: null };
  const keptQuery = [...url.searchParams.entries()].filter(
    ([name]) => !(STRIP_ENTRA_FLAG_FROM_REQUESTS && name === AAD_OPT_FLAG),
  );
  const https = url.protocol === 'https:';
  return {
    outcome,
    target: {
      base: `${url.origin}${url.pathname.replace(/\/+$/, '')}`,
      keptQuery,
      entraFlag,
      token: token.token,
      plainHttpLoopback: !https,
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port === '' ? (https ? 443 : 80) : Number(url.port),
    },
  };
}
