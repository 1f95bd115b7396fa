// `npm test`: everything CI checks, in order, stopping at the first failure. Ends with the test
// runner's summary and one plain "tests: N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-output', 'vitest-results.json');

function step(title, command, args) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    console.error(`\n${title} failed after ${seconds} s (exit ${run.status ?? run.signal}).`);
    process.exit(run.status ?? 1);
  }
  console.log(`--- ${title}: ok (${seconds} s)`);
}

step('Typecheck (main+shared, renderer+shared, e2e)', 'npm', ['run', '--silent', 'typecheck']);
step('Lint (ESLint + Prettier)', 'npm', ['run', '--silent', 'lint']);
step('Build (electron-vite: main, preload, renderer)', 'npm', ['run', '--silent', 'build']);

mkdirSync(dirname(results), { recursive: true });
const vitest = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}`,
];
// On Linux the keychain tests talk to a real Secret Service: a private, unlocked gnome-keyring
// in its own D-Bus session, made fresh for this run.
const wrapped =
  process.platform === 'linux'
    ? ['bash', [join(root, 'scripts/with-keyring.sh'), 'npx', ...vitest]]
    : ['npx', vitest];
console.log(
  '\n=== Tests (vitest: node, renderer, e2e; keychain, builder config, Electronegativity) ===',
);
const tests = spawnSync(wrapped[0], wrapped[1], { cwd: root, stdio: 'inherit', env: process.env });

// No results file means vitest never got as far as running tests: count that as one failure.
const summary = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : null;
const passed = summary?.numPassedTests ?? 0;
// A file that fails before its tests run (an import or setup error) fails no single test; count it.
const brokenFiles = summary
  ? summary.testResults.filter(
      (file) =>
        file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'),
    ).length
  : 0;
const failed = summary ? summary.numFailedTests + brokenFiles : 1;
const skipped = summary ? summary.numPendingTests + summary.numTodoTests : 0;
console.log(
  `\ntests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`,
);
process.exit(tests.status === 0 && failed === 0 ? 0 : 1);
