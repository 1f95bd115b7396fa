import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

import { saveScreenshot } from './browser';

const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

/** What an axe scan found that fails the gate: rule, impact and the offending elements. */
export interface BlockingViolation {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

function blocking(violations: Result[]): BlockingViolation[] {
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/** Which of axe's rules run (by axe's ids): by default all of them. */
export interface ScanScope {
  only?: string[];
  skip?: string[];
}

/**
 * Runs axe-core over the page as it stands and returns its serious and critical violations.
 * The CSP forbids injected script tags, so axe's source goes in through the DevTools protocol
 * (page.evaluate), which the page's CSP does not govern; the app's own policy stays in force.
 */
export async function scanForBlockingViolations(
  page: Page,
  scope: ScanScope = {},
): Promise<BlockingViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const options = {
    resultTypes: ['violations'],
    ...(scope.only ? { runOnly: { type: 'rule', values: scope.only } } : {}),
    ...(scope.skip
      ? { rules: Object.fromEntries(scope.skip.map((rule) => [rule, { enabled: false }])) }
      : {}),
  };
  const results = await page.evaluate(
    (options) =>
      (
        window as unknown as {
          axe: { run(context: Document, options: object): Promise<AxeResults> };
        }
      ).axe.run(document, options),
    options,
  );
  return blocking(results.violations);
}

/**
 * What every end-to-end step ends with: a screenshot under the test output (returned) and an axe
 * scan with no serious or critical violation.
 */
export async function recordStep(page: Page, name: string): Promise<string> {
  const shot = await saveScreenshot(page, name);
  expect(await scanForBlockingViolations(page), `axe on ${name}`).toEqual([]);
  return shot;
}
