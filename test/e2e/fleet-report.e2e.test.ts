import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { reportHtml } from '../../main/fleet/fleet-report';
import { idleSweep } from '../../shared/fleet/fleet';
import { fleetRow } from '../support/fleet-row';
import { launchTestBrowser, saveScreenshot, type TestBrowser } from './browser';

/**
 * The saved HTML report as Chromium prints it. An A4 sheet in landscape, less the page's 10 mm
 * margins, is 277 mm wide: 1047 CSS pixels at 96 to the inch.
 */
const PRINTED_WIDTH_PX = Math.floor((277 / 25.4) * 96);

let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchTestBrowser('http://127.0.0.1');
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser.close();
});

/** A connection as Stytch names them in a live project: ids with a UUID each. */
function liveRow(n: number) {
  const uuid = `07971b06-ac8b-4cdb-9c15-63b17e6539${String(n).padStart(2, '0')}`;
  return fleetRow(n, {
    organizationId: `organization-live-${uuid}`,
    organizationName: `Northwind Traders, subsidiary number ${String(n)}`,
    connectionId: `scim-connection-live-${uuid}`,
    lastHealth: {
      verdict: 'failed',
      at: '2026-12-07T10:00:00Z',
      failingCheck: 'Test Connection (as Entra sends it)',
      nextAction:
        'Check the Tenant URL and the Secret Token in the Entra admin center, then run Test Connection again.',
    },
    entraJob: { state: 'Quarantine', quarantineReason: 'EncounteredQuarantineException' },
    entraLink: { tenant: 'northwindtraders.onmicrosoft.com', jobRead: 'read' },
  });
}

describe('the saved HTML report, printed', () => {
  it('fits the width of a landscape page, long ids and all', async () => {
    const html = reportHtml([1, 2, 3].map(liveRow), {
      projectId: 'project-live-2f1c7a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b',
      generatedAt: new Date('2026-12-08T04:17:05Z'),
      sweep: idleSweep(),
      timeZone: 'UTC',
    });
    await page.setViewportSize({ width: PRINTED_WIDTH_PX, height: 740 });
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html);
    await saveScreenshot(page, 'fleet-report-printed');
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      table: document.querySelector('table')?.getBoundingClientRect().width ?? Infinity,
    }));
    expect(widths.page).toBeLessThanOrEqual(PRINTED_WIDTH_PX);
    expect(widths.table).toBeLessThanOrEqual(PRINTED_WIDTH_PX);
  });
});
