/**
 * `npm run probe`: the connection probe on the command line. All logic is in main/probe/cli.ts;
 * this file only connects it to the process.
 */
import { redactText } from '../main/logging/redact';
import { runProbeCli } from '../main/probe/cli';
import { keychainTokenReader } from '../main/probe/keychain-token-reader';
import { nodeTlsConnector } from '../main/probe/tls-connector';
import { KeytarSecretStore } from '../main/secrets/keytar-secret-store';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

void runProbeCli(process.argv.slice(2), {
  transport: { fetch, connectTls: nodeTlsConnector },
  readStdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  openKeychain: () => keychainTokenReader(new KeytarSecretStore()),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `probe: unexpected failure: ${redactText(error instanceof Error ? error.message : String(error))}\n`,
    );
    process.exitCode = 2;
  },
);
