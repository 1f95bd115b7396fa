import { join } from 'node:path';

import { REPO_ROOT, type ChildOutcome } from '../../support/run-child';

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
