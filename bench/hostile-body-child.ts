/**
 * One probe run in a process of its own, so its peak RSS is the probe's alone (the hostile
 * server runs in the parent). Receives the target over the IPC channel and answers the peak
 * and the checks that failed.
 */
import { runProbe } from '../main/probe/run-probe';
import { nodeTlsConnector } from '../main/probe/tls-connector';

interface Target {
  tenantUrl: string;
  token: string;
}

process.once('message', (target: Target) => {
  void runProbe(
    { ...target, options: { writeCycle: true, timeoutMs: 10_000 } },
    { fetch, connectTls: nodeTlsConnector },
  ).then((report) => {
    // maxRSS is in kilobytes.
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const failed = report.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    process.send?.({ peakRssMb, failed });
  });
});
