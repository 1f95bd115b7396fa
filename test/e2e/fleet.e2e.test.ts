import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import type { AppHost } from '../bridge/app-host';
import { recordStep, scanForBlockingViolations } from './accessibility';
import { E2E_OUTPUT_DIR, saveScreenshot } from './browser';
import { largeSeed } from '../../main/sandbox/large-seed';
import { openAppForFile, type OpenApp } from './sandbox-page';
import { signInAtSandbox } from './sandbox-secrets';

/**
 * The connections overview against the large sandbox ("Try it with a large project": about
 * 2,000 organizations in every state, main/sandbox/large-seed.ts), read by main's own fleet
 * service over the Stytch stand-in: the list, the "Needs attention" filter, a health check in
 * progress and finished, one connection's page, and the saved report opened in the browser.
 */
let app: OpenApp;
let host: AppHost;
let page: Page;
const pageErrors: string[] = [];

openAppForFile(pageErrors, (opened) => {
  app = opened;
  ({ host, page } = opened);
});

const grid = () => page.getByRole('grid', { name: 'SCIM connections' });
const count = () => page.locator('.fleet-count').textContent();
/** "Showing 312 of 1,900 connections" as [312, 1900]. */
async function shownOfTotal(): Promise<[number, number]> {
  const match = /Showing ([\d,]+) of ([\d,]+)/.exec((await count()) ?? '');
  const toNumber = (text: string | undefined) => Number((text ?? '').replaceAll(',', ''));
  return [toNumber(match?.[1]), toNumber(match?.[2])];
}

/**
 * The overview's cells (and header cells) whose words do not fit: wider or taller than their box,
 * so cut short or hidden. Only the drawn rows (those in view); `column`: only that column's cells.
 */
function clippedCells(column?: number): Promise<string[]> {
  return page.evaluate((only) => {
    const cell = only === undefined ? '' : `[aria-colindex="${String(only)}"]`;
    const cells = document.querySelectorAll<HTMLElement>(
      [
        `[role="grid"] [role="columnheader"]${cell}`,
        `[role="grid"] [role="gridcell"]${cell}`,
        `[role="grid"] [role="gridcell"]${cell} *`,
      ].join(', '),
    );
    return [...cells]
      .filter(
        (element) =>
          element.scrollWidth > element.clientWidth + 1 ||
          element.scrollHeight > element.clientHeight + 1,
      )
      .map((element) => element.textContent);
  }, column);
}

/**
 * The header cells not standing over their column: each header cell's left edge and width
 * against the first drawn row's cell of the same column (to the pixel), as "3: header 120+80,
 * cell 130+80". Empty when the header and the rows line up, scrolled sideways or not.
 */
function misalignedHeaders(): Promise<string[]> {
  return page.evaluate(() => {
    const gridElement = document.querySelector('[role="grid"]');
    const row = gridElement?.querySelector('.vgrid-viewport [role="row"]');
    const headers = gridElement?.querySelectorAll<HTMLElement>('[role="columnheader"]') ?? [];
    if (!row || headers.length === 0) return ['no header or no row'];
    return [...headers].flatMap((header) => {
      const column = header.getAttribute('aria-colindex') ?? '';
      const cell = row.querySelector(`[aria-colindex="${column}"]`);
      const [a, b] = [header.getBoundingClientRect(), cell?.getBoundingClientRect()];
      const over =
        b !== undefined && Math.abs(a.left - b.left) < 1 && Math.abs(a.width - b.width) < 1;
      const box = (r: DOMRect | undefined) => (r ? `${String(r.left)}+${String(r.width)}` : 'none');
      return over ? [] : [`${column}: header ${box(a)}, cell ${box(b)}`];
    });
  });
}

/** Whether the page itself scrolls sideways (wider than the window). */
function pageScrollsSideways(): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

/**
 * The overview's controls and words outside the grid that reach past the window's right edge
 * (cut off, as the page does not scroll sideways), by their text.
 */
function outOfWindow(): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.fleet :is(h2, h3, button, input, label, p, span)')]
      .filter(
        (element) =>
          element.closest('[role="grid"]') === null &&
          element.getBoundingClientRect().right > document.documentElement.clientWidth,
      )
      .map((element) => element.textContent || element.getAttribute('aria-label') || ''),
  );
}

/** Whether an element is whole in the window as it opens, with nothing scrolled. */
async function inFirstView(locator: ReturnType<Page['locator']>): Promise<boolean> {
  const box = await locator.boundingBox();
  const { height, scrolled } = await page.evaluate(() => ({
    height: window.innerHeight,
    scrolled: window.scrollY,
  }));
  return box !== null && scrolled === 0 && box.y >= 0 && box.y + box.height <= height;
}

/**
 * Room to spare in a header cell of the overview: its width less its sort button's (the words and
 * the sort mark), in pixels.
 */
function headerRoom(name: string): Promise<number> {
  return grid()
    .getByRole('columnheader', { name })
    .evaluate(
      (header) =>
        header.getBoundingClientRect().width -
        (header.querySelector('button')?.getBoundingClientRect().width ?? Infinity),
    );
}

/** How many of the overview's rows are whole in the window, with nothing scrolled. */
function rowsInFirstView(): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll('[role="grid"] .vgrid-viewport [role="row"]')].filter((row) => {
        const box = row.getBoundingClientRect();
        return window.scrollY === 0 && box.top >= 0 && box.bottom <= window.innerHeight;
      }).length,
  );
}

/**
 * The app header's items (title, sandbox label, each item of the context bar) whose words do not
 * fit: cut short, hidden, or reaching past the window's right edge.
 */
function cutHeaderItems(): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '.app-header :is(h1, .sandbox-banner, .context-item)',
      ),
    ]
      .filter(
        (element) =>
          element.scrollWidth > element.clientWidth + 1 ||
          element.getBoundingClientRect().right > document.documentElement.clientWidth,
      )
      .map((element) => element.textContent),
  );
}

/** The count in "Needs attention (123)". */
async function attentionCount(): Promise<number> {
  const label = (await page.getByText(/^Needs attention \(/).textContent()) ?? '';
  return Number(/\(([\d,]+)\)/.exec(label)?.[1]?.replaceAll(',', '') ?? 'NaN');
}

describe('the connections overview, in Chromium against the large sandbox', () => {
  it('lists every connection of the large project once main has read them from Stytch', async () => {
    await page.getByRole('button', { name: 'Try it with a large project' }).click();
    // Seeding 2,000 organizations takes the sandbox a while.
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: 'SCIM connections' }).count(), {
        timeout: 60_000,
      })
      .toBe(1);
    // Stytch's search lists the organizations long before each connection is read: they are
    // shown at once, each saying its connection is being read, with how far the reading got.
    await expect
      .poll(() => grid().getByText('Reading connection…').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/^Read [\d,]+ of [\d,]+ organizations/).count()).toBe(1);
    await recordStep(page, 'fleet-00-first-reading-in-progress');
    // Main reads Stytch within its documented limits; the rows fill in as it goes.
    await expect
      .poll(async () => (await shownOfTotal())[1], { timeout: 100_000, interval: 1_000 })
      .toBeGreaterThan(1_500);
    await expect
      .poll(() => page.getByText(/^Read [\d,]+ of [\d,]+ organizations/).count(), {
        timeout: 100_000,
      })
      .toBe(0);
    expect(await grid().getByText('Reading connection…').count()).toBe(0);
    const rows = await grid().getByRole('row').count();
    // Virtualized: the header and the rows in view, not 1,900 of them.
    expect(rows).toBeLessThan(40);
    expect(Number(await grid().getAttribute('aria-rowcount'))).toBeGreaterThan(1_500);
    // A working screen at 1100×780: the search and the first rows show without scrolling, and
    // every state is said whole (no cell cut short with "…").
    expect(await inFirstView(page.getByRole('searchbox', { name: 'Search organizations' }))).toBe(
      true,
    );
    expect(await inFirstView(grid().locator('[aria-rowindex="4"]'))).toBe(true);
    expect(await clippedCells()).toEqual([]);
    expect(await grid().getByText('Microsoft Entra ID', { exact: true }).count()).toBeGreaterThan(
      0,
    );
    await recordStep(page, 'fleet-01-overview-large-project');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'fleet-01-overview-large-project-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(pageErrors).toEqual([]);
  }, 220_000);

  it('keeps a working screen in a window narrowed to 800 and to 760 px, the columns scrolling sideways in the grid', async () => {
    const viewport = grid().locator('.vgrid-viewport');
    for (const width of [800, 760]) {
      await page.setViewportSize({ width, height: 700 });
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await pageScrollsSideways(), `page wider than ${String(width)} px`).toBe(false);
      expect(await inFirstView(page.getByRole('searchbox', { name: 'Search organizations' }))).toBe(
        true,
      );
      // The toolbar wraps to more lines than at 1100 px: the first row still shows whole.
      expect(await inFirstView(grid().locator('[aria-rowindex="2"]'))).toBe(true);
      expect(await outOfWindow()).toEqual([]);
      // The columns keep their widths: more than the frame shows, so the rows scroll sideways.
      expect(await viewport.evaluate((rows) => rows.scrollWidth > rows.clientWidth)).toBe(true);
      expect(await misalignedHeaders()).toEqual([]);
      expect(await clippedCells()).toEqual([]);
      await recordStep(page, `fleet-01b-overview-${String(width)}px`);
      // Scrolled to the last column, the header follows the rows.
      await viewport.evaluate((rows) => {
        rows.scrollLeft = rows.scrollWidth;
      });
      await expect.poll(misalignedHeaders).toEqual([]);
      expect(await pageScrollsSideways()).toBe(false);
      expect(await inFirstView(grid().getByRole('columnheader', { name: /Entra job/ }))).toBe(true);
      await saveScreenshot(page, `fleet-01c-overview-${String(width)}px-scrolled`);
      await viewport.evaluate((rows) => {
        rows.scrollLeft = 0;
      });
      await expect.poll(misalignedHeaders).toEqual([]);
      // Focus reaching a header's sort button off to the right brings it in view, the rows along.
      await page.getByRole('searchbox', { name: 'Search organizations' }).focus();
      await grid().getByRole('button', { name: 'Entra job' }).focus();
      await expect.poll(() => viewport.evaluate((rows) => rows.scrollLeft)).toBeGreaterThan(0);
      await expect.poll(misalignedHeaders).toEqual([]);
      await viewport.evaluate((rows) => {
        rows.scrollLeft = 0;
      });
    }
    // Back at 1100 px the columns fit the frame again: nothing scrolls sideways.
    await page.setViewportSize({ width: 1100, height: 780 });
    await expect
      .poll(() => viewport.evaluate((rows) => rows.scrollWidth > rows.clientWidth))
      .toBe(false);
    expect(await misalignedHeaders()).toEqual([]);
    // "Status" and "Rotation" with their sort marks have room at their columns' least width, not
    // a pixel or so that a slightly wider font takes.
    for (const header of ['Status', 'Rotation'])
      expect(await headerRoom(header)).toBeGreaterThanOrEqual(4);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('keeps the app header to a few lines in a 760×700 window, so the overview shows three whole rows under it', async () => {
    const header = page.locator('.app-header');
    const tagline = header.getByText('Connect Microsoft Entra ID provisioning', { exact: false });
    await page.setViewportSize({ width: 760, height: 700 });
    await page.evaluate(() => window.scrollTo(0, 0));
    // The tagline (it repeats the title) makes way; the title stays, on the first line.
    expect(await tagline.isVisible()).toBe(false);
    expect(
      await inFirstView(page.getByRole('heading', { level: 1, name: 'SCIM Setup Assistant' })),
    ).toBe(true);
    expect(await cutHeaderItems()).toEqual([]);
    expect(await pageScrollsSideways()).toBe(false);
    // 178 px before: the title, the tagline, the sandbox label and each item on a line of its own.
    expect((await header.boundingBox())?.height).toBeLessThan(100);
    // One whole row before.
    await expect.poll(rowsInFirstView).toBeGreaterThanOrEqual(3);
    await recordStep(page, 'fleet-01d-overview-760x700-compact-header');
    // A large window keeps the header as it was, tagline included.
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await tagline.isVisible()).toBe(true);
    expect(await cutHeaderItems()).toEqual([]);
    await page.setViewportSize({ width: 1100, height: 780 });
    expect(pageErrors).toEqual([]);
  });

  it('filters to the connections that need attention, worst first', async () => {
    const [, total] = await shownOfTotal();
    await page.getByRole('checkbox', { name: /^Needs attention/ }).check();
    const [shown] = await shownOfTotal();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    // Opens sorted by token expiry: the expired ones first, said in words.
    await expect
      .poll(() =>
        grid()
          .getByText(/^Expired \d+ days? ago$/)
          .count(),
      )
      .toBeGreaterThan(0);
    await recordStep(page, 'fleet-02-needs-attention');
    await page.getByRole('checkbox', { name: /^Needs attention/ }).uncheck();
    expect(pageErrors).toEqual([]);
  });

  it('shows a health check of every connection in progress, with count and time left, and cancels it', async () => {
    await page.getByRole('button', { name: 'Check all', exact: true }).click();
    await expect
      .poll(() => page.getByRole('progressbar', { name: 'Health check progress' }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await expect.poll(() => page.getByText(/ checked · /).count(), { timeout: 20_000 }).toBe(1);
    // The picture first and Cancel at once: the whole check takes the sandbox under a minute.
    await saveScreenshot(page, 'fleet-03-sweep-in-progress');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect
      .poll(() => page.getByText(/^Check cancelled after/).count(), { timeout: 20_000 })
      .toBe(1);
    await recordStep(page, 'fleet-03b-sweep-cancelled');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('checks the selected connections to the end, the results landing in their rows', async () => {
    await page.getByRole('searchbox', { name: 'Search organizations' }).fill('Northwind');
    const firstRow = grid().locator('[aria-rowindex="2"]');
    await firstRow.focus();
    await page.keyboard.press(' ');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(' ');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(' ');
    await page.getByRole('button', { name: 'Check selected (3)' }).click();
    await expect
      .poll(() => page.getByText(/^Checked 3 connections at /).count(), { timeout: 60_000 })
      .toBe(1);
    await expect.poll(() => page.getByRole('progressbar').count()).toBe(0);
    await recordStep(page, 'fleet-04-sweep-finished');
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('opens one connection’s page: details, health, token, members, group roles, Entra job, danger zone', async () => {
    const name = (await grid().locator('[aria-rowindex="2"] .cell-open').textContent()) ?? '';
    // Entra sent this connection two groups (written to its SCIM endpoint, as a cycle would).
    const organizationId = largeSeed().find(
      (seed) => seed.organization_name === name,
    )?.organization_id;
    const sandbox = await host.services.sandbox.ensureStarted();
    const connectionId = sandbox.state.getConnection(organizationId ?? '')?.connection_id ?? '';
    const store = sandbox.scim.storeOf(connectionId);
    expect(store).toBeDefined();
    for (const displayName of ['Engineering', 'Sales and Marketing'])
      store?.write('Group', undefined, { displayName, members: [] });
    await grid().locator('[aria-rowindex="2"] .cell-open').click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name }).count(), { timeout: 20_000 })
      .toBe(1);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Details' }).count(), { timeout: 20_000 })
      .toBe(1);
    for (const section of ['Health', 'Token', 'Members in Stytch', 'Danger zone'])
      expect(await page.getByRole('heading', { name: section, exact: true }).count()).toBe(1);
    await recordStep(page, 'fleet-05-connection-page');

    const roles = page.getByRole('region', { name: 'Groups and their roles' });
    await expect
      .poll(() => roles.getByText(/^No group mapped yet/).count(), { timeout: 20_000 })
      .toBe(1);
    await roles.scrollIntoViewIfNeeded();
    await roles.screenshot({ path: join(E2E_OUTPUT_DIR, 'fleet-05b-group-roles.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await roles.screenshot({ path: join(E2E_OUTPUT_DIR, 'fleet-05b-group-roles-dark.png') });
    expect(await scanForBlockingViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await roles
      .getByRole('combobox', { name: 'Stytch role for Engineering' })
      .selectOption('billing-viewer');
    await roles.getByRole('button', { name: 'Save roles in Stytch' }).click();
    await expect
      .poll(() => roles.getByText('Saved in Stytch: 1 group changed.').count(), { timeout: 20_000 })
      .toBe(1);
    expect(await roles.getByText('1 of 2 groups give their members a Stytch role.').count()).toBe(
      1,
    );
    expect(
      sandbox.state.getConnection(organizationId ?? '')?.scim_group_implicit_role_assignments,
    ).toEqual([expect.objectContaining({ group_name: 'Engineering', role_id: 'billing-viewer' })]);
    await roles.screenshot({ path: join(E2E_OUTPUT_DIR, 'fleet-05c-group-roles-saved.png') });
    expect(await scanForBlockingViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '← All connections' }).click();
    await expect.poll(() => grid().count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('saves the printable report through main, which opens in the browser without a secret', async () => {
    await page.getByRole('button', { name: 'Save as a printable page…' }).click();
    await expect
      .poll(() => page.getByText(/^Saved as .*\.html\./).count(), { timeout: 30_000 })
      .toBe(1);
    const [file] = await readdir(host.savedReportsDir);
    expect(file).toMatch(/\.html$/);
    const html = await readFile(join(host.savedReportsDir, file ?? ''), 'utf8');
    for (const secret of (await host.storedSecrets()).values()) expect(html).not.toContain(secret);
    const report = await app.browser.context.newPage();
    await report.setContent(html);
    // Its first screen (the whole page holds every connection, too tall for one picture).
    await report.screenshot({ path: join(E2E_OUTPUT_DIR, 'fleet-06-saved-report.png') });
    // Every axe rule over the whole report but colour contrast, which is two thirds of a scan of
    // about 2,000 rows (45 of 63 s here). Contrast depends only on the report's styles, the same
    // for every row of a kind (plain, needs attention): it runs on the first 200 rows, which hold
    // both kinds, once the others are gone.
    expect(await scanForBlockingViolations(report, { skip: ['color-contrast'] })).toEqual([]);
    await report.evaluate(() => {
      for (const row of document.querySelectorAll('tbody tr:nth-child(n+201)')) row.remove();
    });
    expect(await report.locator('tbody tr.attention').count()).toBeGreaterThan(0);
    expect(await report.locator('tbody tr:not(.attention)').count()).toBeGreaterThan(0);
    expect(await scanForBlockingViolations(report, { only: ['color-contrast'] })).toEqual([]);
    await report.close();
    expect(pageErrors).toEqual([]);
    // axe over a page of about 2,000 rows takes a while on a busy machine.
  }, 240_000);

  it('shows the Entra jobs of the sandbox tenant once signed in to it: Active, Paused, in quarantine with the reason', async () => {
    const attentionBefore = await attentionCount();
    // Sign in where Entra's steps are, then back to the overview: main reads the Entra jobs
    // again on its own after the sign-in, and only them (the last full reading stays as it was).
    await page.getByRole('button', { name: 'Set up a new connection' }).click();
    await app.wizard.chooseOrganization('Acme', 'Acme Corporation');
    await app.wizard.next('Create the enterprise app in Entra');
    await page
      .getByRole('radio', { name: 'Do the Entra steps for me (sign in to Microsoft)' })
      .check();
    await signInAtSandbox(app, /Adele Vance/, undefined, 30_000);
    await page.getByRole('button', { name: '← All connections' }).click();
    await expect.poll(() => grid().count()).toBe(1);
    const lastRead = () => page.getByText(/^Last read in full at/).textContent();
    const before = await lastRead();
    // The first hundred organizations (ids "…large000nn…"), known Entra states first.
    await page.getByRole('searchbox', { name: 'Search organizations' }).fill('large000');
    await grid().getByRole('button', { name: 'Entra job' }).click();
    for (const text of ['Active', 'Paused', 'Credentials refused', 'Over 40% failed'])
      await expect
        .poll(() => grid().getByText(text, { exact: true }).count(), { timeout: 60_000 })
        .toBeGreaterThan(0);
    expect(await lastRead()).toBe(before);
    // Reading in full says what it reads: Stytch, and the Entra jobs.
    await expect
      .poll(() => page.getByRole('button', { name: 'Read again', exact: true }).count())
      .toBe(1);
    // The Entra job's words whole, a quarantine's reason included.
    expect(await clippedCells(8)).toEqual([]);
    await recordStep(page, 'fleet-07-entra-jobs');
    // An app in another tenant: the row names where to sign in.
    await page.getByRole('searchbox', { name: 'Search organizations' }).fill('large0004100');
    await expect
      .poll(() => grid().getByText('Sign in to Fabrikam to see', { exact: true }).count())
      .toBe(1);
    // The quarantined organizations are healthy but for their Entra job: "Needs attention"
    // now holds them too, worst Entra state first.
    await page.getByRole('searchbox', { name: 'Search organizations' }).fill('');
    // Polled: the rows arrive in pieces, then main's whole list once the reading ends.
    await expect.poll(attentionCount).toBe(attentionBefore + 40);
    await page.getByRole('checkbox', { name: /^Needs attention/ }).check();
    await grid().getByRole('button', { name: 'Entra job' }).click();
    expect(
      await grid()
        .getByRole('columnheader', { name: /Entra job/ })
        .getAttribute('aria-sort'),
    ).toBe('descending');
    const rowsInView = (await grid().getByRole('row').count()) - 1;
    expect(await grid().getByText('In quarantine', { exact: true }).count()).toBe(rowsInView);
    await recordStep(page, 'fleet-08-needs-attention-entra-quarantine');
    await page.getByRole('checkbox', { name: /^Needs attention/ }).uncheck();
    await page.getByRole('searchbox', { name: 'Search organizations' }).fill('');
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('keeps the header compact at 760×700 with the whole context bar: project, organization and Microsoft account', async () => {
    // Opened again, as the admin finds it (main keeps the sign-in and the organization).
    await page.setViewportSize({ width: 760, height: 700 });
    await page.reload();
    // It opens where the admin left it: the Entra step of the organization chosen last.
    await page.getByRole('button', { name: '← All connections' }).click();
    await expect.poll(() => grid().count(), { timeout: 30_000 }).toBe(1);
    const bar = page.getByRole('region', { name: 'Where you are' });
    for (const term of ['Stytch project:', 'Organization:', 'Microsoft:'])
      await expect.poll(() => bar.getByText(term, { exact: true }).count()).toBe(1);
    // By name, as kept with the choice: not its ID, as before a restart forgot the name.
    expect(await bar.getByText('Acme Corporation', { exact: true }).count()).toBe(1);
    expect(await cutHeaderItems()).toEqual([]);
    expect(await pageScrollsSideways()).toBe(false);
    // 203 px before.
    expect((await page.locator('.app-header').boundingBox())?.height).toBeLessThan(120);
    // Under the last check's result and the Microsoft account's note: none whole before.
    await expect.poll(rowsInFirstView).toBeGreaterThanOrEqual(2);
    await recordStep(page, 'fleet-09-overview-760x700-whole-context-bar');
    await page.setViewportSize({ width: 1100, height: 780 });
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
