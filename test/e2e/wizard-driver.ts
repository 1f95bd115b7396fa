import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The moves an end-to-end test makes through the wizard, on one page. */
export interface WizardDriver {
  heading: () => Locator;
  button: (name: string | RegExp) => Locator;
  /** The row of the member with `email` in step 7's Members in Stytch (none while absent). */
  memberRow: (email: string) => Locator;
  /** Selects Next and waits for the step titled `expectedTitle`. */
  next: (expectedTitle: string) => Promise<void>;
  /** Ticks every checkbox inside `container` that a person may tick (the watch ticks its own). */
  tickAll: (container: Locator) => Promise<void>;
  /** Searches for `query` and picks the organization called `name`. */
  chooseOrganization: (query: string, name: string) => Promise<void>;
  /** From a newly chosen organization, ticks the two Entra steps and reaches the connection step. */
  throughEntraSteps: () => Promise<void>;
  /**
   * From the connection step of an organization without one: creates the connection, confirms
   * both values pasted into Entra and reaches "Provision users".
   */
  createConnectionAndReachProvisioning: () => Promise<void>;
  /**
   * From step 3 with the assistant chosen and signed in to Microsoft: the assistant creates the
   * app and the job through Graph, then the SCIM connection; ends on "Paste the credentials into
   * Entra". `timeout` bounds each wait for the assistant's answer.
   */
  assistantThroughConnection: (timeout: number) => Promise<void>;
  /** From the first screen: starts the sandbox and, for Acme, reaches "Provision users". */
  sandboxToProvisioning: () => Promise<void>;
  /** From the first screen: the sandbox, Acme, then step 3 with the assistant chosen. */
  sandboxToAssistant: () => Promise<void>;
}

/** A driver for the wizard on `page`. */
export function wizardDriver(page: Page): WizardDriver {
  const heading = () => page.getByRole('heading', { level: 2 });
  const button = (name: string | RegExp) => page.getByRole('button', { name, exact: true });
  const sandboxAcme = async () => {
    await expect.poll(() => heading().textContent()).toBe('Connect to Stytch');
    await button('Try it with a local sandbox').click();
    await expect.poll(() => heading().textContent()).toBe('Choose the organization');
    await driver.chooseOrganization('Acme', 'Acme Corporation');
  };
  /** Creates the SCIM connection on its step and moves on to pasting its values into Entra. */
  const createConnection = async (timeout?: number) => {
    await button('Create SCIM connection').click();
    await expect
      .poll(() => page.getByText(/Its token is saved in your system keychain/).count(), {
        timeout,
      })
      .toBe(1);
    await driver.next('Paste the credentials into Entra');
  };
  const driver: WizardDriver = {
    heading,
    button,
    memberRow: (email) =>
      page
        .getByRole('region', { name: 'Members in Stytch' })
        .getByRole('row')
        .filter({ hasText: email }),
    next: async (expectedTitle) => {
      await button('Next').click();
      await expect.poll(() => heading().textContent()).toBe(expectedTitle);
    },
    tickAll: async (container) => {
      const boxes = container.getByRole('checkbox');
      for (const box of await boxes.all()) if (await box.isEnabled()) await box.check();
    },
    chooseOrganization: async (query, name) => {
      await page.getByRole('searchbox', { name: 'Search organizations' }).fill(query);
      await page
        .getByRole('listbox', { name: 'Organizations' })
        .getByRole('option', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) })
        .click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Selected:' }).textContent())
        .toBe(`Selected: ${name}`);
    },
    throughEntraSteps: async () => {
      await driver.next('Create the enterprise app in Entra');
      await driver.tickAll(page.getByRole('group', { name: 'Checklist' }));
      await driver.next('Turn on automatic provisioning');
      await driver.tickAll(page.getByRole('group', { name: 'Checklist' }));
      await driver.next('Create the SCIM connection');
    },
    createConnectionAndReachProvisioning: async () => {
      await createConnection();
      await page.getByRole('checkbox', { name: "I've pasted both into Entra" }).check();
      await driver.tickAll(page.getByRole('group', { name: 'Checklist' }));
      await driver.next('Provision users');
    },
    assistantThroughConnection: async (timeout) => {
      const doneByAssistant = () => page.getByText(/Done by the assistant/).count();
      await button('Create the app').click();
      await expect.poll(doneByAssistant, { timeout }).toBeGreaterThan(0);
      await driver.next('Turn on automatic provisioning');
      await button('Set up the provisioning job').click();
      await expect.poll(doneByAssistant, { timeout }).toBeGreaterThan(0);
      await driver.next('Create the SCIM connection');
      await createConnection(timeout);
    },
    sandboxToProvisioning: async () => {
      await sandboxAcme();
      await driver.throughEntraSteps();
      await driver.createConnectionAndReachProvisioning();
    },
    sandboxToAssistant: async () => {
      await sandboxAcme();
      await driver.next('Create the enterprise app in Entra');
      await page
        .getByRole('radio', { name: 'Do the Entra steps for me (sign in to Microsoft)' })
        .check();
    },
  };
  return driver;
}
