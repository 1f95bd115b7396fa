import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { validateWorkflow } from '@action-validator/core';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const WORKFLOW = resolve(ROOT, '.github/workflows/ci.yml');

function errorsOf(source: string): string[] {
  return validateWorkflow(source).errors.map((error) => `${error.code}: ${error.title}`);
}

interface Workflow {
  jobs: Record<
    string,
    {
      'runs-on': string;
      strategy?: { matrix?: { os?: string[] } };
      steps: Array<{ run?: string; uses?: string }>;
    }
  >;
}

describe('.github/workflows/ci.yml (runs where Electron can be downloaded, not here)', () => {
  it('is valid against the published GitHub workflow schema (SchemaStore, via action-validator)', () => {
    expect(errorsOf(readFileSync(WORKFLOW, 'utf8'))).toEqual([]);
  });

  it('would be rejected by the same check with a mistake in it (the check can fail)', () => {
    const broken = readFileSync(WORKFLOW, 'utf8').replace('runs-on:', 'run-on:');
    expect(errorsOf(broken).length).toBeGreaterThan(0);
  });

  it('runs npm test, a real Electron start and packaging on Linux, macOS and Windows', () => {
    const workflow = load(readFileSync(WORKFLOW, 'utf8')) as Workflow;
    const [job] = Object.values(workflow.jobs);
    expect(job?.strategy?.matrix?.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    const commands = (job?.steps ?? []).map((step) => step.run ?? '').join('\n');
    expect(commands).toContain('npm test');
    expect(commands).toContain('npx tsx scripts/electron-smoke.ts');
    expect(commands).toContain('npx electron-builder --publish never');
  });

  it("uses the README's commands and package.json scripts, not hand-written paths into node_modules", () => {
    const workflow = load(readFileSync(WORKFLOW, 'utf8')) as Workflow;
    const commands = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .map((step) => step.run ?? '')
      .join('\n');
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    const scripts = (
      JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(commands).not.toMatch(/node_modules[\\/]/);
    expect(commands).toMatch(/^npm ci\b/m);
    expect(readme).toContain('`npm ci`');
    const npmRuns = [...commands.matchAll(/\bnpm run ([\w:-]+)/g)].map((match) => match[1] ?? '');
    expect(npmRuns).toContain('electron:download');
    for (const script of npmRuns) {
      expect(Object.keys(scripts)).toContain(script);
      expect(readme).toContain(`npm run ${script}`);
    }
  });
});
