import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A SCIM server running in a child process. */
export interface ServerProcess {
  origin: string;
  stop(): Promise<void>;
}

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'scim-server-child.ts');

/** Starts the test SCIM server (scimmy) in a child process, over https when given a key pair. */
export function startScimServerProcess(
  token: string,
  tls?: { key: string; cert: string },
): Promise<ServerProcess> {
  // The parent runs under tsx; the child inherits its loader flags so it can run TypeScript too.
  const child = fork(CHILD, [], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`SCIM server process exited early (${code})`)));
    child.once('message', (message: { origin: string }) =>
      resolve({
        origin: message.origin,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill();
          }),
      }),
    );
    child.send({ token, ...(tls ? { tls } : {}) });
  });
}
