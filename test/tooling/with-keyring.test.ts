import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

/**
 * scripts/with-keyring.sh starts a D-Bus daemon and a GNOME Keyring daemon for each run; none may
 * outlive the run, however it ends. Other keyring runs may be going on at the same time (other test
 * files, other checkouts), so only this file's runs are counted: each gets TMPDIR set to a folder of
 * its own, which every process of the run inherits, and the count is of the live processes whose
 * environment mentions that folder (read from /proc). Linux only, like the script.
 */
const WITH_KEYRING = resolve(__dirname, '../../scripts/with-keyring.sh');
const EXIT_DEADLINE_MS = 10_000;

let scratch: string;

interface Run {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout: () => string;
}

/** Starts the script in a process group of its own, as a terminal or a CI runner would. */
function start(command: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: scratch };
  delete env.WITH_KEYRING_DATA_HOME;
  const child = spawn('bash', [WITH_KEYRING, ...command], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return { child, exited, stdout: () => stdout };
}

/** Resolves with the exit, or with 'still running' once the deadline has passed. */
async function exitWithin(run: Run, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still running'>((done) => {
    timer = setTimeout(() => done('still running'), ms);
  });
  try {
    return await Promise.race([run.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + EXIT_DEADLINE_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** "pid name" of every live process whose environment mentions this file's scratch folder. */
function processesOfTheseRuns(): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (!environ.split('\0').some((variable) => variable.includes(scratch))) continue;
      found.push(`${entry} ${readFileSync(`/proc/${entry}/comm`, 'utf8').trim()}`);
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/** The daemons' names as /proc shows them (comm is cut at 15 characters). */
function daemonsOf(processes: string[]): string[] {
  return processes
    .map((line) => line.split(' ')[1] ?? '')
    .filter((name) => name === 'dbus-daemon' || name === 'gnome-keyring-d')
    .sort();
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'with-keyring-test-'));
});

afterEach(async () => {
  // A failing run must not leave its processes on the machine (nor in the next test's count):
  // end them by their PID and wait until they are gone.
  for (const line of processesOfTheseRuns()) {
    try {
      process.kill(Number(line.split(' ')[0]), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  await until(() => processesOfTheseRuns().length === 0, "a failed run's processes to end");
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe.skipIf(process.platform !== 'linux')(
  'scripts/with-keyring.sh leaves no daemon behind',
  () => {
    it('stops its D-Bus and keyring daemons after a command that succeeds', async () => {
      const before = processesOfTheseRuns();
      // A command that ends at once, three times: whether a keyring daemon that was left to notice
      // the end of its D-Bus session by itself did so was a matter of timing.
      for (let round = 0; round < 3; round++) {
        const run = start(['true']);
        const exit = await exitWithin(run, EXIT_DEADLINE_MS);
        expect(processesOfTheseRuns()).toEqual(before);
        expect(exit).toEqual({ code: 0, signal: null });
      }
    });

    it('stops them after a command that fails, and exits with its status', async () => {
      const before = processesOfTheseRuns();
      const run = start(['sh', '-c', 'exit 3']);
      const exit = await exitWithin(run, EXIT_DEADLINE_MS);
      expect(processesOfTheseRuns()).toEqual(before);
      expect(exit).toEqual({ code: 3, signal: null });
    });

    it('passes SIGTERM on to the command, then stops them and exits with 143', async () => {
      const before = processesOfTheseRuns();
      const run = start(['sh', '-c', 'printf "%s\\n" "$XDG_RUNTIME_DIR"; exec sleep 60']);
      await until(() => run.stdout().includes('\n'), 'the command to start');
      // The run's folders are under the scratch folder, and the count sees its daemons.
      expect(run.stdout().startsWith(scratch)).toBe(true);
      expect(daemonsOf(processesOfTheseRuns())).toEqual(['dbus-daemon', 'gnome-keyring-d']);

      run.child.kill('SIGTERM');
      const exit = await exitWithin(run, EXIT_DEADLINE_MS);
      expect(processesOfTheseRuns()).toEqual(before);
      expect(exit).toEqual({ code: 143, signal: null });
    }, 30_000);

    it('on Ctrl-C (SIGINT to its whole process group) stops the command and both daemons', async () => {
      const before = processesOfTheseRuns();
      const run = start(['sh', '-c', 'echo ready; exec sleep 60']);
      await until(() => run.stdout().includes('ready'), 'the command to start');
      expect(daemonsOf(processesOfTheseRuns())).toEqual(['dbus-daemon', 'gnome-keyring-d']);

      const group = run.child.pid;
      if (group === undefined) throw new Error('the script did not start');
      process.kill(-group, 'SIGINT');
      const exit = await exitWithin(run, EXIT_DEADLINE_MS);
      expect(processesOfTheseRuns()).toEqual(before);
      expect(exit).toEqual({ code: 130, signal: null });
    }, 30_000);
  },
);
