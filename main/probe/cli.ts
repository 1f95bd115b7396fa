import { parseArgs } from 'node:util';

import { AppFailure } from '../../shared/errors';
import { terminalReportText } from '../../shared/probe/report-text';
import type { TokenReader } from './probe-handlers';
import { DEFAULT_PROBE_TIMEOUT_MS, runProbe, type ProbeTransport } from './run-probe';

/** Exit codes: no check failed, some check failed, the probe could not run as asked. */
export const EXIT = { ok: 0, checksFailed: 1, usage: 2 } as const;

/** Everything the command line touches, injected so it runs in tests without a process. */
export interface CliDeps {
  transport: ProbeTransport;
  /** The whole of standard input. */
  readStdin: () => Promise<string>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Opens the OS keychain; absent when this build has no keychain support. */
  openKeychain?: () => TokenReader;
}

const USAGE = `Usage: npm run probe -- --base-url URL (--token-stdin | --token-from-keychain CONNECTION_ID)
                        [--write-cycle] [--timeout-ms N] [--json]

Sends what Microsoft Entra's "Test Connection" sends to a SCIM endpoint, explains the verdict,
and runs deeper SCIM checks.

  --base-url URL                   The Tenant URL, as pasted into Entra (keep ?aadOptscim062020).
  --token-stdin                    Read the bearer token from standard input.
  --token-from-keychain ID         Use the token the app stored for SCIM connection ID.
  --write-cycle                    Also create, update, deactivate and delete a real test user.
  --timeout-ms N                   Limit for each request (default ${DEFAULT_PROBE_TIMEOUT_MS}).
  --json                           Print only the JSON report.
  --help                           Show this help.

The token is never accepted as an argument: arguments end up in shell history and in the
process list. Extra trusted CAs: set NODE_EXTRA_CA_CERTS to a PEM file.
Exit status: 0 no check failed, 1 a check failed, 2 usage or input error.
`;

class UsageError extends Error {}

interface CliRequest {
  baseUrl: string;
  token: { from: 'stdin' } | { from: 'keychain'; connectionId: string };
  writeCycle: boolean;
  timeoutMs: number;
  json: boolean;
}

const OPTIONS = {
  'base-url': { type: 'string' },
  'token-stdin': { type: 'boolean' },
  'token-from-keychain': { type: 'string' },
  'write-cycle': { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function refuseTokenArgument(argv: readonly string[]): void {
  if (argv.some((arg) => arg === '--token' || arg.startsWith('--token='))) {
    throw new UsageError(
      '--token is not accepted: a token given as an argument ends up in your shell history and in the process list. Pipe it in with --token-stdin, or use --token-from-keychain CONNECTION_ID.',
    );
  }
}

function parse(argv: readonly string[]): CliRequest | 'help' {
  refuseTokenArgument(argv);
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // Never echo what was typed: a stray argument may well be a token.
    const code = (error as { code?: string }).code;
    const option = /'(--?[A-Za-z-]+)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new UsageError(
      code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
        ? 'Unexpected argument (not shown, in case it is a token).'
        : `Unknown or incomplete option${option ? ` ${option}` : ''}.`,
    );
  }
  if (values.help) return 'help';
  if (!values['base-url']) throw new UsageError('--base-url is required.');
  const fromKeychain = values['token-from-keychain'];
  if (Boolean(values['token-stdin']) === (fromKeychain !== undefined)) {
    throw new UsageError(
      'Give exactly one of --token-stdin or --token-from-keychain CONNECTION_ID.',
    );
  }
  const timeoutMs =
    values['timeout-ms'] === undefined ? DEFAULT_PROBE_TIMEOUT_MS : Number(values['timeout-ms']);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000) {
    throw new UsageError(
      '--timeout-ms must be a whole number of milliseconds between 100 and 120000.',
    );
  }
  return {
    baseUrl: values['base-url'],
    token:
      fromKeychain === undefined
        ? { from: 'stdin' }
        : { from: 'keychain', connectionId: fromKeychain },
    writeCycle: values['write-cycle'] ?? false,
    timeoutMs,
    json: values.json ?? false,
  };
}

async function readToken(request: CliRequest, deps: CliDeps): Promise<string> {
  if (request.token.from === 'stdin') {
    // One trailing newline comes from `echo` or a file; anything else is left for the url check.
    const token = (await deps.readStdin()).replace(/\r?\n$/, '');
    if (token === '') throw new UsageError('--token-stdin was given, but standard input is empty.');
    return token;
  }
  if (!deps.openKeychain) {
    throw new UsageError('The keychain is not available in this build; use --token-stdin instead.');
  }
  const reader = deps.openKeychain();
  return reader.readToken({ kind: 'scim-token', connectionId: request.token.connectionId });
}

/**
 * The `probe` command: parses arguments, reads the token (stdin or keychain, never an argument),
 * runs the probe and prints the report. Answers the exit code.
 */
export async function runProbeCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  let request: CliRequest | 'help';
  let token: string;
  try {
    request = parse(argv);
    if (request === 'help') {
      deps.stdout(USAGE);
      return EXIT.ok;
    }
    token = await readToken(request, deps);
  } catch (error) {
    if (error instanceof UsageError) {
      deps.stderr(`probe: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof AppFailure) {
      deps.stderr(`probe: ${error.appError.message}\n${error.appError.hint}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const report = await runProbe(
    {
      tenantUrl: request.baseUrl,
      token,
      options: { writeCycle: request.writeCycle, timeoutMs: request.timeoutMs },
    },
    deps.transport,
  );
  deps.stdout(request.json ? `${JSON.stringify(report, null, 2)}\n` : terminalReportText(report));
  return report.ok ? EXIT.ok : EXIT.checksFailed;
}
