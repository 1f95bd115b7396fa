/**
 * The overview's and the sweep's main-side work for 5,000 organizations in a process of its own,
 * so its peak RSS is the app's alone (the Stytch stand-in runs in the parent): a refresh, a sweep
 * of every connection, and both reports. Receives the sandbox over the IPC channel, answers the
 * peak and what it saw.
 */
import { applyHeapPolicy } from '../main/app/heap-policy';
import { FLEET_POLICY } from '../main/fleet/fleet-policy';
import { reportCsv, reportHtml } from '../main/fleet/fleet-report';
import { benchFleet, type FleetTarget } from './fleet-support';

// As main/index.ts does first thing.
applyHeapPolicy();

process.once('message', (target: FleetTarget) => {
  void (async () => {
    // Memory barely depends on pace (tried): a budget that lets 5,000 connections through in seconds.
    const { fleet, cleanUp } = await benchFleet(target, fetch, {
      ...FLEET_POLICY,
      perHostPerSecond: 1_000,
    });
    await fleet.refresh(false);
    await fleet.settled();
    await fleet.sweepStart(undefined);
    await fleet.settled();
    const rows = await fleet.rows();
    const sweep = await fleet.sweepStatus();
    const csv = reportCsv(rows);
    const html = reportHtml(rows, { projectId: target.projectId, generatedAt: new Date(), sweep });
    const overview = await fleet.overview();
    await cleanUp();
    // maxRSS is in kilobytes.
    process.send?.({
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      rows: overview.rows.length,
      swept: sweep.done,
      reportBytes: csv.length + html.length,
    });
  })();
});
