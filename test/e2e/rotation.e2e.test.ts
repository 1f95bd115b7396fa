import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import type { RunningSandbox } from '../../main/sandbox/sandbox';
import { SEEDED_ORGANIZATIONS } from '../../main/sandbox/seed';
import type { AppHost } from '../bridge/app-host';
import { openAppForFile, type OpenApp } from './sandbox-page';
import {
  expectNoSecretInMainOutput,
  sandboxSecrets,
  secretFreeCheckpoint,
  signInAtSandbox,
} from './sandbox-secrets';
import type { WizardDriver } from './wizard-driver';

/**
 * Rotation in Stytch and Entra together, in the sandbox, in Chromium: the admin has set up Acme's
 * connection through Graph (signed in at the sandbox's Microsoft page, app and job created,
 * credentials saved in Entra), then rotates its token from the connection step. The sandbox's
 * Stytch refuses a pending token until Complete (Stytch's documented reading), so the assistant
 * finishes in Stytch first and saves the new token in Entra straight after: the gap is measured
 * and shown.
 */
let app: OpenApp;
let host: AppHost;
let page: Page;
let wizard: WizardDriver;
let sandbox: RunningSandbox;
const pageErrors: string[] = [];
const SOON = { timeout: 20_000 };
const ACME = SEEDED_ORGANIZATIONS.acme;
/** Tokens gone from the keychain by now (the one rotated away), still never to be shown. */
const retired: string[] = [];

openAppForFile(pageErrors, (opened) => {
  app = opened;
  ({ host, page, wizard } = opened);
});

/** Every secret this run has: SCIM tokens, the project secret, Microsoft's tokens. */
const secrets = () => sandboxSecrets(host, sandbox, retired);

/** A screenshot and an axe scan, with no page error and no secret in the page. */
async function checkpoint(name: string): Promise<void> {
  await secretFreeCheckpoint(page, `rotation-${name}`, await secrets(), pageErrors);
}

const text = (pattern: string | RegExp) => page.getByText(pattern).count();

/** What the Graph stand-in's job holds as its Secret Token. */
function entraSecretToken(): string {
  const [entraApp] = sandbox.microsoft.graph.state.apps;
  return entraApp?.secrets.find((setting) => setting.key === 'SecretToken')?.value ?? '';
}

function connectionId(): string {
  return sandbox.state.getConnection(ACME)?.connection_id ?? '';
}

describe('rotation across Stytch and Entra, sandbox, in Chromium', () => {
  it('sets up Acme through Graph: app, job, connection, credentials saved in Entra', async () => {
    await wizard.sandboxToAssistant();
    sandbox = await host.services.sandbox.ensureStarted();
    await signInAtSandbox(app, /Adele Vance/, undefined, SOON.timeout);
    await wizard.assistantThroughConnection(SOON.timeout);
    await wizard.button('Save credentials in Entra').click();
    const id = connectionId();
    await expect
      .poll(
        async () => entraSecretToken() === (await host.storedSecrets()).get(`scim-token:${id}`),
        SOON,
      )
      .toBe(true);
  });

  it('offers “Rotate in Stytch and Entra” once a rotation starts', async () => {
    // Back to the connection step as someone returning to it: the existing connection, not the
    // one just created.
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Setup steps' })
      .getByRole('button', { name: /^Create the SCIM connection/ })
      .click();
    await expect.poll(() => wizard.button('Rotate the token').count(), SOON).toBe(1);
    await wizard.button('Rotate the token').click();
    await expect.poll(() => wizard.button('Rotate in Stytch and Entra').count(), SOON).toBe(1);
    expect(await text(/Both tokens work/i)).toBe(0);
    await checkpoint('01-offered');
  });

  it('rotates in Stytch and Entra, step by step, and shows the measured gap', async () => {
    const id = connectionId();
    const oldToken = (await host.storedSecrets()).get(`scim-token:${id}`);
    const pending = (await host.storedSecrets()).get(`scim-next-token:${id}`);
    retired.push(oldToken ?? '', pending ?? '');

    await wizard.button('Rotate in Stytch and Entra').click();

    await expect
      .poll(
        () => page.getByRole('heading', { name: 'Token rotated in Stytch and Entra' }).count(),
        SOON,
      )
      .toBe(1);
    const steps = page.getByRole('list', { name: 'Rotation steps' }).getByRole('listitem');
    expect(await steps.allTextContents()).toEqual([
      'Start the rotation in Stytch: done',
      'Ask Stytch whether it accepts the new token yet: done — Stytch accepts the new token only once the rotation is finished: Stytch goes first.',
      'Finish the rotation in Stytch: done',
      expect.stringMatching(
        /^Save the new token in Entra: done — Entra held a token Stytch refused for \d+\.\d s\.$/,
      ) as unknown as string,
      'Run Entra’s Test Connection: done',
    ]);
    const gap = (await page.locator('.rotation-gap').first().textContent()) ?? '';
    expect(gap).toMatch(/^Gap: \d+\.\d seconds in which Entra held a token Stytch refused/);
    const stored = await host.storedSecrets();
    const newToken = stored.get(`scim-token:${id}`);
    expect(newToken).not.toBe(oldToken);
    expect(stored.has(`scim-next-token:${id}`)).toBe(false);
    expect(entraSecretToken()).toBe(newToken);
    await checkpoint('02-rotated-with-gap');
  });

  it('left no token in IPC answers, events (the rotation’s steps included), logs or settings', async () => {
    const all = await secrets();
    expect(all.length).toBeGreaterThanOrEqual(4);
    const { traffic, settings } = await expectNoSecretInMainOutput(host, all);
    expect(traffic).toContain('check-pending');
    expect(settings).toContain('rotationChecks');
  });
});
