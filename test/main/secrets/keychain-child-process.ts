import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** What a child process printed and how it ended. */
export interface ChildOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (with a time limit) and collects its output. */
export function runChild(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The command line that runs the keychain child script (one KeytarSecretStore operation). */
export function keychainChildArgs(
  op: 'save' | 'read' | 'delete' | 'list',
  service: string,
  connectionId: string,
): string[] {
  return [
    process.execPath,
    '--import',
    'tsx',
    join(REPO_ROOT, 'test/main/secrets/fixtures/keychain-child.ts'),
    op,
    service,
    connectionId,
  ];
}

/** The JSON line the keychain child printed. */
export function parseChildResult(
  outcome: ChildOutcome,
):
  | { ok: true; data: unknown }
  | { ok: false; error: { code: string; message: string; hint: string } } {
  const line = outcome.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as ReturnType<typeof parseChildResult>;
  } catch {
    throw new Error(
      `The keychain child printed no result (exit ${outcome.code}).\nstdout: ${outcome.stdout}\nstderr: ${outcome.stderr}`,
    );
  }
}
