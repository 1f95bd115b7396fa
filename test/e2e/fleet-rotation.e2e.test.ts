import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { HANDLERS } from '../../main/composition';
import { largeSeed, largeSeedState } from '../../main/sandbox/large-seed';
import type { RunningSandbox } from '../../main/sandbox/sandbox';
import type { AppHost } from '../bridge/app-host';
import { saveScreenshot } from './browser';
import { openAppForFile, type OpenApp } from './sandbox-page';
import { sandboxSecrets, secretFreeCheckpoint, signInAtSandbox } from './sandbox-secrets';

/**
 * Rotating every token expiring within 30 days from the connections overview, in Chromium,
 * against the large sandbox (about 2,000 organizations, main/sandbox/large-seed.ts). The admin
 * has linked Entra enterprise apps for a few of the expiring organizations; the others have
 * none here and are skipped, said so before starting. The sandbox's Stytch refuses a pending
 * token until Complete (Stytch's documented reading), so each gap is measured and shown.
 */
let app: OpenApp;
let host: AppHost;
let page: Page;
let sandbox: RunningSandbox;
const pageErrors: string[] = [];
const SOON = { timeout: 20_000 };
/** How many expiring organizations get an Entra app linked: enough for a run to be seen going. */
const LINKED = 6;

/** The expiring organizations of the large seed, the first {@link LINKED} of them. */
const linked = largeSeed()
  .filter((_, index) => largeSeedState(index) === 'expiring')
  .slice(0, LINKED)
  .map((seed) => ({ id: seed.organization_id ?? '', name: seed.organization_name }));

openAppForFile(pageErrors, (opened) => {
  app = opened;
  ({ host, page } = opened);
});

const secrets = () => sandboxSecrets(host, sandbox);

async function checkpoint(name: string): Promise<void> {
  await secretFreeCheckpoint(page, `fleet-rotation-${name}`, await secrets(), pageErrors);
}

/** Links an enterprise app and its job for `organizationId`, through main's own Entra steps. */
async function linkEntraApp(organizationId: string, name: string): Promise<void> {
  const emit = () => undefined;
  await HANDLERS['entra:createApp'](
    { organizationId, displayName: `${name} SCIM` },
    host.services,
    emit,
  );
  await HANDLERS['entra:ensureJob']({ organizationId }, host.services, emit);
}

const expiringButton = () =>
  page.getByRole('button', { name: /^Rotate tokens expiring within 30 days/ });

describe('rotating the tokens expiring within 30 days, in Chromium against the large sandbox', () => {
  it('offers the rotation once signed in to Microsoft, with the count from the rows', async () => {
    await page.getByRole('button', { name: 'Try it with a large project' }).click();
    // Main reads every organization from Stytch within its documented limits first.
    await expect
      .poll(() => page.getByText(/^Last read in full at/).count(), {
        timeout: 150_000,
        interval: 1_000,
      })
      .toBe(1);
    sandbox = await host.services.sandbox.ensureStarted();
    await expect.poll(() => expiringButton().isDisabled()).toBe(true);
    expect(await page.getByText(/^Sign in to Microsoft first/).count()).toBe(1);
    await checkpoint('00-sign-in-first');

    await signInAtSandbox(app, /Adele Vance/, undefined, SOON.timeout);
    for (const seed of linked) await linkEntraApp(seed.id, seed.name);

    await expect.poll(() => expiringButton().isEnabled(), SOON).toBe(true);
    expect(await expiringButton().textContent()).toMatch(
      /^Rotate tokens expiring within 30 days \(\d+\)$/,
    );
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('says which connections rotate across both and which are skipped and why, before starting', async () => {
    await expiringButton().click();
    const panel = page.getByRole('group', { name: `Rotate ${LINKED} tokens in Stytch and Entra?` });
    await expect.poll(() => panel.count(), SOON).toBe(1);
    const ready = panel.getByRole('list', { name: 'Connections to rotate in Stytch and Entra' });
    expect((await ready.getByRole('listitem').allTextContents()).sort()).toEqual(
      linked.map((seed) => seed.name).sort(),
    );
    expect(await panel.getByText(/^Skipped \(\d+\):/).count()).toBe(1);
    await checkpoint('01-plan');
  });

  it('rotates them one after the other, then shows each result with its measured gap', async () => {
    await page.getByRole('button', { name: `Rotate ${LINKED} tokens` }).click();
    await expect
      .poll(() => page.getByRole('progressbar', { name: 'Rotation progress' }).count(), SOON)
      .toBe(1);
    await expect.poll(() => page.getByText(/^Rotating \d of 6: /).count(), SOON).toBe(1);
    await saveScreenshot(page, 'fleet-rotation-02-in-progress');

    await expect
      .poll(
        () => page.getByText(/^Rotation finished: 6 rotated, 0 failed, \d+ skipped\.$/).count(),
        {
          timeout: 60_000,
        },
      )
      .toBe(1);
    const results = page.getByRole('table', { name: 'Each connection’s result' });
    const rotated = results.locator('tr[data-result="rotated"]');
    expect(await rotated.count()).toBe(LINKED);
    for (const gap of await rotated.locator('td:nth-of-type(2)').allTextContents())
      expect(gap).toMatch(/^\d+\.\d seconds$/);
    // Each new token is what Entra holds, and the one this computer keeps.
    const stored = await host.storedSecrets();
    for (const seed of linked) {
      const connectionId = sandbox.state.getConnection(seed.id)?.connection_id;
      const entraApp = sandbox.microsoft.graph.state.apps.find(
        (candidate) => candidate.displayName === `${seed.name} SCIM`,
      );
      const held = entraApp?.secrets.find((setting) => setting.key === 'SecretToken')?.value;
      expect(held).toBeDefined();
      expect(held).toBe(stored.get(`scim-token:${connectionId ?? ''}`));
    }
    await results.scrollIntoViewIfNeeded();
    await checkpoint('03-finished-with-gaps');
  }, 90_000);

  it('left no token in IPC answers, events, logs or settings', async () => {
    const all = await secrets();
    expect(all.length).toBeGreaterThanOrEqual(LINKED);
    const traffic = host.ipcTraffic.join('\n');
    expect(traffic).toContain('rotation:progress');
    const logs = JSON.stringify(host.logs);
    const settings = await readFile(join(host.userDataDir, 'settings.json'), 'utf8');
    for (const secret of all) {
      expect(traffic).not.toContain(secret);
      expect(logs).not.toContain(secret);
      expect(settings).not.toContain(secret);
    }
  });
});
