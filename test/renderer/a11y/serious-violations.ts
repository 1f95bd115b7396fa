import axe from 'axe-core';

/** Serious and critical axe findings on the whole document, as "rule: target" lines. */
export async function seriousViolations(): Promise<string[]> {
  // jsdom's blank document has neither; renderer/index.html sets both.
  document.documentElement.lang = 'en';
  document.title = 'SCIM Setup Assistant';
  const results = await axe.run(document.documentElement, { resultTypes: ['violations'] });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
