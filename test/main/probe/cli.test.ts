import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runProbeCli, EXIT, type CliDeps } from '../../../main/probe/cli';
import { keychainTokenReader } from '../../../main/probe/keychain-token-reader';
import { nodeTlsConnector } from '../../../main/probe/tls-connector';
import { MemorySecretStore } from '../../support/keychain';
import { appFailure } from '../../../shared/errors';
import { ProbeReportSchema } from '../../../shared/probe/report';
import { faultyScimApp, isUserQuery, scimError, sendJson } from './support/fault-servers';
import { createScimApp } from './support/scim-test-server';
import { startHttp, type RunningServer } from './support/servers';

const TOKEN = 'cli-test-token-a1b2c3d4e5f6';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

let good: RunningServer;
let broken: RunningServer;

beforeAll(async () => {
  good = await startHttp(createScimApp({ token: TOKEN }).app);
  broken = await startHttp(
    faultyScimApp(
      (request, response, next) =>
        isUserQuery(request) ? sendJson(response, 404, scimError(404, 'no such user')) : next(),
      { token: TOKEN },
    ).app,
  );
});

afterAll(async () => {
  await Promise.all([good.close(), broken.close()]);
});

function cli(stdin = `${TOKEN}\n`, extra: Partial<CliDeps> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    transport: { fetch, connectTls: nodeTlsConnector },
    readStdin: () => Promise.resolve(stdin),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    ...extra,
  };
  return { deps, stdout: () => out.join(''), stderr: () => err.join('') };
}

const url = (server: RunningServer) => `${server.origin}/scim?aadOptscim062020`;

describe('probe CLI (module)', () => {
  it('prints one marked line per check and exits 0 when nothing failed', async () => {
    const run = cli();
    const code = await runProbeCli(['--base-url', url(good), '--token-stdin'], run.deps);
    expect(code).toBe(EXIT.ok);
    const lines = run.stdout().split('\n');
    expect(lines.filter((l) => /^[✓!✗○] /.test(l))).toHaveLength(9);
    expect(run.stdout()).toMatch(
      /^✓ Test Connection \(as Entra sends it\) — 200 with an empty SCIM ListResponse/m,
    );
    expect(run.stdout()).toMatch(/^○ Write cycle .* — Off by default/m);
    expect(run.stdout()).toMatch(
      /^! Tenant URL and token .*\n {4}fix: Use an https:\/\/ Tenant URL/m,
    );
    expect(run.stderr()).toBe('');
  });

  it('prints the failing check with its fix and Entra’s verdict, and exits 1', async () => {
    const run = cli();
    const code = await runProbeCli(['--base-url', url(broken), '--token-stdin'], run.deps);
    expect(code).toBe(EXIT.checksFailed);
    expect(run.stdout()).toMatch(/^✗ Test Connection .*404 Not Found/m);
    expect(run.stdout()).toMatch(/^ {4}fix: Return an empty list, not 404/m);
    expect(run.stdout()).toMatch(
      /^ {4}Entra shows \(approximately\): You appear to have entered invalid credentials\. .* Response Status Code: NotFound /m,
    );
    expect(run.stdout()).toMatch(/^○ A wrong token is refused — Skipped because/m);
  });

  it('prints only the JSON report with --json', async () => {
    const run = cli();
    const code = await runProbeCli(
      ['--base-url', url(broken), '--token-stdin', '--json'],
      run.deps,
    );
    expect(code).toBe(EXIT.checksFailed);
    const report = ProbeReportSchema.parse(JSON.parse(run.stdout()));
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.id === 'test-connection')?.status).toBe('fail');
  });

  it('runs the write cycle only when asked', async () => {
    const run = cli();
    await runProbeCli(
      ['--base-url', url(good), '--token-stdin', '--write-cycle', '--json'],
      run.deps,
    );
    const report = ProbeReportSchema.parse(JSON.parse(run.stdout()));
    expect(report.checks.find((c) => c.id === 'write-cycle')?.status).toBe('pass');
  });

  it('refuses --token with a usage error explaining why, without echoing the value', async () => {
    for (const argv of [['--token', TOKEN], [`--token=${TOKEN}`]]) {
      const run = cli();
      const code = await runProbeCli(['--base-url', url(good), ...argv], run.deps);
      expect(code).toBe(EXIT.usage);
      expect(run.stderr()).toMatch(
        /--token is not accepted: .*shell history and in the process list/,
      );
      expect(run.stderr() + run.stdout()).not.toContain(TOKEN);
    }
  });

  it('answers usage errors with exit 2 and never echoes a stray argument', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--token-stdin'], /--base-url is required/],
      [['--base-url', url(good)], /exactly one of --token-stdin or --token-from-keychain/],
      [['--base-url', url(good), '--token-stdin', '--token-from-keychain', 'c1'], /exactly one of/],
      [
        ['--base-url', url(good), '--token-stdin', '--timeout-ms', 'soon'],
        /--timeout-ms must be a whole number/,
      ],
      [
        ['--base-url', url(good), '--token-stdin', TOKEN],
        /Unexpected argument \(not shown, in case it is a token\)/,
      ],
      [
        ['--base-url', url(good), '--token-stdin', `--secret=${TOKEN}`],
        /Unknown or incomplete option --secret\./,
      ],
    ];
    for (const [argv, message] of cases) {
      const run = cli();
      expect(await runProbeCli(argv, run.deps), argv.join(' ')).toBe(EXIT.usage);
      expect(run.stderr()).toMatch(message);
      expect(run.stderr()).toMatch(/^Usage: npm run probe/m);
      expect(run.stderr()).not.toContain(TOKEN);
    }
  });

  it('treats an empty standard input as a usage error', async () => {
    const run = cli('\n');
    expect(await runProbeCli(['--base-url', url(good), '--token-stdin'], run.deps)).toBe(
      EXIT.usage,
    );
    expect(run.stderr()).toMatch(/standard input is empty/);
  });

  it('reads the token from the keychain by connection id', async () => {
    const store = new MemorySecretStore();
    await store.save({ kind: 'scim-token', connectionId: 'scim-connection-test-9' }, TOKEN);
    const run = cli('', { openKeychain: () => keychainTokenReader(store) });
    const code = await runProbeCli(
      ['--base-url', url(good), '--token-from-keychain', 'scim-connection-test-9'],
      run.deps,
    );
    expect(code).toBe(EXIT.ok);
  });

  it('explains a token missing from the keychain, a keychain failure, and a build without one', async () => {
    const store = new MemorySecretStore();
    const missing = cli('', { openKeychain: () => keychainTokenReader(store) });
    expect(
      await runProbeCli(['--base-url', url(good), '--token-from-keychain', 'nope'], missing.deps),
    ).toBe(EXIT.usage);
    expect(missing.stderr()).toMatch(/No SCIM token for connection “nope”.*\n.*--token-stdin/);

    store.breakWith(
      appFailure('SECRET_STORE_LOCKED', 'The keychain is locked.', 'Unlock it and try again.'),
    );
    const locked = cli('', { openKeychain: () => keychainTokenReader(store) });
    expect(
      await runProbeCli(['--base-url', url(good), '--token-from-keychain', 'c1'], locked.deps),
    ).toBe(EXIT.usage);
    expect(locked.stderr()).toBe('probe: The keychain is locked.\nUnlock it and try again.\n');

    const none = cli('');
    expect(
      await runProbeCli(['--base-url', url(good), '--token-from-keychain', 'c1'], none.deps),
    ).toBe(EXIT.usage);
    expect(none.stderr()).toMatch(/keychain is not available in this build; use --token-stdin/);
  });

  it('never prints the token, even when the server echoes it back', async () => {
    const echo = await startHttp(
      faultyScimApp(
        (request, response) =>
          sendJson(
            response,
            500,
            scimError(500, `bad token ${String(request.headers.authorization).slice(7)}`),
          ),
        { token: TOKEN },
      ).app,
    );
    try {
      for (const json of [false, true]) {
        const run = cli(`Bearer ${TOKEN}\n`);
        await runProbeCli(
          ['--base-url', url(echo), '--token-stdin', ...(json ? ['--json'] : [])],
          run.deps,
        );
        expect(run.stdout()).toMatch(/bad token \[redacted\]/);
        expect(run.stdout() + run.stderr()).not.toContain(TOKEN);
      }
    } finally {
      await echo.close();
    }
  });
});

function spawnCli(
  args: string[],
  stdin: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      'npx',
      ['tsx', 'scripts/probe.ts', ...args],
      { cwd: ROOT, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? ((error as { code?: number }).code ?? 1) : 0,
          stdout,
          stderr,
        }),
    );
    child.stdin?.end(stdin);
  });
}

describe('probe CLI (spawned: npx tsx scripts/probe.ts)', () => {
  it('exits 0 and prints only the JSON report against a working server', async () => {
    const run = await spawnCli(['--base-url', url(good), '--token-stdin', '--json'], `${TOKEN}\n`);
    expect(run.code, run.stderr).toBe(0);
    expect(ProbeReportSchema.parse(JSON.parse(run.stdout)).ok).toBe(true);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('exits 1 with human output against a broken server', async () => {
    const run = await spawnCli(['--base-url', url(broken), '--token-stdin'], TOKEN);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✗ Test Connection/m);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('exits 2 when the token is given as an argument', async () => {
    const run = await spawnCli(['--base-url', url(good), '--token', TOKEN], '');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--token is not accepted/);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });
});
