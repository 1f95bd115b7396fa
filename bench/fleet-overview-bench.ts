import type { Browser } from 'playwright-core';

import { idleSweep, type FleetOverview, type FleetRow } from '../shared/fleet/fleet';
import type { Result } from '../shared/ipc';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings/settings';
import { WIZARD_STEP_IDS } from '../shared/wizard/steps';
import { bridgeAssistantInitScript } from '../test/bridge/bridge-assistant';
import { startBridge, type Bridge } from '../test/bridge/bridge-server';
import { asInitScript } from '../test/bridge/init-script';
import { BUILT_RENDERER_DIR, launchTestBrowser } from '../test/e2e/browser';
import { median, type Benchmark, type Figure } from './figures';
import { buildApp } from './renderer-bench';

const SAMPLES = 9;
const LARGE = 5_000;
const SMALL = 10;

/** A row in one of the states the overview shows, by turn: healthy, expiring, expired, … */
function benchRow(n: number): FleetRow {
  const id = String(n).padStart(5, '0');
  const kind = n % 6;
  return {
    organizationId: `organization-test-${id}`,
    organizationName: `Organization ${id}`,
    connectionId: `scim-connection-test-${id}`,
    connectionStatus: 'active',
    identityProvider: 'microsoft-entra',
    tokenExpiresAt: '2027-12-01T00:00:00Z',
    tokenDaysLeft: kind === 1 ? 12 : kind === 2 ? -4 : 200 + (n % 300),
    rotationPending: kind === 3,
    tokenHeld: n % 5 !== 0,
    lastHealth:
      kind === 4
        ? { verdict: 'failed', failingCheck: 'Test Connection', at: '2026-12-07T10:00:00Z' }
        : { verdict: 'passed', at: '2026-12-07T10:00:00Z' },
    entraJob:
      kind === 5
        ? { state: 'Quarantine', quarantineReason: 'EncounteredQuarantineException' }
        : null,
    entraLink: kind === 5 ? { tenant: 'Contoso', jobRead: 'read' } : null,
  };
}

function overviewOf(count: number): FleetOverview {
  return {
    rows: Array.from({ length: count }, (_, n) => benchRow(n)),
    refreshedAt: '2026-12-07T09:00:00Z',
    refreshing: false,
    entraReading: false,
    refreshError: null,
    sweep: idleSweep(),
  };
}

/**
 * Runs in the page before the app: notes (on the page's clock, from navigation) when the
 * overview can be used: its grid has drawn its first row and its search box is enabled.
 */
function watchForOverview(): void {
  const seen = window as unknown as { overviewAt?: number };
  const observer = new MutationObserver(() => {
    const row = document.querySelector('[role="grid"] [aria-rowindex="2"]');
    const search = document.querySelector<HTMLInputElement>('#fleet-search');
    if (row && search && !search.disabled) {
      seen.overviewAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  projectId: 'project-test-bench',
  environment: 'test',
  wizard: { currentStep: 'webhooks', completedSteps: [...WIZARD_STEP_IDS], checklist: {} },
};

/**
 * A bridge (the end-to-end tests' stand-in for Electron's IPC, over loopback HTTP) whose main
 * answers what the overview's first screen asks: app info, a connected project whose set-up is
 * done, and the overview with `count` rows. The page pays for the rows' transfer and parsing as
 * it would for main's answer; main's own work (reading Stytch) is not part of the figure.
 */
function overviewBridge(count: number): Promise<Bridge> {
  const answers: Partial<Record<string, unknown>> = {
    'app:info': { name: 'SCIM Setup Assistant', version: 'bench', platform: 'linux', mode: 'real' },
    'stytch:status': {
      connected: true,
      projectId: 'project-test-bench',
      environment: 'test',
      mode: 'real',
    },
    'settings:get': SETTINGS,
    'fleet:overview': overviewOf(count),
  };
  return startBridge({
    rendererDir: BUILT_RENDERER_DIR,
    dispatch: (channel): Promise<Result<unknown>> => {
      const data = typeof channel === 'string' ? answers[channel] : undefined;
      if (data !== undefined) return Promise.resolve({ ok: true, data });
      return Promise.resolve({
        ok: false,
        error: { code: 'INTERNAL_ERROR', message: 'Not answered in the bench.', hint: '' },
      });
    },
  });
}

/** One load in a fresh context (nothing cached): milliseconds until the overview is usable. */
async function loadOnce(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(bridgeAssistantInitScript());
    await context.addInitScript(asInitScript(watchForOverview));
    const page = await context.newPage();
    await page.goto(url);
    const handle = await page.waitForFunction(
      () => (window as unknown as { overviewAt?: number }).overviewAt,
      undefined,
      { timeout: 20_000, polling: 100 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

/**
 * `fleet.overview_interactive_vs_10_rows`: from navigation to the overview being usable (first
 * row drawn, search enabled) with 5,000 connections, over the same with 10, in Chromium. Loads
 * alternate (10, 5,000, 10, …) so other work on the machine touches both alike; the first round
 * warms up; medians of 9. Main's answers come from the bench ({@link overviewBridge}), so the
 * figure is the renderer's.
 */
async function overviewInteractive(): Promise<Figure[]> {
  buildApp();
  const small = await overviewBridge(SMALL);
  const large = await overviewBridge(LARGE);
  const samples = { small: [] as number[], large: [] as number[] };
  try {
    const browser = await launchTestBrowser(small.url);
    try {
      for (let round = 0; round < SAMPLES + 1; round += 1) {
        const smallMs = await loadOnce(browser.browser, small.url);
        const largeMs = await loadOnce(browser.browser, large.url);
        if (round === 0) continue;
        samples.small.push(smallMs);
        samples.large.push(largeMs);
      }
    } finally {
      await browser.close();
    }
  } finally {
    await small.close();
    await large.close();
  }
  const smallMs = Math.round(median(samples.small));
  const largeMs = Math.round(median(samples.large));
  return [
    { name: 'fleet.overview_interactive_5000_rows_ms', value: largeMs, unit: 'ms' },
    { name: 'fleet.overview_interactive_10_rows_ms', value: smallMs, unit: 'ms' },
    {
      name: 'fleet.overview_interactive_vs_10_rows',
      value: Math.round((largeMs / smallMs) * 1000) / 1000,
      unit: 'ratio',
    },
  ];
}

export const FLEET_OVERVIEW_BENCHMARKS: readonly Benchmark[] = [
  { name: 'fleet.overview_interactive_vs_10_rows', run: overviewInteractive },
];
