import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { AppErrorSchema, AppFailure, type AppError } from '../../../shared/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings/settings';
import type { ClipboardPort } from '../../../main/clipboard/clipboard-port';
import type { ClipboardTimers } from '../../../main/clipboard/clipboard-service';
import { composeServices, type Services } from '../../../main/composition';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { createLogger, type Logger, type LogRecord } from '../../../main/logging/logger';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A logger whose redacted records land in an array, and the array as one string for searching. */
export function captureLogger(): { logger: Logger; records: LogRecord[]; text: () => string } {
  const records: LogRecord[] = [];
  return {
    logger: createLogger((record) => records.push(record)),
    records,
    text: () => JSON.stringify(records),
  };
}

/** A unique keychain service name, so parallel tests never see each other's secrets. */
export function uniqueService(label: string): string {
  return `com.scimsetupassistant.test.${label}.${process.pid}.${Math.random().toString(36).slice(2, 10)}`;
}

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

/**
 * Fails (never skips) when no keychain answers, naming the fix. On Linux `npm test` runs the
 * suite inside scripts/with-keyring.sh, which provides a private Secret Service.
 */
export async function assertKeychainReachable(store: { list(): Promise<unknown> }): Promise<void> {
  try {
    await store.list();
  } catch (error) {
    const detail =
      error instanceof AppFailure
        ? `${error.appError.code}: ${error.appError.message}`
        : String(error);
    throw new Error(
      `No keychain is reachable (${detail}). On Linux run the keychain tests inside a private keyring: ` +
        'bash scripts/with-keyring.sh npx vitest run test/main/secrets',
      { cause: error },
    );
  }
}

/** Every file under `dir`, as text, so tests can prove no secret reached the disk. */
export async function allFileText(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
  );
  return texts.join('\n');
}

/** What a test varies when it composes the app's services. */
export interface TestHost {
  dataDir: string;
  secretStore: SecretStore;
  clipboardPort: ClipboardPort;
  logger: Logger;
  timers?: ClipboardTimers;
}

/** The app's services, composed by the app's own composition root, around the given keychain. */
export function buildServices(host: TestHost): Services {
  return composeServices({
    app: { name: 'SCIM Setup Assistant', version: '0.0.0-test', platform: process.platform },
    logger: host.logger,
    fetch,
    openExternal: () => Promise.resolve(),
    userDataDir: host.dataDir,
    secretStore: host.secretStore,
    clipboardPort: host.clipboardPort,
    ...(host.timers ? { clipboardTimers: host.timers } : {}),
  });
}

/** The user-facing error a failure carries: from an AppFailure or a failed Result. */
export function errorOf(value: unknown): AppError {
  if (value instanceof AppFailure) return value.appError;
  if (typeof value === 'object' && value !== null && 'ok' in value && value.ok === false) {
    if ('error' in value) return AppErrorSchema.parse(value.error);
  }
  throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
}

/** Settings in a variable, for tests of code that keeps its index there (no file). */
export function memorySettings(initial: Settings = DEFAULT_SETTINGS): {
  get(): Promise<Settings>;
  mutate(change: (current: Settings) => Settings): Promise<Settings>;
} {
  let current = initial;
  return {
    get: () => Promise.resolve(current),
    mutate: (change) => Promise.resolve((current = change(current))),
  };
}
