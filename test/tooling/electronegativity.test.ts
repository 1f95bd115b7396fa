import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

/**
 * Findings Electronegativity always raises for manual review, each reviewed once here. Any
 * other HIGH or MEDIUM finding fails the gate.
 */
const REVIEWED_FINDINGS: ReadonlyArray<{ check: string; file: string; why: string }> = [
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'windows/main-window.ts',
    why: 'The preload exposes exactly invoke/on with a channel allow-list (test/tooling/preload-bundle.test.ts).',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'index.ts',
    why: 'shell.openExternal is only reached through openExternalSafely: https, an allow-list of hosts and paths, and only the parsed address is opened (test/main/security/open-external.test.ts).',
  },
];

interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
}

/** Parses Electronegativity's CSV (quoted fields may hold commas and quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field.trim());
      field = '';
    } else if (char === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field.trim()]);
  return rows;
}

/**
 * Scans, retrying a run that missed a check every run of this input reports. Under npm test's
 * load a run has come back without findings it reports every other time (seen three times; cause
 * not found; the tool exits 0 either way and spends ~10 s failing to reach the network). A run
 * that under-reports must never read as a clean one, so it is repeated, and after three such runs
 * the test fails.
 */
async function scan(input: string, alwaysFound: readonly string[]): Promise<Finding[]> {
  let findings: Finding[] = [];
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    findings = await scanOnce(input);
    const checks = new Set(findings.map((finding) => finding.check));
    if (alwaysFound.every((check) => checks.has(check))) return findings;
  }
  throw new Error(
    `Electronegativity missed ${alwaysFound.join(', ')} for ${input} in 3 runs: ${JSON.stringify(findings)}`,
  );
}

async function scanOnce(input: string): Promise<Finding[]> {
  const dir = await mkdtemp(join(tmpdir(), 'electronegativity-'));
  try {
    const output = join(dir, 'findings.csv');
    // It always exits 0, so the verdict comes from the CSV, never from the exit code.
    await run(
      process.execPath,
      [
        require.resolve('@doyensec/electronegativity/dist/index.js'),
        '-i',
        input,
        '-o',
        output,
        '-r',
        '-e',
        '45.5.0',
      ],
      { cwd: ROOT, timeout: 60_000 },
    );
    const [, ...rows] = parseCsv(await readFile(output, 'utf8').catch(() => ''));
    return rows
      .filter((row) => row.length >= 5)
      .map(([check = '', severity = '', , file = '', location = '']) => ({
        check,
        severity,
        file,
        location,
      }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function unreviewedSerious(findings: Finding[]): Finding[] {
  return findings.filter(
    (finding) =>
      (finding.severity === 'HIGH' || finding.severity === 'MEDIUM') &&
      !REVIEWED_FINDINGS.some(
        (reviewed) => reviewed.check === finding.check && reviewed.file === finding.file,
      ),
  );
}

/** What the insecure fixture (contextIsolation off, no sandbox, no navigation limits) must raise. */
const INSECURE_WINDOW_CHECKS = [
  'CONTEXT_ISOLATION_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'LIMIT_NAVIGATION_GLOBAL_CHECK',
] as const;

describe('Electronegativity gate', () => {
  it('finds no unreviewed HIGH or MEDIUM issue in main/ and the renderer page', async () => {
    // One scan over both, so its global checks (navigation limits, permission handler, CSP)
    // see main's handlers and the page's CSP together, as they are in the app.
    const app = await mkdtemp(join(tmpdir(), 'electronegativity-app-'));
    try {
      await cp(join(ROOT, 'main'), join(app, 'main'), { recursive: true });
      await cp(join(ROOT, 'renderer/index.html'), join(app, 'renderer/index.html'));
      const findings = await scan(app, ['PRELOAD_JS_CHECK']);
      expect(findings.map((finding) => finding.check)).toContain('PRELOAD_JS_CHECK');
      expect(
        unreviewedSerious(findings.map((f) => ({ ...f, file: f.file.replace(/^main\//, '') }))),
      ).toEqual([]);
    } finally {
      await rm(app, { recursive: true, force: true });
    }
  }, 90_000);

  it('fails on an insecure window (the gate can fail)', async () => {
    const findings = unreviewedSerious(
      await scan(join(ROOT, 'test/tooling/fixtures/insecure-electron'), INSECURE_WINDOW_CHECKS),
    );
    expect(findings.map((finding) => finding.check)).toEqual(
      expect.arrayContaining([...INSECURE_WINDOW_CHECKS]),
    );
  }, 90_000);
});
