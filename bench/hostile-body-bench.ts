import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ProbeCheckId } from '../shared/probe/report';
import { FAULT_TOKEN } from '../test/main/probe/support/fault-servers';
import {
  filterOn,
  flatOut,
  startFlooding,
  withToken,
  type Pace,
} from '../test/main/probe/support/hostile-servers';
import type { Benchmark, Figure } from './figures';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'hostile-body-child.ts');

/**
 * Every check that sends a request after Test Connection: each one's answer is a flood. (The
 * groups check is not among them: Test Connection's own group query is its check now.)
 */
const FLOODED: readonly ProbeCheckId[] = [
  'auth-enforced',
  'external-id-filter',
  'not-found-shape',
  'discovery',
  'write-cycle',
];

interface ChildAnswer {
  peakRssMb: number;
  failed: ProbeCheckId[];
}

/** Runs the probe in a child process (under tsx, as the parent) and answers what it reports. */
function probeInChild(tenantUrl: string): Promise<ChildAnswer> {
  const child = fork(CHILD, [], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`probe process exited early (${code})`)));
    child.once('message', (answer: ChildAnswer) => {
      child.removeAllListeners('exit');
      child.kill();
      resolve(answer);
    });
    child.send({ tenantUrl, token: FAULT_TOKEN });
  });
}

/**
 * Peak RSS of one probe run against a server that answers Test Connection correctly and floods
 * every later request at `pace`; throws unless each flooded check failed.
 */
async function peakAgainst(pace: Pace): Promise<number> {
  const server = await startFlooding(
    // Test Connection (its user and its group query, with the token) is answered correctly.
    (request) =>
      !((filterOn(request, 'userName') || request.path === '/Groups') && withToken(request)),
    pace,
  );
  try {
    const answer = await probeInChild(`${server.origin}/scim?aadOptscim062020`);
    const missed = FLOODED.filter((id) => !answer.failed.includes(id));
    if (missed.length > 0) throw new Error(`flooded checks did not fail: ${missed.join(', ')}`);
    return answer.peakRssMb;
  } finally {
    await server.close();
  }
}

/** The higher peak of two runs: every answer 1 GB long, then every answer without end. */
async function hostileBodyPeak(): Promise<Figure[]> {
  const gigabyte = await peakAgainst(flatOut(1024 * 1024 * 1024));
  const endless = await peakAgainst(flatOut(Infinity));
  return [
    { name: 'probe.hostile_body.peak_rss_mb', value: Math.max(gigabyte, endless), unit: 'MB' },
  ];
}

/** What a server that floods the probe's deeper checks costs the probe in memory. */
export const HOSTILE_BODY_BENCHMARKS: readonly Benchmark[] = [
  { name: 'probe.hostile_body', run: hostileBodyPeak },
];
